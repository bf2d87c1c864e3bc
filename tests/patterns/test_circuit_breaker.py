"""Tests for the circuit breaker (calculators/patterns/circuit_breaker.py).

Behaviour follows Michael Nygard, "Release It!" (2nd ed., 2018) and Martin Fowler,
"CircuitBreaker" (2014), with the half-open trial limited as in Resilience4j's
``permittedNumberOfCallsInHalfOpenState``: the seed's version let every caller through
once the timeout had passed.
"""

from __future__ import annotations

import threading
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.patterns.circuit_breaker import (
    BreakerConfig,
    BreakerState,
    CircuitBreaker,
    CircuitOpenError,
    Outcome,
    Permit,
    State,
    admit,
    record,
    simulate,
    state_at,
)

S, F = Outcome.SUCCESS, Outcome.FAILURE


def run(config: BreakerConfig, outcomes: str, interval_s: float = 1.0) -> list[tuple[str, bool]]:
    events = [(i * interval_s, {"S": S, "F": F}.get(c)) for i, c in enumerate(outcomes)]
    return [(step.after.value, step.admitted) for step in simulate(config, events)]


@pytest.mark.parametrize(
    ("config", "outcomes", "expected_after"),
    [
        pytest.param(BreakerConfig(3, 10, 1), "FFSFF", ["closed"] * 5, id="success-resets-consecutive-count"),
        pytest.param(BreakerConfig(3, 10, 1), "FFF", ["closed", "closed", "open"], id="opens-at-threshold"),
        pytest.param(
            BreakerConfig(2, 3, 1),
            "FFSSSS",
            ["closed", "open", "open", "open", "closed", "closed"],
            id="one-trial-success-closes",
        ),
        pytest.param(
            BreakerConfig(2, 3, 1),
            "FFSSFS",
            ["closed", "open", "open", "open", "open", "open"],
            id="trial-failure-reopens-and-restarts-timeout",
        ),
        pytest.param(
            BreakerConfig(1, 2, 3),
            "FSSSSS",
            ["open", "open", "half-open", "half-open", "closed", "closed"],
            id="three-trials-needed",
        ),
        pytest.param(BreakerConfig(1, 0, 1), "FS", ["open", "closed"], id="zero-timeout-trials-next-call"),
    ],
)
def test_state_sequences(config: BreakerConfig, outcomes: str, expected_after: list[str]) -> None:
    assert [after for after, _ in run(config, outcomes)] == expected_after


def test_rejected_calls_do_not_reach_the_dependency() -> None:
    steps = run(BreakerConfig(2, 3, 1), "FFFFFF")
    assert [admitted for _, admitted in steps] == [True, True, False, False, True, False]


def test_idle_slots_let_time_pass() -> None:
    config = BreakerConfig(1, 3, 1)
    events = [(0.0, F), (1.0, None), (2.0, None), (3.0, S)]
    steps = simulate(config, events)
    assert steps[-1].before is State.HALF_OPEN and steps[-1].after is State.CLOSED


def test_half_open_admits_only_the_configured_number_of_trials() -> None:
    config = BreakerConfig(failure_threshold=1, open_timeout_s=5, half_open_max_calls=2)
    snapshot = BreakerState(State.OPEN, generation=1, opened_at_s=0.0)
    first, snapshot = admit(config, snapshot, 5.0)
    second, snapshot = admit(config, snapshot, 5.0)
    third, snapshot = admit(config, snapshot, 5.0)
    assert first is not None and second is not None and third is None
    snapshot = record(config, snapshot, first, S, 5.1)
    assert snapshot.state is State.HALF_OPEN  # one of two trials done
    snapshot = record(config, snapshot, second, S, 5.2)
    assert snapshot.state is State.CLOSED


def test_ignored_trial_releases_its_slot() -> None:
    config = BreakerConfig(1, 5, 1)
    permit, snapshot = admit(config, BreakerState(State.HALF_OPEN, generation=2), 0.0)
    assert permit is not None and admit(config, snapshot, 0.0)[0] is None
    snapshot = record(config, snapshot, permit, Outcome.IGNORED, 0.0)
    assert admit(config, snapshot, 0.0)[0] is not None


def test_stale_outcome_from_an_earlier_generation_is_ignored() -> None:
    config = BreakerConfig(1, 5, 1)
    old = Permit(generation=0, trial=False)
    half_open = BreakerState(State.HALF_OPEN, generation=2)
    assert record(config, half_open, old, F, 1.0) == half_open


def test_state_at_is_lazy_about_the_timeout() -> None:
    config = BreakerConfig(1, 10, 1)
    opened = BreakerState(State.OPEN, generation=1, opened_at_s=100.0)
    assert state_at(config, opened, 109.999).state is State.OPEN
    assert state_at(config, opened, 110.0).state is State.HALF_OPEN


