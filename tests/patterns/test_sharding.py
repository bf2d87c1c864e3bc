"""Tests for shard selection (calculators/patterns/sharding.py).

References: Karger et al., "Consistent Hashing and Random Trees" (STOC 1997) for the ~K/N keys
moved when a node joins; Martin Kleppmann, "Designing Data-Intensive Applications" (2017),
ch. 6, on why hash mod N rebalances badly and on key-range partitioning.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.patterns.sharding import (
    ConsistentHashRing,
    KeyOutOfRangeError,
    ShardDirectory,
    shard_by_hash_mod,
    shard_by_range,
    stable_hash,
)

KEYS = [f"user:{n}" for n in range(20_000)]


@pytest.mark.parametrize("seed", ["0", "1", "12345", "random"])
def test_stable_hash_is_the_same_in_another_process(seed: str) -> None:
    code = "from calculators.patterns.sharding import stable_hash; print(stable_hash('user:42'), hash('user:42'))"
    env = {**os.environ, "PYTHONHASHSEED": seed}
    output = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout.split()
    assert int(output[0]) == stable_hash("user:42")


def test_builtin_hash_differs_between_processes() -> None:
    """The reason stable_hash exists: str hashes change with PYTHONHASHSEED."""
    code = "print(hash('user:42'))"
    seen = {
        subprocess.run(
            [sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, check=True
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(seen) > 1


@given(st.text(max_size=200))
def test_stable_hash_fits_in_64_bits(key: str) -> None:
    assert 0 <= stable_hash(key) < 2**64


@pytest.mark.parametrize("shards", [1, 3, 8, 16])
def test_hash_mod_spreads_keys_evenly(shards: int) -> None:
    counts = Counter(shard_by_hash_mod(key, shards) for key in KEYS)
    assert set(counts) == set(range(shards))
    assert max(counts.values()) / (len(KEYS) / shards) < 1.1


@pytest.mark.parametrize(
    ("old", "new", "moved"),
    [
        pytest.param(4, 5, 1 - 4 / 20, id="4-to-5"),
        pytest.param(4, 8, 1 - 4 / 8, id="doubling"),
        pytest.param(10, 11, 1 - 10 / 110, id="10-to-11"),
    ],
)
def test_hash_mod_moves_most_keys(old: int, new: int, moved: float) -> None:
    """A key stays only if h mod N = h mod M: min(N, M) residues in every lcm(N, M)."""
    share = sum(shard_by_hash_mod(k, old) != shard_by_hash_mod(k, new) for k in KEYS) / len(KEYS)
    assert share == pytest.approx(moved, abs=0.015)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        pytest.param(0, 0, id="below-first"),
        pytest.param(100, 0, id="first-bound-inclusive"),
        pytest.param(101, 1, id="just-above-first"),
        pytest.param(300, 2, id="last-bound"),
    ],
)
def test_range_lookup(key: int, expected: int) -> None:
    assert shard_by_range(key, [100, 200, 300]) == expected


def test_range_rejects_keys_above_the_last_bound() -> None:
    with pytest.raises(KeyOutOfRangeError, match="above the last range bound"):
        shard_by_range(301, [100, 200, 300])


def test_open_ended_last_range_with_infinity() -> None:
    assert shard_by_range(10**12, [100, 200, math.inf]) == 2


def test_range_works_on_strings() -> None:
    assert [shard_by_range(name, ["f", "m", "zzzz"]) for name in ("alice", "f", "fred", "zoe")] == [0, 0, 1, 2]


@pytest.mark.parametrize(
    "bounds",
    [pytest.param([], id="empty"), pytest.param([3, 2], id="descending"), pytest.param([1, 1], id="repeated")],
)
def test_range_rejects_bad_bounds(bounds: list[int]) -> None:
    with pytest.raises(ValueError):
        shard_by_range(1, bounds)


@given(st.lists(st.integers(-(10**9), 10**9), min_size=1, max_size=30, unique=True), st.integers(-(10**9), 10**9))
def test_range_lookup_matches_a_linear_scan(bounds: list[int], key: int) -> None:
    bounds.sort()
    expected = next((i for i, bound in enumerate(bounds) if key <= bound), None)
    if expected is None:
        with pytest.raises(KeyOutOfRangeError):
            shard_by_range(key, bounds)
    else:
        assert shard_by_range(key, bounds) == expected


def make_directory() -> ShardDirectory:
    directory = ShardDirectory()
    directory.assign_range(1, 1_000, "db-1")
    directory.assign_range(1_001, 5_000, "db-2")
    directory.pin(42, "db-vip")
    return directory


@pytest.mark.parametrize(
    ("key", "shard"),
    [
        pytest.param(1, "db-1", id="first-key"),
        pytest.param(1_000, "db-1", id="range-end-inclusive"),
        pytest.param(1_001, "db-2", id="next-range"),
        pytest.param(42, "db-vip", id="pinned-wins"),
    ],
)
def test_directory_lookup(key: int, shard: str) -> None:
    assert make_directory().shard_for(key) == shard


@pytest.mark.parametrize("key", [0, 5_001, -7])
def test_directory_never_guesses(key: int) -> None:
    with pytest.raises(KeyError):
        make_directory().shard_for(key)


@pytest.mark.parametrize(("first", "last"), [(500, 600), (0, 1), (5_000, 6_000), (1, 5_000), (10, 5)])
def test_directory_rejects_overlaps_and_empty_ranges(first: int, last: int) -> None:
    with pytest.raises(ValueError):
        make_directory().assign_range(first, last, "db-x")


def test_directory_lists_entries() -> None:
    directory = make_directory()
    assert directory.ranges == [(1, 1_000, "db-1"), (1_001, 5_000, "db-2")]
    assert directory.pinned == {42: "db-vip"}
    assert directory.covered_key_count() == 5_000


def test_ring_adds_and_removes_several_nodes_at_once() -> None:
    one_by_one = ConsistentHashRing(nodes(3), 50)
    one_by_one.add("shard-3")
    one_by_one.add("shard-4")
    together = ConsistentHashRing(nodes(3), 50)
    together.add("shard-3", "shard-4")
    assert all(one_by_one.node_for(key) == together.node_for(key) for key in KEYS[:2_000])
    together.remove("shard-3", "shard-4")
    assert together.nodes == frozenset(nodes(3))
    with pytest.raises(ValueError):
        together.add("shard-9", "shard-9")


def nodes(count: int) -> list[str]:
    return [f"shard-{n}" for n in range(count)]


@pytest.mark.parametrize("count", [2, 5, 10])
def test_ring_adding_a_node_moves_about_one_in_n_plus_one(count: int) -> None:
    ring = ConsistentHashRing(nodes(count), virtual_nodes=200)
    before = {key: ring.node_for(key) for key in KEYS}
    ring.add(f"shard-{count}")
    moved = [key for key in KEYS if ring.node_for(key) != before[key]]
    assert len(moved) / len(KEYS) == pytest.approx(1 / (count + 1), rel=0.25)
    assert {ring.node_for(key) for key in moved} == {f"shard-{count}"}  # keys only move to the newcomer


def test_ring_removing_a_node_moves_only_its_keys() -> None:
    ring = ConsistentHashRing(nodes(5), virtual_nodes=100)
    before = {key: ring.node_for(key) for key in KEYS}
    ring.remove("shard-2")
    assert all(ring.node_for(key) == owner for key, owner in before.items() if owner != "shard-2")
    assert "shard-2" not in {ring.node_for(key) for key in KEYS}


def test_ring_is_independent_of_insertion_order() -> None:
    one, two = ConsistentHashRing(nodes(6), 50), ConsistentHashRing(reversed(nodes(6)), 50)
    assert all(one.node_for(key) == two.node_for(key) for key in KEYS[:2_000])


def test_more_virtual_nodes_even_out_the_load() -> None:
    def worst_over_mean(virtual_nodes: int) -> float:
        ring = ConsistentHashRing(nodes(10), virtual_nodes)
        counts = Counter(ring.node_for(key) for key in KEYS)
        return max(counts.values()) / (len(KEYS) / 10)

    assert worst_over_mean(1) > worst_over_mean(200)
    assert worst_over_mean(200) < 1.25


@pytest.mark.parametrize(
    ("action", "message"),
    [
        pytest.param(lambda ring: ring.add("shard-0"), "already", id="add-twice"),
        pytest.param(lambda ring: ring.remove("nope"), "not on the ring", id="remove-missing"),
    ],
)
def test_ring_rejects_bad_membership_changes(action: object, message: str) -> None:
    ring = ConsistentHashRing(nodes(2), 10)
    with pytest.raises(ValueError, match=message):
        action(ring)  # type: ignore[operator]


def test_empty_ring_has_no_owner() -> None:
    with pytest.raises(LookupError):
        ConsistentHashRing([], 10).node_for("x")


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=1, max_value=12), st.integers(min_value=20, max_value=100))
def test_ring_growth_moves_roughly_one_in_n_plus_one(count: int, virtual_nodes: int) -> None:
    keys = KEYS[:4_000]
    ring = ConsistentHashRing(nodes(count), virtual_nodes)
    before = [ring.node_for(key) for key in keys]
    ring.add(f"shard-{count}")
    moved = sum(ring.node_for(key) != owner for key, owner in zip(keys, before, strict=True)) / len(keys)
    # With V virtual nodes the newcomer's share has a relative spread of about 1/√V.
    assert abs(moved - 1 / (count + 1)) < 3.5 / math.sqrt(virtual_nodes) / (count + 1) + 0.02
