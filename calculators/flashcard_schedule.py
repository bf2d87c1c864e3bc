"""When each flashcard comes back: FSRS (the ``fsrs`` package) over a review state kept as plain JSON.

The state is the reader's, held in the browser and exported as a file, so everything here is a
pure function of (state, time, grade): no clock is read and nothing is random (FSRS's interval
fuzz is off), which keeps native and Pyodide results byte-identical and the tests exact.

State JSON, version 1 (cards never reviewed are absent; ids unknown to the deck are kept, so a
schedule survives a card leaving and coming back)::

    {"version": 1, "cards": {"figure:l1_cache_reference_s": {"state": "learning", "step": 1,
     "stability": 2.3065, "difficulty": 2.118, "due": "2026-12-01T14:10:00+00:00",
     "last_review": "2026-12-01T14:00:00+00:00"}}}
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler, State

from calculators.flashcards import CARDS, DECK
from calculators.units import format_duration

__all__ = [
    "GRADES",
    "STATE_VERSION",
    "CardSchedule",
    "Counts",
    "ReviewState",
    "StateError",
    "counts",
    "empty_state",
    "next_card_id",
    "next_intervals_s",
    "parse_state",
    "review",
    "review_json",
    "session_json",
    "state_to_json",
]

STATE_VERSION = 1
#: Grade name → FSRS rating, worst recall first; the page's buttons and keys 1–4 follow this order.
GRADES: Mapping[str, Rating] = MappingProxyType(
    {"again": Rating.Again, "hard": Rating.Hard, "good": Rating.Good, "easy": Rating.Easy}
)
_STATE_NAMES: Mapping[str, State] = MappingProxyType(
    {"learning": State.Learning, "review": State.Review, "relearning": State.Relearning}
)
#: More saved cards than this is not a flashcard file of ours; refuse it before doing any work.
MAX_SAVED_CARDS = 5000
_EXAMPLE_TIME = "2026-12-01T14:00:00Z"
_YEARS = (1970, 2999)
_QUOTE_MAX_CHARS = 48  # card ids run to about 45 characters; a message never echoes a whole file
# FSRS with its published default weights; no fuzz, so the same review always gives the same due time.
_SCHEDULER = Scheduler(enable_fuzzing=False)
_DIFFICULTY_RANGE = (1.0, 10.0)  # FSRS clamps difficulty to this


class StateError(ValueError):
    """A request the scheduler cannot use; ``field`` names the part of the request at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class CardSchedule:
    """Where one reviewed card stands: its FSRS memory state and when it is due again."""

    state: State
    step: int | None  # learning or relearning step; None in review
    stability: float  # [days] the interval at which recall falls to 90%
    difficulty: float  # [1..10]
    due: datetime  # UTC
    last_review: datetime  # UTC

    def to_json(self) -> dict[str, object]:
        return {
            "state": self.state.name.lower(),
            "step": self.step,
            "stability": self.stability,
            "difficulty": self.difficulty,
            "due": self.due.isoformat(),
            "last_review": self.last_review.isoformat(),
        }

    def to_fsrs(self) -> FsrsCard:
        return FsrsCard(
            card_id=0,  # FSRS only copies it into logs; our ids are strings, kept as the state's keys
            state=self.state,
            step=self.step,
            stability=self.stability,
            difficulty=self.difficulty,
            due=self.due,
            last_review=self.last_review,
        )

    @classmethod
    def from_fsrs(cls, card: FsrsCard) -> CardSchedule:
        # After any review FSRS has set all of these; a None here would be a bug in the package.
        if card.stability is None or card.difficulty is None or card.last_review is None:
            raise AssertionError("fsrs left a reviewed card without stability, difficulty or last review")
        return cls(card.state, card.step, card.stability, card.difficulty, card.due, card.last_review)


#: Card id → its schedule. Read-only values; a review returns a new mapping.
ReviewState = Mapping[str, CardSchedule]


@dataclass(frozen=True)
class Counts:
    """Deck cards due now, never seen, and seen but not yet due."""

    due: int
    new: int
    learned: int

    def to_json(self) -> dict[str, int]:
        return {"due": self.due, "new": self.new, "learned": self.learned, "total": self.due + self.new + self.learned}


def empty_state() -> ReviewState:
    return MappingProxyType({})


# ---------------------------------------------------------------------------- parsing


def parse_time(value: object, where: str, field: str = "now") -> datetime:
    """An ISO 8601 date and time with a time zone, in UTC; ``where`` is named in the message.

    >>> parse_time("2026-12-01T15:00:00+01:00", "now").isoformat()
    '2026-12-01T14:00:00+00:00'
    """
    example = f"write it as ISO 8601 with a time zone, e.g. {_EXAMPLE_TIME}"
    if not isinstance(value, str):
        raise StateError(field, f"{where}: expected a date and time as text; {example}.")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise StateError(field, f"{where}: {_quoted(value)} is not a date and time; {example}.") from None
    if parsed.tzinfo is None:
        raise StateError(field, f"{where}: {_quoted(value)} has no time zone; {example}.")
    # Far enough from datetime's limits that a century-long interval cannot overflow.
    if not _YEARS[0] <= parsed.year <= _YEARS[1]:
        raise StateError(field, f"{where}: expected a year from {_YEARS[0]} to {_YEARS[1]}; {example}.")
    return parsed.astimezone(UTC)


