"""Cache-aside: the read path fills the cache, updates delete it, and reads never go stale in one thread."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.patterns.cache_aside import CacheAside, DictStore, TtlCache


class Clock:
    def __init__(self) -> None:
        self.now_s = 0.0

    def __call__(self) -> float:
        return self.now_s


class FailingStore(DictStore[str]):
    def save(self, key: str, value: str) -> None:
        raise ConnectionError("primary unavailable")


@pytest.mark.parametrize(
    ("read_at_s", "expected"),
    [(0.0, "v"), (59.999, "v"), (60.0, None), (1000.0, None)],
    ids=["just-set", "just-before-expiry", "at-expiry", "long-after"],
)
def test_ttl_cache_expires_at_set_time_plus_ttl(read_at_s: float, expected: str | None) -> None:
    clock = Clock()
    cache = TtlCache[str](clock)
    cache.set("k", "v", ttl_s=60)
    clock.now_s = read_at_s
    assert cache.get("k") == expected


def test_ttl_cache_delete_is_idempotent() -> None:
    cache = TtlCache[str](Clock())
    cache.set("k", "v", ttl_s=60)
    cache.delete("k")
    cache.delete("k")
    assert cache.get("k") is None


@pytest.mark.parametrize(
    ("reads", "rows", "expected_loads"),
    [
        (["a"], {"a": "1"}, 1),
        (["a", "a", "a"], {"a": "1"}, 1),
        (["a", "b", "a", "b"], {"a": "1", "b": "2"}, 2),
        (["missing", "missing"], {}, 2),  # misses are not cached, so each one reaches the store
    ],
    ids=["one-miss", "miss-then-hits", "two-keys", "absent-row-not-cached"],
)
def test_store_is_read_once_per_key_while_cached(reads: list[str], rows: dict[str, str], expected_loads: int) -> None:
    store = DictStore(dict(rows))
    users = CacheAside(TtlCache[str](Clock()), store, ttl_s=60)
    assert [users.get(key) for key in reads] == [rows.get(key) for key in reads]
    assert store.loads == expected_loads


def test_update_deletes_so_next_read_sees_new_value() -> None:
    cache = TtlCache[str](Clock())
    users = CacheAside(cache, DictStore({"u": "old"}), ttl_s=60)
    assert users.get("u") == "old"
    users.update("u", "new")
    assert cache.get("u") is None  # deleted, not overwritten
    assert users.get("u") == "new"


def test_failed_store_write_leaves_cache_untouched() -> None:
    cache = TtlCache[str](Clock())
    users = CacheAside(cache, FailingStore({"u": "old"}), ttl_s=60)
    users.get("u")
    with pytest.raises(ConnectionError):
        users.update("u", "new")
    assert cache.get("u") == "old"


def test_late_delete_cannot_resurrect_an_older_value() -> None:
    """Two writers commit A then B; their cache calls arrive B then A. Deletes leave nothing stale."""
    cache = TtlCache[str](Clock())
    store = DictStore[str]()
    users = CacheAside(cache, store, ttl_s=60)
    store.save("u", "A")
    store.save("u", "B")
    cache.delete("u")  # writer B's delete
    cache.delete("u")  # writer A's delete, late
    assert users.get("u") == "B"


operations = st.lists(
    st.one_of(
        st.tuples(st.just("get"), st.sampled_from("xyz")),
        st.tuples(st.just("update"), st.sampled_from("xyz"), st.text(min_size=1, max_size=3)),
        st.tuples(st.just("tick"), st.floats(min_value=0, max_value=100)),
    ),
    max_size=40,
)


@given(operations)
def test_reads_always_match_the_store_in_a_single_thread(ops: list[tuple[object, ...]]) -> None:
    clock = Clock()
    store = DictStore[str]()
    users = CacheAside(TtlCache[str](clock), store, ttl_s=30)
    for op in ops:
        match op:
            case ("get", str(key)):
                assert users.get(key) == store.rows.get(key)
            case ("update", str(key), str(value)):
                users.update(key, value)
            case ("tick", float(seconds)):
                clock.now_s += seconds
