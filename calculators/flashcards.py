"""The "Numbers to know" flashcard deck: one card per reference figure, plus the downtime each level of nines allows.

Cards are built from :mod:`calculators.reference` and the availability calculator, so a card can
never disagree with the page that quotes the same figure. Every card has a stable id taken from
what it is about (``figure:<key>``, ``nines:<level>``), never from its position, so a saved review
schedule survives cards being added, reordered or reworded.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from calculators.evaluation import evaluate
from calculators.reference import FIGURES, GROUPS, Figure

__all__ = ["AVAILABILITY_TAG", "CARDS", "DECK", "NINES_LEVELS", "Card", "card"]

#: Availability levels that get a downtime card, as the availability calculator accepts them.
NINES_LEVELS: tuple[str, ...] = ("99%", "99.5%", "99.9%", "99.95%", "99.99%", "99.999%")
#: Tag of the computed downtime cards; figure cards are tagged with their reference group.
AVAILABILITY_TAG = "availability"
_UNGROUPED_TAG = "reference"


@dataclass(frozen=True)
class Card:
    """One flashcard. ``answer`` is what to say; ``details`` are (label, text) lines shown under it."""

    id: str
    front: str
    answer: str
    details: tuple[tuple[str, str], ...]
    tags: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        """The card as the page and the Anki export read it."""
        return {
            "id": self.id,
            "front": self.front,
            "answer": self.answer,
            "details": [list(pair) for pair in self.details],
            "tags": list(self.tags),
        }


def _group_of(key: str) -> str:
    return next((group for group, keys in GROUPS.items() if key in keys), _UNGROUPED_TAG)


def figure_card(figure: Figure) -> Card:
    """The card for one reference figure, printed with the figure's own formatting.

    >>> from calculators.reference import figure
    >>> card = figure_card(figure("main_memory_reference_s"))
    >>> card.id, card.front, card.answer
    ('figure:main_memory_reference_s', 'Main memory reference: typical value?', '100 ns')
    >>> dict(card.details)["Range"]
    '80–120 ns'
    """
    # A default or a published limit (PostgreSQL's max_connections, a DynamoDB item) has one value:
    # asking for its "typical value" and showing a "range" of one figure would read as a hedge.
    exact = figure.low == figure.high
    details = [] if exact else [("Range", figure.range_text())]
    details += [("Checked", str(figure.year)), ("Source", figure.source)]
    if figure.note:
        details.append(("Note", figure.note))
    return Card(
        id=f"figure:{figure.key}",
        # The label stays as the reference tables print it, so the card reads as the row it drills.
        front=f"{figure.label}?" if exact else f"{figure.label}: typical value?",
        answer=figure.format(),
        details=tuple(details),
        tags=(_group_of(figure.key),),
    )


def nines_card(level: str) -> Card:
    """The downtime a year that ``level`` allows, worked by the availability calculator.

    >>> card = nines_card("99.9%")
    >>> card.id, card.front, card.answer
    ('nines:99.9%', 'Downtime a year at 99.9% availability?', '8 h 46 min')
    """
    result = evaluate("availability", {"target": level})
    if not result["ok"]:
        raise ValueError(f"nines_card: the availability calculator rejects {level!r}: {result['errors']}")
    shown = result["display"]
    return Card(
        id=f"nines:{level}",
        front=f"Downtime a year at {level} availability?",
        answer=shown["downtime_per_year_s"],
        details=(
            ("Per month", shown["downtime_per_month_s"]),
            ("Per week", shown["downtime_per_week_s"]),
            ("Per day", shown["downtime_per_day_s"]),
            ("Worked as", f"(100% − {level}) × 365.25 days"),
        ),
        tags=(AVAILABILITY_TAG,),
    )


def _build_deck() -> tuple[Card, ...]:
    return (*(figure_card(f) for f in FIGURES.values()), *(nines_card(level) for level in NINES_LEVELS))


#: Every card, in the order new cards are introduced: reference figures as defined, then the nines.
DECK: tuple[Card, ...] = _build_deck()
#: Card id → card. Read-only.
CARDS: Mapping[str, Card] = MappingProxyType({c.id: c for c in DECK})


def card(card_id: str) -> Card:
    """The card with ``card_id``; a KeyError names how ids are formed.

    >>> card("nines:99.99%").answer
    '52 min 36 s'
    """
    try:
        return CARDS[card_id]
    except KeyError:
        raise KeyError(f"unknown flashcard {card_id!r}; ids are figure:<reference key> or nines:<level>") from None
