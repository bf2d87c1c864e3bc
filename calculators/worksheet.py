"""The worksheet: one scenario flowing through traffic → storage → bandwidth → servers → cache → shards → cost.

Each stage calls the same function as its own calculator, fed by the stage before; the peak
read and write rates and the data size can be overridden to explore "what if" without
rewriting the scenario. Presets are classic interview problems with their assumptions stated.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from calculators import bandwidth, cache, cost, scenarios, servers, sharding, storage, traffic
from calculators.bandwidth import BandwidthInputs, estimate_bandwidth
from calculators.cache import CacheInputs, estimate_cache
from calculators.cost import HOURS_PER_MONTH, CostInputs, estimate_cost
from calculators.fields import AnyCalculator, Calculator, Field, FieldKind, Output, OutputKind
from calculators.reference import figure
from calculators.servers import ServersInputs, estimate_servers
from calculators.sharding import shards_for
from calculators.storage import StorageInputs, estimate_storage
from calculators.traffic import TrafficInputs, estimate_traffic
from calculators.units import DAYS_PER_MONTH, SECONDS_PER_DAY


@dataclass(frozen=True)
class WorksheetInputs:
    monthly_active_users: float  # [users]
    daily_active_fraction: float  # [0..1]
    requests_per_user_per_day: float  # reads and writes [requests / user / day]
    read_write_ratio: float  # reads per write [unitless]
    peak_multiplier: float  # [unitless]
    item_bytes: float  # stored by one write, also its request body [bytes]
    overhead: float  # metadata, indexes or erasure-coding parity as a share of the payload [0..]
    replication_factor: float  # [copies]
    retention_days: float  # [days]
    yearly_growth: float  # [0..]
    horizon_years: float  # [years]
    response_bytes: float  # returned by one read [bytes]
    rps_per_server: float  # one application server's capacity [requests / s]
    target_utilisation: float  # [0..1]
    redundancy: str  # one of servers.REDUNDANCY_CHOICES
    cache_hit_ratio: float  # [0..1]
    distinct_items_read_per_day: float | None  # different items read in a day; None: a day's new items [items]
    hot_share: float  # share of those distinct items worth keeping in memory [0..1]
    cache_node_bytes: float  # memory of one cache node [bytes]
    max_shard_bytes: float  # data one database shard should hold [bytes]
    max_shard_write_rps: float  # writes one shard sustains [requests / s]
    peak_read_rps_override: float | None  # replaces the traffic stage's figure when given [requests / s]
    peak_write_rps_override: float | None  # [requests / s]
    data_bytes_override: float | None  # replaces the storage stage's per-copy data size [bytes]
    storage_price_per_gb_month: float  # [$ / GB-month]
    egress_price_per_gb: float  # internet egress [$ / GB]
    inter_zone_price_per_gb: float  # each way [$ / GB]
    vcpus_per_server: float  # of one application server [vCPUs]
    vcpu_hour_price: float  # on demand [$ / vCPU-hour]


@dataclass(frozen=True)
class WorksheetEstimate:
    daily_active_users: float  # [users]
    peak_read_rps: float  # after any override [requests / s]
    peak_write_rps: float  # after any override [requests / s]
    stored_bytes_per_day: float  # with overhead and replicas [bytes / day]
    stored_bytes_at_horizon: float  # with overhead and replicas [bytes]
    peak_bandwidth_bytes_per_s: float  # in and out at peak [bytes / s]
    transfer_bytes_per_month: float  # [bytes / month]
    app_servers: float  # [servers]
    backend_read_rps: float  # reads the cache misses, at peak [requests / s]
    distinct_items_per_day: float  # the field, or a day's new items [items]
    cache_memory_bytes: float  # hot distinct items × item size [bytes]
    cache_nodes: float  # [nodes]
    data_bytes_per_copy: float  # what the shards split, before replication [bytes]
    shards_for_size: float  # [shards]
    shards_for_writes: float  # [shards]
    shards: float  # the larger of the two [shards]
    egress_bytes_per_month: float  # responses sent out, average month [bytes / month]
    inter_zone_bytes_per_month: float  # writes copied to the replicas in other zones [bytes / month]
    storage_usd_per_month: float  # for what is held at the horizon [$ / month]
    egress_usd_per_month: float  # [$ / month]
    inter_zone_usd_per_month: float  # [$ / month]
    compute_usd_per_month: float  # application servers [$ / month]
    total_usd_per_month: float  # [$ / month]
    total_usd_per_year: float  # [$ / year]


# A cache node gives about three quarters of its memory to items; the rest is overhead and headroom.
CACHE_USABLE_FRACTION = 0.75
# Latencies only affect the cache calculator's latency outputs, which the worksheet does not show.
_CACHE_LATENCY_S, _BACKEND_LATENCY_S = 0.001, 0.01


def run_worksheet(inputs: WorksheetInputs) -> WorksheetEstimate:
    """Chain the calculators: each stage's outputs are the next stage's inputs.

    >>> from calculators.registry import REGISTRY
    >>> sheet = REGISTRY["worksheet"]
    >>> values, _ = __import__("calculators.evaluation").evaluation.parse_inputs(sheet, sheet.defaults())
    >>> estimate = run_worksheet(WorksheetInputs(**values))
    >>> round(estimate.peak_write_rps), round(estimate.peak_read_rps)
    (6944, 694444)
    """
    traffic = estimate_traffic(
        TrafficInputs(
            monthly_active_users=inputs.monthly_active_users,
            daily_active_fraction=inputs.daily_active_fraction,
            minutes_online_per_day=0.0,  # the worksheet shows no concurrency; requests drive every stage
            concurrent_fraction=None,
            requests_per_user_per_day=inputs.requests_per_user_per_day,
            read_write_ratio=inputs.read_write_ratio,
            peak_multiplier=inputs.peak_multiplier,
        )
    )
    peak_read = traffic.peak_read_rps if inputs.peak_read_rps_override is None else inputs.peak_read_rps_override
    peak_write = traffic.peak_write_rps if inputs.peak_write_rps_override is None else inputs.peak_write_rps_override
    storage = estimate_storage(
        StorageInputs(
            items_per_day=peak_write / inputs.peak_multiplier * 86_400,
            item_bytes=inputs.item_bytes,
            metadata_overhead=0.0,
            index_overhead=inputs.overhead,
            replication_factor=inputs.replication_factor,
            backup_copies=0.0,
            retention_days=inputs.retention_days,
            yearly_growth=inputs.yearly_growth,
            horizon_years=inputs.horizon_years,
        )
    )
    bandwidth = estimate_bandwidth(
        BandwidthInputs(
            read_rps=peak_read / inputs.peak_multiplier,
            write_rps=peak_write / inputs.peak_multiplier,
            response_bytes=inputs.response_bytes,
            request_bytes=inputs.item_bytes,
            peak_multiplier=inputs.peak_multiplier,
        )
    )
    servers = estimate_servers(
        ServersInputs(
            peak_rps=peak_read + peak_write,
            rps_per_server=inputs.rps_per_server,
            target_utilisation=inputs.target_utilisation,
            redundancy=inputs.redundancy,
        )
    )
    # The hot set is counted in distinct items, never in requests: a post read a million times is cached once.
    distinct_items = (
        peak_write / inputs.peak_multiplier * SECONDS_PER_DAY
        if inputs.distinct_items_read_per_day is None
        else inputs.distinct_items_read_per_day
    )
    cache = estimate_cache(
        CacheInputs(
            read_rps=peak_read,
            hit_ratio=inputs.cache_hit_ratio,
            cache_latency_s=_CACHE_LATENCY_S,
            backend_latency_s=_BACKEND_LATENCY_S,
            items_read_per_day=distinct_items,
            hot_share=inputs.hot_share,
            item_bytes=inputs.item_bytes,
            node_memory_bytes=inputs.cache_node_bytes,
            usable_fraction=CACHE_USABLE_FRACTION,
        )
    )
    per_copy = storage.stored_bytes_at_horizon / inputs.replication_factor
    data_bytes = per_copy if inputs.data_bytes_override is None else inputs.data_bytes_override
    for_size, for_writes = shards_for(data_bytes, inputs.max_shard_bytes, peak_write, inputs.max_shard_write_rps)
    egress_per_month = bandwidth.egress_bytes_per_s * SECONDS_PER_DAY * DAYS_PER_MONTH
    # Each replica after the first is fed every write from another zone.
    replica_share = (inputs.replication_factor - 1) / inputs.replication_factor
    inter_zone_per_month = storage.stored_bytes_per_day * replica_share * DAYS_PER_MONTH
    bill = estimate_cost(
        CostInputs(
            stored_bytes=storage.stored_bytes_at_horizon,
            storage_price_per_gb_month=inputs.storage_price_per_gb_month,
            egress_bytes_per_month=egress_per_month,
            egress_price_per_gb=inputs.egress_price_per_gb,
            cdn_bytes_per_month=0.0,  # the worksheet sends every response as internet egress; see the notes
            cdn_price_per_gb=figure("cdn_egress_usd_per_gb").value,
            inter_zone_bytes_per_month=inter_zone_per_month,
            inter_zone_price_per_gb=inputs.inter_zone_price_per_gb,
            servers=servers.servers_total,
            vcpus_per_server=inputs.vcpus_per_server,
            vcpu_hour_price=inputs.vcpu_hour_price,
            hours_per_month=HOURS_PER_MONTH,
        )
    )
    return WorksheetEstimate(
        daily_active_users=traffic.daily_active_users,
        peak_read_rps=peak_read,
        peak_write_rps=peak_write,
        stored_bytes_per_day=storage.stored_bytes_per_day,
        stored_bytes_at_horizon=storage.stored_bytes_at_horizon,
        peak_bandwidth_bytes_per_s=bandwidth.peak_total_bytes_per_s,
        transfer_bytes_per_month=bandwidth.transfer_bytes_per_month,
        app_servers=servers.servers_total,
        backend_read_rps=cache.backend_rps,
        distinct_items_per_day=distinct_items,
        cache_memory_bytes=cache.working_set_bytes,
        cache_nodes=cache.cache_nodes,
        data_bytes_per_copy=data_bytes,
        shards_for_size=float(for_size),
        shards_for_writes=float(for_writes),
        shards=float(max(1, for_size, for_writes)),
        egress_bytes_per_month=egress_per_month,
        inter_zone_bytes_per_month=inter_zone_per_month,
        storage_usd_per_month=bill.storage_usd_per_month,
        egress_usd_per_month=bill.egress_usd_per_month,
        inter_zone_usd_per_month=bill.inter_zone_usd_per_month,
        compute_usd_per_month=bill.compute_usd_per_month,
        total_usd_per_month=bill.total_usd_per_month,
        total_usd_per_year=bill.total_usd_per_year,
    )


def _rps(name: str, label: str) -> Field:
    return Field(
        name,
        label,
        FieldKind.NUMBER,
        default="",
        example="50K or 1.2M",
        unit="req/s",
        minimum=0,
        maximum=1e12,
        optional=True,
        help="Leave empty to use the traffic stage's figure.",
    )


def _stage(calculator: AnyCalculator, stage_field: str, **changes: Any) -> Field:
    """A stage calculator's own field declaration, reused here (with any scenario-specific changes)."""
    return replace(calculator.field_index[stage_field], **changes)


