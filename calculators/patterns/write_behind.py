"""Write-behind (write-back) caching: writes land in the cache and a pending buffer; ``flush`` saves them in batches.

Durability risk: a write is acknowledged before the store has it. Whatever is pending when the
process (or the cache node) dies is lost, so the loss window is the flush interval. Use it for
data you can afford to lose or rebuild (counters, view tallies, last-seen times), or make the
buffer itself durable (a replicated log) and accept that this is now a different system.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from calculators.patterns.cache_aside import Cache, Store


class BatchStore[V](Store[V], Protocol):
    def save_many(self, rows: Mapping[str, V]) -> None: ...


@dataclass
class WriteBehind[V]:
    """Acknowledge writes from memory; drain them to the store later, one value per key.

    >>> from calculators.patterns.cache_aside import DictStore, TtlCache
    >>> store = DictStore[int]()
    >>> views = WriteBehind(TtlCache[int](lambda: 0.0), store, ttl_s=300, batch_size=2)
    >>> for count in (1, 2, 3):
    ...     views.put("video:9", count)  # three writes to one key ...
    >>> views.put("video:4", 1)
    >>> views.pending_count, store.rows
    (2, {})
    >>> views.flush(), store.rows, store.saves  # ... become one row, in one batch
    (2, {'video:9': 3, 'video:4': 1}, 1)
    """

    cache: Cache[V]
    store: BatchStore[V]
    ttl_s: float
    batch_size: int = 100
    # A full buffer flushes inline: memory and the loss window stay bounded, and writers feel back pressure.
    max_pending: int = 10_000
    # key -> (write sequence number, value). A dict coalesces: a newer write to a key replaces the older.
    _pending: dict[str, tuple[int, V]] = field(default_factory=dict, init=False, repr=False)
    _write_seq: itertools.count[int] = field(default_factory=itertools.count, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    _flush_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    @property
    def pending_count(self) -> int:
        return len(self._pending)

    def put(self, key: str, value: V) -> None:
        with self._lock:
            self.cache.set(key, value, self.ttl_s)
            self._pending[key] = (next(self._write_seq), value)
            full = len(self._pending) >= self.max_pending
        if full:
            self.flush()

    def get(self, key: str) -> V | None:
        value = self.cache.get(key)
        if value is not None:
            return value
        with self._lock:
            pending = self._pending.get(key)
        if pending is not None:  # evicted from the cache but not yet saved: the store is behind
            return pending[1]
        return self.store.load(key)

    def flush(self) -> int:
        """Save every pending write, ``batch_size`` keys per round trip; return how many rows were written.

        If the store raises, the unsaved batch stays pending for the next flush.
        """
        saved_count = 0
        with self._flush_lock:  # one flusher at a time, or an older batch could land after a newer one
            while True:
                with self._lock:
                    batch = dict(itertools.islice(self._pending.items(), self.batch_size))
                if not batch:
                    return saved_count
                # The slow call runs outside the lock, so writers are not blocked behind the store.
                self.store.save_many({key: value for key, (_, value) in batch.items()})
                with self._lock:
                    for key, (saved_seq, _) in batch.items():
                        current = self._pending.get(key)
                        # A write that arrived during the save is newer: keep it pending.
                        if current is not None and current[0] == saved_seq:
                            del self._pending[key]
                saved_count += len(batch)
