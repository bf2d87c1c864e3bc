"""Ways to pick a shard for a key: hash modulo N, key ranges, a directory, and a consistent-hash ring.

Every hash here comes from :func:`stable_hash`, never from Python's built-in ``hash()``:
for ``str`` and ``bytes`` that is salted per process (``PYTHONHASHSEED``), so two servers,
or one server after a restart, would send the same key to different shards.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
from collections.abc import Iterable, Sequence

__all__ = [
    "ConsistentHashRing",
    "KeyOutOfRangeError",
    "ShardDirectory",
    "shard_by_hash_mod",
    "shard_by_range",
    "stable_hash",
]


def stable_hash(key: str) -> int:
    """A 64-bit hash of ``key`` that is the same in every process, on every machine, in every version.

    BLAKE2b with an 8-byte digest, read as an unsigned big-endian integer.

    >>> stable_hash("user:42")
    15647646390214308482
    >>> 0 <= stable_hash("") < 2**64
    True
    """
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big")


def shard_by_hash_mod(key: str, shard_count: int) -> int:
    """Shard index ``stable_hash(key) mod shard_count``: even spread, but changing N moves most keys.

    >>> shard_by_hash_mod("user:7", 4), shard_by_hash_mod("user:7", 5)
    (2, 4)
    """
    if shard_count < 1:
        raise ValueError("shard_count must be at least 1")
    return stable_hash(key) % shard_count


class KeyOutOfRangeError(ValueError):
    """The key is above the last range bound; add a range rather than overload the last shard."""


def shard_by_range[K: (str, int, float)](key: K, upper_bounds: Sequence[K]) -> int:
    """Index of the first range whose inclusive upper bound is ≥ ``key`` (binary search).

    ``upper_bounds`` must be strictly increasing. A key above the last bound raises
    :class:`KeyOutOfRangeError` instead of landing silently on the last shard; to make the
    last range open-ended, end the bounds with ``math.inf`` (numeric keys) or a sentinel.

    >>> bounds = [1_000, 2_000, 3_000]
    >>> shard_by_range(1, bounds), shard_by_range(1_000, bounds), shard_by_range(1_001, bounds)
    (0, 0, 1)
    >>> shard_by_range(3_001, bounds)
    Traceback (most recent call last):
    calculators.patterns.sharding.KeyOutOfRangeError: key 3001 is above the last range bound 3000
    """
    if not upper_bounds:
        raise ValueError("upper_bounds is empty")
    if any(later <= earlier for earlier, later in itertools.pairwise(upper_bounds)):
        raise ValueError("upper_bounds must be strictly increasing")
    index = bisect.bisect_left(upper_bounds, key)
    if index == len(upper_bounds):
        raise KeyOutOfRangeError(f"key {key} is above the last range bound {upper_bounds[-1]}")
    return index


class ShardDirectory:
    """An explicit map from key ranges, and from single keys, to named shards.

    Single-key entries (e.g. one large tenant pinned to its own shard) win over ranges.
    A key that no entry covers raises ``KeyError``: a directory never guesses. Moving a
    range or a tenant is one entry change, which is the point of keeping a directory;
    the price is a lookup service that must be consistent, cached and highly available.

    >>> directory = ShardDirectory()
    >>> directory.assign_range(1, 1_000, "db-1")
    >>> directory.assign_range(1_001, 2_000, "db-2")
    >>> directory.pin(42, "db-vip")
    >>> directory.shard_for(7), directory.shard_for(42), directory.shard_for(1_500)
    ('db-1', 'db-vip', 'db-2')
    """

    def __init__(self) -> None:
        self._firsts: list[int] = []  # sorted first keys of the ranges
        self._ranges: list[tuple[int, int, str]] = []  # (first, last, shard), same order
        self._pinned: dict[int, str] = {}

    def assign_range(self, first: int, last: int, shard: str) -> None:
        """Send keys ``first..last`` (inclusive) to ``shard``; ranges may not overlap."""
        if last < first:
            raise ValueError(f"range {first}-{last} is empty")
        index = bisect.bisect_left(self._firsts, first)
        overlaps_before = index > 0 and self._ranges[index - 1][1] >= first
        overlaps_after = index < len(self._ranges) and self._ranges[index][0] <= last
        if overlaps_before or overlaps_after:
            raise ValueError(f"range {first}-{last} overlaps an existing range")
        self._firsts.insert(index, first)
        self._ranges.insert(index, (first, last, shard))

    def pin(self, key: int, shard: str) -> None:
        """Send one key (a tenant, say) to ``shard``, whatever range it falls in."""
        self._pinned[key] = shard

    def shard_for(self, key: int) -> str:
        if key in self._pinned:
            return self._pinned[key]
        index = bisect.bisect_right(self._firsts, key) - 1
        if index >= 0 and key <= self._ranges[index][1]:
            return self._ranges[index][2]
        raise KeyError(f"no directory entry covers key {key}")

    @property
    def ranges(self) -> list[tuple[int, int, str]]:
        """The range entries as (first, last, shard), in key order."""
        return list(self._ranges)

    @property
    def pinned(self) -> dict[int, str]:
        """The single-key entries."""
        return dict(self._pinned)

    def covered_key_count(self) -> int:
        """How many distinct keys some entry places.

        >>> directory = ShardDirectory()
        >>> directory.assign_range(1, 100, "a")
        >>> directory.pin(50, "b")  # inside the range: no new key
        >>> directory.pin(500, "b")
        >>> directory.covered_key_count()
        101
        """
        in_ranges = sum(last - first + 1 for first, last, _ in self._ranges)
        outside = [key for key in self._pinned if not any(first <= key <= last for first, last, _ in self._ranges)]
        return in_ranges + len(outside)


class ConsistentHashRing:
    """Nodes placed at ``virtual_nodes`` points each on a 64-bit ring; a key goes to the next point clockwise.

    Adding a node takes over only the arcs just before its points, about 1/(N+1) of the
    keys; removing one hands its arcs to the following points. More virtual nodes even out
    the load (the spread shrinks roughly as 1/√virtual_nodes) at the cost of a larger ring.

    >>> ring = ConsistentHashRing(["a", "b", "c"], virtual_nodes=100)
    >>> ring.node_for("user:42")
    'a'
    >>> ring.add("d")
    >>> ring.node_for("user:42") in {"a", "d"}  # a key either stays or moves to the new node
    True
    """

    def __init__(self, nodes: Iterable[str] = (), virtual_nodes: int = 100) -> None:
        if virtual_nodes < 1:
            raise ValueError("virtual_nodes must be at least 1")
        self.virtual_nodes = virtual_nodes
        self._points: list[int] = []  # sorted ring positions
        self._owners: list[str] = []  # node at each position, same order
        self._nodes: set[str] = set()
        self._rebuild_from([(point, node) for node in nodes for point in self._node_points(node)])
        self._nodes = set(self._owners)

    def _node_points(self, node: str) -> list[int]:
        return [stable_hash(f"{node}#{replica}") for replica in range(self.virtual_nodes)]

    def _rebuild_from(self, placed: list[tuple[int, str]]) -> None:
        placed.sort()  # ties (vanishingly rare) break by node name, the same everywhere
        self._points = [point for point, _ in placed]
        self._owners = [node for _, node in placed]

    @property
    def nodes(self) -> frozenset[str]:
        return frozenset(self._nodes)

    def add(self, *nodes: str) -> None:
        """Place each node's points on the ring (one re-sort for the lot)."""
        for node in nodes:
            if node in self._nodes or nodes.count(node) > 1:
                raise ValueError(f"node {node!r} is already on the ring")
        self._nodes.update(nodes)
        placed = list(zip(self._points, self._owners, strict=True))
        self._rebuild_from(placed + [(point, node) for node in nodes for point in self._node_points(node)])

    def remove(self, *nodes: str) -> None:
        """Take each node's points off the ring; its keys pass to the next points clockwise."""
        for node in nodes:
            if node not in self._nodes:
                raise ValueError(f"node {node!r} is not on the ring")
        self._nodes.difference_update(nodes)
        gone = set(nodes)
        self._rebuild_from([(p, owner) for p, owner in zip(self._points, self._owners, strict=True) if owner not in gone])

    @property
    def points(self) -> tuple[int, ...]:
        """The ring's positions, sorted; a key belongs to the first point above its hash."""
        return tuple(self._points)

    @property
    def owners(self) -> tuple[str, ...]:
        """The node at each of :attr:`points`, in the same order."""
        return tuple(self._owners)

    def node_for_hash(self, key_hash: int) -> str:
        """The node owning a precomputed :func:`stable_hash` value."""
        if not self._points:
            raise LookupError("the ring has no nodes")
        index = bisect.bisect_right(self._points, key_hash)
        return self._owners[index % len(self._points)]  # past the last point, wrap to the first

    def node_for(self, key: str) -> str:
        return self.node_for_hash(stable_hash(key))
