"""Interview time calculator: the five-phase schedule for any length from 20 to 180 minutes.

The reference splits (45 min: 6/5/13/16/5; 60 min: 8/7/17/20/8) follow the handbook's advice:
estimation takes five to seven minutes, and the deep dive, where most of the signal is, is the
longest phase. Expected schedules below are worked by hand: scale the nearer reference split,
floor each phase, then give the missing minutes to the largest fractions (ties to the earlier phase).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import evaluate
from calculators.interview_time import PHASES, phase_minutes, phase_minutes_exact, whole_minutes

KEYS = [key for key, _, _ in PHASES]


@pytest.mark.parametrize(
    ("length", "minutes"),
    [
        pytest.param(45, [6, 5, 13, 16, 5], id="45-reference"),
        pytest.param(60, [8, 7, 17, 20, 8], id="60-reference"),
        # a third of the way: 6⅔, 5⅔, 14⅓, 17⅓, 6 → floors 6, 5, 14, 17, 6 and one minute to each ⅔
        pytest.param(50, [7, 6, 14, 17, 6], id="between-references"),
        # ⅔ of the 45 split: 4, 3⅓, 8⅔, 10⅔, 3⅓ → the two ⅔ phases round up
        pytest.param(30, [4, 3, 9, 11, 3], id="short-scaled-from-45"),
        # 1.5 × the 60 split: 12, 10.5, 25.5, 30, 12 → the tie goes to the earlier half
        pytest.param(90, [12, 11, 25, 30, 12], id="long-scaled-from-60"),
        pytest.param(180, [24, 21, 51, 60, 24], id="longest"),
        # 4/9 of the 45 split: 2.67, 2.22, 5.78, 7.11, 2.22 → floors sum to 17; 3 minutes to .78, .67, .22
        pytest.param(20, [3, 2, 6, 7, 2], id="shortest"),
    ],
)
def test_schedules(length: int, minutes: list[int]) -> None:
    values = evaluate("interview_time", {"length_minutes": str(length)})["values"]
    assert [values[key] / 60 for key in KEYS] == minutes


def test_references_are_exact_before_rounding() -> None:
    assert phase_minutes_exact(45) == [6, 5, 13, 16, 5]
    assert phase_minutes_exact(60) == [8, 7, 17, 20, 8]


def test_schedule_table_has_clock_times() -> None:
    table = evaluate("interview_time", {"length_minutes": "60"})["tables"]["schedule"]
    assert [row[2] for row in table["rows"]] == ["0:00 – 0:08", "0:08 – 0:15", "0:15 – 0:32", "0:32 – 0:52", "0:52 – 1:00"]
    assert [row[0] for row in table["rows"]] == ["Requirements", "Estimation", "High-level design", "Deep dive", "Wrap-up"]


def test_rounding_keeps_the_total() -> None:
    assert whole_minutes([1.5, 1.5, 1.5, 1.5], 6) == [2, 2, 1, 1]


@pytest.mark.parametrize(("raw", "reason"), [("19", "at least 20"), ("181", "at most 180"), ("45.5", "whole number")])
def test_out_of_range_lengths(raw: str, reason: str) -> None:
    message = evaluate("interview_time", {"length_minutes": raw})["errors"]["length_minutes"]
    assert message.startswith("Interview length: ") and reason in message and "such as 45 or 60" in message


lengths = st.integers(min_value=20, max_value=180)


@given(length=lengths)
def test_phases_add_up_and_are_never_empty(length: int) -> None:
    minutes = phase_minutes(length)
    assert sum(minutes) == length
    assert all(m >= 2 for m in minutes)
    exact = phase_minutes_exact(length)
    assert all(abs(m - e) < 1 for m, e in zip(minutes, exact, strict=True))


def test_the_deep_dive_is_the_longest_phase_at_every_length() -> None:
    """The deep dive carries the signal: strictly longer than any other phase at every supported length."""
    for length in range(20, 181):
        values = evaluate("interview_time", {"length_minutes": str(length)})["values"]
        others = [values[key] for key in KEYS if key != "deep_dive_s"]
        assert values["deep_dive_s"] > max(others), (length, values)


def test_estimation_gets_five_to_seven_minutes_in_the_reference_interviews() -> None:
    for length in ("45", "60"):
        minutes = evaluate("interview_time", {"length_minutes": length})["values"]["estimation_s"] / 60
        assert 5 <= minutes <= 7


@given(length=st.integers(min_value=20, max_value=179))
def test_longer_interviews_never_shorten_a_phase_before_rounding(length: int) -> None:
    shorter, longer = phase_minutes_exact(length), phase_minutes_exact(length + 1)
    assert all(b >= a - 1e-9 for a, b in zip(shorter, longer, strict=True))
