"""Count-min sketch: approximate counts per key in fixed memory; it over-counts, never under-counts."""

from __future__ import annotations

import hashlib
import math


class CountMinSketch:
    """``depth`` rows of ``width`` counters; an item adds to one counter per row, its estimate is the smallest.

    Width ⌈e/ε⌉ and depth ⌈ln(1/δ)⌉ bound the error: with probability at least 1 − δ, an estimate
    exceeds the true count by at most ε × (the total of all counts added).

    >>> sketch = CountMinSketch.for_error(epsilon=0.001, delta=0.01)
    >>> sketch.width, sketch.depth  # 2,719 × 5 counters whatever the number of keys
    (2719, 5)
    >>> for word in ["to", "be", "or", "not", "to", "be"]:
    ...     sketch.add(word)
    >>> sketch.estimate("to"), sketch.estimate("be"), sketch.total
    (2, 2, 6)
    """

    def __init__(self, width: int, depth: int, seed: int = 0) -> None:
        if width < 1 or depth < 1:
            raise ValueError("width and depth must be at least 1")
        self.width, self.depth, self.total = width, depth, 0
        self._rows = [[0] * width for _ in range(depth)]
        # One key per row: each row hashes as an independent function (BLAKE2b is stable across processes).
        self._row_keys = [(seed * depth + row).to_bytes(16, "big") for row in range(depth)]

    @classmethod
    def for_error(cls, epsilon: float, delta: float, seed: int = 0) -> CountMinSketch:
        return cls(math.ceil(math.e / epsilon), math.ceil(math.log(1 / delta)), seed)

    def _columns(self, item: str) -> list[int]:
        data = item.encode()
        return [
            int.from_bytes(hashlib.blake2b(data, digest_size=8, key=key).digest(), "big") % self.width for key in self._row_keys
        ]

    def add(self, item: str, count: int = 1) -> None:
        if count < 0:
            raise ValueError("count-min needs non-negative counts; the under-count guarantee depends on it")
        for row, column in zip(self._rows, self._columns(item), strict=True):
            row[column] += count
        self.total += count

    def estimate(self, item: str) -> int:
        """The smallest of the item's counters: its true count plus whatever collided with it in that row."""
        return min(row[column] for row, column in zip(self._rows, self._columns(item), strict=True))

    def merge(self, other: CountMinSketch) -> None:
        """Add another sketch built with the same width, depth and seed (e.g. from another shard)."""
        if (other.width, other.depth, other._row_keys) != (self.width, self.depth, self._row_keys):
            raise ValueError("only sketches with the same width, depth and seed can be merged")
        for mine, theirs in zip(self._rows, other._rows, strict=True):
            for column, count in enumerate(theirs):
                mine[column] += count
        self.total += other.total
