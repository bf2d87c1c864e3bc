"""Sharding: how many shards the data and writes need, and how many keys move when the shard count changes.

The moves are counted over real sample keys placed with the handbook's own pattern code
(:mod:`calculators.patterns.sharding`), and set beside the expected fractions. Ring moves are
counted arc by arc rather than key by key, which gives the same count in a fraction of the time.
Every hash is computed once per process (keys and ring points alike) and the sampled counts are
kept for the last few shard settings, so editing the size or write fields recounts nothing: one
evaluation fits in a frame inside Pyodide.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import operator
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from calculators.charts import Bar, bar_chart
from calculators.fields import Calculator, DisplayPrefs, Field, FieldKind, Output, OutputKind, Table
from calculators.patterns.sharding import ConsistentHashRing, KeyOutOfRangeError, ShardDirectory, shard_by_range, stable_hash
from calculators.reference import figure
from calculators.units import format_percent, whole_units

#: Most ring points (nodes × virtual nodes) a calculation builds, so it stays fast in the browser.
MAX_RING_POINTS = 5_000
#: Most sample keys a calculation places (the ``sample_keys`` field's maximum).
MAX_SAMPLE_KEYS = 10_000

_ID = r"\d{1,12}[kKmM]?"
_SHARD_NAME = r"[A-Za-z0-9_.:-]{1,20}"
BOUNDS_PATTERN = rf"{_ID}(?:\s*,\s*{_ID}){{0,15}}"
_ENTRY = rf"{_ID}(?:\s*-\s*{_ID})?\s*=\s*{_SHARD_NAME}"
DIRECTORY_PATTERN = rf"{_ENTRY}(?:\s*,\s*{_ENTRY}){{0,15}}"


@dataclass(frozen=True)
class ShardingInputs:
    data_bytes: float  # data to hold, replicas excluded [bytes]
    max_shard_bytes: float  # most data one shard should hold [bytes]
    write_rps: float  # peak writes across all shards [requests / s]
    max_shard_write_rps: float  # most writes one shard sustains [requests / s]
    current_shards: float  # N, shards today [shards]
    new_shards: float  # M, shards after resharding [shards]
    virtual_nodes: float  # points per shard on the consistent-hash ring [points]
    sample_keys: float  # keys placed to count moves [keys]
    range_bounds: str  # inclusive upper key bound of each range shard, comma-separated
    directory: str  # "first-last=shard" and "key=shard" entries, comma-separated


@dataclass(frozen=True)
class ShardingEstimate:
    shards_for_size: float  # [shards]
    shards_for_writes: float  # [shards]
    shards_needed: float  # the larger of the two [shards]
    mod_moved_sampled: float  # share of sample keys whose shard changes under hash mod [0..1]
    mod_moved_expected: float  # 1 − min(N, M) ÷ lcm(N, M) [0..1]
    ring_moved_sampled: float  # share of sample keys whose node changes on the ring [0..1]
    ring_moved_expected: float  # |M − N| ÷ max(M, N) [0..1]
    ring_busiest_load: float  # busiest of M ring nodes ÷ mean load [ratio]
    mod_busiest_load: float  # busiest of M mod shards ÷ mean load [ratio]
    widest_range_share: float  # widest range ÷ key space 0..last bound [0..1]
    directory_keys_covered: float  # keys the directory places [keys]
    example_rows: tuple[tuple[str, ...], ...] = ()  # key, hash mod, ring, range, directory (display text)


def parse_key(text: str) -> int:
    """A whole-number key with an optional k (thousand) or M (million) suffix.

    >>> parse_key("250k"), parse_key("1M"), parse_key("42")
    (250000, 1000000, 42)
    """
    text = text.strip()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1].lower(), 1)
    return int(text.rstrip("kKmM")) * scale


def parse_bounds(text: str) -> list[int]:
    """Comma-separated upper bounds; raises ``ValueError`` unless strictly increasing.

    >>> parse_bounds("250k, 500k, 1M")
    [250000, 500000, 1000000]
    """
    bounds = [parse_key(part) for part in text.split(",")]
    for earlier, later in itertools.pairwise(bounds):
        if later <= earlier:
            raise ValueError(f"bounds must increase ({later:,} comes after {earlier:,})")
    return bounds


def parse_directory(text: str) -> ShardDirectory:
    """Build a directory from ``first-last=shard`` ranges and ``key=shard`` pins.

    A bad entry is named by its position, and an overlap by both entries.

    >>> parse_directory("1-600k=db-1, 42=db-vip").shard_for(42)
    'db-vip'
    >>> parse_directory("1-600k=db-1, 500k-700k=db-2")
    Traceback (most recent call last):
    ValueError: entry 2 (500,000-700,000) overlaps entry 1 (1-600,000)
    """
    directory = ShardDirectory()
    placed: list[tuple[int, int, int]] = []  # (first, last, entry number) of each range so far
    for number, entry in enumerate(text.split(","), start=1):
        keys, shard = (part.strip() for part in entry.split("="))
        if "-" not in keys:
            directory.pin(parse_key(keys), shard)
            continue
        first, last = (parse_key(part) for part in keys.split("-"))
        if last < first:
            raise ValueError(f"entry {number} ({first:,}-{last:,}) is empty: its first key is above its last")
        for other_first, other_last, other in placed:
            if other_first <= last and first <= other_last:
                raise ValueError(f"entry {number} ({first:,}-{last:,}) overlaps entry {other} ({other_first:,}-{other_last:,})")
        directory.assign_range(first, last, shard)
        placed.append((first, last, number))
    return directory


def hash_mod_moved_share(old: int, new: int) -> float:
    """Share of uniformly hashed keys whose ``h mod N`` differs from ``h mod M``.

    A key keeps its shard only when both residues are equal, which happens for min(N, M)
    of every lcm(N, M) consecutive hash values.

    >>> hash_mod_moved_share(4, 5), hash_mod_moved_share(4, 8), hash_mod_moved_share(3, 3)
    (0.8, 0.5, 0.0)
    """
    return 1 - min(old, new) / math.lcm(old, new)


def ring_moved_share(old: int, new: int) -> float:
    """Expected share of keys that move on a consistent-hash ring from N to M nodes: |M − N| ÷ max(M, N).

    >>> ring_moved_share(4, 5), ring_moved_share(5, 4)
    (0.2, 0.2)
    """
    return abs(new - old) / max(old, new)


def node_names(count: int) -> list[str]:
    return [f"shard-{n}" for n in range(count)]


def _busiest_over_mean(owner_counts: Counter[str] | Counter[int], key_count: int, shards: int) -> float:
    return max(owner_counts.values()) / (key_count / shards)


def _widest_range_share(bounds: list[int]) -> float:
    widths = [bounds[0] + 1] + [later - earlier for earlier, later in itertools.pairwise(bounds)]
    return max(widths) / (bounds[-1] + 1)


@functools.cache
def _user_key_hashes() -> tuple[int, ...]:
    """``stable_hash("user:<n>")`` for every n below MAX_SAMPLE_KEYS, in key order: a smaller sample is a prefix."""
    return tuple(stable_hash(f"user:{n}") for n in range(MAX_SAMPLE_KEYS))


@functools.lru_cache(maxsize=4)
def sample_hashes(count: int) -> tuple[int, ...]:
    """The stable hashes of ``user:0`` … ``user:<count − 1>``, sorted: the same keys on every call.

    Cached because they depend on nothing but the count, and hashing is most of the work: the
    keys are hashed once per process, and a new count only sorts a prefix of them.
    """
    if count > MAX_SAMPLE_KEYS:
        return tuple(sorted(stable_hash(f"user:{n}") for n in range(count)))
    return tuple(sorted(_user_key_hashes()[:count]))


# Each node's ring points so far, in replica order: node "shard-3" with 10 virtual nodes has the
# first 10 of the points it has with 100, so a ring of any size reuses the hashes already made.
# Bounded by the fields: 100 nodes × 1,000 points at most.
_points_by_node: dict[str, list[int]] = {}


class _HashedOnceRing(ConsistentHashRing):
    """A :class:`ConsistentHashRing` whose points are hashed once per process and node (the same points)."""

    def _node_points(self, node: str) -> list[int]:
        points = _points_by_node.setdefault(node, [])
        points.extend(stable_hash(f"{node}#{replica}") for replica in range(len(points), self.virtual_nodes))
        return points[: self.virtual_nodes]


@functools.lru_cache(maxsize=8)
def shard_ring(shards: int, virtual_nodes: int) -> ConsistentHashRing:
    """The ring of ``shard-0`` … ``shard-<shards − 1>``, built once per size; callers only read it."""
    return _HashedOnceRing(node_names(shards), virtual_nodes)


@dataclass(frozen=True)
class RingMoves:
    moved: int  # sample keys whose node differs after the change [keys]
    after_counts: Counter[str]  # sample keys on each node after the change [keys]


def _owner_per_arc(ring: ConsistentHashRing, starts: Sequence[int]) -> list[str]:
    """``[ring.node_for_hash(start) for start in starts]`` in whole-list steps: the owner of the
    first point above each start, wrapping past the last point to the first."""
    owners = ring.owners
    wrapped = (*owners, owners[0])
    return list(map(wrapped.__getitem__, map(bisect.bisect_right, itertools.repeat(ring.points), starts)))


def ring_moves(sorted_hashes: Sequence[int], before: ConsistentHashRing, after: ConsistentHashRing) -> RingMoves:
    """Count the keys that change node when ring ``before`` becomes ring ``after``.

    Exactly the count a key-by-key lookup gives, but per arc: between two consecutive points of
    either ring, every key has the same owner before and the same owner after, so one lookup per
    arc and a binary search for how many sorted hashes fall in it replace one lookup per key.

    >>> hashes = sample_hashes(2_000)
    >>> before, after = ConsistentHashRing(node_names(4), 50), ConsistentHashRing(node_names(5), 50)
    >>> moves = ring_moves(hashes, before, after)
    >>> moves.moved == sum(before.node_for_hash(h) != after.node_for_hash(h) for h in hashes)
    True
    >>> sum(moves.after_counts.values())
    2000
    """
    # Each arc starts at 0 or at a point and runs to the next point (or past the last hash).
    starts = [0, *sorted(set(before.points).union(after.points))]
    firsts = list(map(bisect.bisect_left, itertools.repeat(sorted_hashes), starts))  # first sample key in each arc
    keys_per_arc = list(map(operator.sub, [*firsts[1:], len(sorted_hashes)], firsts))
    owners_before, owners_after = _owner_per_arc(before, starts), _owner_per_arc(after, starts)
    moved = sum(itertools.compress(keys_per_arc, map(operator.ne, owners_before, owners_after)))
    after_counts: Counter[str] = Counter()
    for owner, keys in zip(owners_after, keys_per_arc, strict=True):
        after_counts[owner] += keys
    return RingMoves(moved, after_counts)


def example_keys(bounds: list[int], directory: ShardDirectory) -> list[int]:
    """Keys worth showing: 0, each of the first bounds and the key after it, the pinned keys, and one past the last bound.

    >>> example_keys([100, 200], parse_directory("7=db-x"))
    [0, 7, 100, 101, 200, 201]
    """
    keys = {0, bounds[-1] + 1, *directory.pinned}
    for bound in bounds[:4]:
        keys.update((bound, bound + 1))
    return sorted(keys)[:12]


@dataclass(frozen=True)
class SampledMoves:
    mod_moved_share: float  # sample keys whose hash mod N ≠ hash mod M [0..1]
    ring_moved_share: float  # sample keys whose ring node changes [0..1]
    mod_busiest_load: float  # busiest of M mod shards ÷ mean, after [ratio]
    ring_busiest_load: float  # busiest of M ring nodes ÷ mean, after [ratio]


@functools.lru_cache(maxsize=16)
def sampled_moves(sample_keys: int, old: int, new: int, virtual_nodes: int) -> SampledMoves:
    """Place ``sample_keys`` user keys before and after going from ``old`` to ``new`` shards, by hash
    mod N and on a ring of ``virtual_nodes`` points per shard, and count what moved and the busiest shard.

    Cached: it depends on these four numbers only, so an edit to any other field costs nothing here.

    >>> moves = sampled_moves(10_000, 4, 8, 100)
    >>> round(moves.mod_moved_share, 2), round(moves.ring_moved_share, 1)
    (0.5, 0.5)
    """
    samples = sample_hashes(sample_keys)
    count = len(samples)
    ring = ring_moves(samples, shard_ring(old, virtual_nodes), shard_ring(new, virtual_nodes))
    shard_after = [key_hash % new for key_hash in samples]
    mod_moved = sum(map(operator.ne, [key_hash % old for key_hash in samples], shard_after))
    return SampledMoves(
        mod_moved_share=mod_moved / count,
        ring_moved_share=ring.moved / count,
        mod_busiest_load=_busiest_over_mean(Counter(shard_after), count, new),
        ring_busiest_load=_busiest_over_mean(ring.after_counts, count, new),
    )


def shards_for(data_bytes: float, max_shard_bytes: float, write_rps: float, max_shard_write_rps: float) -> tuple[int, int]:
    """Shards needed for the data size and for the write rate, each rounded up [shards].

    >>> shards_for(10e12, 2e12, 12_000, 5_000)
    (5, 3)
    """
    return whole_units(data_bytes / max_shard_bytes), whole_units(write_rps / max_shard_write_rps)


def estimate_sharding(inputs: ShardingInputs) -> ShardingEstimate:
    """Shard count from size and write limits; keys moved from N to M shards, sampled and expected.

    >>> inputs = ShardingInputs(10e12, 1e12, 50_000, 5_000, 4, 5, 100, 10_000, "250k, 500k, 1M", "1-600k=db-1")
    >>> estimate = estimate_sharding(inputs)
    >>> estimate.shards_needed, estimate.mod_moved_expected, estimate.ring_moved_expected
    (10.0, 0.8, 0.2)
    >>> round(estimate.mod_moved_sampled, 1), round(estimate.ring_moved_sampled, 1)
    (0.8, 0.2)
    """
    for_size, for_writes = shards_for(inputs.data_bytes, inputs.max_shard_bytes, inputs.write_rps, inputs.max_shard_write_rps)
    old, new, virtual = int(inputs.current_shards), int(inputs.new_shards), int(inputs.virtual_nodes)
    bounds, directory = parse_bounds(inputs.range_bounds), parse_directory(inputs.directory)
    sampled = sampled_moves(int(inputs.sample_keys), old, new, virtual)
    before, after = shard_ring(old, virtual), shard_ring(new, virtual)
    examples = example_keys(bounds, directory)
    example_hashes = [stable_hash(str(key)) for key in examples]
    rows = []
    for key, key_hash in zip(examples, example_hashes, strict=True):
        try:
            by_range = f"shard-{shard_by_range(key, bounds)}"
        except KeyOutOfRangeError:
            by_range = "rejected: above the last bound"
        try:
            by_directory = directory.shard_for(key)
        except KeyError:
            by_directory = "no entry"
        rows.append(
            (
                f"{key:,}",
                f"shard-{key_hash % old} → shard-{key_hash % new}",
                f"{before.node_for_hash(key_hash)} → {after.node_for_hash(key_hash)}",
                by_range,
                by_directory,
            )
        )
    return ShardingEstimate(
        shards_for_size=float(for_size),
        shards_for_writes=float(for_writes),
        shards_needed=float(max(1, for_size, for_writes)),
        mod_moved_sampled=sampled.mod_moved_share,
        mod_moved_expected=hash_mod_moved_share(old, new),
        ring_moved_sampled=sampled.ring_moved_share,
        ring_moved_expected=ring_moved_share(old, new),
        ring_busiest_load=sampled.ring_busiest_load,
        mod_busiest_load=sampled.mod_busiest_load,
        widest_range_share=_widest_range_share(bounds),
        directory_keys_covered=float(directory.covered_key_count()),
        example_rows=tuple(rows),
    )


FIELDS: tuple[Field, ...] = (
    Field(
        "data_bytes",
        "Data to store",
        FieldKind.BYTES,
        default="10 TB",
        example="10 TB or 500 GiB",
        minimum=0,
        maximum=1e21,
        help="One copy of the data, indexes included; replicas are per shard and do not change the count.",
    ),
    Field(
        "max_shard_bytes",
        "Most data per shard",
        FieldKind.BYTES,
        default="1 TB",
        example="1 TB or 500 GB",
        minimum=1e6,
        maximum=1e18,
        help="Keep shards small enough to back up, restore and move in hours, not days.",
    ),
    Field(
        "write_rps",
        "Peak writes per second",
        FieldKind.NUMBER,
        default="50,000",
        example="50,000 or 2K",
        unit="req/s",
        minimum=0,
        maximum=1e10,
        help="All writes at the busiest moment; reads can also be served by replicas.",
    ),
    Field(
        "max_shard_write_rps",
        "Most writes per shard",
        FieldKind.NUMBER,
        default=figure("relational_primary_writes_per_s").number_text(),
        example="5,000 or 10K",
        unit="req/s",
        minimum=1,
        maximum=1e9,
        help="What one primary sustains with room to spare. Benchmark your own workload; without that, plan on "
        f"{figure('relational_primary_writes_per_s').format()} (typically"
        f" {figure('relational_primary_writes_per_s').range_text()}).",
    ),
    Field(
        "current_shards",
        "Shards now (N)",
        FieldKind.NUMBER,
        default="4",
        example="4 or 10",
        unit="shards",
        minimum=1,
        maximum=100,
        integer=True,
        help="Shard count before resharding.",
    ),
    Field(
        "new_shards",
        "Shards after (M)",
        FieldKind.NUMBER,
        default="5",
        example="5 or 8",
        unit="shards",
        minimum=1,
        maximum=100,
        integer=True,
        help="Shard count after adding or removing shards.",
    ),
    Field(
        "virtual_nodes",
        "Virtual nodes per shard",
        FieldKind.NUMBER,
        default="100",
        example="100 or 10",
        unit="points",
        minimum=1,
        maximum=1000,
        integer=True,
        help="Points each shard owns on the consistent-hash ring; more points spread load more evenly.",
    ),
    Field(
        "sample_keys",
        "Sample keys",
        FieldKind.NUMBER,
        default="10,000",
        example="10,000 or 2,000",
        unit="keys",
        minimum=100,
        maximum=10_000,
        integer=True,
        help='Keys "user:0", "user:1", … placed before and after to count the moves.',
    ),
    Field(
        "range_bounds",
        "Range shard upper bounds",
        FieldKind.PATTERN,
        default="250k, 500k, 750k, 1M",
        example="250k, 500k, 750k, 1M or 100, 1000",
        pattern=BOUNDS_PATTERN,
        help="Inclusive upper key of each range shard, increasing; keys above the last bound are rejected.",
    ),
    Field(
        "directory",
        "Directory entries",
        FieldKind.PATTERN,
        default="1-600k=db-1, 600001-1M=db-2, 42=db-vip",
        example="1-600k=db-1, 42=db-vip or 1-10=db-9",
        pattern=DIRECTORY_PATTERN,
        help="first-last=shard for a range, key=shard to pin one key (a large tenant, say); pins win over ranges.",
    ),
)
_FIELD = {f.name: f for f in FIELDS}


def check_sharding(inputs: ShardingInputs) -> Mapping[str, str]:
    """Bounds must increase, directory ranges must not overlap, and the ring must stay small enough to compute quickly."""
    errors: dict[str, str] = {}
    try:
        parse_bounds(inputs.range_bounds)
    except ValueError as exc:
        errors["range_bounds"] = str(_FIELD["range_bounds"].error(str(exc)))
    try:
        parse_directory(inputs.directory)
    except ValueError as exc:
        errors["directory"] = str(_FIELD["directory"].error(str(exc)))
    shards = int(max(inputs.current_shards, inputs.new_shards))
    if shards * inputs.virtual_nodes > MAX_RING_POINTS:
        reason = f"at most {MAX_RING_POINTS // shards:,} with {shards} shards (a ring of {MAX_RING_POINTS:,} points at most)"
        errors["virtual_nodes"] = str(_FIELD["virtual_nodes"].error(reason))
    return errors


def make_tables(inputs: ShardingInputs, result: ShardingEstimate, prefs: DisplayPrefs) -> Mapping[str, Table]:
    old, new, virtual = int(inputs.current_shards), int(inputs.new_shards), int(inputs.virtual_nodes)
    strategies = Table(
        title=f"Going from {old} to {new} shards",
        columns=("Strategy", "Keys moved (sample)", "Keys moved (expected)", "Busiest shard ÷ mean, after"),
        rows=(
            (
                f"hash mod N ({old} → {new})",
                format_percent(result.mod_moved_sampled),
                format_percent(result.mod_moved_expected),
                f"{result.mod_busiest_load:.2f}×",
            ),
            (
                f"consistent hashing, {virtual} virtual nodes",
                format_percent(result.ring_moved_sampled),
                format_percent(result.ring_moved_expected),
                f"{result.ring_busiest_load:.2f}×",
            ),
        ),
    )
    placement = Table(
        title="Where example keys go",
        columns=("Key", f"hash mod N ({old} → {new})", f"ring ({old} → {new})", "range", "directory"),
        rows=result.example_rows,
    )
    return {"strategies": strategies, "placement": placement}


def moves_chart(inputs: ShardingInputs, result: ShardingEstimate, prefs: DisplayPrefs) -> dict[str, str]:
    """Share of sample keys that change shard under each strategy."""
    old, new = int(inputs.current_shards), int(inputs.new_shards)
    bars = [Bar("hash mod N", result.mod_moved_sampled), Bar("consistent hashing", result.ring_moved_sampled)]
    return {
        "moves": bar_chart(
            f"Keys that move when going from {old} to {new} shards",
            f"Share of {int(inputs.sample_keys):,} sample keys whose shard changes: hash mod N moves "
            f"{format_percent(result.mod_moved_sampled)}, a consistent-hash ring {format_percent(result.ring_moved_sampled)}.",
            bars,
            format_percent,
        )
    }


CALCULATOR = Calculator(
    id="sharding",
    title="Sharding",
    summary="Shards needed for data size and write rate; keys moved by hash mod N versus consistent hashing.",
    inputs_type=ShardingInputs,
    compute=estimate_sharding,
    validate=check_sharding,
    tables=make_tables,
    charts=moves_chart,
    source_module="calculators/sharding.py",
    fields=FIELDS,
    outputs=(
        Output(
            "shards_for_size",
            "Shards for the data size",
            OutputKind.COUNT,
            unit="shards",
            formula="⌈data ÷ most data per shard⌉",
            working="⌈{data_bytes} ÷ {max_shard_bytes}⌉ = {shards_for_size}",
        ),
        Output(
            "shards_for_writes",
            "Shards for the write rate",
            OutputKind.COUNT,
            unit="shards",
            formula="⌈peak writes ÷ most writes per shard⌉",
            working="⌈{write_rps} ÷ {max_shard_write_rps}⌉ = {shards_for_writes}",
        ),
        Output(
            "shards_needed",
            "Shards needed",
            OutputKind.COUNT,
            unit="shards",
            formula="the larger of the two (at least 1)",
            working="max({shards_for_size}, {shards_for_writes}) = {shards_needed}",
        ),
        Output(
            "mod_moved_sampled",
            "Keys moved, hash mod N (sample)",
            OutputKind.FRACTION,
            formula="share of sample keys with stable_hash mod N ≠ stable_hash mod M",
            working="{sample_keys} keys, {current_shards} → {new_shards} shards: {mod_moved_sampled}",
        ),
        Output(
            "mod_moved_expected",
            "Keys moved, hash mod N (expected)",
            OutputKind.FRACTION,
            formula="1 − min(N, M) ÷ lcm(N, M)",
            working="1 − min({current_shards}, {new_shards}) ÷ lcm({current_shards}, {new_shards}) = {mod_moved_expected}",
        ),
        Output(
            "ring_moved_sampled",
            "Keys moved, consistent hashing (sample)",
            OutputKind.FRACTION,
            formula="share of sample keys whose ring node changes",
            working="{sample_keys} keys, {virtual_nodes} virtual nodes each: {ring_moved_sampled}",
        ),
        Output(
            "ring_moved_expected",
            "Keys moved, consistent hashing (expected)",
            OutputKind.FRACTION,
            formula="|M − N| ÷ max(M, N)",
            working="|{new_shards} − {current_shards}| ÷ max({new_shards}, {current_shards}) = {ring_moved_expected}",
        ),
        Output(
            "ring_busiest_load",
            "Busiest ring shard ÷ mean, after",
            OutputKind.COUNT,
            unit="× mean",
            formula="most sample keys on one of the M ring shards ÷ (sample ÷ M)",
            working="{virtual_nodes} virtual nodes per shard → {ring_busiest_load}",
        ),
        Output(
            "mod_busiest_load",
            "Busiest hash-mod shard ÷ mean, after",
            OutputKind.COUNT,
            unit="× mean",
            formula="most sample keys on one of the M shards ÷ (sample ÷ M)",
            working="{sample_keys} keys over {new_shards} shards → {mod_busiest_load}",
        ),
        Output(
            "widest_range_share",
            "Widest range's share of the key space",
            OutputKind.FRACTION,
            formula="widest range ÷ (last bound + 1), keys counted from 0",
            working="bounds {range_bounds} → {widest_range_share}",
        ),
        Output(
            "directory_keys_covered",
            "Keys the directory places",
            OutputKind.COUNT,
            unit="keys",
            formula="keys in every range entry + pinned keys outside them",
            working="{directory} → {directory_keys_covered}",
        ),
    ),
    notes=(
        "Hashes come from stable_hash (BLAKE2b), not Python's hash(), which is salted per process for strings.",
        "Even key ranges are not even load: new IDs are written at the top of the range, so the last shard takes every insert.",
    ),
)
