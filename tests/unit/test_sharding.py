"""Sharding calculator: shard count, and keys moved by hash mod N versus consistent hashing.

References: Martin Kleppmann, "Designing Data-Intensive Applications" (2017), ch. 6
("Rebalancing partitions": why hash mod N moves most keys); Karger et al., "Consistent Hashing
and Random Trees" (STOC 1997); DeCandia et al., "Dynamo" (SOSP 2007) on virtual nodes.
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import evaluate
from calculators.patterns.sharding import ConsistentHashRing, shard_by_hash_mod, stable_hash
from calculators.sharding import (
    ShardingInputs,
    estimate_sharding,
    example_keys,
    hash_mod_moved_share,
    node_names,
    parse_bounds,
    parse_directory,
    ring_moved_share,
    ring_moves,
    sample_hashes,
)
from tests.unit.calculator_checks import assert_sound


def inputs(**changes: object) -> ShardingInputs:
    base: dict[str, object] = {
        "data_bytes": 10e12,
        "max_shard_bytes": 1e12,
        "write_rps": 50_000,
        "max_shard_write_rps": 5_000,
        "current_shards": 4,
        "new_shards": 5,
        "virtual_nodes": 100,
        "sample_keys": 10_000,
        "range_bounds": "250k, 500k, 750k, 1M",
        "directory": "1-600k=db-1, 600001-1M=db-2, 42=db-vip",
    }
    return ShardingInputs(**{**base, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "for_size", "for_writes", "needed"),
    [
        pytest.param({}, 10, 10, 10, id="defaults"),
        pytest.param({"data_bytes": 25e12}, 25, 10, 25, id="size-bound"),
        pytest.param({"write_rps": 120_000}, 10, 24, 24, id="write-bound"),
        pytest.param({"data_bytes": 0, "write_rps": 0}, 0, 0, 1, id="empty-still-one-shard"),
    ],
)
def test_shard_count(changes: dict[str, float], for_size: int, for_writes: int, needed: int) -> None:
    estimate = estimate_sharding(inputs(**changes, sample_keys=100))
    assert (estimate.shards_for_size, estimate.shards_for_writes, estimate.shards_needed) == (for_size, for_writes, needed)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(4, 5, 0.8, id="4-to-5"),
        pytest.param(4, 8, 0.5, id="doubling-keeps-half"),
        pytest.param(10, 11, 1 - 10 / 110, id="10-to-11"),
        pytest.param(6, 4, 1 - 4 / 12, id="shrinking"),
        pytest.param(7, 7, 0.0, id="unchanged"),
    ],
)
def test_hash_mod_theory_matches_the_sample(old: int, new: int, expected: float) -> None:
    estimate = estimate_sharding(inputs(current_shards=old, new_shards=new))
    assert hash_mod_moved_share(old, new) == pytest.approx(expected)
    assert estimate.mod_moved_sampled == pytest.approx(expected, abs=0.02)


@pytest.mark.parametrize(
    ("old", "new"),
    [pytest.param(4, 5, id="add-one"), pytest.param(10, 11, id="10-to-11"), pytest.param(8, 6, id="remove-two")],
)
def test_consistent_hashing_moves_about_the_minimum(old: int, new: int) -> None:
    estimate = estimate_sharding(inputs(current_shards=old, new_shards=new, virtual_nodes=200))
    assert ring_moved_share(old, new) == pytest.approx(abs(new - old) / max(old, new))
    assert estimate.ring_moved_sampled == pytest.approx(estimate.ring_moved_expected, rel=0.3)
    assert estimate.ring_moved_sampled < estimate.mod_moved_sampled


def test_more_virtual_nodes_even_out_the_ring() -> None:
    one = estimate_sharding(inputs(new_shards=10, virtual_nodes=1))
    many = estimate_sharding(inputs(new_shards=10, virtual_nodes=500))
    assert one.ring_busiest_load > many.ring_busiest_load
    assert many.ring_busiest_load < 1.2


def test_deterministic_across_calls() -> None:
    assert evaluate("sharding", {}) == evaluate("sharding", {})


def test_range_bounds_and_directory_parsing() -> None:
    assert parse_bounds("100, 2k,3M") == [100, 2_000, 3_000_000]
    directory = parse_directory("1-10=a, 11 - 20 = b, 15=vip")
    assert [directory.shard_for(key) for key in (1, 12, 15, 20)] == ["a", "b", "vip", "b"]
    assert example_keys([100, 200], directory) == [0, 15, 100, 101, 200, 201]


def test_placement_table_shows_rejections_and_missing_entries() -> None:
    tables = evaluate("sharding", {})["tables"]
    rows = {row[0]: row for row in tables["placement"]["rows"]}
    assert rows["250,000"][3] == "shard-0" and rows["250,001"][3] == "shard-1"  # bounds are inclusive
    assert rows["1,000,001"][3] == "rejected: above the last bound"
    assert rows["1,000,001"][4] == "no entry"
    assert rows["42"][4] == "db-vip"
    assert [row[0] for row in tables["strategies"]["rows"]] == ["hash mod N (4 → 5)", "consistent hashing, 100 virtual nodes"]


def test_range_and_directory_outputs() -> None:
    values = evaluate("sharding", {"range_bounds": "100, 1000", "directory": "1-100=a, 5000=b"})["values"]
    assert values["widest_range_share"] == pytest.approx(900 / 1001)
    assert values["directory_keys_covered"] == 101


@pytest.mark.parametrize(
    ("field_name", "raw", "phrase"),
    [
        pytest.param("range_bounds", "500, 100", "bounds must increase", id="descending-bounds"),
        pytest.param("range_bounds", "5, 5", "bounds must increase", id="repeated-bound"),
        pytest.param("directory", "1-100=a, 50-150=b", "overlaps", id="overlapping-ranges"),
        pytest.param("directory", "10-1=a", "is empty", id="backwards-range"),
        pytest.param("directory", "1-10", "not in the expected form", id="missing-shard"),
    ],
)
def test_cross_checks_name_the_field(field_name: str, raw: str, phrase: str) -> None:
    result = evaluate("sharding", {field_name: raw})
    assert result["ok"] is False
    message = result["errors"][field_name]
    label = {"range_bounds": "Range shard upper bounds", "directory": "Directory entries"}[field_name]
    assert message.startswith(label + ":") and phrase in message and "such as" in message


def test_ring_size_is_limited_to_stay_fast() -> None:
    message = evaluate("sharding", {"new_shards": "100", "virtual_nodes": "500"})["errors"]["virtual_nodes"]
    assert message.startswith("Virtual nodes per shard: at most 50 with 100 shards")


@settings(max_examples=30, deadline=None)
@given(old=st.integers(1, 40), new=st.integers(1, 40))
def test_ring_never_moves_more_than_mod_in_expectation(old: int, new: int) -> None:
    assert ring_moved_share(old, new) <= hash_mod_moved_share(old, new) + 1e-12
    estimate = estimate_sharding(inputs(current_shards=old, new_shards=new, virtual_nodes=50, sample_keys=2_000))
    assert 0 <= estimate.ring_moved_sampled <= 1 and 0 <= estimate.mod_moved_sampled <= 1
    if old == new:
        assert estimate.ring_moved_sampled == estimate.mod_moved_sampled == 0


@settings(max_examples=40, deadline=None)
@given(size=st.floats(min_value=0, max_value=1e20), more=st.floats(min_value=1, max_value=10))
def test_more_data_never_needs_fewer_shards(size: float, more: float) -> None:
    low = estimate_sharding(inputs(data_bytes=size, sample_keys=100))
    high = estimate_sharding(inputs(data_bytes=size * more, sample_keys=100))
    assert high.shards_needed >= low.shards_needed


@settings(max_examples=60, deadline=None)
@given(
    bounds=st.from_regex(r"\d{1,12}[kKmM]?(\s*,\s*\d{1,12}[kKmM]?){0,15}", fullmatch=True),
    directory=st.from_regex(r"\d{1,12}(-\d{1,12})?=[a-z]{1,5}(,\s?\d{1,12}(-\d{1,12})?=[a-z]{1,5}){0,5}", fullmatch=True),
)
def test_any_well_formed_bounds_and_directory_give_a_result_or_a_clear_error(bounds: str, directory: str) -> None:
    result = evaluate("sharding", {"range_bounds": bounds, "directory": directory, "sample_keys": "100"})
    assert_sound(result)
    if not result["ok"]:
        assert set(result["errors"]) <= {"range_bounds", "directory"}


@pytest.mark.parametrize(
    ("old", "new", "virtual_nodes"),
    [(4, 5, 100), (10, 7, 20), (1, 30, 50), (6, 6, 3), (3, 1, 1)],
)
def test_ring_moves_counted_per_arc_equal_a_key_by_key_count(old: int, new: int, virtual_nodes: int) -> None:
    hashes = sample_hashes(5_000)
    before = ConsistentHashRing(node_names(old), virtual_nodes)
    after = ConsistentHashRing(node_names(new), virtual_nodes)
    moves = ring_moves(hashes, before, after)
    owners_after = [after.node_for_hash(h) for h in hashes]
    assert moves.moved == sum(before.node_for_hash(h) != owner for h, owner in zip(hashes, owners_after, strict=True))
    assert moves.after_counts == Counter(owners_after)


def test_sample_hashes_are_the_user_keys_sorted() -> None:
    assert sample_hashes(50) == tuple(sorted(stable_hash(f"user:{n}") for n in range(50)))


@pytest.mark.parametrize(("old", "new"), [(4, 5), (9, 3), (1, 12)])
def test_a_ring_of_m_nodes_is_the_ring_of_n_nodes_grown_or_shrunk(old: int, new: int) -> None:
    grown = ConsistentHashRing(node_names(old), 40)
    if new > old:
        grown.add(*node_names(new)[old:])
    else:
        grown.remove(*node_names(old)[new:])
    fresh = ConsistentHashRing(node_names(new), 40)
    assert grown.points == fresh.points
    assert all(grown.node_for_hash(point) == fresh.node_for_hash(point) for point in fresh.points)


# Shard settings in an order that grows and shrinks the sample, the node count and the virtual
# nodes, so cached keys, rings and ring points are reused from larger and smaller settings alike.
_SETTINGS_IN_ORDER = [
    (10_000, 4, 5, 100),
    (300, 4, 5, 10),
    (2_500, 9, 3, 200),
    (2_500, 9, 3, 7),
    (10_000, 1, 12, 1),
    (700, 12, 12, 40),
]


def test_sampled_counts_equal_placing_every_key_with_the_pattern_code() -> None:
    """The calculator's cached, per-arc counts against a plain key-by-key count: ``user:0`` …
    placed one at a time with :func:`shard_by_hash_mod` and fresh :class:`ConsistentHashRing` objects."""
    for sample_keys, old, new, virtual_nodes in _SETTINGS_IN_ORDER:
        keys = [f"user:{n}" for n in range(sample_keys)]
        before = ConsistentHashRing(node_names(old), virtual_nodes)
        after = ConsistentHashRing(node_names(new), virtual_nodes)
        ring_after = [after.node_for(key) for key in keys]
        mod_after = [shard_by_hash_mod(key, new) for key in keys]
        estimate = estimate_sharding(
            inputs(sample_keys=sample_keys, current_shards=old, new_shards=new, virtual_nodes=virtual_nodes)
        )
        mean = sample_keys / new
        assert (
            estimate.mod_moved_sampled
            == sum(shard_by_hash_mod(key, old) != shard for key, shard in zip(keys, mod_after, strict=True)) / sample_keys
        )
        assert (
            estimate.ring_moved_sampled
            == sum(before.node_for(key) != node for key, node in zip(keys, ring_after, strict=True)) / sample_keys
        )
        assert estimate.mod_busiest_load == max(Counter(mod_after).values()) / mean
        assert estimate.ring_busiest_load == max(Counter(ring_after).values()) / mean
        example_ring_cells = [row[2] for row in estimate.example_rows]
        assert example_ring_cells == [
            f"{before.node_for(key)} → {after.node_for(key)}"
            for key in (row[0].replace(",", "") for row in estimate.example_rows)
        ]