@pytest.mark.parametrize(
    "kwargs",
    [
        pytest.param({"failure_threshold": 0}, id="zero-threshold"),
        pytest.param({"half_open_max_calls": 0}, id="zero-trials"),
        pytest.param({"open_timeout_s": -1.0}, id="negative-timeout"),
        pytest.param({"open_timeout_s": float("nan")}, id="nan-timeout"),
    ],
)
def test_config_rejects_nonsense(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        BreakerConfig(**kwargs)  # type: ignore[arg-type]


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def fail() -> None:
    raise ConnectionError("refused")


def test_wrapper_opens_rejects_and_recovers() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(BreakerConfig(2, 30, 1), clock=clock)
    for _ in range(2):
        with pytest.raises(ConnectionError):
            breaker.call(fail)
    calls = []
    with pytest.raises(CircuitOpenError, match="retry after 30 s"):
        breaker.call(lambda: calls.append("reached"))
    assert calls == []
    clock.now = 30.0
    assert breaker.state is State.HALF_OPEN
    assert breaker.call(lambda: "ok") == "ok"
    assert breaker.state.value == "closed"


def test_non_failure_exception_counts_as_an_answer() -> None:
    breaker = CircuitBreaker(BreakerConfig(1, 30, 1), clock=FakeClock(), failure_types=(ConnectionError,))

    def not_found() -> None:
        raise KeyError("no such user")

    with pytest.raises(KeyError):
        breaker.call(not_found)
    assert breaker.state is State.CLOSED


def test_concurrent_trials_are_limited() -> None:
    """Threads arrive while trials are still running: only half_open_max_calls get through."""
    clock = FakeClock()
    breaker = CircuitBreaker(BreakerConfig(1, 1, 2), clock=clock)
    with pytest.raises(ConnectionError):
        breaker.call(fail)
    clock.now = 1.0
    release = threading.Event()
    entered: list[int] = []
    rejected: list[int] = []
    lock = threading.Lock()

    def slow_trial(n: int) -> None:
        def trial() -> None:
            entered.append(n)
            release.wait(5)

        try:
            breaker.call(trial)
        except CircuitOpenError:
            with lock:
                rejected.append(n)

    threads = [threading.Thread(target=slow_trial, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 5
    while len(entered) + len(rejected) < 8 and time.monotonic() < deadline:
        time.sleep(0.01)
    release.set()
    for thread in threads:
        thread.join()
    assert len(entered) == 2 and len(rejected) == 6
    assert breaker.state is State.CLOSED


# An action is ("admit", time step) or ("finish", index of an in-flight permit, outcome).
actions = st.lists(
    st.one_of(
        st.tuples(st.just("admit"), st.floats(min_value=0, max_value=5)),
        st.tuples(st.just("finish"), st.integers(min_value=0, max_value=20), st.sampled_from(list(Outcome))),
    ),
    max_size=80,
)


@given(
    st.integers(min_value=1, max_value=4),
    st.floats(min_value=0, max_value=10),
    st.integers(min_value=1, max_value=4),
    actions,
)
def test_half_open_never_has_more_than_max_trials_in_flight(
    threshold: int, timeout_s: float, max_calls: int, script: list[tuple[object, ...]]
) -> None:
    config = BreakerConfig(threshold, timeout_s, max_calls)
    snapshot, now = BreakerState(), 0.0
    in_flight: list[Permit] = []
    for action in script:
        if action[0] == "admit":
            now += float(action[1])  # type: ignore[arg-type]
            permit, snapshot = admit(config, snapshot, now)
            if permit is not None:
                in_flight.append(permit)
        elif in_flight:
            permit = in_flight.pop(int(action[1]) % len(in_flight))  # type: ignore[call-overload]
            snapshot = record(config, snapshot, permit, action[2], now)  # type: ignore[arg-type]
        trials_now = [p for p in in_flight if p.trial and p.generation == snapshot.generation]
        if snapshot.state is State.HALF_OPEN:
            assert len(trials_now) <= max_calls
            assert snapshot.trials_admitted <= max_calls
        assert snapshot.state is not State.CLOSED or snapshot.consecutive_failures < threshold


@given(st.text(alphabet="SF.", max_size=60), st.integers(1, 5), st.floats(0, 20), st.integers(1, 5))
def test_simulation_accounts_for_every_call(outcomes: str, threshold: int, timeout_s: float, max_calls: int) -> None:
    steps = simulate(
        BreakerConfig(threshold, timeout_s, max_calls), [(i * 1.0, {"S": S, "F": F}.get(c)) for i, c in enumerate(outcomes)]
    )
    assert len(steps) == len(outcomes)
    assert all(not step.admitted for step in steps if step.outcome is None)
    assert all(step.admitted for step in steps if step.before is State.CLOSED and step.outcome is not None)
    assert not any(step.admitted for step in steps if step.before is State.OPEN)
