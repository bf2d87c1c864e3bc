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

__all__ = ["FIGURES", "GROUPS", "LATENCY_HISTORY", "Figure", "FigureKind", "figure"]


class FigureKind(StrEnum):
    """What a figure measures, which decides how it prints."""

    DURATION = "duration"  # [s]
    BYTES = "bytes"  # [bytes]
    BYTE_RATE = "byte_rate"  # [bytes / s], printed in bytes per second (disks, partitions)
    BIT_RATE = "bit_rate"  # [bytes / s], printed in bits per second (links, encoders)
    RATE = "rate"  # operations per second; ``unit`` names the operation, e.g. "writes/s"
    COUNT = "count"  # a plain count; ``unit`` names it


@dataclass(frozen=True)
class Figure:
    """One quoted figure: a typical value, the range it usually falls in, and where it comes from.

    ``low`` and ``high`` bound what is commonly seen; ``value`` is the figure to say in an interview.
    ``year`` is the year of the source (or of the hardware generation it describes).
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
        if self.kind in (FigureKind.RATE, FigureKind.COUNT) and not self.unit:
            raise ValueError(f"{self.key}: a {self.kind} figure names its unit")

    def format(self, amount: float | None = None) -> str:
        """``amount`` (the typical value by default) printed in this figure's unit."""
        shown = self.value if amount is None else amount
        if self.kind is FigureKind.DURATION:
            return units.format_duration(shown)
        if self.kind is FigureKind.BYTES:
            return units.format_bytes(shown)
        if self.kind is FigureKind.BYTE_RATE:
            return units.format_byte_rate(shown)
        if self.kind is FigureKind.BIT_RATE:
            return units.format_bit_rate(shown)
        return units.format_count(shown, self.unit)

    def number_text(self) -> str:
        """The typical value as a calculator field accepts it: ``5,000`` for a rate, ``500 µs`` for a duration.

        Calculator defaults are built from this, so a default and the figure it cites cannot drift.
        """
        if self.kind in (FigureKind.RATE, FigureKind.COUNT):
            return units.format_number(self.value)
        return self.format()

    def range_text(self) -> str:
        """The typical range, e.g. ``1,000–20,000 writes/s``; a figure fixed by a limit prints once."""
        low, high = self.format(self.low), self.format(self.high)
        if low == high:
            return low
        low_number, _, low_unit = low.partition(" ")
        high_number, _, high_unit = high.partition(" ")
        if low_unit == high_unit:
            return f"{low_number}–{high_number} {high_unit}".strip()
        return f"{low}–{high}"

    def citation(self) -> str:
        """Source and year, e.g. ``PostgreSQL pgbench reports, 2024``."""
        return f"{self.source}, {self.year}"


_DEAN = "Jeff Dean's latency numbers (as collected in Jonas Bonér's 2012 list), checked against Colin Scott's 2020 extrapolation"
_NVME = "data sheets of current data-centre NVMe drives (PCIe 3 to PCIe 4)"
_HDD = "data sheets of 7,200 rpm enterprise drives"
_MEGABYTE = 1e6
_GBIT_S = 1e9 / 8  # one gigabit per second [bytes/s]
_MBIT_S = 1e6 / 8  # one megabit per second [bytes/s]


def _rotation_s(rpm: float) -> float:
    """Average rotational wait: half a revolution [s]."""
    return 60 / rpm / 2


_SSD_SEQUENTIAL = (3e9, 1e9, 7e9)  # typical, low, high [bytes/s]
_HDD_SEQUENTIAL = (200e6, 100e6, 250e6)  # typical, low, high [bytes/s]

