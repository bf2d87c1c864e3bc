"""Industry figures the handbook quotes, each with its typical range, the year it was checked and its source.

One place for every number that is not derived: latencies, what one node of a common component
sustains, disk and network figures. Pages quote these through the ``ref`` macros, calculator
defaults and help cite them, and tests check that no page types one of them by hand.
Values are in SI base units (seconds, bytes, requests or operations per second, bytes per second).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from calculators import units

__all__ = ["FIGURES", "Figure", "FigureKind", "figure"]


class FigureKind(StrEnum):
    """What a figure measures, which decides how it prints."""

    DURATION = "duration"  # [s]
    BYTES = "bytes"  # [bytes]
    BYTE_RATE = "byte_rate"  # [bytes / s]
    RATE = "rate"  # operations per second; ``unit`` names the operation, e.g. "writes/s"
    COUNT = "count"  # a plain count; ``unit`` names it


@dataclass(frozen=True)
class Figure:
    """One quoted figure: a typical value, the range it usually falls in, and where it comes from.

    ``low`` and ``high`` bound what is commonly seen; ``value`` is the figure to say in an interview.
    """

    key: str
    label: str
    kind: FigureKind
    value: float
    low: float
    high: float
    year: int
    source: str
    unit: str = ""  # for RATE and COUNT figures, e.g. "writes/s"
    note: str = ""

    def __post_init__(self) -> None:
        if not self.low <= self.value <= self.high:
            raise ValueError(f"{self.key}: value {self.value} outside its range [{self.low}, {self.high}]")

    def format(self, amount: float | None = None) -> str:
        """``amount`` (the typical value by default) printed in this figure's unit."""
        shown = self.value if amount is None else amount
        if self.kind is FigureKind.DURATION:
            return units.format_duration(shown)
        if self.kind is FigureKind.BYTES:
            return units.format_bytes(shown)
        if self.kind is FigureKind.BYTE_RATE:
            return units.format_byte_rate(shown)
        return units.format_count(shown, self.unit)

    def range_text(self) -> str:
        """The typical range, e.g. ``2,000–20,000 writes/s``."""
        low, high = self.format(self.low), self.format(self.high)
        low_number, _, low_unit = low.partition(" ")
        high_number, _, high_unit = high.partition(" ")
        if low_unit == high_unit:
            return f"{low_number}–{high_number} {high_unit}".strip()
        return f"{low}–{high}"

    def citation(self) -> str:
        """Source and year, e.g. ``PostgreSQL pgbench reports, 2024``."""
        return f"{self.source}, {self.year}"


