"""Cache: what a hit ratio does to backend load and mean latency, and the memory and nodes the hot set needs."""

from __future__ import annotations

from dataclasses import dataclass

from calculators.fields import Calculator, Field, FieldKind, Output, OutputKind
from calculators.reference import figure
from calculators.units import whole_units


@dataclass(frozen=True)
class CacheInputs:
    read_rps: float  # reads arriving at the cache [requests / s]
    hit_ratio: float  # share of reads the cache answers [0..1]
    cache_latency_s: float  # one cache lookup [s]
    backend_latency_s: float  # one read from the backend (database, service) [s]
    items_read_per_day: float  # distinct items read in a day [items]
    hot_share: float  # share of those items worth keeping in memory [0..1]
    item_bytes: float  # key + value + per-item overhead [bytes]
    node_memory_bytes: float  # memory of one cache node [bytes]
    usable_fraction: float  # share of node memory given to items [0..1]


@dataclass(frozen=True)
class CacheEstimate:
    backend_rps: float  # misses sent on to the backend [requests / s]
    mean_latency_s: float  # mean read latency with the cache [s]
    latency_speedup: float  # backend latency ÷ mean latency with the cache [ratio]
    working_set_bytes: float  # hot items × item size [bytes]
    usable_bytes_per_node: float  # [bytes]
    cache_nodes: float  # [nodes]


def mean_read_latency_s(hit_ratio: float, cache_latency_s: float, backend_latency_s: float) -> float:
    """Mean latency of cache-aside reads: every read pays the lookup; misses also pay the backend [s].

    ``h × cache + (1 − h) × (cache + backend)`` simplifies to ``cache + (1 − h) × backend``.

    >>> round(mean_read_latency_s(0.9, 0.001, 0.020), 6)
    0.003
    """
    return cache_latency_s + (1 - hit_ratio) * backend_latency_s


def estimate_cache(inputs: CacheInputs) -> CacheEstimate:
    """Backend load and latency from the hit ratio; memory and nodes from the hot set.

    >>> estimate = estimate_cache(CacheInputs(100_000, 0.9, 0.001, 0.02, 100e6, 0.2, 10_000, 64e9, 0.75))
    >>> round(estimate.backend_rps), estimate.working_set_bytes, estimate.cache_nodes
    (10000, 200000000000.0, 5.0)
    """
    mean_latency = mean_read_latency_s(inputs.hit_ratio, inputs.cache_latency_s, inputs.backend_latency_s)
    working_set = inputs.items_read_per_day * inputs.hot_share * inputs.item_bytes
    usable = inputs.node_memory_bytes * inputs.usable_fraction
    return CacheEstimate(
        backend_rps=inputs.read_rps * (1 - inputs.hit_ratio),
        mean_latency_s=mean_latency,
        latency_speedup=inputs.backend_latency_s / mean_latency,
        working_set_bytes=working_set,
        usable_bytes_per_node=usable,
        cache_nodes=float(max(1, whole_units(working_set / usable))),
    )


