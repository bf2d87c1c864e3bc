"""Connection pool: bounded under concurrency, blocks then fails clearly, validates, and never leaks."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from contextlib import ExitStack

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.patterns.connection_pool import ConnectionPool, PoolExhaustedError


class Database:
    """Counts connections the way a database server would see them."""

    def __init__(self) -> None:
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self.open_ids: set[int] = set()
        self.peak_open = 0
        self.opened = 0

    def connect(self) -> int:
        with self._lock:
            conn = next(self._ids)
            self.open_ids.add(conn)
            self.opened += 1
            self.peak_open = max(self.peak_open, len(self.open_ids))
            return conn

    def close(self, conn: int) -> None:
        with self._lock:
            self.open_ids.remove(conn)


def make_pool(
    db: Database,
    min_size: int = 0,
    max_size: int = 2,
    timeout_s: float = 0.0,
    is_healthy: Callable[[int], bool] = lambda _: True,
    reset: Callable[[int], None] = lambda _: None,
) -> ConnectionPool[int]:
    return ConnectionPool(
        db.connect,
        min_size=min_size,
        max_size=max_size,
        checkout_timeout_s=timeout_s,
        is_healthy=is_healthy,
        reset=reset,
        close=db.close,
    )


@pytest.mark.parametrize(
    ("min_size", "max_size"),
    [(-1, 2), (3, 2), (0, 0)],
    ids=["negative-min", "min-above-max", "zero-max"],
)
def test_rejects_impossible_sizes(min_size: int, max_size: int) -> None:
    with pytest.raises(ValueError):
        make_pool(Database(), min_size, max_size)


@pytest.mark.parametrize(
    ("min_size", "max_size", "held", "expected_opened"),
    [(2, 5, 0, 2), (2, 5, 1, 2), (2, 5, 3, 3), (0, 5, 5, 5)],
    ids=["prewarmed-only", "reuses-prewarmed", "grows-on-demand", "lazy-to-max"],
)
def test_opens_min_up_front_and_more_only_on_demand(min_size: int, max_size: int, held: int, expected_opened: int) -> None:
    db = Database()
    pool = make_pool(db, min_size, max_size)
    with ExitStack() as stack:
        conns = [stack.enter_context(pool.connection()) for _ in range(held)]
        assert db.opened == expected_opened
        assert len(set(conns)) == held


def test_exhausted_pool_raises_a_clear_error_after_the_timeout() -> None:
    pool = make_pool(Database(), max_size=1, timeout_s=0.02)
    with pool.connection(), pytest.raises(PoolExhaustedError, match=r"within 0.02 s \(max_size=1\)"), pool.connection():
        pass


def test_waiter_gets_the_connection_released_by_another_thread() -> None:
    db = Database()
    pool = make_pool(db, max_size=1, timeout_s=5)
    got: list[int] = []

    def wait_for_connection() -> None:
        with pool.connection() as conn:
            got.append(conn)

    holder = ExitStack()
    holding = holder.enter_context(pool.connection())
    waiter = threading.Thread(target=wait_for_connection)
    waiter.start()
    holder.close()  # gives the connection back; the blocked waiter wakes and takes it
    waiter.join(timeout=5)
    assert got == [holding]
    assert db.opened == 1


@pytest.mark.parametrize("error", [ValueError("bug"), KeyboardInterrupt()], ids=["exception", "base-exception"])
def test_connection_returns_to_the_pool_when_the_block_raises(error: BaseException) -> None:
    db = Database()
    pool = make_pool(db, max_size=1)
    with pytest.raises(type(error)), pool.connection():
        raise error
    assert pool.idle_count == 1
    assert pool.open_count == 1


def test_connection_that_cannot_be_reset_is_closed_not_reused() -> None:
    db = Database()

    def reset(conn: int) -> None:
        raise ConnectionError("broken pipe")

    pool = make_pool(db, max_size=1, reset=reset)
    with pool.connection() as conn:
        pass
    assert conn not in db.open_ids
    assert (pool.open_count, pool.idle_count) == (0, 0)


def test_unhealthy_idle_connection_is_replaced_on_checkout() -> None:
    db = Database()
    bad = {1}
    pool = make_pool(db, min_size=1, max_size=1, is_healthy=lambda conn: conn not in bad)
    with pool.connection() as conn:
        assert conn == 2
    assert db.open_ids == {2}


def test_failed_connect_frees_its_slot() -> None:
    attempts = itertools.count()

    def connect() -> int:
        if next(attempts) == 0:
            raise ConnectionRefusedError("db restarting")
        return 7

    pool = ConnectionPool(connect, min_size=0, max_size=1, checkout_timeout_s=0)
    with pytest.raises(ConnectionRefusedError), pool.connection():
        pass
    assert pool.open_count == 0
    with pool.connection() as conn:
        assert conn == 7


@settings(max_examples=15, deadline=None)
@given(
    max_size=st.integers(min_value=1, max_value=4),
    thread_count=st.integers(min_value=2, max_value=8),
    unhealthy_every=st.integers(min_value=2, max_value=5),
)
def test_never_exceeds_max_under_concurrent_threads(max_size: int, thread_count: int, unhealthy_every: int) -> None:
    db = Database()
    pool = make_pool(db, max_size=max_size, timeout_s=5, is_healthy=lambda conn: conn % unhealthy_every != 0)
    start = threading.Barrier(thread_count)
    errors: list[BaseException] = []

    def borrow_repeatedly() -> None:
        start.wait()
        try:
            for _ in range(20):
                with pool.connection():
                    pass
        except BaseException as error:  # surface failures from worker threads
            errors.append(error)

    threads = [threading.Thread(target=borrow_repeatedly) for _ in range(thread_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert errors == []
    assert db.peak_open <= max_size
    assert pool.open_count == len(db.open_ids) <= max_size  # the pool's count matches reality: nothing leaked