FIELDS: tuple[Field, ...] = (
    _stage(traffic.CALCULATOR, "monthly_active_users"),
    _stage(traffic.CALCULATOR, "daily_active_fraction"),
    _stage(traffic.CALCULATOR, "requests_per_user_per_day"),
    _stage(traffic.CALCULATOR, "read_write_ratio"),
    _stage(traffic.CALCULATOR, "peak_multiplier"),
    _stage(
        storage.CALCULATOR,
        "item_bytes",
        label="Bytes stored per write",
        example="1 KB or 300 MB",
        help="Storage stage; also the request body of a write.",
    ),
    Field(
        "overhead",
        "Overhead on the payload",
        FieldKind.PERCENT,
        default="30%",
        example="30% or 0",
        minimum=0,
        maximum=10,
        help=(
            "What is stored beside the payload, as a share of it: metadata and indexes (IDs, timestamps, "
            "secondary indexes), or erasure-coding parity (a 10 + 4 code adds 40%)."
        ),
    ),
    _stage(storage.CALCULATOR, "replication_factor"),
    _stage(storage.CALCULATOR, "retention_days"),
    _stage(storage.CALCULATOR, "yearly_growth"),
    _stage(storage.CALCULATOR, "horizon_years"),
    _stage(bandwidth.CALCULATOR, "response_bytes", example="5 KiB or 100 MB"),
    _stage(servers.CALCULATOR, "rps_per_server", default="10K", example="10K or 500"),
    _stage(servers.CALCULATOR, "target_utilisation"),
    _stage(servers.CALCULATOR, "redundancy", default="n+2"),
    Field(
        "cache_hit_ratio",
        "Cache hit ratio",
        FieldKind.PERCENT,
        default="90%",
        example="90% or 99",
        minimum=0,
        maximum=1,
        help="Share of reads the cache answers.",
    ),
    _stage(
        cache.CALCULATOR,
        "items_read_per_day",
        name="distinct_items_read_per_day",
        default="",
        optional=True,
        help="Different items read at least once a day. Leave empty to use a day's new items (average writes × 86,400 s).",
    ),
    _stage(cache.CALCULATOR, "hot_share"),
    Field(
        "cache_node_bytes",
        "Memory per cache node",
        FieldKind.BYTES,
        default="64 GiB",
        example="16 GiB or 256 GB",
        minimum=1e6,
        maximum=1e14,
    ),
    _stage(sharding.CALCULATOR, "max_shard_bytes", default="2 TB", example="2 TB or 500 GB"),
    _stage(sharding.CALCULATOR, "max_shard_write_rps", default="5K", example="5K or 20K"),
    _rps("peak_read_rps_override", "Override: peak reads per second"),
    _rps("peak_write_rps_override", "Override: peak writes per second"),
    Field(
        "data_bytes_override",
        "Override: data to shard",
        FieldKind.BYTES,
        default="",
        example="40 TB or 500 GB",
        minimum=0,
        maximum=1e18,
        optional=True,
        help="Leave empty to use the storage stage's size per copy.",
    ),
    _stage(
        cost.CALCULATOR,
        "storage_price_per_gb_month",
        help=(
            "Priced on everything held at the horizon, every replica included. Object storage standard tier by"
            f" default; block SSD ({figure('block_storage_ssd_usd_per_gb_month').format()}) suits replicas that"
            " are database volumes."
        ),
    ),
    _stage(cost.CALCULATOR, "egress_price_per_gb"),
    _stage(cost.CALCULATOR, "inter_zone_price_per_gb"),
    _stage(cost.CALCULATOR, "vcpus_per_server", help="Of one application server."),
    _stage(cost.CALCULATOR, "vcpu_hour_price"),
)

