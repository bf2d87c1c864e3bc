"""Concurrency: Little's law (in flight = arrival rate × time in system) for requests and database connections."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from calculators.fields import Calculator, Field, FieldKind, Output, OutputKind
from calculators.reference import figure
from calculators.units import whole_units


@dataclass(frozen=True)
class ConcurrencyInputs:
    arrival_rps: float  # requests arriving [requests / s]
    response_time_s: float  # mean time a request spends in the service [s]
    app_servers: float  # application servers sharing the load [servers]
    db_time_s: float  # mean time a request holds a database connection [s]
    pool_headroom: float  # spare connections on top of the mean busy count [0..]
    db_connection_limit: float  # connections the database accepts in total [connections]


@dataclass(frozen=True)
class ConcurrencyEstimate:
    requests_in_flight: float  # mean requests inside the service at once [requests]
    in_flight_per_server: float  # [requests / server]
    db_connections_busy: float  # mean connections in use across the fleet [connections]
    pool_size_per_server: float  # pool maximum to configure on each server [connections]
    pool_connections_total: float  # pool maximum × servers [connections]
    connection_limit_used: float  # total pool ÷ database limit; above 1 the pools can exceed it [0..]


def littles_law(arrival_rate: float, time_in_system_s: float) -> float:
    """Mean number inside a stable system: L = λ × W [items].

    >>> littles_law(10_000, 0.2)  # 10,000 req/s, 200 ms each
    2000.0
    """
    return arrival_rate * time_in_system_s


def estimate_concurrency(inputs: ConcurrencyInputs) -> ConcurrencyEstimate:
    """Requests in flight, connections busy, and the pool each server needs.

    Little's law gives means. Bursts push the instantaneous count above the mean, which is
    what the headroom is for; it does not hold while a queue is growing without bound.

    >>> estimate = estimate_concurrency(ConcurrencyInputs(10_000, 0.2, 20, 0.02, 0.25, 500))
    >>> estimate.requests_in_flight, estimate.db_connections_busy, estimate.pool_size_per_server
    (2000.0, 200.0, 13.0)
    """
    in_flight = littles_law(inputs.arrival_rps, inputs.response_time_s)
    busy = littles_law(inputs.arrival_rps, inputs.db_time_s)
    per_server = max(1, whole_units(busy / inputs.app_servers * (1 + inputs.pool_headroom)))
    total = per_server * inputs.app_servers
    return ConcurrencyEstimate(
        requests_in_flight=in_flight,
        in_flight_per_server=in_flight / inputs.app_servers,
        db_connections_busy=busy,
        pool_size_per_server=float(per_server),
        pool_connections_total=total,
        connection_limit_used=total / inputs.db_connection_limit,
    )


FIELDS: tuple[Field, ...] = (
    Field(
        "arrival_rps",
        "Arrival rate",
        FieldKind.NUMBER,
        default="10,000",
        example="10,000 or 2.5K",
        unit="req/s",
        minimum=0,
        maximum=1e10,
        help="Requests arriving per second, usually the peak from the traffic estimate.",
    ),
    Field(
        "response_time_s",
        "Time in system per request",
        FieldKind.DURATION,
        default="200 ms",
        example="200ms or 1.5 s",
        minimum=0,
        maximum=86_400,
        help="Mean response time, including time spent queued.",
    ),
    Field(
        "app_servers",
        "Application servers",
        FieldKind.NUMBER,
        default="20",
        example="20 or 4",
        unit="servers",
        minimum=1,
        maximum=1e6,
        integer=True,
        help="Servers sharing the load, each with its own connection pool.",
    ),
    Field(
        "db_time_s",
        "Database time per request",
        FieldKind.DURATION,
        default="20 ms",
        example="20ms or 5 ms",
        minimum=0,
        maximum=86_400,
        help="How long a request holds a database connection: its queries plus any transaction kept open between them.",
    ),
    Field(
        "pool_headroom",
        "Pool headroom",
        FieldKind.PERCENT,
        default="25%",
        example="25% or 50",
        minimum=0,
        maximum=10,
        help="Spare connections above the mean busy count, for bursts and uneven load balancing.",
    ),
    Field(
        "db_connection_limit",
        "Database connection limit",
        FieldKind.NUMBER,
        default="500",
        example="500 or 100",
        unit="connections",
        minimum=1,
        maximum=1e7,
        integer=True,
        help="The server's maximum (PostgreSQL max_connections defaults to"
        f" {figure('postgres_default_max_connections').number_text()}), less what admin tools and replicas use.",
    ),
)
_FIELD = {f.name: f for f in FIELDS}


def check_concurrency(inputs: ConcurrencyInputs) -> Mapping[str, str]:
    """A request cannot hold a database connection for longer than it is in the system.

    >>> check_concurrency(ConcurrencyInputs(1, 0.01, 1, 0.02, 0, 1))["db_time_s"].split(";")[0]
    'Database time per request: must be at most the time in system (10 ms)'
    """
    if inputs.db_time_s > inputs.response_time_s:
        limit = _FIELD["response_time_s"].format_value(inputs.response_time_s)
        return {"db_time_s": str(_FIELD["db_time_s"].error(f"must be at most the time in system ({limit})"))}
    return {}


CALCULATOR = Calculator(
    id="concurrency",
    title="Concurrency",
    summary="Little's law: requests in flight, per server, and the database connection pool they need.",
    inputs_type=ConcurrencyInputs,
    compute=estimate_concurrency,
    validate=check_concurrency,
    source_module="calculators/concurrency.py",
    fields=FIELDS,
    outputs=(
        Output(
            "requests_in_flight",
            "Requests in flight",
            OutputKind.COUNT,
            unit="requests",
            formula="arrival rate × time in system (Little's law)",
            working="{arrival_rps} × {response_time_s} = {requests_in_flight}",
        ),
        Output(
            "in_flight_per_server",
            "Requests in flight per server",
            OutputKind.COUNT,
            unit="requests",
            formula="requests in flight ÷ application servers",
            working="{requests_in_flight} ÷ {app_servers} = {in_flight_per_server}",
        ),
        Output(
            "db_connections_busy",
            "Database connections busy",
            OutputKind.COUNT,
            unit="connections",
            formula="arrival rate × database time per request (Little's law)",
            working="{arrival_rps} × {db_time_s} = {db_connections_busy}",
        ),
        Output(
            "pool_size_per_server",
            "Pool size per server",
            OutputKind.COUNT,
            unit="connections",
            formula="⌈busy connections ÷ servers × (1 + headroom)⌉",
            working="⌈{db_connections_busy} ÷ {app_servers} × (1 + {pool_headroom})⌉ = {pool_size_per_server}",
        ),
        Output(
            "pool_connections_total",
            "Connections if every pool fills",
            OutputKind.COUNT,
            unit="connections",
            formula="pool size per server × servers",
            working="{pool_size_per_server} × {app_servers} = {pool_connections_total}",
        ),
        Output(
            "connection_limit_used",
            "Database connection limit used",
            OutputKind.FRACTION,
            formula="connections if every pool fills ÷ database limit (over 100% exceeds it)",
            working="{pool_connections_total} ÷ {db_connection_limit} = {connection_limit_used}",
        ),
    ),
    notes=(
        "Little's law holds for averages in a stable system: arrivals and departures balance over the period measured.",
        "Over 100% of the connection limit, a burst that fills every pool is refused by the database: "
        "shrink the pools, add a pooler such as PgBouncer, or cut the time each request holds a connection.",
    ),
)
