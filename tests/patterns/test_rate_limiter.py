"""Token bucket: bursts up to capacity, long-run rate up to the refill rate, honest Retry-After."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.patterns.rate_limiter import Decision, TokenBucket, http_response_for


class Clock:
    def __init__(self) -> None:
        self.now_s = 0.0

    def __call__(self) -> float:
        return self.now_s


@pytest.mark.parametrize(
    ("capacity", "rate_per_s", "request_times_s", "expected_allowed"),
    [
        (3, 1, [0, 0, 0, 0], [True, True, True, False]),
        (1, 1, [0, 0.5, 1.0, 1.5, 2.0], [True, False, True, False, True]),
        (2, 10, [0, 0, 0, 0.1, 0.1], [True, True, False, True, False]),
        (5, 1, [0, 100, 100, 100, 100, 100, 100], [True, True, True, True, True, True, False]),
    ],
    ids=["burst-then-refuse", "steady-rate", "fast-refill", "idle-refill-capped-at-capacity"],
)
def test_admits_bursts_up_to_capacity_and_refills_at_the_rate(
    capacity: float, rate_per_s: float, request_times_s: list[float], expected_allowed: list[bool]
) -> None:
    clock = Clock()
    bucket = TokenBucket(capacity, rate_per_s, clock)
    allowed = []
    for at_s in request_times_s:
        clock.now_s = at_s
        allowed.append(bucket.try_acquire().allowed)
    assert allowed == expected_allowed


def test_retry_after_is_when_the_missing_tokens_will_have_refilled() -> None:
    clock = Clock()
    bucket = TokenBucket(capacity_tokens=4, refill_tokens_per_s=2, clock_s=clock)
    assert bucket.try_acquire(4).allowed
    decision = bucket.try_acquire(3)
    assert not decision.allowed
    assert decision.retry_after_s == pytest.approx(1.5)
    clock.now_s = decision.retry_after_s
    assert bucket.try_acquire(3).allowed


def test_clock_stepping_back_neither_drains_nor_double_counts() -> None:
    clock = Clock()
    bucket = TokenBucket(capacity_tokens=10, refill_tokens_per_s=1, clock_s=clock)
    bucket.try_acquire(10)
    clock.now_s = 5
    assert bucket.available_tokens == pytest.approx(5)
    clock.now_s = 2  # NTP step backwards
    assert bucket.available_tokens == pytest.approx(5)
    clock.now_s = 5
    assert bucket.available_tokens == pytest.approx(5)  # the 2..5 s stretch is not refilled twice


@pytest.mark.parametrize(
    ("capacity", "rate_per_s"), [(0, 1), (1, 0), (-1, 1)], ids=["zero-capacity", "zero-rate", "negative-capacity"]
)
def test_rejects_non_positive_settings(capacity: float, rate_per_s: float) -> None:
    with pytest.raises(ValueError):
        TokenBucket(capacity, rate_per_s)


def test_request_larger_than_capacity_is_an_error_not_a_forever_429() -> None:
    with pytest.raises(ValueError, match="never fit"):
        TokenBucket(capacity_tokens=5, refill_tokens_per_s=1).try_acquire(6)


@pytest.mark.parametrize(
    ("decision", "expected"),
    [
        (Decision(True, 0.0), (200, {})),
        (Decision(False, 0.01), (429, {"Retry-After": "1"})),
        (Decision(False, 1.0), (429, {"Retry-After": "1"})),
        (Decision(False, 1.2), (429, {"Retry-After": "2"})),
    ],
    ids=["allowed", "tiny-wait-rounds-up-to-1", "whole-second", "fraction-rounds-up"],
)
def test_http_mapping(decision: Decision, expected: tuple[int, dict[str, str]]) -> None:
    assert http_response_for(decision) == expected


steps = st.lists(
    st.tuples(st.floats(min_value=0, max_value=5), st.floats(min_value=0.1, max_value=3)),
    max_size=50,
)


@given(
    capacity=st.floats(min_value=3, max_value=50),
    rate_per_s=st.floats(min_value=0.1, max_value=20),
    schedule=steps,
)
def test_never_above_capacity_never_below_zero_and_rate_bounded(
    capacity: float, rate_per_s: float, schedule: list[tuple[float, float]]
) -> None:
    clock = Clock()
    bucket = TokenBucket(capacity, rate_per_s, clock)
    admitted_tokens = 0.0
    for advance_s, tokens in schedule:
        clock.now_s += advance_s
        if bucket.try_acquire(tokens).allowed:
            admitted_tokens += tokens
        assert -1e-9 <= bucket.available_tokens <= capacity
    # Over any run, the bucket admits at most its starting burst plus what refilled meanwhile.
    assert admitted_tokens <= capacity + rate_per_s * clock.now_s + 1e-6