def _quoted(value: str) -> str:
    """Text from the request in quotes, cut short."""
    return json.dumps(value if len(value) <= _QUOTE_MAX_CHARS else value[:_QUOTE_MAX_CHARS] + "…", ensure_ascii=False)


def _shown(value: object) -> str:
    """A value from the request as JSON text, cut short: messages quote, they do not echo whole files."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= _QUOTE_MAX_CHARS else text[:_QUOTE_MAX_CHARS] + "…"


def _number(entry: Mapping[str, Any], name: str, where: str, low: float, high: float) -> float:
    value = entry.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or not low <= value <= high:
        raise StateError("state", f"{where}.{name}: expected a number from {low:g} to {high:g}, e.g. 2.5; got {_shown(value)}.")
    return float(value)


def _card_schedule(entry: object, where: str) -> CardSchedule:
    if not isinstance(entry, dict):
        raise StateError("state", f"{where}: expected an object with state, step, stability, difficulty, due, last_review.")
    name = entry.get("state")
    if not isinstance(name, str) or name not in _STATE_NAMES:
        raise StateError("state", f"{where}.state: expected one of {', '.join(_STATE_NAMES)}; got {_shown(name)}.")
    state = _STATE_NAMES[name]
    step = entry.get("step")
    steps = _SCHEDULER.learning_steps if state is State.Learning else _SCHEDULER.relearning_steps
    if state is State.Review:
        if step is not None:
            raise StateError("state", f"{where}.step: a card in review has no step; write null.")
    elif isinstance(step, bool) or not isinstance(step, int) or not 0 <= step < len(steps):
        raise StateError("state", f"{where}.step: expected a whole number from 0 to {len(steps) - 1} while {name}.")
    return CardSchedule(
        state=state,
        step=step,
        stability=_number(entry, "stability", where, 0.001, 1e6),
        difficulty=_number(entry, "difficulty", where, *_DIFFICULTY_RANGE),
        due=parse_time(entry.get("due"), f"{where}.due", "state"),
        last_review=parse_time(entry.get("last_review"), f"{where}.last_review", "state"),
    )


def parse_state(data: object) -> ReviewState:
    """A review state from its JSON form; ``None`` is a reader who has reviewed nothing yet.

    Raises :class:`StateError` naming the first part at fault.

    >>> parse_state(None) == {}
    True
    >>> parse_state({"version": 1, "cards": {}}) == {}
    True
    >>> parse_state({"version": 2, "cards": {}})
    Traceback (most recent call last):
    ...
    calculators.flashcard_schedule.StateError: state.version: expected 1 (this file is from another version); got 2.
    """
    if data is None:
        return empty_state()
    if not isinstance(data, dict) or "cards" not in data:
        raise StateError("state", 'state: expected an exported flashcards file, {"version": 1, "cards": {…}}.')
    version = data.get("version")
    if isinstance(version, bool) or version != STATE_VERSION:  # True == 1 in Python; not in a file of ours
        got = _shown(version)
        raise StateError("state", f"state.version: expected {STATE_VERSION} (this file is from another version); got {got}.")
    cards = data["cards"]
    if not isinstance(cards, dict):
        raise StateError("state", "state.cards: expected an object from card id to its schedule.")
    if len(cards) > MAX_SAVED_CARDS:
        held = f"{len(cards):,} cards is more than a flashcards file holds ({MAX_SAVED_CARDS:,})"
        raise StateError("state", f"state.cards: {held}.")
    parsed = {card_id: _card_schedule(entry, f"state.cards[{_quoted(card_id)}]") for card_id, entry in cards.items()}
    return MappingProxyType(parsed)


def state_to_json(state: ReviewState) -> dict[str, object]:
    """The JSON form :func:`parse_state` reads back to an equal state."""
    return {"version": STATE_VERSION, "cards": {card_id: schedule.to_json() for card_id, schedule in state.items()}}


# ---------------------------------------------------------------------------- scheduling


def review(state: ReviewState, card_id: str, grade: str, now: datetime) -> ReviewState:
    """The state after grading ``card_id`` at ``now``; the input state is left as it was."""
    if card_id not in CARDS:
        raise StateError("card_id", f"card_id: {_quoted(card_id)} is not in the deck; ids look like figure:photo_bytes.")
    if grade not in GRADES:
        raise StateError("grade", f"grade: expected one of {', '.join(GRADES)}; got {_quoted(str(grade))}.")
    saved = state.get(card_id)
    before = saved.to_fsrs() if saved is not None else FsrsCard(card_id=0, due=now)
    after, _log = _SCHEDULER.review_card(before, GRADES[grade], review_datetime=now)
    return MappingProxyType({**state, card_id: CardSchedule.from_fsrs(after)})


def next_intervals_s(state: ReviewState, card_id: str, now: datetime) -> dict[str, float]:
    """Grade → how long until ``card_id`` comes back if graded so at ``now`` [seconds]."""
    return {grade: (review(state, card_id, grade, now)[card_id].due - now).total_seconds() for grade in GRADES}


def counts(state: ReviewState, now: datetime) -> Counts:
    """Due, new and learned among the deck's cards (saved ids no longer in the deck are not counted)."""
    due = sum(1 for c in DECK if c.id in state and state[c.id].due <= now)
    seen = sum(1 for c in DECK if c.id in state)
    return Counts(due=due, new=len(DECK) - seen, learned=seen - due)