CALCULATOR = Calculator(
    id="cache",
    title="Cache",
    summary="Hit ratio → backend load and mean latency; hot set → cache memory and nodes.",
    inputs_type=CacheInputs,
    compute=estimate_cache,
    source_module="calculators/cache.py",
    fields=(
        Field(
            "read_rps",
            "Reads per second",
            FieldKind.NUMBER,
            default="100,000",
            example="100,000 or 2.5M",
            unit="req/s",
            minimum=0,
            maximum=1e10,
            help="Reads that go to the cache first, usually at peak.",
        ),
        Field(
            "hit_ratio",
            "Hit ratio",
            FieldKind.PERCENT,
            default="90%",
            example="90% or 99",
            minimum=0,
            maximum=1,
            help="Share of reads the cache answers. Measure it; 80–99% is common for a hot set that fits.",
        ),
        Field(
            "cache_latency_s",
            "Cache latency",
            FieldKind.DURATION,
            default=figure("cache_read_s").number_text(),
            example="1ms or 500 µs",
            minimum=1e-6,
            maximum=60,
            help=f"One lookup over the network to Redis or Memcached: {figure('cache_read_s').range_text()} inside a zone.",
        ),
        Field(
            "backend_latency_s",
            "Backend latency",
            FieldKind.DURATION,
            default=figure("database_read_s").number_text(),
            example="20ms or 100 ms",
            minimum=0,
            maximum=3600,
            help="One read from the database or service behind the cache:"
            f" {figure('database_read_s').range_text()} for an indexed query.",
        ),
        Field(
            "items_read_per_day",
            "Distinct items read per day",
            FieldKind.NUMBER,
            default="100M",
            example="100M or 5M",
            unit="items",
            minimum=0,
            maximum=1e13,
            help="Different items read in a day. Using all read requests instead counts repeats and gives an upper bound.",
        ),
        Field(
            "hot_share",
            "Share of items to cache",
            FieldKind.PERCENT,
            default="20%",
            example="20% or 5",
            minimum=0,
            maximum=1,
            help="Under an 80/20 skew, the hottest 20% of items draw about 80% of reads.",
        ),
        Field(
            "item_bytes",
            "Bytes per cached item",
            FieldKind.BYTES,
            default="10 kB",
            example="10 KB or 1 KiB",
            minimum=1,
            maximum=1e9,
            help="Value plus key plus the store's per-item overhead (tens of bytes in Redis and Memcached).",
        ),
        Field(
            "node_memory_bytes",
            "Memory per cache node",
            FieldKind.BYTES,
            default="64 GB",
            example="64 GB or 128 GiB",
            minimum=1e6,
            maximum=1e14,
            help="RAM of one cache server or instance.",
        ),
        Field(
            "usable_fraction",
            "Usable share of memory",
            FieldKind.PERCENT,
            default="75%",
            example="75% or 60",
            minimum=0.01,
            maximum=1,
            help="Leave room for the OS, fragmentation, connection buffers and, in Redis, copy-on-write during snapshots.",
        ),
    ),
    outputs=(
        Output(
            "backend_rps",
            "Reads reaching the backend",
            OutputKind.COUNT,
            unit="req/s",
            formula="reads × (1 − hit ratio)",
            working="{read_rps} × (1 − {hit_ratio}) = {backend_rps}",
        ),
        Output(
            "mean_latency_s",
            "Mean read latency",
            OutputKind.DURATION,
            formula="cache latency + (1 − hit ratio) × backend latency",
            working="{cache_latency_s} + (1 − {hit_ratio}) × {backend_latency_s} = {mean_latency_s}",
        ),
        Output(
            "latency_speedup",
            "Speed-up over no cache",
            OutputKind.COUNT,
            unit="×",
            formula="backend latency ÷ mean read latency",
            working="{backend_latency_s} ÷ {mean_latency_s} = {latency_speedup}",
        ),
        Output(
            "working_set_bytes",
            "Cache memory for the hot set",
            OutputKind.BYTES,
            formula="distinct items per day × share to cache × bytes per item",
            working="{items_read_per_day} × {hot_share} × {item_bytes} = {working_set_bytes}",
        ),
        Output(
            "usable_bytes_per_node",
            "Usable memory per node",
            OutputKind.BYTES,
            formula="memory per node × usable share",
            working="{node_memory_bytes} × {usable_fraction} = {usable_bytes_per_node}",
        ),
        Output(
            "cache_nodes",
            "Cache nodes",
            OutputKind.COUNT,
            unit="nodes",
            formula="⌈hot set ÷ usable memory per node⌉, before replicas",
            working="⌈{working_set_bytes} ÷ {usable_bytes_per_node}⌉ = {cache_nodes}",
        ),
    ),
    notes=(
        "The backend must still survive a cold or failed cache: at a 0% hit ratio it sees every read.",
        "Means hide the tail: at a 90% hit ratio, one read in ten still takes the backend's full latency.",
    ),
)
