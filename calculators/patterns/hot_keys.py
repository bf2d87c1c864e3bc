"""Hot keys: find them from a sample, split a hot write key over sub-keys, and absorb hot reads in process."""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, MutableMapping


def hot_keys_in_sample(sampled_keys: Iterable[str], min_share: float) -> list[str]:
    """Keys that take at least ``min_share`` of a sample of requests, hottest first.

    A uniform key space of a million keys gives each key a share of 10⁻⁶; one key at 1% is a
    hot spot that no amount of sharding spreads, because every request for it lands on one shard.

    >>> hot_keys_in_sample(["a", "b", "a", "c", "a", "b", "d", "e", "f", "g"], min_share=0.2)
    ['a', 'b']
    """
    counts = Counter(sampled_keys)
    total = counts.total()
    return [key for key, count in counts.most_common() if total and count / total >= min_share]


class SplitCounter:
    """A counter whose increments go to one of ``split_count`` sub-keys ``key#0`` … ``key#N-1``; reads sum them.

    Writes spread N ways; a read costs N lookups, so split only keys that are write-hot. The sub-keys
    must hash to different shards: in Redis Cluster, for example, do not wrap them in a {hash tag}.

    >>> store: dict[str, int] = {}
    >>> picks = iter([0, 2, 2, 1])
    >>> likes = SplitCounter(store, "likes:post9", split_count=3, pick_index=lambda n: next(picks))
    >>> for _ in range(4):
    ...     likes.increment()
    >>> store, likes.total()
    ({'likes:post9#0': 1, 'likes:post9#2': 2, 'likes:post9#1': 1}, 4)
    """

    def __init__(
        self,
        store: MutableMapping[str, int],
        key: str,
        split_count: int,
        pick_index: Callable[[int], int] = random.randrange,
    ) -> None:
        if split_count < 1:
            raise ValueError(f"split_count must be at least 1, got {split_count}")
        self.store, self.key, self.split_count, self._pick_index = store, key, split_count, pick_index

    def sub_keys(self) -> list[str]:
        return [f"{self.key}#{index}" for index in range(self.split_count)]

    def increment(self, by: int = 1) -> None:
        # Random choice needs no coordination between writers; in a real store this is an atomic INCRBY.
        sub_key = f"{self.key}#{self._pick_index(self.split_count)}"
        self.store[sub_key] = self.store.get(sub_key, 0) + by

    def total(self) -> int:
        return sum(self.store.get(sub_key, 0) for sub_key in self.sub_keys())


class LocalHotCache[V]:
    """A per-process cache with a short TTL in front of the shared cache, with request coalescing.

    Each server asks the shared cache at most once per key per ``ttl_s``, and concurrent misses for
    one key wait for a single load instead of all loading at once. The price is up to ``ttl_s`` of staleness.

    >>> now_s, loads = [0.0], []
    >>> def load(key: str) -> str:
    ...     loads.append(key)
    ...     return "match score 2-1"
    >>> scores = LocalHotCache(load, ttl_s=1.0, clock_s=lambda: now_s[0])
    >>> scores.get("score:final"), scores.get("score:final"), len(loads)
    ('match score 2-1', 'match score 2-1', 1)
    >>> now_s[0] = 1.0
    >>> _ = scores.get("score:final"); len(loads)
    2
    """

    def __init__(self, load: Callable[[str], V], ttl_s: float, clock_s: Callable[[], float] = time.monotonic) -> None:
        self._load, self.ttl_s, self._clock_s = load, ttl_s, clock_s
        self._entries: dict[str, tuple[V, float]] = {}  # key -> (value, expires_at_s)
        self._key_locks: dict[str, threading.Lock] = {}  # one per key: meant for a handful of hot keys
        self._lock = threading.Lock()  # guards the two dicts; never held while loading

    def _fresh(self, key: str) -> tuple[V] | None:
        # A 1-tuple rather than the bare value, so a cached None still counts as a hit.
        entry = self._entries.get(key)
        return (entry[0],) if entry is not None and self._clock_s() < entry[1] else None

    def get(self, key: str) -> V:
        with self._lock:
            hit = self._fresh(key)
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        if hit is not None:
            return hit[0]
        with key_lock:  # one loader per key; the others queue here ...
            with self._lock:
                hit = self._fresh(key)  # ... and find the value the first one just loaded
            if hit is not None:
                return hit[0]
            value = self._load(key)
            with self._lock:
                self._entries[key] = (value, self._clock_s() + self.ttl_s)
            return value