PRESETS = scenarios.PRESETS


def _out(key: str, label: str, kind: OutputKind, formula: str, working: str, unit: str = "") -> Output:
    return Output(key, label, kind, unit=unit, formula=formula, working=working)


CALCULATOR = Calculator(
    id="worksheet",
    title="Worksheet",
    summary="One scenario through traffic, storage, bandwidth, servers, cache, shards and cost, with presets for problems.",
    inputs_type=WorksheetInputs,
    compute=run_worksheet,
    source_module="calculators/worksheet.py",
    fields=FIELDS,
    presets=PRESETS,
    outputs=(
        _out(
            "daily_active_users",
            "Daily active users",
            OutputKind.COUNT,
            "MAU × daily share",
            "{monthly_active_users} × {daily_active_fraction} = {daily_active_users}",
            "users",
        ),
        _out(
            "peak_read_rps",
            "Peak reads per second",
            OutputKind.COUNT,
            "traffic stage, or the override",
            "from traffic (override: {peak_read_rps_override}) = {peak_read_rps}",
            "req/s",
        ),
        _out(
            "peak_write_rps",
            "Peak writes per second",
            OutputKind.COUNT,
            "traffic stage, or the override",
            "from traffic (override: {peak_write_rps_override}) = {peak_write_rps}",
            "req/s",
        ),
        _out(
            "stored_bytes_per_day",
            "Stored per day",
            OutputKind.BYTES,
            "average writes × 86,400 s × item size × (1 + overhead) × replicas",
            "{peak_write_rps} ÷ {peak_multiplier} × 86,400 × {item_bytes} × (1 + {overhead}) × {replication_factor}"
            " = {stored_bytes_per_day}",
        ),
        _out(
            "stored_bytes_at_horizon",
            "Held at the horizon",
            OutputKind.BYTES,
            "storage calculator over the horizon, with growth and retention",
            "{horizon_years} years, {yearly_growth} growth, {retention_days} days kept = {stored_bytes_at_horizon}",
        ),
        _out(
            "peak_bandwidth_bytes_per_s",
            "Bandwidth at peak",
            OutputKind.BYTE_RATE,
            "peak reads × response size + peak writes × item size",
            "{peak_read_rps} × {response_bytes} + {peak_write_rps} × {item_bytes} = {peak_bandwidth_bytes_per_s}",
        ),
        _out(
            "transfer_bytes_per_month",
            "Transfer per month",
            OutputKind.BYTES,
            "average bandwidth × 30.44 days",
            "average of {peak_bandwidth_bytes_per_s} ÷ {peak_multiplier} × 30.44 days = {transfer_bytes_per_month}",
        ),
        _out(
            "app_servers",
            "Application servers",
            OutputKind.COUNT,
            "⌈(peak reads + writes) ÷ (capacity × utilisation)⌉ + redundancy",
            "({peak_read_rps} + {peak_write_rps}) ÷ ({rps_per_server} × {target_utilisation}), {redundancy} = {app_servers}",
            "servers",
        ),
        _out(
            "backend_read_rps",
            "Reads reaching the database",
            OutputKind.COUNT,
            "peak reads × (1 − hit ratio)",
            "{peak_read_rps} × (1 − {cache_hit_ratio}) = {backend_read_rps}",
            "req/s",
        ),
        _out(
            "distinct_items_per_day",
            "Distinct items read per day",
            OutputKind.COUNT,
            "the field, or a day's new items",
            "given: {distinct_items_read_per_day}; else {peak_write_rps} ÷ {peak_multiplier} × 86,400 = {distinct_items_per_day}",
            "items",
        ),
        _out(
            "cache_memory_bytes",
            "Cache memory (hot set)",
            OutputKind.BYTES,
            "distinct items read per day × hot share × item size",
            "{distinct_items_per_day} × {hot_share} × {item_bytes} = {cache_memory_bytes}",
        ),
        _out(
            "cache_nodes",
            "Cache nodes",
            OutputKind.COUNT,
            "⌈hot set ÷ (node memory × 75%)⌉",
            "{cache_memory_bytes} ÷ ({cache_node_bytes} × 75%) → {cache_nodes}",
            "nodes",
        ),
        _out(
            "data_bytes_per_copy",
            "Data to shard (one copy)",
            OutputKind.BYTES,
            "held at the horizon ÷ replicas, or the override",
            "{stored_bytes_at_horizon} ÷ {replication_factor} (override: {data_bytes_override}) = {data_bytes_per_copy}",
        ),
        _out(
            "shards_for_size",
            "Shards for the data size",
            OutputKind.COUNT,
            "⌈data ÷ data per shard⌉",
            "⌈{data_bytes_per_copy} ÷ {max_shard_bytes}⌉ = {shards_for_size}",
            "shards",
        ),
        _out(
            "shards_for_writes",
            "Shards for the write rate",
            OutputKind.COUNT,
            "⌈peak writes ÷ writes per shard⌉",
            "⌈{peak_write_rps} ÷ {max_shard_write_rps}⌉ = {shards_for_writes}",
            "shards",
        ),
        _out(
            "shards",
            "Database shards",
            OutputKind.COUNT,
            "the larger of the two (at least 1)",
            "max({shards_for_size}, {shards_for_writes}) = {shards}",
            "shards",
        ),
        _out(
            "egress_bytes_per_month",
            "Data out per month",
            OutputKind.BYTES,
            "average reads × response size × 30.44 days",
            "{peak_read_rps} ÷ {peak_multiplier} × {response_bytes} × 30.44 days = {egress_bytes_per_month}",
        ),
        _out(
            "inter_zone_bytes_per_month",
            "Replication between zones per month",
            OutputKind.BYTES,
            "stored per day × (replicas − 1) ÷ replicas × 30.44 days",
            "{stored_bytes_per_day} × ({replication_factor} − 1) ÷ {replication_factor} × 30.44 days"
            " = {inter_zone_bytes_per_month}",
        ),
        _out(
            "storage_usd_per_month",
            "Storage per month, at the horizon",
            OutputKind.MONEY,
            "held at the horizon in GB (2³⁰ bytes) × price per GB-month",
            "{stored_bytes_at_horizon} in GB of 2³⁰ bytes × {storage_price_per_gb_month} = {storage_usd_per_month}",
            "$/month",
        ),
        _out(
            "egress_usd_per_month",
            "Egress per month",
            OutputKind.MONEY,
            "data out in GB × internet egress price",
            "{egress_bytes_per_month} in GB of 2³⁰ bytes × {egress_price_per_gb} = {egress_usd_per_month}",
            "$/month",
        ),
        _out(
            "inter_zone_usd_per_month",
            "Inter-zone traffic per month",
            OutputKind.MONEY,
            "replication in GB × price × 2 (out of one zone, into the other)",
            "{inter_zone_bytes_per_month} in GB of 2³⁰ bytes × {inter_zone_price_per_gb} × 2 = {inter_zone_usd_per_month}",
            "$/month",
        ),
        _out(
            "compute_usd_per_month",
            "Application servers per month",
            OutputKind.MONEY,
            "servers × vCPUs × 730 h × price per vCPU-hour",
            "{app_servers} × {vcpus_per_server} × 730 h × {vcpu_hour_price} = {compute_usd_per_month}",
            "$/month",
        ),
        _out(
            "total_usd_per_month",
            "Cost per month",
            OutputKind.MONEY,
            "storage + egress + inter-zone + servers",
            "{storage_usd_per_month} + {egress_usd_per_month} + {inter_zone_usd_per_month} + {compute_usd_per_month}"
            " = {total_usd_per_month}",
            "$/month",
        ),
        _out(
            "total_usd_per_year",
            "Cost per year",
            OutputKind.MONEY,
            "cost per month × 12",
            "{total_usd_per_month} × 12 = {total_usd_per_year}",
            "$/year",
        ),
    ),
    notes=(
        "Each stage runs the same function as its own calculator page;"
        " the overrides replace a stage's output for the stages after it.",
        "The storage stage keeps no separate backups; add them with the storage calculator if the design needs them.",
        "The cost stage runs the cost calculator's function at on-demand list prices: storage as held at the horizon,"
        " traffic and servers at today's rates. Every response is priced as internet egress (no CDN), and cache"
        " nodes and database machines are left out; price those with the cost calculator.",
    ),
)
