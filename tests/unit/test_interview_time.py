"""Interview time calculator: the five-phase schedule for any length from 20 to 180 minutes.

The reference splits (45 min: 5/10/15/10/5; 60 min: 10/10/15/15/10) are the common
breakdowns published in interview guides, e.g. the handbook's own source framework and
Alex Xu, "System Design Interview" (2020), ch. 3, which gives a similar four-step split.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import evaluate
from calculators.interview_time import PHASES, phase_minutes, phase_minutes_exact, whole_minutes
from tests.unit.calculator_checks import assert_rejected_clearly, assert_sound, bad_input_cases, typed_text

KEYS = [key for key, _, _ in PHASES]


@pytest.mark.parametrize(
    ("length", "minutes"),
    [
        pytest.param(45, [5, 10, 15, 10, 5], id="45-reference"),
        pytest.param(60, [10, 10, 15, 15, 10], id="60-reference"),
        pytest.param(50, [7, 10, 15, 12, 6], id="between-references"),
        pytest.param(30, [3, 7, 10, 7, 3], id="short-scaled-from-45"),
        pytest.param(90, [15, 15, 23, 22, 15], id="long-scaled-from-60"),
        pytest.param(180, [30, 30, 45, 45, 30], id="longest"),
        pytest.param(20, [2, 5, 7, 4, 2], id="shortest"),
    ],
)
def test_schedules(length: int, minutes: list[int]) -> None:
    values = evaluate("interview_time", {"length_minutes": str(length)})["values"]
    assert [values[key] / 60 for key in KEYS] == minutes


def test_references_are_exact_before_rounding() -> None:
    assert phase_minutes_exact(45) == [5, 10, 15, 10, 5]
    assert phase_minutes_exact(60) == [10, 10, 15, 15, 10]


def test_schedule_table_has_clock_times() -> None:
    table = evaluate("interview_time", {"length_minutes": "60"})["tables"]["schedule"]
    assert [row[2] for row in table["rows"]] == ["0:00 – 0:10", "0:10 – 0:20", "0:20 – 0:35", "0:35 – 0:50", "0:50 – 1:00"]
    assert [row[0] for row in table["rows"]] == ["Requirements", "Estimation", "High-level design", "Deep dive", "Wrap-up"]


def test_rounding_keeps_the_total() -> None:
    assert whole_minutes([1.5, 1.5, 1.5, 1.5], 6) == [2, 2, 1, 1]


@pytest.mark.parametrize(("raw", "reason"), [("19", "at least 20"), ("181", "at most 180"), ("45.5", "whole number")])
def test_out_of_range_lengths(raw: str, reason: str) -> None:
    message = evaluate("interview_time", {"length_minutes": raw})["errors"]["length_minutes"]
    assert message.startswith("Interview length: ") and reason in message and "such as 45 or 60" in message


@pytest.mark.parametrize(("field_name", "case", "raw"), bad_input_cases("interview_time"))
def test_bad_input_is_rejected_with_the_field_label(field_name: str, case: str, raw: str) -> None:
    assert_rejected_clearly("interview_time", field_name, raw)


lengths = st.integers(min_value=20, max_value=180)


@given(length=lengths)
def test_phases_add_up_and_are_never_empty(length: int) -> None:
    minutes = phase_minutes(length)
    assert sum(minutes) == length
    assert all(m >= 2 for m in minutes)
    exact = phase_minutes_exact(length)
    assert all(abs(m - e) < 1 for m, e in zip(minutes, exact, strict=True))


@given(length=st.integers(min_value=20, max_value=179))
def test_longer_interviews_never_shorten_a_phase_before_rounding(length: int) -> None:
    shorter, longer = phase_minutes_exact(length), phase_minutes_exact(length + 1)
    assert all(b >= a - 1e-9 for a, b in zip(shorter, longer, strict=True))


@given(st.fixed_dictionaries({}, optional={"length_minutes": typed_text}))
def test_evaluate_never_raises_nor_returns_nan_or_inf(raw: dict[str, str]) -> None:
    assert_sound(evaluate("interview_time", raw))
