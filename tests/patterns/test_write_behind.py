"""Write-behind: acknowledge in memory, coalesce per key, and flush in batches without losing newer writes."""

from __future__ import annotations

import math
from collections.abc import Mapping

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.patterns.cache_aside import DictStore, TtlCache
from calculators.patterns.write_behind import WriteBehind


class Clock:
    def __init__(self) -> None:
        self.now_s = 0.0

    def __call__(self) -> float:
        return self.now_s


class FlakyStore(DictStore[int]):
    def __init__(self, failures: int) -> None:
        super().__init__()
        self.failures = failures

    def save_many(self, rows: Mapping[str, int]) -> None:
        if self.failures:
            self.failures -= 1
            raise ConnectionError("store down")
        super().save_many(rows)


def make(store: DictStore[int], batch_size: int = 100, max_pending: int = 10_000) -> tuple[WriteBehind[int], Clock]:
    clock = Clock()
    return WriteBehind(TtlCache[int](clock), store, ttl_s=60, batch_size=batch_size, max_pending=max_pending), clock


@pytest.mark.parametrize(
    ("distinct_keys", "batch_size", "expected_round_trips"),
    [(0, 10, 0), (1, 10, 1), (10, 10, 1), (11, 10, 2), (25, 7, 4)],
    ids=["nothing-pending", "one-key", "exactly-one-batch", "one-over", "uneven"],
)
def test_flush_uses_one_round_trip_per_batch(distinct_keys: int, batch_size: int, expected_round_trips: int) -> None:
    store = DictStore[int]()
    views, _ = make(store, batch_size=batch_size)
    for index in range(distinct_keys):
        views.put(f"k{index}", 1)
        views.put(f"k{index}", 2)  # coalesced: does not add a row
    assert views.flush() == distinct_keys
    assert store.saves == expected_round_trips
    assert views.pending_count == 0


def test_nothing_reaches_the_store_before_flush() -> None:
    store = DictStore[int]()
    views, _ = make(store)
    views.put("a", 1)
    assert store.rows == {}
    assert views.get("a") == 1


def test_read_after_cache_expiry_sees_pending_value_not_stale_store() -> None:
    store = DictStore({"a": 1})
    views, clock = make(store)
    views.put("a", 2)
    clock.now_s = 1000  # the cached copy has expired; the store still says 1
    assert views.get("a") == 2


def test_failed_flush_keeps_the_batch_pending() -> None:
    store = FlakyStore(failures=1)
    views, _ = make(store)
    views.put("a", 1)
    with pytest.raises(ConnectionError):
        views.flush()
    assert views.pending_count == 1
    assert views.flush() == 1
    assert store.rows == {"a": 1}


def test_full_buffer_flushes_inline() -> None:
    store = DictStore[int]()
    views, _ = make(store, max_pending=3)
    for key in "abc":
        views.put(key, 1)
    assert store.rows == {"a": 1, "b": 1, "c": 1}
    assert views.pending_count == 0


def test_write_during_flush_stays_pending() -> None:
    """A put that lands while its key's older value is being saved must not be dropped."""
    views: WriteBehind[int]

    class RacingStore(DictStore[int]):
        def save_many(self, rows: Mapping[str, int]) -> None:
            super().save_many(rows)
            if rows.get("a") == 1:
                views.put("a", 2)  # arrives between the save and the bookkeeping

    store = RacingStore()
    views, _ = make(store)
    views.put("a", 1)
    views.flush()
    assert store.rows == {"a": 2}
    assert views.pending_count == 0


@given(
    writes=st.lists(st.tuples(st.sampled_from("abcdefgh"), st.integers()), max_size=60),
    batch_size=st.integers(min_value=1, max_value=10),
)
def test_flush_leaves_store_equal_to_last_write_per_key(writes: list[tuple[str, int]], batch_size: int) -> None:
    store = DictStore[int]()
    views, _ = make(store, batch_size=batch_size)
    for key, value in writes:
        views.put(key, value)
    views.flush()
    last_write = dict(writes)
    assert store.rows == last_write
    assert store.saves == math.ceil(len(last_write) / batch_size)
