"""Token bucket: admit bursts up to a capacity and a long-run rate up to the refill rate; refuse the rest early."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after_s: float  # 0 when allowed; otherwise when enough tokens will have refilled


class TokenBucket:
    """Holds up to ``capacity_tokens``; gains ``refill_tokens_per_s``; each request spends tokens or is refused.

    >>> now_s = [0.0]
    >>> bucket = TokenBucket(capacity_tokens=2, refill_tokens_per_s=1, clock_s=lambda: now_s[0])
    >>> [bucket.try_acquire().allowed for _ in range(3)]  # a full bucket absorbs a burst of 2
    [True, True, False]
    >>> bucket.try_acquire().retry_after_s
    1.0
    >>> now_s[0] = 1.5  # 1.5 tokens refilled: one request fits
    >>> bucket.try_acquire(), bucket.try_acquire()
    (Decision(allowed=True, retry_after_s=0.0), Decision(allowed=False, retry_after_s=0.5))
    """

    def __init__(self, capacity_tokens: float, refill_tokens_per_s: float, clock_s: Callable[[], float] = time.monotonic) -> None:
        if capacity_tokens <= 0 or refill_tokens_per_s <= 0:
            raise ValueError("capacity_tokens and refill_tokens_per_s must be positive")
        self.capacity_tokens = capacity_tokens
        self.refill_tokens_per_s = refill_tokens_per_s
        self._clock_s = clock_s
        self._tokens = capacity_tokens  # start full, so a fresh client may burst at once
        self._refilled_at_s = clock_s()
        self._lock = threading.Lock()

    @property
    def available_tokens(self) -> float:
        with self._lock:
            self._refill()
            return self._tokens

    def try_acquire(self, tokens: float = 1.0) -> Decision:
        """Spend ``tokens`` if the bucket holds them; never block (the caller decides whether to wait)."""
        if tokens > self.capacity_tokens:
            raise ValueError(f"a request for {tokens} tokens can never fit a bucket of {self.capacity_tokens}")
        with self._lock:
            self._refill()
            if self._tokens >= tokens:
                self._tokens -= tokens
                return Decision(True, 0.0)
            return Decision(False, (tokens - self._tokens) / self.refill_tokens_per_s)

    def _refill(self) -> None:
        # max(): if the clock ever steps backwards, neither drain the bucket nor count the same time twice.
        now_s = max(self._clock_s(), self._refilled_at_s)
        elapsed_s = now_s - self._refilled_at_s
        self._tokens = min(self.capacity_tokens, self._tokens + elapsed_s * self.refill_tokens_per_s)
        self._refilled_at_s = now_s


def http_response_for(decision: Decision) -> tuple[int, dict[str, str]]:
    """Status and headers for a rate-limited HTTP API: 429 with Retry-After in whole seconds, rounded up.

    >>> http_response_for(Decision(False, 0.2))
    (429, {'Retry-After': '1'})
    """
    if decision.allowed:
        return 200, {}
    return 429, {"Retry-After": str(max(1, math.ceil(decision.retry_after_s)))}
