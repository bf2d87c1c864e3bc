"""A bounded, thread-safe connection pool: reuse expensive connections and cap how many the database sees."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class PoolExhaustedError(TimeoutError):
    """No connection became free within the checkout timeout: shed the request rather than queue forever."""


class ConnectionPool[C]:
    """Keeps ``min_size`` connections open, opens more on demand up to ``max_size``, and never more.

    >>> import itertools
    >>> connection_ids = itertools.count(1)
    >>> pool = ConnectionPool(lambda: next(connection_ids), min_size=1, max_size=2, checkout_timeout_s=0)
    >>> pool.open_count, pool.idle_count  # min_size connections are opened up front
    (1, 1)
    >>> with pool.connection() as first, pool.connection() as second:
    ...     (first, second, pool.open_count)  # the second was opened on demand
    (1, 2, 2)
    >>> with pool.connection() as a, pool.connection() as b, pool.connection() as c:
    ...     pass
    Traceback (most recent call last):
    calculators.patterns.connection_pool.PoolExhaustedError: no connection free within 0 s (max_size=2)
    >>> pool.open_count, pool.idle_count  # a and b came back although the block raised
    (2, 2)
    """

    def __init__(
        self,
        create: Callable[[], C],
        *,
        min_size: int,
        max_size: int,
        checkout_timeout_s: float,
        is_healthy: Callable[[C], bool] = lambda _: True,
        reset: Callable[[C], None] = lambda _: None,
        close: Callable[[C], None] = lambda _: None,
    ) -> None:
        if not 0 <= min_size <= max_size or max_size < 1:
            raise ValueError(f"need 0 <= min_size <= max_size and max_size >= 1, got {min_size=} {max_size=}")
        self._create, self._is_healthy, self._reset, self._close = create, is_healthy, reset, close
        self.max_size = max_size
        self.checkout_timeout_s = checkout_timeout_s
        self._idle: deque[C] = deque(create() for _ in range(min_size))  # pay the connect cost at start-up
        self._open_count = min_size  # idle + checked out; only read or changed while holding _changed
        self._changed = threading.Condition()

    @property
    def open_count(self) -> int:
        with self._changed:
            return self._open_count

    @property
    def idle_count(self) -> int:
        with self._changed:
            return len(self._idle)

    @contextmanager
    def connection(self) -> Iterator[C]:
        """Check a connection out for the ``with`` block; it goes back (or is discarded) however the block ends."""
        conn = self._checkout()
        try:
            yield conn
        finally:
            self._give_back(conn)

    def _give_back(self, conn: C) -> None:
        try:
            # Roll back whatever the borrower left open, so the next borrower starts clean.
            self._reset(conn)
        except Exception:
            self._discard(conn)  # it could not be cleaned: never hand it out again
            return
        with self._changed:
            self._idle.append(conn)
            self._changed.notify()  # wake one waiter

    def _checkout(self) -> C:
        deadline_s = time.monotonic() + self.checkout_timeout_s
        while True:
            conn = self._take_idle_or_reserve_slot(deadline_s)
            if conn is None:  # a slot is reserved for us: connect outside the lock (it is slow)
                try:
                    return self._create()
                except BaseException:
                    self._release_slot()
                    raise
            # Validate outside the lock too: a health check may be a network round trip.
            if self._is_healthy(conn):
                return conn
            self._discard(conn)  # stale (server restarted, idle timeout): drop it and try again

    def _take_idle_or_reserve_slot(self, deadline_s: float) -> C | None:
        with self._changed:
            while not self._idle and self._open_count >= self.max_size:
                remaining_s = deadline_s - time.monotonic()
                if remaining_s <= 0:
                    raise PoolExhaustedError(
                        f"no connection free within {self.checkout_timeout_s:g} s (max_size={self.max_size})"
                    )
                self._changed.wait(remaining_s)
            if self._idle:
                return self._idle.pop()  # LIFO: reuse warm connections and let surplus ones sit idle
            # Count the connection before it exists, under the lock, so racing threads cannot overshoot max_size.
            self._open_count += 1
            return None

    def _discard(self, conn: C) -> None:
        try:
            self._close(conn)
        finally:
            self._release_slot()

    def _release_slot(self) -> None:
        with self._changed:
            self._open_count -= 1
            self._changed.notify()  # a waiter may now open a fresh connection
