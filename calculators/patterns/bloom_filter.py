"""Bloom filter: k bit positions per item in one bit array; "not present" is certain, "present" is probable."""

from __future__ import annotations

import hashlib
import math


def optimal_bits(expected_items: float, false_positive_rate: float) -> int:
    """Bits for ``expected_items`` at ``false_positive_rate``: m = −n·ln p / (ln 2)², rounded up.

    >>> optimal_bits(1_000_000, 0.01)  # about 9.6 bits per item for 1%
    9585059
    """
    return math.ceil(-expected_items * math.log(false_positive_rate) / math.log(2) ** 2)


def optimal_hashes(bits: float, expected_items: float) -> int:
    """Hash functions that minimise false positives: k = (m/n)·ln 2, rounded to a whole number, at least 1.

    >>> optimal_hashes(9_585_059, 1_000_000)  # 6.64 rounds to 7
    7
    """
    return max(1, round(bits / expected_items * math.log(2)))


def false_positive_rate(bits: float, hashes: int, items: float) -> float:
    """Chance that an item never added tests present, once ``items`` are in: p = (1 − e^(−kn/m))^k.

    >>> round(false_positive_rate(9_585_059, 7, 1_000_000), 5)
    0.01004
    """
    return (1 - math.exp(-hashes * items / bits)) ** hashes


class BloomFilter:
    """A set that may answer "present" for an item never added, but never "absent" for one that was.

    >>> seen = BloomFilter.for_items(expected_items=1_000, false_positive_rate=0.01)
    >>> seen.bits, seen.hashes
    (9586, 7)
    >>> seen.add("https://example.com/")
    >>> "https://example.com/" in seen
    True
    """

    def __init__(self, bits: int, hashes: int, seed: int = 0) -> None:
        if bits < 1 or hashes < 1:
            raise ValueError("bits and hashes must be at least 1")
        self.bits, self.hashes = bits, hashes
        self._key = seed.to_bytes(8, "big")  # a different seed gives an independent filter
        self._array = bytearray((bits + 7) // 8)

    @classmethod
    def for_items(cls, expected_items: int, false_positive_rate: float, seed: int = 0) -> BloomFilter:
        bits = optimal_bits(expected_items, false_positive_rate)
        return cls(bits, optimal_hashes(bits, expected_items), seed)

    def _positions(self, item: str) -> list[int]:
        # One keyed BLAKE2b digest split into two 64-bit halves gives all k positions
        # (h1 + i·h2, Kirsch and Mitzenmacher); hashlib is stable across processes, unlike hash().
        digest = hashlib.blake2b(item.encode(), digest_size=16, key=self._key).digest()
        h1, h2 = int.from_bytes(digest[:8], "big"), int.from_bytes(digest[8:], "big") | 1
        return [(h1 + i * h2) % self.bits for i in range(self.hashes)]

    def add(self, item: str) -> None:
        for position in self._positions(item):
            self._array[position >> 3] |= 1 << (position & 7)

    def __contains__(self, item: object) -> bool:
        if not isinstance(item, str):
            return False
        return all(self._array[position >> 3] & (1 << (position & 7)) for position in self._positions(item))
