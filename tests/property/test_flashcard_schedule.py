"""Properties of the flashcard schedule over generated review histories: the grades keep their
order, "again" is soonest, good/easy streaks never shorten, and any state survives JSON; any
JSON at all as a state gets an answer, never an exception."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.flashcard_schedule import (
    GRADES,
    ReviewState,
    empty_state,
    next_intervals_s,
    parse_state,
    review,
    review_json,
    session_json,
    state_to_json,
)
from calculators.flashcards import DECK

START = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
CARD_IDS = [c.id for c in DECK]
grades = st.sampled_from(list(GRADES))
# How long after a card fell due it is reviewed: on time, a little late, or months late.
lateness_s = st.one_of(st.just(0.0), st.floats(min_value=0, max_value=3 * 86_400), st.floats(min_value=0, max_value=400 * 86_400))


@st.composite
def history(draw: st.DrawFn) -> tuple[ReviewState, str, datetime]:
    """A state reached by real reviews of one card, that card, and a time at or after its last review."""
    card_id = draw(st.sampled_from(CARD_IDS))
    state, now = empty_state(), START
    for grade in draw(st.lists(grades, max_size=12)):
        state = review(state, card_id, grade, now)
        now = state[card_id].due + timedelta(seconds=draw(lateness_s))
    # Sometimes review early: anywhere between the last review and the due time.
    if card_id in state and draw(st.booleans()):
        last, due = state[card_id].last_review, state[card_id].due
        now = last + (due - last) * draw(st.floats(min_value=0, max_value=1))
    return state, card_id, now


@settings(max_examples=300)
@given(history())
def test_the_next_interval_is_ordered_again_hard_good_easy(case: tuple[ReviewState, str, datetime]) -> None:
    state, card_id, now = case
    intervals = next_intervals_s(state, card_id, now)
    assert intervals["again"] <= intervals["hard"] <= intervals["good"] <= intervals["easy"], intervals


@settings(max_examples=300)
@given(history())
def test_again_brings_the_card_back_soonest(case: tuple[ReviewState, str, datetime]) -> None:
    state, card_id, now = case
    intervals = next_intervals_s(state, card_id, now)
    assert intervals["again"] < intervals["good"]
    assert intervals["again"] == min(intervals.values())
    assert intervals["again"] <= 10 * 60  # back within the session: a (re)learning step, never days


@settings(max_examples=200)
@given(history(), st.lists(st.sampled_from(["good", "easy"]), min_size=2, max_size=10), st.data())
def test_intervals_never_shrink_over_a_good_or_easy_streak(
    case: tuple[ReviewState, str, datetime], streak: list[str], data: st.DataObject
) -> None:
    state, card_id, _ = case
    now = state[card_id].due if card_id in state else START
    intervals: list[float] = []
    for grade in streak:
        state = review(state, card_id, grade, now)
        intervals.append((state[card_id].due - now).total_seconds())
        now = state[card_id].due + timedelta(seconds=data.draw(lateness_s))
    assert intervals == sorted(intervals), list(zip(streak, intervals, strict=True))


@settings(max_examples=200)
@given(st.lists(st.tuples(st.sampled_from(CARD_IDS), grades, st.floats(min_value=0, max_value=30 * 86_400)), max_size=25))
def test_any_state_round_trips_through_json(reviews: list[tuple[str, str, float]]) -> None:
    state, now = empty_state(), START
    for card_id, grade, wait_s in reviews:
        now += timedelta(seconds=wait_s)
        state = review(state, card_id, grade, now)
    text = json.dumps(state_to_json(state))
    assert parse_state(json.loads(text)) == state
    assert json.dumps(state_to_json(parse_state(json.loads(text)))) == text


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)


@st.composite
def damaged_state(draw: st.DrawFn) -> object:
    """A real saved state with one field of one card replaced by arbitrary JSON."""
    state = state_to_json(review(empty_state(), draw(st.sampled_from(CARD_IDS)), draw(grades), START))
    cards = state["cards"]
    assert isinstance(cards, dict)
    entry = next(iter(cards.values()))
    entry[draw(st.sampled_from([*entry, "extra"]))] = draw(json_values)
    return state


@settings(max_examples=300)
@given(st.one_of(json_values, damaged_state()), st.one_of(st.just("2026-12-01T14:00:00Z"), json_values))
def test_any_json_as_state_or_time_gets_an_answer_not_an_exception(state: object, now: object) -> None:
    for handler in (session_json, review_json):
        request = json.dumps({"state": state, "now": now, "card_id": CARD_IDS[0], "grade": "good"})
        result = json.loads(handler(request))
        assert isinstance(result["ok"], bool)
        if not result["ok"]:
            assert set(result["errors"]) <= {"_", "state", "now", "card_id", "grade"}
            assert all(isinstance(message, str) and message for message in result["errors"].values())
