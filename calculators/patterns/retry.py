"""Retry with capped exponential backoff and jitter, after Marc Brooker, "Exponential Backoff And Jitter" (AWS, 2015).

Retry ``n`` (0 for the wait after the first failure) has the ceiling ``min(cap, base × 2ⁿ)``.
The jitter strategy decides where in that range the actual wait falls:

- ``none``: exactly the ceiling. Clients that failed together retry together.
- ``full``: uniform in [0, ceiling]. The least work for the server in Brooker's simulation.
- ``equal``: half the ceiling plus uniform in [0, half]. Never retries almost at once.
- ``decorrelated``: ``min(cap, uniform(base, 3 × previous wait))``, starting from ``previous = base``.
  It grows from the last wait actually taken, not from the retry number.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable
from enum import StrEnum

__all__ = [
    "Jitter",
    "backoff_ceiling_s",
    "delay_range_s",
    "next_delay_s",
    "retry_call",
    "sample_delays_s",
]


class Jitter(StrEnum):
    """Where in the backoff range a retry waits."""

    NONE = "none"
    FULL = "full"
    EQUAL = "equal"
    DECORRELATED = "decorrelated"


def _check(base_delay_s: float, cap_s: float) -> None:
    if not (math.isfinite(base_delay_s) and math.isfinite(cap_s)) or base_delay_s <= 0 or cap_s <= 0:
        raise ValueError("base delay and cap must be positive and finite")


def backoff_ceiling_s(retry: int, base_delay_s: float, cap_s: float) -> float:
    """The capped exponential wait before retry ``retry`` (0-based): ``min(cap, base × 2^retry)`` [s].

    Doubling stops once the cap is reached, so a huge retry number cannot overflow.

    >>> [backoff_ceiling_s(n, 0.1, 1.0) for n in range(5)]
    [0.1, 0.2, 0.4, 0.8, 1.0]
    >>> backoff_ceiling_s(10_000, 0.1, 20.0)
    20.0
    """
    _check(base_delay_s, cap_s)
    if retry < 0:
        raise ValueError("retry must be 0 or more")
    if base_delay_s >= cap_s or retry >= math.log2(cap_s / base_delay_s):
        return cap_s
    return min(cap_s, base_delay_s * 2.0**retry)


def decorrelated_ceiling_s(retry: int, base_delay_s: float, cap_s: float) -> float:
    """The longest decorrelated wait before retry ``retry``: ``min(cap, base × 3^(retry + 1))`` [s].

    >>> [decorrelated_ceiling_s(n, 1.0, 20.0) for n in range(4)]
    [3.0, 9.0, 20.0, 20.0]
    """
    _check(base_delay_s, cap_s)
    if retry < 0:
        raise ValueError("retry must be 0 or more")
    if base_delay_s >= cap_s or retry + 1 >= math.log(cap_s / base_delay_s, 3):
        return cap_s
    return min(cap_s, base_delay_s * 3.0 ** (retry + 1))


def delay_range_s(retry: int, base_delay_s: float, cap_s: float, jitter: Jitter) -> tuple[float, float]:
    """The shortest and longest wait before retry ``retry`` (0-based) under ``jitter`` [s].

    >>> delay_range_s(2, 1.0, 30.0, Jitter.NONE), delay_range_s(2, 1.0, 30.0, Jitter.FULL)
    ((4.0, 4.0), (0.0, 4.0))
    >>> delay_range_s(2, 1.0, 30.0, Jitter.EQUAL), delay_range_s(2, 1.0, 30.0, Jitter.DECORRELATED)
    ((2.0, 4.0), (1.0, 27.0))
    """
    if jitter is Jitter.DECORRELATED:
        return min(base_delay_s, cap_s), decorrelated_ceiling_s(retry, base_delay_s, cap_s)
    ceiling = backoff_ceiling_s(retry, base_delay_s, cap_s)
    if jitter is Jitter.FULL:
        return 0.0, ceiling
    if jitter is Jitter.EQUAL:
        return ceiling / 2, ceiling
    return ceiling, ceiling


def next_delay_s(
    retry: int, previous_delay_s: float, base_delay_s: float, cap_s: float, jitter: Jitter, rng: random.Random
) -> float:
    """Draw the wait before retry ``retry`` [s]; ``previous_delay_s`` matters only for decorrelated jitter.

    Pass ``previous_delay_s = base_delay_s`` before the first retry.

    >>> rng = random.Random(7)
    >>> 0.0 <= next_delay_s(3, 0.0, 1.0, 5.0, Jitter.FULL, rng) <= 5.0
    True
    >>> next_delay_s(3, 0.0, 1.0, 5.0, Jitter.NONE, rng)
    5.0
    """
    if jitter is Jitter.DECORRELATED:
        _check(base_delay_s, cap_s)
        upper = max(base_delay_s, 3 * min(previous_delay_s, cap_s))
        return min(cap_s, rng.uniform(base_delay_s, upper))
    ceiling = backoff_ceiling_s(retry, base_delay_s, cap_s)
    if jitter is Jitter.FULL:
        return rng.uniform(0.0, ceiling)
    if jitter is Jitter.EQUAL:
        return ceiling / 2 + rng.uniform(0.0, ceiling / 2)
    return ceiling


def sample_delays_s(retries: int, base_delay_s: float, cap_s: float, jitter: Jitter, rng: random.Random) -> list[float]:
    """One client's waits before each of ``retries`` retries [s].

    >>> sample_delays_s(4, 0.5, 3.0, Jitter.NONE, random.Random(1))
    [0.5, 1.0, 2.0, 3.0]
    """
    delays: list[float] = []
    previous = base_delay_s
    for retry in range(retries):
        previous = next_delay_s(retry, previous, base_delay_s, cap_s, jitter, rng)
        delays.append(previous)
    return delays


def retry_call[T](
    operation: Callable[[], T],
    *,
    attempts: int,
    base_delay_s: float,
    cap_s: float,
    jitter: Jitter = Jitter.FULL,
    retryable: tuple[type[BaseException], ...] = (ConnectionError, TimeoutError),
    sleep: Callable[[float], None] = time.sleep,
    rng: random.Random | None = None,
) -> T:
    """Call ``operation`` up to ``attempts`` times in all, waiting between attempts.

    Only errors of a ``retryable`` type are retried; any other error propagates at once.
    After the last attempt the last error is re-raised without a further wait.
    Retry only operations that are safe to repeat (idempotent, or made so with a key).

    >>> outcomes = iter([TimeoutError("slow"), TimeoutError("slow"), "done"])
    >>> def flaky() -> str:
    ...     outcome = next(outcomes)
    ...     if isinstance(outcome, Exception):
    ...         raise outcome
    ...     return outcome
    >>> waits: list[float] = []
    >>> retry_call(flaky, attempts=5, base_delay_s=0.1, cap_s=1.0, jitter=Jitter.NONE, sleep=waits.append)
    'done'
    >>> waits
    [0.1, 0.2]
    """
    if attempts < 1:
        raise ValueError("attempts must be at least 1")
    _check(base_delay_s, cap_s)
    rng = rng if rng is not None else random.Random()
    previous = base_delay_s
    for attempt in range(attempts):
        try:
            return operation()
        except retryable:
            if attempt == attempts - 1:
                raise
        previous = next_delay_s(attempt, previous, base_delay_s, cap_s, jitter, rng)
        sleep(previous)
    raise AssertionError("unreachable: the loop returns or raises")  # pragma: no cover
