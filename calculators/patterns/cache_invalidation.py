"""Three ways to stop serving stale cache entries: TTL expiry, event-based deletion, and versioned keys."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from calculators.patterns.cache_aside import Cache


def jittered_ttl_s(base_ttl_s: float, spread: float = 0.1, uniform_0_1: Callable[[], float] = random.random) -> float:
    """TTL expiry, with a random spread so entries filled together do not all expire (and reload) together.

    >>> [round(jittered_ttl_s(3600, spread=0.1, uniform_0_1=lambda: u)) for u in (0.0, 0.5, 1.0)]
    [3240, 3600, 3960]
    """
    if not 0 <= spread < 1:
        raise ValueError(f"spread must be in [0, 1), got {spread}")
    return base_ttl_s * (1 - spread + 2 * spread * uniform_0_1())


@dataclass
class DerivedKeys:
    """Event-based invalidation: remember which cache keys were built from which entity.

    When the entity changes, its change event deletes every key derived from it. In production this
    index lives beside the cache (a Redis set per entity, say), not in one process's memory.

    >>> from calculators.patterns.cache_aside import TtlCache
    >>> cache, index = TtlCache[str](lambda: 0.0), DerivedKeys()
    >>> for key in ("user:42", "user_posts:42", "team_page:7"):
    ...     cache.set(key, "...", ttl_s=600)
    >>> index.record("user:42", "user:42"); index.record("user:42", "user_posts:42")
    >>> index.record("user:42", "team_page:7"); index.record("team:7", "team_page:7")
    >>> index.invalidate("user:42", cache)  # user 42 renamed: their page, posts and team page go
    3
    >>> cache.get("team_page:7") is None
    True
    """

    _keys_by_entity: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def record(self, entity_id: str, cache_key: str) -> None:
        """Call when filling ``cache_key`` with data read from ``entity_id``."""
        self._keys_by_entity[entity_id].add(cache_key)

    def invalidate[V](self, entity_id: str, cache: Cache[V]) -> int:
        """Delete every key derived from the entity; return how many were deleted."""
        keys = self._keys_by_entity.pop(entity_id, set())
        for key in keys:
            cache.delete(key)  # idempotent, so a redelivered event does no harm
        return len(keys)


@dataclass
class VersionedKeys:
    """Versioned keys: a per-entity counter is part of every key, so one bump retires all old entries at once.

    Nothing is deleted: old entries become unreachable and age out through TTL or LRU eviction. The
    counter must never go backwards (losing it and restarting at 0 would make old entries reachable
    again), so keep it in the database row or use the row's own version or update time.

    >>> keys = VersionedKeys()
    >>> keys.key_for("user:42", "profile")
    'user:42:v0:profile'
    >>> keys.bump("user:42")
    1
    >>> keys.key_for("user:42", "profile")
    'user:42:v1:profile'
    """

    _versions: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))

    def key_for(self, entity_id: str, view: str) -> str:
        # One lookup of the version per request: cheap, but it is an extra read on every cache access.
        return f"{entity_id}:v{self._versions[entity_id]}:{view}"

    def bump(self, entity_id: str) -> int:
        """Call after the entity changes; returns the new version."""
        self._versions[entity_id] += 1
        return self._versions[entity_id]
