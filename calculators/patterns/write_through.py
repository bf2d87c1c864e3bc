"""Write-through caching: every write goes to the store and then the cache before it returns; reads hit the cache."""

from __future__ import annotations

from dataclasses import dataclass

from calculators.patterns.cache_aside import Cache, Store, read_through


@dataclass
class WriteThrough[V]:
    """The cache is refreshed on every write, so reads after a write see it without a miss.

    >>> from calculators.patterns.cache_aside import DictStore, TtlCache
    >>> store = DictStore[int]()
    >>> balances = WriteThrough(TtlCache[int](lambda: 0.0), store, ttl_s=3600)
    >>> balances.put("acct:7", 120)
    >>> balances.get("acct:7"), store.rows, store.loads  # served from the cache: no load
    (120, {'acct:7': 120}, 0)
    """

    cache: Cache[V]
    store: Store[V]
    # Write-through caches everything written, read or not; a TTL lets the cold part age out.
    ttl_s: float

    def put(self, key: str, value: V) -> None:
        # Store first: if the save fails the caller sees the error and the cache still holds the old,
        # committed value. The opposite order could leave the cache serving a value that was never saved.
        self.store.save(key, value)
        self.cache.set(key, value, self.ttl_s)

    def get(self, key: str) -> V | None:
        # Usually a hit; evicted, expired or older-than-the-cache entries fall back as in cache-aside.
        return read_through(self.cache, self.store, key, self.ttl_s)
