"""A circuit breaker with a limited half-open trial, written as a pure state machine plus a thin thread-safe wrapper.

States:

- CLOSED: calls pass. ``failure_threshold`` consecutive failures open the breaker
  (a success resets the count).
- OPEN: calls are rejected at once, without touching the dependency, until
  ``open_timeout_s`` has passed since the breaker opened.
- HALF_OPEN: at most ``half_open_max_calls`` trial calls are let through; every other caller
  is rejected. When that many trials have succeeded the breaker closes; any trial failure
  opens it again and restarts the timeout.

The functions :func:`admit` and :func:`record` take a frozen :class:`BreakerState` and return
the next one, so the same code drives :class:`CircuitBreaker` (with a real clock and locking)
and :func:`simulate` (a replay of (time, outcome) events, used by the calculator).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

__all__ = [
    "BreakerConfig",
    "BreakerState",
    "CircuitBreaker",
    "CircuitOpenError",
    "Outcome",
    "Permit",
    "State",
    "Step",
    "admit",
    "record",
    "simulate",
    "state_at",
]


class State(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half-open"


class Outcome(StrEnum):
    """How an admitted call ended, as far as the breaker is concerned."""

    SUCCESS = "success"
    FAILURE = "failure"
    IGNORED = "ignored"  # neither: e.g. the caller gave up; a trial slot is released


@dataclass(frozen=True)
class BreakerConfig:
    failure_threshold: int = 5  # consecutive failures that open the breaker [calls]
    open_timeout_s: float = 30.0  # how long it stays open before a trial [s]
    half_open_max_calls: int = 1  # trial calls allowed, and successes needed to close [calls]

    def __post_init__(self) -> None:
        if self.failure_threshold < 1 or self.half_open_max_calls < 1:
            raise ValueError("failure_threshold and half_open_max_calls must be at least 1")
        if not self.open_timeout_s >= 0:
            raise ValueError("open_timeout_s must be 0 or more")


@dataclass(frozen=True)
class BreakerState:
    """Everything the breaker remembers. ``generation`` changes on every state change."""

    state: State = State.CLOSED
    generation: int = 0
    consecutive_failures: int = 0
    opened_at_s: float = 0.0
    trials_admitted: int = 0
    trial_successes: int = 0


@dataclass(frozen=True)
class Permit:
    """Proof that a call was admitted, and in which generation; outcomes from an older generation are ignored."""

    generation: int
    trial: bool


def _enter(snapshot: BreakerState, state: State, now_s: float) -> BreakerState:
    return BreakerState(state=state, generation=snapshot.generation + 1, opened_at_s=now_s if state is State.OPEN else 0.0)


def state_at(config: BreakerConfig, snapshot: BreakerState, now_s: float) -> BreakerState:
    """The state as of ``now_s``: an OPEN breaker whose timeout has passed is HALF_OPEN.

    >>> cfg = BreakerConfig(failure_threshold=1, open_timeout_s=10)
    >>> opened = BreakerState(State.OPEN, generation=1, opened_at_s=100.0)
    >>> state_at(cfg, opened, 105.0).state, state_at(cfg, opened, 110.0).state
    (<State.OPEN: 'open'>, <State.HALF_OPEN: 'half-open'>)
    """
    if snapshot.state is State.OPEN and now_s >= snapshot.opened_at_s + config.open_timeout_s:
        return _enter(snapshot, State.HALF_OPEN, now_s)
    return snapshot


def admit(config: BreakerConfig, snapshot: BreakerState, now_s: float) -> tuple[Permit | None, BreakerState]:
    """Decide whether a call may go ahead at ``now_s``: a permit (or ``None`` to reject) and the next state.

    >>> cfg = BreakerConfig(failure_threshold=1, open_timeout_s=10, half_open_max_calls=1)
    >>> half_open = BreakerState(State.HALF_OPEN, generation=2)
    >>> first, after_first = admit(cfg, half_open, 0.0)
    >>> second, _ = admit(cfg, after_first, 0.0)
    >>> first, second
    (Permit(generation=2, trial=True), None)
    """
    current = state_at(config, snapshot, now_s)
    if current.state is State.CLOSED:
        return Permit(current.generation, trial=False), current
    if current.state is State.HALF_OPEN and current.trials_admitted < config.half_open_max_calls:
        return Permit(current.generation, trial=True), replace(current, trials_admitted=current.trials_admitted + 1)
    return None, current


def record(config: BreakerConfig, snapshot: BreakerState, permit: Permit, outcome: Outcome, now_s: float) -> BreakerState:
    """Account for the end of an admitted call and return the next state.

    >>> cfg = BreakerConfig(failure_threshold=2, open_timeout_s=10)
    >>> permit, closed = admit(cfg, BreakerState(), 0.0)
    >>> once = record(cfg, closed, permit, Outcome.FAILURE, 0.0)
    >>> twice = record(cfg, once, permit, Outcome.FAILURE, 1.0)
    >>> once.state, twice.state, twice.opened_at_s
    (<State.CLOSED: 'closed'>, <State.OPEN: 'open'>, 1.0)
    """
    if permit.generation != snapshot.generation:
        return snapshot  # admitted before the last state change: its result says nothing about now
    if snapshot.state is State.CLOSED:
        if outcome is Outcome.FAILURE:
            failures = snapshot.consecutive_failures + 1
            if failures >= config.failure_threshold:
                return _enter(snapshot, State.OPEN, now_s)
            return replace(snapshot, consecutive_failures=failures)
        if outcome is Outcome.SUCCESS:
            return replace(snapshot, consecutive_failures=0)
        return snapshot
    if snapshot.state is State.HALF_OPEN and permit.trial:
        if outcome is Outcome.FAILURE:
            return _enter(snapshot, State.OPEN, now_s)
        if outcome is Outcome.SUCCESS:
            successes = snapshot.trial_successes + 1
            if successes >= config.half_open_max_calls:
                return _enter(snapshot, State.CLOSED, now_s)
            return replace(snapshot, trial_successes=successes)
        return replace(snapshot, trials_admitted=snapshot.trials_admitted - 1)
    return snapshot


class CircuitOpenError(RuntimeError):
    """Raised instead of calling the dependency while the breaker rejects calls."""


class CircuitBreaker:
    """A thread-safe breaker around calls to one dependency; ``clock`` returns seconds.

    Exceptions of a ``failure_types`` type count as failures; any other exception still
    propagates but counts as a success, because the dependency did answer (e.g. "not found").

    >>> now = [0.0]
    >>> breaker = CircuitBreaker(BreakerConfig(failure_threshold=1, open_timeout_s=5), clock=lambda: now[0])
    >>> def down() -> None:
    ...     raise ConnectionError("refused")
    >>> breaker.call(down)
    Traceback (most recent call last):
    ConnectionError: refused
    >>> breaker.state
    <State.OPEN: 'open'>
    >>> breaker.call(lambda: "ok")
    Traceback (most recent call last):
    calculators.patterns.circuit_breaker.CircuitOpenError: circuit open; retry after 5 s
    >>> now[0] = 5.0
    >>> breaker.call(lambda: "ok"), breaker.state
    ('ok', <State.CLOSED: 'closed'>)
    """

    def __init__(
        self,
        config: BreakerConfig,
        *,
        clock: Callable[[], float] = time.monotonic,
        failure_types: tuple[type[BaseException], ...] = (Exception,),
    ) -> None:
        self.config = config
        self._clock = clock
        self._failure_types = failure_types
        self._snapshot = BreakerState()
        self._lock = threading.Lock()

    @property
    def state(self) -> State:
        with self._lock:
            return state_at(self.config, self._snapshot, self._clock()).state

    def call[T](self, operation: Callable[[], T]) -> T:
        """Run ``operation`` if the breaker admits it, else raise :class:`CircuitOpenError`."""
        with self._lock:
            now = self._clock()
            permit, self._snapshot = admit(self.config, self._snapshot, now)
            if permit is None and self._snapshot.state is State.OPEN:
                reason = f"retry after {self._snapshot.opened_at_s + self.config.open_timeout_s - now:g} s"
            else:
                reason = "trial calls in progress"
        if permit is None:
            raise CircuitOpenError(f"circuit open; {reason}")
        outcome = Outcome.IGNORED  # e.g. KeyboardInterrupt: says nothing about the dependency
        try:
            result = operation()
        except self._failure_types:
            outcome = Outcome.FAILURE
            raise
        except Exception:
            outcome = Outcome.SUCCESS  # the dependency answered; the error is about the request
            raise
        else:
            outcome = Outcome.SUCCESS
            return result
        finally:
            with self._lock:
                self._snapshot = record(self.config, self._snapshot, permit, outcome, self._clock())


@dataclass(frozen=True)
class Step:
    """One event of a simulation: a call attempted at ``time_s`` (or ``outcome`` None: time passes)."""

    time_s: float
    outcome: Outcome | None
    before: State
    after: State
    admitted: bool


def simulate(config: BreakerConfig, events: Iterable[tuple[float, Outcome | None]]) -> list[Step]:
    """Replay calls in time order; each ``outcome`` is what the dependency would return if called.

    Calls are sequential: each finishes before the next starts. An outcome of ``None``
    is an idle moment with no call. Rejected calls never reach the dependency.

    >>> cfg = BreakerConfig(failure_threshold=2, open_timeout_s=3, half_open_max_calls=1)
    >>> S, F = Outcome.SUCCESS, Outcome.FAILURE
    >>> steps = simulate(cfg, [(0, F), (1, F), (2, S), (3, S), (4, S), (5, S)])
    >>> [(s.after.value, s.admitted) for s in steps]  # doctest: +NORMALIZE_WHITESPACE
    [('closed', True), ('open', True), ('open', False), ('open', False), ('closed', True), ('closed', True)]
    """
    snapshot = BreakerState()
    steps: list[Step] = []
    for time_s, outcome in events:
        before = state_at(config, snapshot, time_s)
        if outcome is None:
            snapshot = before
            steps.append(Step(time_s, None, before.state, before.state, admitted=False))
            continue
        permit, snapshot = admit(config, before, time_s)
        if permit is not None:
            snapshot = record(config, snapshot, permit, outcome, time_s)
        steps.append(Step(time_s, outcome, before.state, snapshot.state, admitted=permit is not None))
    return steps
