"""Servers: peak requests per second ÷ what one server sustains at a target utilisation, plus spares."""

from __future__ import annotations

from dataclasses import dataclass

from calculators.fields import Calculator, Field, FieldKind, Output, OutputKind
from calculators.reference import figure
from calculators.units import whole_units

#: Redundancy choices: (value, label). "x2" doubles the fleet, e.g. a full copy in a second zone.
REDUNDANCY_CHOICES: tuple[tuple[str, str], ...] = (
    ("none", "None"),
    ("n+1", "N+1 (one spare server)"),
    ("n+2", "N+2 (two spares)"),
    ("x2", "×2 (a full second copy)"),
)


@dataclass(frozen=True)
class ServersInputs:
    peak_rps: float  # requests at the busiest moment [requests / s]
    rps_per_server: float  # what one server sustains before latency degrades, from a load test [requests / s]
    target_utilisation: float  # share of that capacity to plan for at peak [0..1]
    redundancy: str  # one of REDUNDANCY_CHOICES


@dataclass(frozen=True)
class ServersEstimate:
    planned_rps_per_server: float  # capacity × target utilisation [requests / s]
    servers_for_load: float  # servers that carry the peak at the target utilisation [servers]
    spare_servers: float  # added for redundancy [servers]
    servers_total: float  # [servers]
    utilisation_at_peak: float  # peak ÷ (total servers × capacity) [0..1]


def with_redundancy(servers: int, redundancy: str) -> int:
    """Total servers after adding spares for ``redundancy`` [servers].

    >>> [with_redundancy(10, choice) for choice in ("none", "n+1", "n+2", "x2")]
    [10, 11, 12, 20]
    """
    extra = {"none": 0, "n+1": 1, "n+2": 2, "x2": servers}
    if redundancy not in extra:
        raise ValueError(f"unknown redundancy {redundancy!r}")
    return servers + extra[redundancy]


def estimate_servers(inputs: ServersInputs) -> ServersEstimate:
    """Servers for the peak at the target utilisation, rounded up, then spares.

    The sizing example "10,000 RPS at 1,000 per server, ×2 → 20" runs every server at 100%
    of its tested capacity; at a 70% target the same load needs 15 servers before spares.

    >>> estimate_servers(ServersInputs(10_000, 1_000, 1.0, "x2")).servers_total
    20.0
    >>> estimate_servers(ServersInputs(10_000, 1_000, 0.7, "n+2")).servers_total
    17.0
    """
    planned = inputs.rps_per_server * inputs.target_utilisation
    for_load = max(1, whole_units(inputs.peak_rps / planned))
    total = with_redundancy(for_load, inputs.redundancy)
    return ServersEstimate(
        planned_rps_per_server=planned,
        servers_for_load=float(for_load),
        spare_servers=float(total - for_load),
        servers_total=float(total),
        utilisation_at_peak=inputs.peak_rps / (total * inputs.rps_per_server),
    )


CALCULATOR = Calculator(
    id="servers",
    title="Servers",
    summary="Peak requests per second, per-server capacity and a utilisation target → servers needed, with spares.",
    inputs_type=ServersInputs,
    compute=estimate_servers,
    source_module="calculators/servers.py",
    fields=(
        Field(
            "peak_rps",
            "Peak requests per second",
            FieldKind.NUMBER,
            default="10,000",
            example="10,000 or 2.5M",
            unit="req/s",
            minimum=0,
            maximum=1e10,
            minimum_exclusive=True,
            help="From the traffic estimate: the busiest moment, not the daily average.",
        ),
        Field(
            "rps_per_server",
            "Requests per second one server sustains",
            FieldKind.NUMBER,
            default=figure("app_server_rps").number_text(),
            example="1,000 or 250",
            unit="req/s",
            minimum=0.01,
            maximum=1e9,
            help="Measured in a load test at acceptable latency. Without a measurement, say what you assume:"
            f" {figure('app_server_rps').format()} is a common figure for a JSON API"
            f" (typically {figure('app_server_rps').range_text()}).",
        ),
        Field(
            "target_utilisation",
            "Target utilisation at peak",
            FieldKind.PERCENT,
            default="70%",
            example="70% or 100",
            minimum=0.01,
            maximum=1,
            help="How much of that capacity to use at peak. Latency climbs steeply as a server nears 100% busy.",
        ),
        Field(
            "redundancy",
            "Redundancy",
            FieldKind.CHOICE,
            default="n+2",
            example="n+2",
            choices=REDUNDANCY_CHOICES,
            help="Spares so that losing servers (or a zone, with ×2) still leaves enough to carry the peak.",
        ),
    ),
    outputs=(
        Output(
            "planned_rps_per_server",
            "Planned load per server",
            OutputKind.COUNT,
            unit="req/s",
            formula="capacity per server × target utilisation",
            working="{rps_per_server} × {target_utilisation} = {planned_rps_per_server}",
        ),
        Output(
            "servers_for_load",
            "Servers before redundancy",
            OutputKind.COUNT,
            unit="servers",
            formula="⌈peak RPS ÷ planned load per server⌉",
            working="⌈{peak_rps} ÷ {planned_rps_per_server}⌉ = {servers_for_load}",
        ),
        Output(
            "spare_servers",
            "Spare servers",
            OutputKind.COUNT,
            unit="servers",
            formula="0, 1, 2 or as many again, by the redundancy chosen",
            working="{redundancy} → {spare_servers}",
        ),
        Output(
            "servers_total",
            "Servers needed",
            OutputKind.COUNT,
            unit="servers",
            formula="servers before redundancy + spares",
            working="{servers_for_load} + {spare_servers} = {servers_total}",
        ),
        Output(
            "utilisation_at_peak",
            "Utilisation at peak, all servers up",
            OutputKind.FRACTION,
            formula="peak RPS ÷ (servers needed × capacity per server)",
            working="{peak_rps} ÷ ({servers_total} × {rps_per_server}) = {utilisation_at_peak}",
        ),
    ),
    notes=(
        "N+1 covers one failed server; N+2 covers a failure while another is down for a deploy; "
        "×2 covers losing half the fleet, e.g. one of two zones.",
        "Capacity per server is a measurement, not a constant: it depends on the request mix, payload sizes "
        "and downstream latency.",
    ),
)
