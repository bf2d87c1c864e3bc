"""Unique IDs: a Snowflake-style 64-bit generator that refuses to run backwards, and UUIDv7 from its parts."""

from __future__ import annotations

import secrets
import time
import uuid
from collections.abc import Callable
from typing import NamedTuple

TIMESTAMP_BITS = 41  # milliseconds since the custom epoch
WORKER_BITS = 10  # up to 1,024 generators running at once
SEQUENCE_BITS = 12  # up to 4,096 IDs per millisecond per generator
MAX_WORKER_ID = (1 << WORKER_BITS) - 1
MAX_SEQUENCE = (1 << SEQUENCE_BITS) - 1
MAX_TIMESTAMP_MS = (1 << TIMESTAMP_BITS) - 1


class ClockMovedBackwardsError(RuntimeError):
    """The wall clock is further behind the last ID's time than the generator is willing to wait."""


class SnowflakeParts(NamedTuple):
    timestamp_ms: int  # since the generator's epoch
    worker_id: int
    sequence: int


def _wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


class SnowflakeGenerator:
    """IDs that sort by creation time (to the millisecond) with no coordination between workers.

    Layout, high bit to low: one unused sign bit, 41 bits of milliseconds since ``epoch_ms``,
    10 bits of worker id, 12 bits of sequence within the millisecond. Uniqueness rests on each
    worker id being held by one process at a time (assign them from a lease, not from a config file
    copied between hosts) and on never reusing a millisecond, so a clock that steps backwards is
    waited out when the step is small and refused when it is large.

    >>> ticks = iter([1_000, 1_000, 1_001])
    >>> gen = SnowflakeGenerator(worker_id=5, epoch_ms=0, clock_ms=lambda: next(ticks))
    >>> [parse_snowflake(gen.next_id()) for _ in range(3)]  # doctest: +NORMALIZE_WHITESPACE
    [SnowflakeParts(timestamp_ms=1000, worker_id=5, sequence=0),
     SnowflakeParts(timestamp_ms=1000, worker_id=5, sequence=1),
     SnowflakeParts(timestamp_ms=1001, worker_id=5, sequence=0)]
    """

    def __init__(
        self,
        worker_id: int,
        epoch_ms: int,
        clock_ms: Callable[[], int] = _wall_clock_ms,
        max_backwards_wait_ms: int = 5,
    ) -> None:
        if not 0 <= worker_id <= MAX_WORKER_ID:
            raise ValueError(f"worker_id must be between 0 and {MAX_WORKER_ID}, got {worker_id}")
        if max_backwards_wait_ms < 0:
            raise ValueError(f"max_backwards_wait_ms must be 0 or more, got {max_backwards_wait_ms}")
        self.worker_id = worker_id
        self.epoch_ms = epoch_ms
        self._clock_ms = clock_ms
        self._max_backwards_wait_ms = max_backwards_wait_ms
        self._last_ms = -1
        self._sequence = 0

    def _now_ms(self) -> int:
        """Milliseconds since the epoch, never earlier than the last ID's."""
        now = self._clock_ms() - self.epoch_ms
        if now < 0:  # an epoch in the future would shift a negative time into the sign bit
            raise ValueError(f"the clock reads {-now} ms before epoch_ms; choose an epoch in the past")
        if now < self._last_ms:
            behind_ms = self._last_ms - now
            if behind_ms > self._max_backwards_wait_ms:
                raise ClockMovedBackwardsError(
                    f"clock is {behind_ms} ms behind the last ID; refusing to mint IDs that could repeat"
                )
            while now < self._last_ms:  # a small step back (an NTP slew or jitter): wait it out
                now = self._clock_ms() - self.epoch_ms
        return now

    def next_id(self) -> int:
        now = self._now_ms()
        if now > MAX_TIMESTAMP_MS:
            raise OverflowError("the 41-bit timestamp has run out; move the epoch forward")
        if now == self._last_ms:
            self._sequence = (self._sequence + 1) & MAX_SEQUENCE
            if self._sequence == 0:  # 4,096 IDs this millisecond already: wait for the next one
                while now <= self._last_ms:
                    now = self._now_ms()
        else:
            self._sequence = 0
        self._last_ms = now
        return (now << (WORKER_BITS + SEQUENCE_BITS)) | (self.worker_id << SEQUENCE_BITS) | self._sequence


def parse_snowflake(snowflake_id: int) -> SnowflakeParts:
    """The time, worker and sequence packed into an ID: anyone can read an ID's creation time."""
    return SnowflakeParts(
        timestamp_ms=snowflake_id >> (WORKER_BITS + SEQUENCE_BITS),
        worker_id=(snowflake_id >> SEQUENCE_BITS) & MAX_WORKER_ID,
        sequence=snowflake_id & MAX_SEQUENCE,
    )


def uuid7(unix_ms: int | None = None, random_bits: int | None = None) -> uuid.UUID:
    """A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, the version and variant, 74 random bits.

    Time first, so values created later sort later and new rows land at the right-hand end of a
    B-tree index instead of on random pages. IDs within one millisecond are in random order.

    >>> str(uuid7(unix_ms=0x0189_8F2A_1C00, random_bits=0))
    '01898f2a-1c00-7000-8000-000000000000'
    """
    unix_ms = _wall_clock_ms() if unix_ms is None else unix_ms
    random_bits = secrets.randbits(74) if random_bits is None else random_bits
    if not 0 <= unix_ms < 1 << 48:
        raise ValueError(f"unix_ms must fit in 48 bits, got {unix_ms}")
    if not 0 <= random_bits < 1 << 74:
        raise ValueError("random_bits must fit in 74 bits")
    random_a, random_b = random_bits >> 62, random_bits & ((1 << 62) - 1)
    value = (unix_ms << 80) | (0x7 << 76) | (random_a << 64) | (0b10 << 62) | random_b
    return uuid.UUID(int=value)