_FIGURES: tuple[Figure, ...] = (
    # ------------------------------------------------------------------ latency
    Figure(
        "l1_cache_reference_s",
        "L1 cache reference",
        FigureKind.DURATION,
        1e-9,
        5e-10,
        2e-9,
        2020,
        "Jeff Dean's latency table, refreshed by Colin Scott's interactive version",
    ),
    Figure(
        "main_memory_reference_s",
        "Main memory reference",
        FigureKind.DURATION,
        100e-9,
        60e-9,
        120e-9,
        2020,
        "Jeff Dean's latency table, refreshed by Colin Scott's interactive version",
    ),
    Figure(
        "ssd_random_read_s",
        "NVMe SSD random 4 KiB read",
        FigureKind.DURATION,
        100e-6,
        20e-6,
        200e-6,
        2024,
        "vendor data sheets for data-centre NVMe drives",
    ),
    Figure(
        "hdd_seek_s",
        "Spinning disk seek",
        FigureKind.DURATION,
        10e-3,
        4e-3,
        15e-3,
        2024,
        "vendor data sheets for 7,200 rpm drives",
    ),
    Figure(
        "same_zone_round_trip_s",
        "Round trip inside one data centre or zone",
        FigureKind.DURATION,
        500e-6,
        100e-6,
        1e-3,
        2024,
        "cloud providers' published intra-zone latency",
    ),
    Figure(
        "cross_region_round_trip_s",
        "Round trip across a continent (e.g. US east to west)",
        FigureKind.DURATION,
        70e-3,
        60e-3,
        80e-3,
        2024,
        "public inter-region latency dashboards",
    ),
    Figure(
        "transatlantic_round_trip_s",
        "Round trip across the Atlantic",
        FigureKind.DURATION,
        80e-3,
        70e-3,
        100e-3,
        2024,
        "public inter-region latency dashboards",
    ),
    # --------------------------------------------------------- per-node capacity
    Figure(
        "relational_primary_writes_per_s",
        "Writes one well-tuned relational primary (PostgreSQL, MySQL) sustains",
        FigureKind.RATE,
        5_000,
        1_000,
        20_000,
        2024,
        "pgbench and sysbench reports on current cloud instances",
        unit="writes/s",
        note="Small transactional writes with indexes and synchronous durability; batching and"
        " relaxed fsync go higher, wide rows and many indexes lower. Plan shards past about 5,000.",
    ),
    Figure(
        "relational_primary_reads_per_s",
        "Simple indexed reads one relational node serves",
        FigureKind.RATE,
        20_000,
        10_000,
        100_000,
        2024,
        "pgbench and sysbench read-only reports on current cloud instances",
        unit="reads/s",
    ),
    Figure(
        "redis_node_ops_per_s",
        "Operations one Redis node serves",
        FigureKind.RATE,
        100_000,
        50_000,
        200_000,
        2024,
        "redis-benchmark results and Redis documentation",
        unit="ops/s",
        note="Single-threaded command execution; pipelining goes higher, large values lower.",
    ),
    Figure(
        "kafka_partition_bytes_per_s",
        "Write throughput of one Kafka partition",
        FigureKind.BYTE_RATE,
        10e6,
        5e6,
        50e6,
        2024,
        "Confluent's partition sizing guidance",
    ),
    Figure(
        "app_server_rps",
        "Requests one stateless application server handles",
        FigureKind.RATE,
        1_000,
        200,
        10_000,
        2024,
        "common load-test results for JSON APIs on 4–8 vCPU instances",
        unit="req/s",
        note="Depends on the work per request far more than on the framework.",
    ),
    Figure(
        "websocket_connections_per_server",
        "Idle long-lived connections one server holds",
        FigureKind.COUNT,
        100_000,
        10_000,
        1_000_000,
        2024,
        "published connection-scaling write-ups for chat gateways",
        unit="connections",
    ),
    # ------------------------------------------------------------ disk, network
    Figure(
        "ssd_sequential_read_bytes_per_s",
        "NVMe SSD sequential read",
        FigureKind.BYTE_RATE,
        3e9,
        1e9,
        7e9,
        2024,
        "vendor data sheets for data-centre NVMe drives",
    ),
    Figure(
        "hdd_sequential_read_bytes_per_s",
        "Spinning disk sequential read",
        FigureKind.BYTE_RATE,
        200e6,
        100e6,
        250e6,
        2024,
        "vendor data sheets for 7,200 rpm drives",
    ),
    Figure(
        "server_nic_bytes_per_s",
        "One server's network interface (25 Gbit/s)",
        FigureKind.BYTE_RATE,
        25e9 / 8,
        10e9 / 8,
        100e9 / 8,
        2024,
        "cloud instance network specifications",
    ),
)

#: Figure key → figure. Read-only.
FIGURES: Mapping[str, Figure] = MappingProxyType({f.key: f for f in _FIGURES})


def figure(key: str) -> Figure:
    """The figure for ``key``; a KeyError names the known keys, so a typo fails the build clearly.

    >>> figure("relational_primary_writes_per_s").format()
    '5,000 writes/s'
    """
    try:
        return FIGURES[key]
    except KeyError:
        raise KeyError(f"unknown reference figure {key!r}; known: {', '.join(sorted(FIGURES))}") from None