_FIGURES: tuple[Figure, ...] = (
    # ------------------------------------------------------------------ latency
    Figure("l1_cache_reference_s", "L1 cache reference", FigureKind.DURATION, 1e-9, 5e-10, 2e-9, 2020, _DEAN),
    Figure("branch_mispredict_s", "Branch mispredict", FigureKind.DURATION, 3e-9, 3e-9, 5e-9, 2020, _DEAN),
    Figure("l2_cache_reference_s", "L2 cache reference", FigureKind.DURATION, 4e-9, 3e-9, 7e-9, 2020, _DEAN),
    Figure(
        "mutex_lock_unlock_s",
        "Mutex lock and unlock, uncontended",
        FigureKind.DURATION,
        20e-9,
        15e-9,
        25e-9,
        2020,
        _DEAN,
        note="Microseconds once a waiter has to be woken.",
    ),
    Figure(
        "main_memory_reference_s",
        "Main memory reference",
        FigureKind.DURATION,
        100e-9,
        80e-9,
        120e-9,
        2020,
        _DEAN,
        note="More across NUMA sockets.",
    ),
    Figure(
        "compress_1kb_s",
        "Compress 1 kB with Snappy",
        FigureKind.DURATION,
        2e-6,
        1e-6,
        3e-6,
        2020,
        _DEAN,
    ),
    Figure(
        "send_1kb_1gbit_s",
        "Put 1 kB on a 1 Gbit/s link (serialisation only)",
        FigureKind.DURATION,
        8e-6,
        8e-6,
        10e-6,
        2012,
        _DEAN,
        note="8,000 bits at 10⁹ bit/s, which Dean's list rounds to 10 µs; ten times less at 10 Gbit/s."
        " Scott's page instead shows 2 kB in 44 ns on an assumed very fast network.",
    ),
    Figure(
        "ssd_random_read_s",
        "NVMe SSD random 4 KiB read",
        FigureKind.DURATION,
        100e-6,
        20e-6,
        200e-6,
        2024,
        _NVME,
        note="Cloud block storage adds a network hop: 0.5–1 ms is common there.",
    ),
    Figure(
        "memory_read_1mb_s",
        "Read 1 MB sequentially from memory, one core",
        FigureKind.DURATION,
        50e-6,
        20e-6,
        100e-6,
        2020,
        "single-core memory bandwidth of 10–50 GB/s on current servers (STREAM benchmark results)",
        note="Scott's 3 µs would need over 300 GB/s from one core.",
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
        "cross_zone_round_trip_s",
        "Round trip between zones of one region",
        FigureKind.DURATION,
        1e-3,
        500e-6,
        2e-3,
        2024,
        "AWS Regions and Availability Zones documentation (single-digit milliseconds between zones)",
    ),
    Figure(
        "cache_read_s",
        "One read from Redis or Memcached over the network, same zone",
        FigureKind.DURATION,
        500e-6,
        200e-6,
        1e-3,
        2024,
        "redis-benchmark latency reports and the intra-zone round trip above",
        note="Mostly the network round trip; the lookup itself takes microseconds.",
    ),
    Figure(
        "database_read_s",
        "A database query or service call behind a cache, indexed, partly from disk",
        FigureKind.DURATION,
        10e-3,
        1e-3,
        50e-3,
        2024,
        "PostgreSQL and MySQL query timings on cloud block storage (pg_stat_statements, slow-query logs)",
        note="About 1 ms when the rows are in the buffer cache; tens of ms with several disk reads or a join.",
    ),
    Figure(
        "ssd_read_1mb_s",
        "Read 1 MB sequentially from an NVMe SSD",
        FigureKind.DURATION,
        _MEGABYTE / _SSD_SEQUENTIAL[0],
        _MEGABYTE / _SSD_SEQUENTIAL[2],
        _MEGABYTE / _SSD_SEQUENTIAL[1],
        2024,
        _NVME,
        note="1 MB at the sequential read rate below; SATA drives take about 2 ms.",
    ),
    Figure(
        "hdd_seek_s",
        "Spinning disk seek",
        FigureKind.DURATION,
        10e-3,
        4e-3,
        15e-3,
        2024,
        _HDD,
        note="About 8 ms average on a 7,200 rpm drive; Scott's 2 ms is beyond even 15,000 rpm drives.",
    ),
    Figure(
        "hdd_rotation_s",
        "Spinning disk rotational wait (7,200 rpm; 15,000 to 5,400 rpm)",
        FigureKind.DURATION,
        _rotation_s(7_200),
        _rotation_s(15_000),
        _rotation_s(5_400),
        2024,
        "half a revolution at the drive's spindle speed",
    ),
    Figure(
        "hdd_read_1mb_s",
        "Read 1 MB sequentially from a spinning disk",
        FigureKind.DURATION,
        _MEGABYTE / _HDD_SEQUENTIAL[0],
        _MEGABYTE / _HDD_SEQUENTIAL[2],
        _MEGABYTE / _HDD_SEQUENTIAL[1],
        2024,
        _HDD,
        note="1 MB at the sequential read rate below; Scott's 825 µs would need 1.2 GB/s from one drive.",
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
    Figure(
        "california_netherlands_round_trip_s",
        "Packet California → Netherlands → California",
        FigureKind.DURATION,
        150e-3,
        140e-3,
        160e-3,
        2012,
        _DEAN,
        note="Light in fibre alone needs about 90 ms for the 18,000 km or so.",
    ),
    Figure(
        "light_in_fibre_km_per_ms",
        "Distance light covers in optical fibre",
        FigureKind.COUNT,
        200,
        200,
        205,
        2024,
        "the speed of light divided by fibre's refractive index of about 1.47",
        unit="km per ms",
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
        "pgbench (PostgreSQL) and sysbench oltp_write_only (MySQL) results on 8–16 vCPU cloud instances",
        unit="writes/s",
        note="Small indexed transactional writes with synchronous durability: the figure to plan with."
        " Batching, group commit and large machines reach the top of the range and beyond; wide rows"
        " and many indexes sit at the bottom.",
    ),
    Figure(
        "relational_primary_reads_per_s",
        "Simple indexed reads one relational node serves",
        FigureKind.RATE,
        20_000,
        10_000,
        100_000,
        2024,
        "pgbench select-only and sysbench oltp_read_only results on 8–16 vCPU cloud instances",
        unit="reads/s",
        note="With the working set in memory; every replica adds about as much again.",
    ),
    Figure(
        "postgres_default_max_connections",
        "PostgreSQL's default max_connections",
        FigureKind.COUNT,
        100,
        100,
        100,
        2024,
        "PostgreSQL documentation, server configuration: connections",
        unit="connections",
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
        2015,
        "Confluent, 'How to choose the number of topics/partitions in a Kafka cluster' (Jun Rao)",
        note="Size the partition count from the consumer side too: one consumer reads each partition.",
    ),
    Figure(
        "kafka_broker_bytes_per_s",
        "Write throughput of one Kafka broker",
        FigureKind.BYTE_RATE,
        100e6,
        50e6,
        500e6,
        2014,
        "Jay Kreps, 'Benchmarking Apache Kafka: 2 Million Writes Per Second (On Three Cheap Machines)'",
        note="Usually bounded by the disks and the NIC, and replication multiplies the bytes each broker writes.",
    ),
    Figure(
        "cassandra_node_writes_per_s",
        "Writes one Cassandra node takes",
        FigureKind.RATE,
        10_000,
        3_000,
        50_000,
        2011,
        "Netflix Tech Blog, 'Benchmarking Cassandra Scalability on AWS' (about 1.1 million writes/s on 288 nodes)",
        unit="writes/s",
        note="Netflix's run is about 3,800 client writes a node, or 11,000 replica writes at replication factor 3;"
        " current hardware does several times more.",
    ),
    Figure(
        "dynamodb_partition_writes_per_s",
        "Writes one DynamoDB partition accepts (1 KB write units)",
        FigureKind.RATE,
        1_000,
        1_000,
        1_000,
        2024,
        "Amazon DynamoDB Developer Guide, partition key design (1,000 WCU per partition)",
        unit="writes/s",
    ),
    Figure(
        "dynamodb_partition_reads_per_s",
        "Strongly consistent reads one DynamoDB partition serves (4 KB read units)",
        FigureKind.RATE,
        3_000,
        3_000,
        3_000,
        2024,
        "Amazon DynamoDB Developer Guide, partition key design (3,000 RCU per partition)",
        unit="reads/s",
        note="Eventually consistent reads cost half a unit, so 6,000 of them fit.",
    ),
    Figure(
        "elasticsearch_node_docs_per_s",
        "Documents one Elasticsearch data node indexes",
        FigureKind.RATE,
        10_000,
        2_000,
        50_000,
        2024,
        "Elastic's Rally nightly benchmarks (elasticsearch-benchmarks.elastic.co)",
        unit="docs/s",
        note="Small log lines at the top of the range, large documents with many fields at the bottom.",
    ),
    Figure(
        "app_server_rps",
        "Requests one stateless application server handles",
        FigureKind.RATE,
        1_000,
        200,
        10_000,
        2024,
        "TechEmpower Framework Benchmarks (database-backed tests) and common load tests on 4–8 vCPU instances",
        unit="req/s",
        note="Depends on the work per request far more than on the framework.",
    ),
    Figure(
        "websocket_connections_per_server",
        "Idle long-lived connections one server holds",
        FigureKind.COUNT,
        100_000,
        10_000,
        2_000_000,
        2015,
        "WhatsApp's 2012 blog (2 million connections on one FreeBSD server) and the Phoenix framework's 2015"
        " test (2 million WebSocket connections)",
        unit="connections",
        note="Memory per connection and the message rate bound it, not the connection count itself.",
    ),
    Figure(
        "cdn_edge_server_bytes_per_s",
        "Egress one CDN edge server delivers",
        FigureKind.BIT_RATE,
        100 * _GBIT_S,
        10 * _GBIT_S,
        400 * _GBIT_S,
        2021,
        "Netflix Open Connect talks (100 Gbit/s from one appliance in 2017, 400 Gbit/s in 2021)",
    ),
    # ------------------------------------------------------------ disk, network
    Figure(
        "ssd_sequential_read_bytes_per_s",
        "NVMe SSD sequential read",
        FigureKind.BYTE_RATE,
        *_SSD_SEQUENTIAL,
        2024,
        _NVME,
    ),
    Figure(
        "ssd_random_reads_per_s",
        "Random 4 KiB reads one NVMe SSD sustains",
        FigureKind.RATE,
        500_000,
        100_000,
        1_500_000,
        2024,
        _NVME,
        unit="reads/s",
        note="With many requests in flight at once; one at a time, the latency above caps it near 10,000.",
    ),
    Figure(
        "hdd_sequential_read_bytes_per_s",
        "Spinning disk sequential read",
        FigureKind.BYTE_RATE,
        *_HDD_SEQUENTIAL,
        2024,
        _HDD,
    ),
    Figure(
        "server_nic_bytes_per_s",
        "One server's network interface",
        FigureKind.BIT_RATE,
        25 * _GBIT_S,
        10 * _GBIT_S,
        100 * _GBIT_S,
        2024,
        "cloud instance network specifications",
    ),
    # ------------------------------------------------------------ object sizes
    Figure(
        "post_row_bytes",
        "Short post with its metadata, as a database row",
        FigureKind.BYTES,
        1_000,
        300,
        2_000,
        2024,
        "X (Twitter) 280-character limit, UTF-8 at 1–4 bytes a character, plus IDs, timestamps and counters",
    ),
    Figure(
        "article_text_bytes",
        "Blog post or article, text only",
        FigureKind.BYTES,
        5_000,
        2_000,
        20_000,
        2024,
        "an article of 800–3,000 words at about 6 bytes a word",
    ),
    Figure(
        "profile_row_bytes",
        "User profile row",
        FigureKind.BYTES,
        1_000,
        500,
        2_000,
        2024,
        "name, handle, settings and a few timestamps",
    ),
    Figure(
        "profile_image_bytes",
        "Profile image, resized",
        FigureKind.BYTES,
        100_000,
        20_000,
        300_000,
        2024,
        "JPEG or WebP at 400–800 pixels square",
    ),
    Figure(
        "photo_bytes",
        "Photo, compressed for display",
        FigureKind.BYTES,
        1_000_000,
        200_000,
        5_000_000,
        2024,
        "JPEG at display resolution; camera originals run 2–5 MB",
    ),
    Figure(
        "video_minute_bytes",
        "One minute of compressed video",
        FigureKind.BYTES,
        10_000_000,
        5_000_000,
        60_000_000,
        2024,
        "H.264 at about 1.3 Mbit/s (720p) up to YouTube's 8 Mbit/s recommendation for 1080p uploads",
    ),
    Figure(
        "youtube_1080p_upload_bit_rate",
        "YouTube's recommended bitrate for a 1080p upload",
        FigureKind.BIT_RATE,
        8 * _MBIT_S,
        8 * _MBIT_S,
        12 * _MBIT_S,
        2024,
        "YouTube Help, 'Recommended upload encoding settings' (8 Mbit/s standard, 12 Mbit/s high frame rate)",
    ),
    # --- conceptsA: coordination, search refresh and clock uncertainty ---
    Figure(
        "etcd_cluster_writes_per_s",
        "Writes to plan on for a three-member etcd cluster serving lock and lease traffic (clients that wait"
        " for each write; each write a Raft round and an fsync on a majority)",
        FigureKind.RATE,
        10_000,
        500,
        50_000,
        2023,
        "etcd documentation, 'Performance' (benchmark on three 8 vCPU members: about 580 writes/s from one"
        " client, 44,000–50,000 writes/s from 1,000 clients)",
        unit="writes/s",
        note="The whole cluster, not per member: every write goes through the leader. One client waiting on"
        " each write sits at the bottom of the range; many concurrent clients batch into each fsync. The"
        " documentation's headline 'over 30,000 requests a second under heavy load' (etcd_cluster_requests_per_s)"
        " is the same cluster with many concurrent clients, not a different machine.",
    ),
    Figure(
        "elasticsearch_refresh_interval_s",
        "Elasticsearch's default refresh interval (a write becomes searchable after the next refresh)",
        FigureKind.DURATION,
        1,
        1,
        30,
        2024,
        "Elasticsearch reference, index settings: index.refresh_interval (default 1s; indices idle for 30 s"
        " skip refreshes until searched)",
        note="Bulk-load jobs raise it to 30 s or turn it off (-1) and refresh once at the end.",
    ),
    Figure(
        "elasticsearch_shard_bytes",
        "Size to aim for per Elasticsearch shard",
        FigureKind.BYTES,
        30e9,
        10e9,
        50e9,
        2024,
        "Elasticsearch reference, 'Size your shards' (aim for shards between 10 GB and 50 GB)",
        note="Too many small shards waste memory and add scatter-gather fan-out; very large ones recover and rebalance slowly.",
    ),
    Figure(
        "truetime_uncertainty_s",
        "Clock uncertainty Google's TrueTime reports (GPS and atomic clocks in every data centre)",
        FigureKind.DURATION,
        4e-3,
        1e-3,
        7e-3,
        2012,
        "Corbett et al., 'Spanner: Google's Globally-Distributed Database' (OSDI 2012): ε sawtooths between about 1 and 7 ms",
        note="The best case with dedicated time hardware; plain NTP over the internet is often tens of"
        " milliseconds off, and a clock can step backwards when it is corrected.",
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


#: The figures grouped as the reference pages show them: group name → keys, in reading order.
GROUPS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "latency": (
            "l1_cache_reference_s",
            "branch_mispredict_s",
            "l2_cache_reference_s",
            "mutex_lock_unlock_s",
            "main_memory_reference_s",
            "compress_1kb_s",
            "send_1kb_1gbit_s",
            "memory_read_1mb_s",
            "ssd_random_read_s",
            "ssd_read_1mb_s",
            "same_zone_round_trip_s",
            "cache_read_s",
            "cross_zone_round_trip_s",
            "hdd_rotation_s",
            "hdd_read_1mb_s",
            "hdd_seek_s",
            "database_read_s",
            "cross_region_round_trip_s",
            "transatlantic_round_trip_s",
            "california_netherlands_round_trip_s",
        ),
        "capacity": (
            "app_server_rps",
            "relational_primary_writes_per_s",
            "relational_primary_reads_per_s",
            "postgres_default_max_connections",
            "redis_node_ops_per_s",
            "cassandra_node_writes_per_s",
            "dynamodb_partition_writes_per_s",
            "dynamodb_partition_reads_per_s",
            "elasticsearch_node_docs_per_s",
            "kafka_partition_bytes_per_s",
            "kafka_broker_bytes_per_s",
            "websocket_connections_per_server",
            "cdn_edge_server_bytes_per_s",
        ),
        "disk_network": (
            "ssd_sequential_read_bytes_per_s",
            "ssd_random_reads_per_s",
            "hdd_sequential_read_bytes_per_s",
            "server_nic_bytes_per_s",
            "light_in_fibre_km_per_ms",
        ),
        "sizes": (
            "post_row_bytes",
            "article_text_bytes",
            "profile_row_bytes",
            "profile_image_bytes",
            "photo_bytes",
            "video_minute_bytes",
            "youtube_1080p_upload_bit_rate",
        ),
        "coordination": (
            "etcd_cluster_writes_per_s",
            "elasticsearch_refresh_interval_s",
            "elasticsearch_shard_bytes",
            "truetime_uncertainty_s",
        ),
    }
)

#: What the two classic tables said for a latency figure: (Dean and Norvig c. 2012, Colin Scott's
#: 2020 extrapolation) [s]; None where that table has no such row. Kept to show how far each moved.
LATENCY_HISTORY: Mapping[str, tuple[float | None, float | None]] = MappingProxyType(
    {
        "l1_cache_reference_s": (0.5e-9, 1e-9),
        "branch_mispredict_s": (5e-9, 3e-9),
        "l2_cache_reference_s": (7e-9, 4e-9),
        "mutex_lock_unlock_s": (25e-9, 17e-9),
        "main_memory_reference_s": (100e-9, 100e-9),
        "compress_1kb_s": (3e-6, 2e-6),
        "send_1kb_1gbit_s": (10e-6, None),
        "memory_read_1mb_s": (250e-6, 3e-6),
        "ssd_random_read_s": (150e-6, 16e-6),
        "ssd_read_1mb_s": (1e-3, 49e-6),
        "same_zone_round_trip_s": (500e-6, 500e-6),
        "hdd_read_1mb_s": (20e-3, 825e-6),
        "hdd_seek_s": (10e-3, 2e-3),
        "california_netherlands_round_trip_s": (150e-3, 150e-3),
    }
)
