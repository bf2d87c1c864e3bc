"""The flashcard deck and its FSRS schedule: cards built from the reference figures, stable ids,
known first intervals, counts, and bad state answered with a message instead of an exception."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime, timedelta

import pytest

from calculators import handle_json
from calculators.flashcard_schedule import (
    counts,
    empty_state,
    next_card_id,
    next_intervals_s,
    parse_state,
    review,
    review_json,
    session_json,
    state_to_json,
)
from calculators.flashcards import CARDS, DECK, NINES_LEVELS, card
from calculators.reference import FIGURES

NOW = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
NOW_TEXT = "2026-12-01T14:00:00Z"
MINUTE = 60.0
DAY = 86_400.0


# ---------------------------------------------------------------------------- the deck


def test_every_figure_and_every_nines_level_has_exactly_one_card() -> None:
    assert [c.id for c in DECK] == [f"figure:{key}" for key in FIGURES] + [f"nines:{level}" for level in NINES_LEVELS]
    assert len(CARDS) == len(DECK)


def test_figure_cards_print_the_figure_with_its_own_formatting() -> None:
    for key, figure in FIGURES.items():
        shown = card(f"figure:{key}")
        assert shown.answer == figure.format()
        details = dict(shown.details)
        if figure.low == figure.high:  # a default or a limit: one value, no range to hedge with
            assert shown.front == f"{figure.label}?"
            assert "Range" not in details
        else:
            assert shown.front == f"{figure.label}: typical value?"
            assert details["Range"] == figure.range_text()
        assert details["Checked"] == str(figure.year)
        assert details["Source"] == figure.source


@pytest.mark.parametrize(
    ("card_id", "answer"),
    [
        ("figure:main_memory_reference_s", "100 ns"),
        ("figure:redis_node_ops_per_s", "100,000 ops/s"),
        ("figure:photo_bytes", "1 MB"),
        # (1 − availability) × 365.25 days, worked by hand: 8.766 h, 52.6 min, 5.26 min.
        ("nines:99.9%", "8 h 46 min"),
        ("nines:99.99%", "52 min 36 s"),
        ("nines:99.999%", "5 min 16 s"),
    ],
)
def test_known_answers(card_id: str, answer: str) -> None:
    assert card(card_id).answer == answer


def test_nines_cards_give_the_month_too() -> None:
    # 0.1% of 30.44 days is 43.8 minutes.
    assert dict(card("nines:99.9%").details)["Per month"] == "43 min 50 s"


def test_card_ids_come_from_what_the_card_is_about() -> None:
    """Ids are the schedule's keys in every saved file: they must not depend on deck order."""
    for c in DECK:
        kind, _, subject = c.id.partition(":")
        assert (kind == "figure" and subject in FIGURES) or (kind == "nines" and subject in NINES_LEVELS)
        assert c.tags


def test_unknown_card_names_the_id_forms() -> None:
    with pytest.raises(KeyError, match="figure:<reference key>"):
        card("figure:nope")


# ---------------------------------------------------------------------------- scheduling


@pytest.mark.parametrize(
    ("grade", "expected_s"),
    # FSRS's default learning steps are 1 min and 10 min; hard on the first step is their mean.
    [("again", 1 * MINUTE), ("hard", 5.5 * MINUTE), ("good", 10 * MINUTE)],
)
def test_a_new_card_first_graded_follows_the_learning_steps(grade: str, expected_s: float) -> None:
    after = review(empty_state(), "figure:photo_bytes", grade, NOW)
    assert (after["figure:photo_bytes"].due - NOW).total_seconds() == expected_s


def test_easy_on_a_new_card_skips_learning_for_days() -> None:
    after = review(empty_state(), "figure:photo_bytes", "easy", NOW)
    assert after["figure:photo_bytes"].state.name == "Review"
    assert (after["figure:photo_bytes"].due - NOW).total_seconds() >= 2 * DAY


def test_good_twice_graduates_the_card_to_days() -> None:
    once = review(empty_state(), "nines:99.9%", "good", NOW)
    due = once["nines:99.9%"].due
    twice = review(once, "nines:99.9%", "good", due)
    assert twice["nines:99.9%"].state.name == "Review"
    assert (twice["nines:99.9%"].due - due).total_seconds() >= DAY


