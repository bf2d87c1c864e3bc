"""Write-through: the store is written first, the cache second, and reads after writes are hits."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.patterns.cache_aside import DictStore, TtlCache
from calculators.patterns.write_through import WriteThrough


class FailingStore(DictStore[int]):
    def save(self, key: str, value: int) -> None:
        raise ConnectionError("primary unavailable")


def make(store: DictStore[int] | None = None) -> tuple[WriteThrough[int], DictStore[int], list[float]]:
    now_s = [0.0]
    store = store if store is not None else DictStore[int]()
    return WriteThrough(TtlCache[int](lambda: now_s[0]), store, ttl_s=60), store, now_s


@pytest.mark.parametrize(
    ("advance_s", "expected_loads"),
    [(0.0, 0), (59.0, 0), (60.0, 1)],
    ids=["fresh-hit", "still-cached", "expired-falls-back-to-store"],
)
def test_reads_after_a_write_hit_the_cache_until_the_ttl(advance_s: float, expected_loads: int) -> None:
    balances, store, now_s = make()
    balances.put("a", 5)
    now_s[0] += advance_s
    assert balances.get("a") == 5
    assert store.loads == expected_loads


def test_expired_entry_is_refilled_on_read() -> None:
    balances, store, now_s = make()
    balances.put("a", 5)
    now_s[0] = 100
    balances.get("a")
    balances.get("a")
    assert store.loads == 1


def test_failed_store_write_keeps_the_old_cached_value() -> None:
    balances, _, _ = make(FailingStore({"a": 1}))
    assert balances.get("a") == 1
    with pytest.raises(ConnectionError):
        balances.put("a", 2)
    assert balances.get("a") == 1


def test_missing_key_reads_none() -> None:
    balances, store, _ = make()
    assert balances.get("nope") is None
    assert store.loads == 1


@given(st.lists(st.tuples(st.sampled_from("abc"), st.integers()), max_size=30))
def test_every_read_sees_the_last_write_without_touching_the_store(writes: list[tuple[str, int]]) -> None:
    balances, store, _ = make()
    last: dict[str, int] = {}
    for key, value in writes:
        balances.put(key, value)
        last[key] = value
    assert {key: balances.get(key) for key in last} == last == store.rows
    assert store.loads == 0
