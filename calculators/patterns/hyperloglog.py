"""HyperLogLog: the number of distinct items from the longest runs of leading zeros in their hashes."""

from __future__ import annotations

import hashlib
import math

REGISTER_BITS = 6  # a rank is at most 65 − precision, so 6 bits hold it; packed, as Redis stores them


class HyperLogLog:
    """2^precision registers; each keeps the highest rank seen among the hashes routed to it.

    The relative standard error is about 1.04 / √registers: 0.81% for the default 16,384.

    >>> visitors = HyperLogLog(precision=14)
    >>> visitors.registers, visitors.packed_bytes  # 16,384 six-bit registers
    (16384, 12288)
    >>> for user in range(10_000):
    ...     visitors.add(f"user-{user}")
    >>> abs(visitors.estimate() - 10_000) < 3 * visitors.standard_error * 10_000
    True
    """

    def __init__(self, precision: int = 14, seed: int = 0) -> None:
        if not 4 <= precision <= 18:
            raise ValueError("precision must be between 4 and 18")
        self.precision, self.seed = precision, seed
        self.registers = 1 << precision
        self._ranks = bytearray(self.registers)  # one byte each here, for clarity
        self._key = seed.to_bytes(8, "big")

    @property
    def standard_error(self) -> float:
        return 1.04 / math.sqrt(self.registers)

    @property
    def packed_bytes(self) -> int:
        return self.registers * REGISTER_BITS // 8

    def add(self, item: str) -> None:
        hashed = int.from_bytes(hashlib.blake2b(item.encode(), digest_size=8, key=self._key).digest(), "big")
        register = hashed >> (64 - self.precision)  # the first bits choose the register
        rest_bits = 64 - self.precision
        rest = hashed & ((1 << rest_bits) - 1)
        rank = rest_bits - rest.bit_length() + 1  # position of the first 1 bit: leading zeros + 1
        if rank > self._ranks[register]:
            self._ranks[register] = rank

    def estimate(self) -> float:
        m = self.registers
        alpha = 0.7213 / (1 + 1.079 / m)  # bias correction for m ≥ 128 (Flajolet et al., 2007)
        raw = alpha * m * m / sum(2.0**-rank for rank in self._ranks)
        empty = self._ranks.count(0)
        if raw <= 2.5 * m and empty:  # few items: linear counting over empty registers is more accurate
            return m * math.log(m / empty)
        return raw  # with 64-bit hashes no large-range correction is needed

    def merge(self, other: HyperLogLog) -> HyperLogLog:
        """The sketch of the union: register by register, the larger rank. Exact, not approximate."""
        if (other.precision, other.seed) != (self.precision, self.seed):
            raise ValueError("only sketches with the same precision and seed can be merged")
        union = HyperLogLog(self.precision, self.seed)
        union._ranks = bytearray(max(a, b) for a, b in zip(self._ranks, other._ranks, strict=True))
        return union