def next_card_id(state: ReviewState, now: datetime) -> str | None:
    """The card to show: the longest-overdue due card, else the first new card in deck order, else none."""
    order = {c.id: index for index, c in enumerate(DECK)}
    due = [card_id for card_id in order if card_id in state and state[card_id].due <= now]
    if due:
        return min(due, key=lambda card_id: (state[card_id].due, order[card_id]))
    return next((c.id for c in DECK if c.id not in state), None)


def next_due(state: ReviewState, now: datetime) -> datetime | None:
    """When the next deck card that is not yet due falls due."""
    later = [state[c.id].due for c in DECK if c.id in state and state[c.id].due > now]
    return min(later, default=None)


# ---------------------------------------------------------------------------- JSON bridge


def _session(state: ReviewState, now: datetime) -> dict[str, object]:
    card_id = next_card_id(state, now)
    shown: dict[str, object] | None = None
    if card_id is not None:
        intervals = next_intervals_s(state, card_id, now)
        shown = {**CARDS[card_id].to_json(), "intervals": {grade: format_duration(s) for grade, s in intervals.items()}}
    upcoming = next_due(state, now)
    return {
        "ok": True,
        "state": state_to_json(state),
        "counts": counts(state, now).to_json(),
        "card": shown,
        "next_due": upcoming.isoformat() if upcoming else None,
        "next_due_in": format_duration((upcoming - now).total_seconds()) if upcoming else None,
    }


def _request(text: str) -> tuple[dict[str, Any], ReviewState, datetime]:
    try:
        request = json.loads(text)
    except (ValueError, TypeError):
        raise StateError("_", "The request is not JSON.") from None
    if not isinstance(request, dict):
        raise StateError("_", 'The request must be a JSON object, e.g. {"state": null, "now": "' + _EXAMPLE_TIME + '"}.')
    return request, parse_state(request.get("state")), parse_time(request.get("now"), "now")


def _error(error: StateError) -> str:
    return json.dumps({"ok": False, "errors": {error.field: str(error)}}, ensure_ascii=False)


def session_json(text: str) -> str:
    """Bridge ``flashcards.session``: ``{"state", "now"}`` → counts, the card to show (with each
    grade's interval), when the next one falls due and the state, normalised; bad input is
    ``ok: false`` naming the field.

    >>> result = json.loads(session_json('{"state": null, "now": "2026-12-01T14:00:00Z"}'))
    >>> result["card"]["id"], result["card"]["intervals"]["again"], result["counts"]["new"] == len(DECK)
    ('figure:l1_cache_reference_s', '1 min', True)
    >>> json.loads(session_json('{"state": {"version": 1, "cards": []}, "now": "2026-12-01T14:00:00Z"}'))["errors"]
    {'state': 'state.cards: expected an object from card id to its schedule.'}
    """
    try:
        _, state, now = _request(text)
        return json.dumps(_session(state, now), ensure_ascii=False)
    except StateError as error:
        return _error(error)


def review_json(text: str) -> str:
    """Bridge ``flashcards.review``: ``{"state", "now", "card_id", "grade"}`` → what the graded card
    was given (``reviewed``) and then the same answer as ``flashcards.session`` for the new state.

    >>> request = {"state": None, "now": "2026-12-01T14:00:00Z", "card_id": "nines:99.9%", "grade": "good"}
    >>> result = json.loads(review_json(json.dumps(request)))
    >>> result["reviewed"], result["state"]["cards"]["nines:99.9%"]["due"]
    ({'card_id': 'nines:99.9%', 'grade': 'good', 'interval': '10 min'}, '2026-12-01T14:10:00+00:00')
    """
    try:
        request, state, now = _request(text)
        card_id, grade = request.get("card_id"), request.get("grade")
        if not isinstance(card_id, str):
            raise StateError("card_id", "card_id: expected a card id as text, e.g. figure:photo_bytes.")
        if not isinstance(grade, str):
            raise StateError("grade", f"grade: expected one of {', '.join(GRADES)}.")
        after = review(state, card_id, grade, now)
        interval = format_duration((after[card_id].due - now).total_seconds())
        reviewed = {"card_id": card_id, "grade": grade, "interval": interval}
        return json.dumps({**_session(after, now), "reviewed": reviewed}, ensure_ascii=False)
    except StateError as error:
        return _error(error)
