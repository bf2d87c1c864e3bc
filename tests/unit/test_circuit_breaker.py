"""Circuit breaker calculator: replaying outcomes through the pattern's state machine.

References: Michael Nygard, "Release It!" (2nd ed., 2018), ch. 5 "Circuit Breaker"; Martin
Fowler, "CircuitBreaker" (2014); Resilience4j's permittedNumberOfCallsInHalfOpenState for the
limited half-open trial.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import evaluate
from calculators.circuit_breaker import CircuitBreakerInputs, estimate_circuit_breaker, events_from


def run(outcomes: str, **fields: str) -> dict[str, float]:
    result = evaluate("circuit_breaker", {"outcomes": outcomes, **fields})
    assert result["ok"], result["errors"]
    return result["values"]


@pytest.mark.parametrize(
    ("outcomes", "fields", "admitted", "rejected", "opened"),
    [
        pytest.param("SSSSS", {}, 5, 0, 0, id="healthy"),
        pytest.param("FFSFF", {}, 5, 0, 0, id="success-resets-the-count"),
        pytest.param("FFFSS", {"open_timeout_s": "1 min"}, 3, 2, 1, id="opens-and-rejects"),
        # Threshold 3, timeout 20 s, calls 5 s apart: opens at 10 s; rejects at 15, 20, 25 s; trials at 30 and 35 s.
        pytest.param("FFF SSS SSS", {}, 6, 3, 1, id="two-trials-then-closed"),
        # One trial: the trial at 30 s fails and reopens; 35–45 s rejected; the trial at 50 s closes it.
        pytest.param("FFF SSS FSSS S", {"half_open_max_calls": "1"}, 5, 6, 2, id="failed-trial-reopens"),
        pytest.param("F.S", {"failure_threshold": "1", "open_timeout_s": "10 s"}, 2, 0, 1, id="idle-slot-lets-time-pass"),
    ],
)
def test_replays(outcomes: str, fields: dict[str, str], admitted: int, rejected: int, opened: int) -> None:
    values = run(outcomes, **fields)
    assert (values["calls_admitted"], values["calls_rejected"], values["times_opened"]) == (admitted, rejected, opened)
    assert values["calls"] == admitted + rejected


def test_default_run_and_timeline() -> None:
    result = evaluate("circuit_breaker", {})
    values = result["values"]
    assert (values["calls"], values["calls_admitted"], values["calls_rejected"]) == (18, 12, 6)
    assert (values["times_opened"], values["failures_admitted"], values["time_open_s"]) == (2, 4, 40)
    rows = result["tables"]["timeline"]["rows"]
    assert rows[4] == ["5", "20 s", "would fail", "admitted", "closed → open"]
    assert rows[8] == ["9", "40 s", "would succeed", "admitted", "half-open"]
    assert rows[9] == ["10", "45 s", "would fail", "admitted", "half-open → open"]
    assert rows[14][-1] == "half-open → closed"


def test_time_open_is_cut_at_the_end_of_the_run() -> None:
    values = run("SSFFF", **{"open_timeout_s": "1 h", "call_interval_s": "5 s"})
    assert values["time_open_s"] == pytest.approx(5)  # opened at 20 s, the run ends at 25 s


def test_events_ignore_spaces_and_case() -> None:
    assert events_from("s F\n.", 1.0) == events_from("SF.", 1.0)


def test_pure_function_matches_evaluate() -> None:
    estimate = estimate_circuit_breaker(CircuitBreakerInputs(3, 20.0, 2, 5.0, "SSFFF SSSS FSSSS SSSS"))
    assert estimate.calls_admitted == evaluate("circuit_breaker", {})["values"]["calls_admitted"]


@pytest.mark.parametrize(
    "outcomes",
    [
        pytest.param("SSXF", id="unknown-letter"),
        pytest.param("S" * 201, id="too-many-calls"),
        pytest.param("   ", id="only-spaces"),
    ],
)
def test_outcomes_outside_the_pattern_are_refused(outcomes: str) -> None:
    message = evaluate("circuit_breaker", {"outcomes": outcomes})["errors"]["outcomes"]
    assert message.startswith("Outcomes: ") and "such as SSFFF SSSS" in message


runs = st.text(alphabet="SF.", min_size=1, max_size=120)


@given(outcomes=runs, threshold=st.integers(1, 10), trials=st.integers(1, 5), timeout_s=st.integers(0, 120))
def test_counts_add_up(outcomes: str, threshold: int, trials: int, timeout_s: int) -> None:
    estimate = estimate_circuit_breaker(CircuitBreakerInputs(threshold, timeout_s, trials, 5.0, outcomes))
    assert estimate.calls == outcomes.count("S") + outcomes.count("F")
    assert estimate.calls_admitted + estimate.calls_rejected == estimate.calls
    assert estimate.failures_admitted <= outcomes.count("F")
    assert 0 <= estimate.time_open_s <= len(outcomes) * 5.0
    assert estimate.times_opened <= estimate.failures_admitted


@given(outcomes=runs, threshold=st.integers(1, 10))
def test_a_longer_timeout_never_admits_more(outcomes: str, threshold: int) -> None:
    short = estimate_circuit_breaker(CircuitBreakerInputs(threshold, 10.0, 1, 5.0, outcomes))
    long = estimate_circuit_breaker(CircuitBreakerInputs(threshold, 10.0 + 5.0 * len(outcomes), 1, 5.0, outcomes))
    assert long.calls_admitted <= short.calls_admitted


@given(outcomes=st.text(alphabet="S.", min_size=1, max_size=120))
def test_never_opens_without_failures(outcomes: str) -> None:
    estimate = estimate_circuit_breaker(CircuitBreakerInputs(1, 30.0, 1, 1.0, outcomes))
    assert estimate.times_opened == estimate.calls_rejected == 0
