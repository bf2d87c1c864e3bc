"""Tests for capped exponential backoff with jitter (calculators/patterns/retry.py).

Reference: Marc Brooker, "Exponential Backoff And Jitter", AWS Architecture Blog, 2015:
full = random(0, min(cap, base·2ⁿ)); equal = half + random(0, half); decorrelated =
min(cap, random(base, previous·3)).
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.patterns.retry import (
    Jitter,
    backoff_ceiling_s,
    delay_range_s,
    next_delay_s,
    retry_call,
    sample_delays_s,
)


@pytest.mark.parametrize(
    ("retry", "base", "cap", "expected"),
    [
        pytest.param(0, 1.0, 30.0, 1.0, id="first-retry-is-base"),
        pytest.param(3, 1.0, 30.0, 8.0, id="doubles"),
        pytest.param(5, 1.0, 30.0, 30.0, id="capped"),
        pytest.param(10**9, 0.001, 60.0, 60.0, id="huge-retry-no-overflow"),
        pytest.param(0, 5.0, 2.0, 2.0, id="base-above-cap"),
    ],
)
def test_backoff_ceiling(retry: int, base: float, cap: float, expected: float) -> None:
    assert backoff_ceiling_s(retry, base, cap) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("jitter", "retry", "expected"),
    [
        pytest.param(Jitter.NONE, 2, (4.0, 4.0), id="none"),
        pytest.param(Jitter.FULL, 2, (0.0, 4.0), id="full"),
        pytest.param(Jitter.EQUAL, 2, (2.0, 4.0), id="equal"),
        pytest.param(Jitter.DECORRELATED, 0, (1.0, 3.0), id="decorrelated-first"),
        pytest.param(Jitter.DECORRELATED, 2, (1.0, 27.0), id="decorrelated-third"),
        pytest.param(Jitter.DECORRELATED, 5, (1.0, 30.0), id="decorrelated-capped"),
        pytest.param(Jitter.FULL, 9, (0.0, 30.0), id="full-capped"),
    ],
)
def test_delay_ranges_follow_brooker(jitter: Jitter, retry: int, expected: tuple[float, float]) -> None:
    assert delay_range_s(retry, 1.0, 30.0, jitter) == pytest.approx(expected)


def test_same_seed_same_schedule() -> None:
    first = sample_delays_s(6, 0.1, 5.0, Jitter.DECORRELATED, random.Random(42))
    second = sample_delays_s(6, 0.1, 5.0, Jitter.DECORRELATED, random.Random(42))
    assert first == second


def test_full_jitter_mean_is_half_the_ceiling() -> None:
    rng = random.Random(1)
    draws = [next_delay_s(3, 0.0, 1.0, 100.0, Jitter.FULL, rng) for _ in range(20_000)]
    assert sum(draws) / len(draws) == pytest.approx(4.0, rel=0.03)


jitters = st.sampled_from(list(Jitter))
seconds = st.floats(min_value=1e-3, max_value=3600, allow_nan=False, allow_infinity=False)


@given(jitters, st.integers(min_value=0, max_value=200), seconds, seconds, st.integers(0, 2**32))
def test_sampled_delays_stay_within_zero_and_cap(jitter: Jitter, retries: int, base: float, cap: float, seed: int) -> None:
    delays = sample_delays_s(min(retries, 40), base, cap, jitter, random.Random(seed))
    assert all(0.0 <= delay <= cap for delay in delays)


@given(jitters, st.integers(min_value=0, max_value=60), seconds, seconds, st.integers(0, 2**32))
def test_each_sample_falls_inside_its_declared_range(jitter: Jitter, retries: int, base: float, cap: float, seed: int) -> None:
    for retry, delay in enumerate(sample_delays_s(retries, base, cap, jitter, random.Random(seed))):
        low, high = delay_range_s(retry, base, cap, jitter)
        assert low - 1e-9 <= delay <= high + 1e-9


@given(st.integers(min_value=0, max_value=100), seconds, seconds)
def test_ceiling_never_decreases(retry: int, base: float, cap: float) -> None:
    assert backoff_ceiling_s(retry, base, cap) <= backoff_ceiling_s(retry + 1, base, cap) <= cap


class Flaky:
    """Fails with the given errors in turn, then returns "ok"."""

    def __init__(self, *errors: BaseException) -> None:
        self.errors = list(errors)
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return "ok"


def test_retries_until_success_and_sleeps_between_attempts_only() -> None:
    operation = Flaky(TimeoutError(), ConnectionError())
    sleeps: list[float] = []
    result = retry_call(operation, attempts=3, base_delay_s=0.5, cap_s=10, jitter=Jitter.NONE, sleep=sleeps.append)
    assert (result, operation.calls, sleeps) == ("ok", 3, [0.5, 1.0])


def test_reraises_last_error_without_sleeping_after_last_attempt() -> None:
    last = TimeoutError("third")
    operation = Flaky(TimeoutError("first"), TimeoutError("second"), last)
    sleeps: list[float] = []
    with pytest.raises(TimeoutError) as raised:
        retry_call(operation, attempts=3, base_delay_s=1, cap_s=10, jitter=Jitter.NONE, sleep=sleeps.append)
    assert raised.value is last
    assert operation.calls == 3
    assert sleeps == [1.0, 2.0]


def test_non_retryable_error_propagates_at_once() -> None:
    operation = Flaky(ValueError("bad request"))
    sleeps: list[float] = []
    with pytest.raises(ValueError, match="bad request"):
        retry_call(operation, attempts=5, base_delay_s=1, cap_s=10, sleep=sleeps.append, rng=random.Random(0))
    assert (operation.calls, sleeps) == (1, [])


def test_custom_retryable_types() -> None:
    operation = Flaky(KeyError("not yet"))
    result = retry_call(operation, attempts=2, base_delay_s=1, cap_s=1, retryable=(KeyError,), sleep=lambda _: None)
    assert result == "ok"


@pytest.mark.parametrize(
    "kwargs",
    [
        pytest.param({"attempts": 0, "base_delay_s": 1, "cap_s": 1}, id="no-attempts"),
        pytest.param({"attempts": 1, "base_delay_s": 0, "cap_s": 1}, id="zero-base"),
        pytest.param({"attempts": 1, "base_delay_s": 1, "cap_s": float("inf")}, id="infinite-cap"),
        pytest.param({"attempts": 1, "base_delay_s": float("nan"), "cap_s": 1}, id="nan-base"),
    ],
)
def test_rejects_bad_settings(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        retry_call(lambda: "ok", sleep=lambda _: None, **kwargs)  # type: ignore[arg-type]


@given(st.integers(min_value=1, max_value=8), st.integers(min_value=0, max_value=10), jitters)
def test_never_more_calls_than_attempts_nor_more_sleeps_than_retries(attempts: int, failures: int, jitter: Jitter) -> None:
    operation = Flaky(*[TimeoutError() for _ in range(failures)])
    sleeps: list[float] = []
    try:
        retry_call(
            operation, attempts=attempts, base_delay_s=0.1, cap_s=2, jitter=jitter, sleep=sleeps.append, rng=random.Random(3)
        )
    except TimeoutError:
        assert failures >= attempts
    assert operation.calls == min(attempts, failures + 1)
    assert len(sleeps) == operation.calls - 1