def test_review_leaves_the_given_state_alone() -> None:
    before = review(empty_state(), "figure:photo_bytes", "good", NOW)
    saved = state_to_json(before)
    review(before, "figure:photo_bytes", "again", NOW + timedelta(minutes=10))
    assert state_to_json(before) == saved


def test_counts_move_as_cards_are_seen_and_fall_due() -> None:
    state = review(empty_state(), "figure:photo_bytes", "good", NOW)
    assert counts(state, NOW).to_json() == {"due": 0, "new": len(DECK) - 1, "learned": 1, "total": len(DECK)}
    later = NOW + timedelta(minutes=10)
    assert counts(state, later).to_json() == {"due": 1, "new": len(DECK) - 1, "learned": 0, "total": len(DECK)}


def test_a_due_card_comes_before_new_ones_and_new_ones_come_in_deck_order() -> None:
    assert next_card_id(empty_state(), NOW) == DECK[0].id
    state = review(empty_state(), DECK[0].id, "good", NOW)
    assert next_card_id(state, NOW) == DECK[1].id  # the graded card is not due for 10 min
    state = review(state, "nines:99%", "again", NOW)
    assert next_card_id(state, NOW + timedelta(minutes=1)) == "nines:99%"  # due first, a minute on


def test_the_next_intervals_are_ordered_on_a_new_card() -> None:
    intervals = next_intervals_s(empty_state(), "figure:photo_bytes", NOW)
    assert list(intervals) == ["again", "hard", "good", "easy"]
    assert intervals["again"] < intervals["hard"] < intervals["good"] < intervals["easy"]


def test_saved_cards_no_longer_in_the_deck_are_kept_but_not_counted() -> None:
    graded = state_to_json(review(empty_state(), "figure:photo_bytes", "good", NOW))
    assert isinstance(graded["cards"], dict)
    graded["cards"]["figure:retired_figure"] = graded["cards"]["figure:photo_bytes"]
    result = json.loads(session_json(json.dumps({"state": graded, "now": NOW_TEXT})))
    assert result["ok"] is True
    assert "figure:retired_figure" in result["state"]["cards"]
    assert result["counts"]["learned"] == 1


# ---------------------------------------------------------------------------- the JSON bridge


def test_state_round_trips_through_json() -> None:
    state = review(empty_state(), "figure:photo_bytes", "good", NOW)
    state = review(state, "figure:photo_bytes", "good", NOW + timedelta(minutes=10))
    state = review(state, "nines:99%", "again", NOW + timedelta(minutes=11))
    assert parse_state(json.loads(json.dumps(state_to_json(state)))) == state


def test_review_through_the_bridge_saves_the_grade_and_shows_the_next_card() -> None:
    request = {"state": None, "now": NOW_TEXT, "card_id": DECK[0].id, "grade": "good"}
    result = json.loads(handle_json("flashcards.review", json.dumps(request)))
    assert result["ok"] is True
    assert result["reviewed"] == {"card_id": DECK[0].id, "grade": "good", "interval": "10 min"}
    assert result["state"]["cards"][DECK[0].id]["due"] == "2026-12-01T14:10:00+00:00"
    assert result["card"]["id"] == DECK[1].id
    intervals = result["card"]["intervals"]
    assert (intervals["again"], intervals["hard"], intervals["good"]) == ("1 min", "5 min 30 s", "10 min")
    assert intervals["easy"].endswith(" d")
    assert result["counts"] == {"due": 0, "new": len(DECK) - 1, "learned": 1, "total": len(DECK)}
    assert result["next_due"] == "2026-12-01T14:10:00+00:00"
    assert result["next_due_in"] == "10 min"


def test_when_everything_is_learned_there_is_no_card_and_the_next_due_time_is_given() -> None:
    state = empty_state()
    for c in DECK:
        state = review(state, c.id, "easy", NOW)
    result = json.loads(session_json(json.dumps({"state": state_to_json(state), "now": NOW_TEXT})))
    assert result["card"] is None
    assert result["counts"] == {"due": 0, "new": 0, "learned": len(DECK), "total": len(DECK)}
    assert result["next_due"] > NOW_TEXT


def _valid_saved_card() -> dict[str, object]:
    saved = state_to_json(review(empty_state(), "figure:photo_bytes", "good", NOW))["cards"]
    assert isinstance(saved, dict)
    entry: dict[str, object] = saved["figure:photo_bytes"]
    return entry


