"""Hot keys: detection from a sample, split counters that lose nothing, and a coalescing local cache."""

from __future__ import annotations

import random
import threading
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.patterns.hot_keys import LocalHotCache, SplitCounter, hot_keys_in_sample


@pytest.mark.parametrize(
    ("sample", "min_share", "expected"),
    [
        ([], 0.1, []),
        (["a"] * 5 + ["b"] * 5, 0.5, ["a", "b"]),
        (["a"] * 9 + ["b"], 0.5, ["a"]),
        ([str(index) for index in range(100)], 0.05, []),
        (["b"] * 3 + ["a"] * 6 + ["c"], 0.3, ["a", "b"]),
    ],
    ids=["empty", "share-equal-to-threshold-counts", "one-dominant", "uniform-has-none", "hottest-first"],
)
def test_hot_keys_in_sample(sample: list[str], min_share: float, expected: list[str]) -> None:
    assert hot_keys_in_sample(sample, min_share) == expected


@pytest.mark.parametrize(
    ("split_count", "expected_sub_keys"),
    [(1, ["k#0"]), (3, ["k#0", "k#1", "k#2"])],
    ids=["one", "three"],
)
def test_sub_key_names(split_count: int, expected_sub_keys: list[str]) -> None:
    assert SplitCounter({}, "k", split_count).sub_keys() == expected_sub_keys


def test_split_count_must_be_positive() -> None:
    with pytest.raises(ValueError):
        SplitCounter({}, "k", 0)


def test_random_picks_spread_writes_over_every_sub_key() -> None:
    store: dict[str, int] = {}
    counter = SplitCounter(store, "views", 8, pick_index=random.Random(7).randrange)
    for _ in range(8000):
        counter.increment()
    assert counter.total() == 8000
    assert sorted(store) == counter.sub_keys()
    assert max(store.values()) < 1.2 * 1000  # no sub-key takes much more than its share


@given(
    split_count=st.integers(min_value=1, max_value=16),
    increments=st.lists(st.tuples(st.integers(min_value=0, max_value=1000), st.integers(min_value=-5, max_value=5)), max_size=80),
)
def test_total_equals_the_sum_of_increments_whatever_the_picks(split_count: int, increments: list[tuple[int, int]]) -> None:
    store: dict[str, int] = {"unrelated#0": 99}
    picks = iter(pick % split_count for pick, _ in increments)
    counter = SplitCounter(store, "likes", split_count, pick_index=lambda n: next(picks))
    for _, amount in increments:
        counter.increment(amount)
    assert counter.total() == sum(amount for _, amount in increments)
    assert set(store) - {"unrelated#0"} <= set(counter.sub_keys())


def test_local_cache_serves_within_ttl_and_reloads_after() -> None:
    now_s = [0.0]
    loads: Counter[str] = Counter()

    def load(key: str) -> str:
        loads[key] += 1
        return f"{key}@{now_s[0]}"

    cache = LocalHotCache(load, ttl_s=2.0, clock_s=lambda: now_s[0])
    assert [cache.get("k") for _ in range(3)] == ["k@0.0"] * 3
    now_s[0] = 1.999
    assert cache.get("k") == "k@0.0"
    now_s[0] = 2.0
    assert cache.get("k") == "k@2.0"
    assert cache.get("other") == "other@2.0"
    assert loads == Counter({"k": 2, "other": 1})


def test_cached_none_is_a_hit() -> None:
    loads: list[str] = []
    cache = LocalHotCache(lambda key: loads.append(key), ttl_s=5, clock_s=lambda: 0.0)
    cache.get("gone")
    cache.get("gone")
    assert loads == ["gone"]


def test_concurrent_misses_for_one_key_trigger_a_single_load() -> None:
    loads: list[str] = []
    release = threading.Event()

    def slow_load(key: str) -> str:
        loads.append(key)
        release.wait(timeout=0.05)  # hold the load open while the other threads arrive
        return "value"

    cache = LocalHotCache(slow_load, ttl_s=60, clock_s=lambda: 0.0)
    start = threading.Barrier(8)
    results: list[str] = []

    def reader() -> None:
        start.wait()
        results.append(cache.get("hot"))

    threads = [threading.Thread(target=reader) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=5)
    assert loads == ["hot"]
    assert results == ["value"] * 8
