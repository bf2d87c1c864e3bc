"""Backoff calculator: per-retry wait ranges, means and totals for each jitter strategy.

Reference: Marc Brooker, "Exponential Backoff And Jitter", AWS Architecture Blog, 2015.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import evaluate
from calculators.backoff import BackoffInputs, decorrelated_mean_delays_s, estimate_backoff, mean_delays_s
from calculators.patterns.retry import Jitter, sample_delays_s


@pytest.mark.parametrize(
    ("jitter", "best", "mean", "worst"),
    [
        # base 100 ms, cap 20 s, 6 attempts → 5 retries with ceilings 0.1, 0.2, 0.4, 0.8, 1.6 s (sum 3.1 s).
        pytest.param("none", 3.1, 3.1, 3.1, id="none"),
        pytest.param("full", 0.0, 1.55, 3.1, id="full"),
        pytest.param("equal", 1.55, 2.325, 3.1, id="equal"),
    ],
)
def test_totals_for_exact_strategies(jitter: str, best: float, mean: float, worst: float) -> None:
    values = evaluate("backoff", {"jitter": jitter})["values"]
    assert values["retries"] == 5
    assert values["best_case_wait_s"] == pytest.approx(best)
    assert values["expected_wait_s"] == pytest.approx(mean)
    assert values["worst_case_wait_s"] == pytest.approx(worst)
    assert values["first_delay_max_s"] == pytest.approx(0.1)
    assert values["last_delay_max_s"] == pytest.approx(1.6)


def test_cap_limits_every_wait() -> None:
    values = evaluate("backoff", {"jitter": "none", "base_delay_s": "1 s", "cap_s": "5 s", "attempts": "8"})["values"]
    assert values["worst_case_wait_s"] == pytest.approx(1 + 2 + 4 + 5 + 5 + 5 + 5)
    assert values["last_delay_max_s"] == 5


def test_decorrelated_ranges_grow_threefold_from_the_base() -> None:
    values = evaluate("backoff", {"jitter": "decorrelated", "base_delay_s": "1 s", "cap_s": "1 min", "attempts": "4"})["values"]
    assert values["first_delay_max_s"] == pytest.approx(3)
    assert values["last_delay_max_s"] == pytest.approx(27)
    assert values["best_case_wait_s"] == pytest.approx(3)  # every wait is at least the base
    assert values["worst_case_wait_s"] == pytest.approx(3 + 9 + 27)


def test_decorrelated_mean_is_exact_while_the_cap_cannot_bind() -> None:
    """Below the cap E[wait] = (base + 3 × E[previous]) ÷ 2, starting from previous = base."""
    expected, previous = [], 0.001
    for _ in range(12):
        previous = (0.001 + 3 * previous) / 2
        expected.append(previous)
    assert decorrelated_mean_delays_s(12, 0.001, 86_400.0) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(
    ("retries", "base", "cap"),
    [pytest.param(8, 0.1, 5.0, id="cap-binds-early"), pytest.param(20, 1.0, 2.0, id="cap-near-base")],
)
def test_decorrelated_mean_agrees_with_a_large_simulation(retries: int, base: float, cap: float) -> None:
    rng, clients = random.Random(1), 40_000
    totals = [0.0] * retries
    for _ in range(clients):
        for retry, delay in enumerate(sample_delays_s(retries, base, cap, Jitter.DECORRELATED, rng)):
            totals[retry] += delay
    simulated = sum(totals) / clients
    assert sum(decorrelated_mean_delays_s(retries, base, cap)) == pytest.approx(simulated, rel=0.01)


def test_decorrelated_grid_has_converged() -> None:
    coarse = sum(decorrelated_mean_delays_s(15, 0.1, 20.0, steps_per_tripling=32))
    fine = sum(decorrelated_mean_delays_s(15, 0.1, 20.0, steps_per_tripling=256))
    assert coarse == pytest.approx(fine, rel=1e-3)


def test_single_attempt_never_waits() -> None:
    result = evaluate("backoff", {"attempts": "1"})
    assert all(value == 0 for value in result["values"].values())
    assert result["tables"]["schedule"]["rows"] == []


def test_schedule_table() -> None:
    table = evaluate("backoff", {"jitter": "equal", "attempts": "3"})["tables"]["schedule"]
    assert table["columns"] == ["Retry", "When", "Wait (shortest – longest)", "Mean wait", "Longest total so far"]
    assert table["rows"] == [
        ["1", "after call 1", "50 ms – 100 ms", "75 ms", "100 ms"],
        ["2", "after call 2", "100 ms – 200 ms", "150 ms", "300 ms"],
    ]


def test_base_above_cap_is_refused() -> None:
    message = evaluate("backoff", {"base_delay_s": "30 s", "cap_s": "10 s"})["errors"]["base_delay_s"]
    assert message.startswith("Base delay: must be at most the cap (10 s)") and "such as" in message


jitters = st.sampled_from([j.value for j in Jitter])
seconds = st.floats(min_value=0.001, max_value=3600)


@settings(deadline=None)
@given(jitter=jitters, base=seconds, cap=seconds, attempts=st.integers(1, 30))
def test_totals_are_ordered_and_within_the_cap(jitter: str, base: float, cap: float, attempts: int) -> None:
    base = min(base, cap)
    estimate = estimate_backoff(BackoffInputs(jitter, base, cap, attempts))
    retries = attempts - 1
    assert 0 <= estimate.best_case_wait_s <= estimate.expected_wait_s * (1 + 1e-9) + 1e-12
    assert estimate.expected_wait_s <= estimate.worst_case_wait_s * (1 + 1e-9) + 1e-12
    assert estimate.worst_case_wait_s <= retries * cap * (1 + 1e-9)
    for (low, high), mean in zip(estimate.ranges, estimate.means, strict=True):
        assert 0 <= low <= mean * (1 + 1e-9) + 1e-12 and mean <= high * (1 + 1e-9) + 1e-12 and high <= cap


@given(jitter=jitters, attempts=st.integers(1, 29))
def test_one_more_attempt_never_shortens_the_worst_case(jitter: str, attempts: int) -> None:
    fewer = estimate_backoff(BackoffInputs(jitter, 0.1, 20.0, attempts))
    more = estimate_backoff(BackoffInputs(jitter, 0.1, 20.0, attempts + 1))
    assert more.worst_case_wait_s >= fewer.worst_case_wait_s
    assert more.expected_wait_s >= fewer.expected_wait_s


def test_mean_delays_of_exact_strategies() -> None:
    assert mean_delays_s(4, 1.0, 4.0, Jitter.NONE) == [1.0, 2.0, 4.0, 4.0]