def _with(**changes: object) -> dict[str, object]:
    return {"version": 1, "cards": {"figure:photo_bytes": {**_valid_saved_card(), **changes}}}


BAD_REQUESTS: dict[str, tuple[str, str, str]] = {
    # name: (request text, field in errors, text the message contains)
    "not json": ("{nope", "_", "not JSON"),
    "a list": ("[]", "_", "JSON object"),
    "no time": (json.dumps({"state": None}), "now", "ISO 8601"),
    "time without zone": (json.dumps({"state": None, "now": "2026-12-01T14:00:00"}), "now", "no time zone"),
    "time not a time": (json.dumps({"state": None, "now": "tomorrow"}), "now", '"tomorrow" is not a date and time'),
    "time at the end of the calendar": (json.dumps({"state": None, "now": "9999-12-31T23:59:59-01:00"}), "now", "year from"),
    "state a string": (json.dumps({"state": "hello", "now": NOW_TEXT}), "state", '{"version": 1'),
    "another version": (json.dumps({"state": {"version": 9, "cards": {}}, "now": NOW_TEXT}), "state", "got 9"),
    "cards a list": (json.dumps({"state": {"version": 1, "cards": []}, "now": NOW_TEXT}), "state", "state.cards"),
    "entry not an object": (json.dumps({"state": {"version": 1, "cards": {"x": 3}}, "now": NOW_TEXT}), "state", '["x"]'),
    "unknown memory state": (json.dumps({"state": _with(state="asleep"), "now": NOW_TEXT}), "state", "learning, review"),
    "step a boolean": (json.dumps({"state": _with(step=True), "now": NOW_TEXT}), "state", ".step"),
    "step past the steps": (json.dumps({"state": _with(step=7), "now": NOW_TEXT}), "state", "from 0 to 1"),
    "step in review": (json.dumps({"state": _with(state="review"), "now": NOW_TEXT}), "state", "write null"),
    # Python's json reads NaN; a schedule must not.
    "stability NaN": (json.dumps({"state": _with(stability=math.nan), "now": NOW_TEXT}), "state", ".stability"),
    "stability text": (json.dumps({"state": _with(stability="2"), "now": NOW_TEXT}), "state", ".stability: expected a number"),
    "difficulty too high": (json.dumps({"state": _with(difficulty=11), "now": NOW_TEXT}), "state", "from 1 to 10"),
    "due garbage": (json.dumps({"state": _with(due="soon"), "now": NOW_TEXT}), "state", '.due: "soon"'),
    "last review missing": (json.dumps({"state": _with(last_review=None), "now": NOW_TEXT}), "state", ".last_review"),
}


@pytest.mark.parametrize("name", BAD_REQUESTS)
@pytest.mark.parametrize("handler", [session_json, review_json], ids=["session", "review"])
def test_bad_requests_get_an_error_result_naming_the_field(name: str, handler: object) -> None:
    text, field, says = BAD_REQUESTS[name]
    assert callable(handler)
    result = json.loads(handler(text))
    assert result["ok"] is False
    assert says in result["errors"][field]


@pytest.mark.parametrize(
    ("changes", "field", "says"),
    [
        ({"card_id": "figure:nope"}, "card_id", "not in the deck"),
        ({"card_id": 7}, "card_id", "as text"),
        ({"grade": "great"}, "grade", "again, hard, good, easy"),
        ({"grade": None}, "grade", "again, hard, good, easy"),
    ],
)
def test_bad_card_or_grade_gets_an_error_result(changes: dict[str, object], field: str, says: str) -> None:
    request = {"state": None, "now": NOW_TEXT, "card_id": "figure:photo_bytes", "grade": "good", **changes}
    result = json.loads(review_json(json.dumps(request)))
    assert result == {"ok": False, "errors": {field: result["errors"][field]}}
    assert says in result["errors"][field]


def test_a_huge_state_is_refused_before_any_work() -> None:
    entry = _valid_saved_card()
    state = {"version": 1, "cards": {f"figure:x{i}": entry for i in range(5001)}}
    result = json.loads(session_json(json.dumps({"state": state, "now": NOW_TEXT})))
    assert result["ok"] is False
    assert "5,001 cards" in result["errors"]["state"]
