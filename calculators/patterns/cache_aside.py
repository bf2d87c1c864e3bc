"""Cache-aside (lazy loading): readers fill the cache on a miss; writers update the store, then delete the cached copy.

Also home of the small in-memory cache and store that the other cache pattern modules reuse.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol


class Cache[V](Protocol):
    """What the patterns need from a cache such as Redis or Memcached."""

    def get(self, key: str) -> V | None: ...
    def set(self, key: str, value: V, ttl_s: float) -> None: ...
    def delete(self, key: str) -> None: ...


class Store[V](Protocol):
    """The system of record: a database table, keyed for simplicity."""

    def load(self, key: str) -> V | None: ...
    def save(self, key: str, value: V) -> None: ...


class TtlCache[V]:
    """In-memory cache whose entries expire ``ttl_s`` seconds after they are set.

    The clock is a parameter so tests and demos can move time without sleeping.
    """

    def __init__(self, clock_s: Callable[[], float] = time.monotonic) -> None:
        self._clock_s = clock_s
        self._entries: dict[str, tuple[V, float]] = {}  # key -> (value, expires_at_s)

    def get(self, key: str) -> V | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        value, expires_at_s = entry
        if self._clock_s() >= expires_at_s:
            del self._entries[key]  # expire lazily, on the read that notices
            return None
        return value

    def set(self, key: str, value: V, ttl_s: float) -> None:
        self._entries[key] = (value, self._clock_s() + ttl_s)

    def delete(self, key: str) -> None:
        self._entries.pop(key, None)  # deleting a missing key is fine: invalidation must be idempotent


@dataclass
class DictStore[V]:
    """A dict standing in for the database; counts calls so demos can show what the cache saved."""

    rows: dict[str, V] = field(default_factory=dict)
    loads: int = 0
    saves: int = 0

    def load(self, key: str) -> V | None:
        self.loads += 1
        return self.rows.get(key)

    def save(self, key: str, value: V) -> None:
        self.saves += 1
        self.rows[key] = value

    def save_many(self, rows: Mapping[str, V]) -> None:
        """One round trip for many rows (write-behind flushes in batches)."""
        self.saves += 1
        self.rows.update(rows)


def read_through[V](cache: Cache[V], store: Store[V], key: str, ttl_s: float) -> V | None:
    """Read the cache; on a miss read the store and fill the cache. Shared by cache-aside and write-through."""
    value = cache.get(key)
    if value is not None:
        return value
    value = store.load(key)
    # Missing rows are not cached here; caching "not found" briefly (negative caching) is a separate choice.
    if value is not None:
        cache.set(key, value, ttl_s)
    return value


@dataclass
class CacheAside[V]:
    """The application owns both calls: it reads the cache, and on a miss reads the store and fills the cache.

    >>> now_s = [0.0]
    >>> users = CacheAside(TtlCache[str](lambda: now_s[0]), DictStore({"user:1": "Ada"}), ttl_s=60)
    >>> users.get("user:1"), users.get("user:1"), users.store.loads  # the second read is a hit
    ('Ada', 'Ada', 1)
    >>> now_s[0] = 61  # the entry has expired: the next read goes back to the store
    >>> users.get("user:1"), users.store.loads
    ('Ada', 2)
    >>> users.update("user:1", "Ada Lovelace")
    >>> users.get("user:1")
    'Ada Lovelace'
    """

    cache: Cache[V]
    store: Store[V]
    ttl_s: float

    def get(self, key: str) -> V | None:
        return read_through(self.cache, self.store, key, self.ttl_s)

    def update(self, key: str, value: V) -> None:
        self.store.save(key, value)  # the store first: if this fails, the cache still agrees with it
        # Delete rather than set. Two writers can commit A then B to the store but reach the cache
        # B then A, and a set would leave A cached until the TTL. A delete has no order to get wrong:
        # the next reader loads whatever the store holds now.
        self.cache.delete(key)
