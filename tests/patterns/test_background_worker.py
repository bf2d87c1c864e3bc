"""Background worker: bounded retries, dead letters, clean stop on the sentinel, no real sleeping."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

import pytest

from calculators.patterns.background_worker import (
    SIGNUP_FOLLOW_UPS,
    DeadLetter,
    PermanentError,
    Task,
    Worker,
    handle_signup,
)


def failing_times(count: int, error: Exception) -> Callable[[Task], None]:
    remaining = [count]

    def handler(task: Task) -> None:
        if remaining[0]:
            remaining[0] -= 1
            raise error

    return handler


def run_one(handler: Callable[[Task], None], kind: str = "job", max_attempts: int = 3) -> tuple[Worker, list[float]]:
    tasks: queue.Queue[Task | None] = queue.Queue()
    sleeps_s: list[float] = []
    worker = Worker(tasks, {"job": handler}, max_attempts=max_attempts, sleep_s=sleeps_s.append)
    tasks.put(Task(kind, "s1"))
    tasks.put(None)
    worker.run()
    return worker, sleeps_s


@pytest.mark.parametrize(
    ("failures", "error", "expected_done", "expected_dead_attempts", "expected_sleeps_s"),
    [
        (0, ConnectionError("x"), 1, [], []),
        (2, ConnectionError("x"), 1, [], [0.5, 1.0]),
        (3, ConnectionError("x"), 0, [3], [0.5, 1.0]),
        (1, PermanentError("bad address"), 0, [1], []),
    ],
    ids=["succeeds-first-time", "succeeds-on-last-attempt", "exhausts-attempts", "permanent-error-not-retried"],
)
def test_retries_are_bounded_then_dead_lettered(
    failures: int, error: Exception, expected_done: int, expected_dead_attempts: list[int], expected_sleeps_s: list[float]
) -> None:
    worker, sleeps_s = run_one(failing_times(failures, error))
    assert worker.done_count == expected_done
    assert [letter.attempts for letter in worker.dead_letters] == expected_dead_attempts
    assert sleeps_s == expected_sleeps_s


def test_unknown_task_kind_goes_straight_to_dead_letters() -> None:
    worker, sleeps_s = run_one(lambda task: None, kind="mystery")
    assert worker.dead_letters == [DeadLetter(Task("mystery", "s1"), 0, "no handler for 'mystery'")]
    assert sleeps_s == []


@pytest.mark.parametrize(
    ("retry", "expected_s"), [(1, 0.5), (2, 1.0), (3, 2.0), (7, 30.0), (50, 30.0)], ids=["1", "2", "3", "capped", "far"]
)
def test_default_backoff_doubles_and_is_capped(retry: int, expected_s: float) -> None:
    worker = Worker(queue.Queue(), {})
    assert worker.backoff_s(retry) == expected_s


def test_signup_replies_after_the_synchronous_part_and_enqueues_follow_ups() -> None:
    tasks: queue.Queue[Task | None] = queue.Queue()
    reply = handle_signup("ada@example.com", lambda email: f"id-of-{email}", tasks)
    assert reply == {"status": "created", "user_id": "id-of-ada@example.com"}
    assert [tasks.get_nowait() for _ in SIGNUP_FOLLOW_UPS] == [Task(kind, "id-of-ada@example.com") for kind in SIGNUP_FOLLOW_UPS]
    assert tasks.empty()


def test_worker_threads_drain_the_queue_and_stop_on_sentinels() -> None:
    tasks: queue.Queue[Task | None] = queue.Queue()
    handled: list[str] = []
    lock = threading.Lock()

    def record(task: Task) -> None:
        with lock:
            handled.append(task.subject_id)

    workers = [Worker(tasks, {"job": record}, sleep_s=lambda seconds: None) for _ in range(3)]
    threads = [threading.Thread(target=worker.run) for worker in workers]
    for thread in threads:
        thread.start()
    for index in range(30):
        tasks.put(Task("job", str(index)))
    for _ in threads:
        tasks.put(None)  # one sentinel per worker
    for thread in threads:
        thread.join(timeout=5)
    assert not any(thread.is_alive() for thread in threads)
    assert sorted(handled, key=int) == [str(index) for index in range(30)]
    assert sum(worker.done_count for worker in workers) == 30
    tasks.join()  # every get was matched by task_done, so this returns at once
