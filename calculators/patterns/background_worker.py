"""Async processing: answer the request after the part the caller needs, and let workers do the rest from a queue."""

from __future__ import annotations

import queue
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Task:
    kind: str
    subject_id: str


@dataclass(frozen=True)
class DeadLetter:
    task: Task
    attempts: int
    error: str


class PermanentError(Exception):
    """Raised by a handler when retrying cannot help (bad input, deleted subject): go straight to dead letters."""


SIGNUP_FOLLOW_UPS = ("send_welcome_email", "create_profile", "record_signup_metric")


def handle_signup(email: str, create_user: Callable[[str], str], tasks: queue.Queue[Task | None]) -> dict[str, str]:
    """Do the synchronous part (the caller needs the user id), enqueue the rest, reply at once.

    If the process dies between ``create_user`` and the enqueues, the follow-ups are lost; writing
    them in the same transaction as the user row (a transactional outbox) closes that gap.

    >>> tasks: queue.Queue[Task | None] = queue.Queue()
    >>> handle_signup("ada@example.com", lambda email: "u1", tasks), tasks.qsize()
    ({'status': 'created', 'user_id': 'u1'}, 3)
    """
    user_id = create_user(email)
    for kind in SIGNUP_FOLLOW_UPS:
        tasks.put(Task(kind, user_id))
    return {"status": "created", "user_id": user_id}


@dataclass
class Worker:
    """Takes tasks off a shared queue until it meets ``None``, the stop sentinel.

    Run one ``Worker`` per thread (its counters are its own) and put one sentinel per thread to stop them.

    >>> tasks: queue.Queue[Task | None] = queue.Queue()
    >>> def flaky_email(task: Task) -> None:
    ...     raise ConnectionError("SMTP timeout")
    >>> worker = Worker(tasks, {"send_welcome_email": flaky_email, "create_profile": lambda task: None},
    ...                 max_attempts=3, sleep_s=lambda seconds: None)
    >>> for task in (Task("send_welcome_email", "u1"), Task("create_profile", "u1"), None):
    ...     tasks.put(task)
    >>> worker.run()  # returns when it reaches the sentinel; the queue before it is drained
    >>> worker.done_count, worker.dead_letters
    (1, [DeadLetter(task=Task(kind='send_welcome_email', subject_id='u1'), attempts=3, error="ConnectionError('SMTP timeout')")])
    """

    tasks: queue.Queue[Task | None]
    handlers: Mapping[str, Callable[[Task], None]]
    max_attempts: int = 3
    # Delay before retry n (n = 1, 2, ...): capped exponential; the retries page adds jitter.
    backoff_s: Callable[[int], float] = lambda retry: min(30.0, 0.5 * 2 ** (retry - 1))
    sleep_s: Callable[[float], None] = time.sleep  # injectable so tests never wait
    done_count: int = 0
    dead_letters: list[DeadLetter] = field(default_factory=list)

    def run(self) -> None:
        while True:
            task = self.tasks.get()  # blocks until there is work: no polling loop, no sleep(1)
            try:
                if task is None:
                    return
                self._process(task)
            finally:
                self.tasks.task_done()  # lets tasks.join() tell when everything queued has been handled

    def _process(self, task: Task) -> None:
        handler = self.handlers.get(task.kind)
        if handler is None:
            self.dead_letters.append(DeadLetter(task, 0, f"no handler for {task.kind!r}"))
            return
        for attempt in range(1, self.max_attempts + 1):
            try:
                handler(task)
            except PermanentError as error:
                self.dead_letters.append(DeadLetter(task, attempt, repr(error)))
                return
            except Exception as error:
                if attempt == self.max_attempts:
                    # Park it where a person (or a redrive job) can see it, instead of retrying forever.
                    self.dead_letters.append(DeadLetter(task, attempt, repr(error)))
                    return
                # Retrying in place keeps the sketch short but holds this worker; brokers such as SQS
                # instead hide the message and redeliver it later (a visibility timeout).
                self.sleep_s(self.backoff_s(attempt))
            else:
                self.done_count += 1
                return
