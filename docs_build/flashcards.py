"""The flashcards page's markup, pre-rendered from Python, and the deck as an Anki package.

``docs/assets/javascripts/flashcards.js`` runs the markup: it asks Python (``flashcards.session``
and ``flashcards.review`` on the JSON bridge) for each card and only sets text and attributes.
Before Python has started, a first-time reader already sees the first card, built here from the
same bridge call the browser makes, so the two cannot differ.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

import genanki  # type: ignore[import-untyped]  # build time only; no type information shipped

from calculators.flashcard_schedule import GRADES, session_json
from calculators.flashcards import DECK, Card

__all__ = ["ANKI_FILE_NAME", "SITE_ANKI_PATH", "STORAGE_KEY", "render_flashcards", "write_anki_deck"]

#: localStorage key of the reader's review state (the JSON of calculators.flashcard_schedule).
STORAGE_KEY = "handbook.flashcards"
ANKI_FILE_NAME = "numbers-to-know.apkg"
#: Where the Anki package lands in the built site (relative to the site directory).
SITE_ANKI_PATH = Path("practice") / ANKI_FILE_NAME
# Anki tells decks and note types apart by these numbers: fixed, so a re-import updates in place.
_ANKI_DECK_ID = 1_734_015_401
_ANKI_MODEL_ID = 1_734_015_402
_GRADE_LABELS = {"again": "Again", "hard": "Hard", "good": "Good", "easy": "Easy"}
# Any fixed time gives a new card's intervals; they do not depend on the date.
_PRE_RENDER_TIME = "2026-01-01T00:00:00Z"


def _details_html(details: Any) -> str:
    rows = "".join(f"<dt>{escape(label)}</dt><dd>{escape(text)}</dd>" for label, text in details)
    return f'<dl class="flashcards__details" data-details>{rows}</dl>'


def render_flashcards(anki_href: str) -> str:
    """The flashcards widget, showing the first new card as Python schedules it for a new reader."""
    first = json.loads(session_json(json.dumps({"state": None, "now": _PRE_RENDER_TIME})))
    if not first["ok"] or first["card"] is None:
        raise ValueError(f"flashcards: Python gave no first card: {first}")
    card, counts = first["card"], first["counts"]
    grades = "".join(
        f'<button type="button" class="md-button flashcards__grade" data-grade="{grade}" disabled>'
        f'<kbd>{number}</kbd> {_GRADE_LABELS[grade]} <small data-interval="{grade}">{escape(card["intervals"][grade])}</small>'
        "</button>"
        for number, grade in enumerate(GRADES, start=1)
    )
    count_items = "".join(
        f'<span class="flashcards__count">{label} <strong data-count="{key}">{counts[key]}</strong></span>'
        for key, label in (("due", "Due"), ("new", "New"), ("learned", "Learned"))
    )
    return (
        f'<section class="flashcards" data-flashcards data-storage-key="{STORAGE_KEY}" data-state="starting"'
        ' aria-label="Flashcards">'
        f'<p class="flashcards__counts" data-counts>{count_items}</p>'
        f'<div class="flashcards__card" data-card data-card-id="{escape(card["id"])}">'
        f'<p class="flashcards__front" data-front>{escape(card["front"])}</p>'
        '<div class="flashcards__back" data-back hidden>'
        f'<p class="flashcards__answer" data-answer>{escape(card["answer"])}</p>'
        f"{_details_html(card['details'])}</div></div>"
        '<p class="flashcards__done" data-done hidden></p>'
        '<p class="flashcards__buttons">'
        '<button type="button" class="md-button md-button--primary" data-show-answer>Show answer <kbd>Space</kbd></button>'
        f'<span class="flashcards__grades" data-grades role="group" aria-label="How well you recalled it" hidden>{grades}</span>'
        "</p>"
        '<p class="flashcards__status" data-status role="status">Starting Python to schedule your reviews…</p>'
        '<p class="flashcards__files">'
        '<button type="button" class="md-button" data-export>Export progress</button> '
        '<label class="md-button flashcards__import">Import progress'
        ' <input type="file" accept=".json,application/json" data-import></label> '
        f'<a class="md-button" href="{escape(anki_href)}" download data-anki>Anki deck (.apkg)</a>'
        "</p></section>"
    )


def _anki_back(card: Card) -> str:
    lines = "".join(f"<br>{escape(label)}: {escape(text)}" for label, text in card.details)
    return f"<b>{escape(card.answer)}</b>{lines}"


def write_anki_deck(path: Path) -> int:
    """Write every card as one Anki note to ``path`` (an .apkg); returns the number of notes.

    A note's guid comes from the card id, so importing a newer deck updates notes instead of
    duplicating them, as the browser's schedule survives deck changes.
    """
    model = genanki.Model(
        _ANKI_MODEL_ID,
        "Handbook numbers to know",
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Card id"}],
        templates=[{"name": "Recall", "qfmt": "{{Front}}", "afmt": '{{FrontSide}}<hr id="answer">{{Back}}'}],
    )
    deck = genanki.Deck(_ANKI_DECK_ID, "System design: numbers to know")
    for card in DECK:
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[escape(card.front), _anki_back(card), escape(card.id)],
                tags=list(card.tags),
                guid=genanki.guid_for(card.id),
            )
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    genanki.Package(deck).write_to_file(str(path))
    return len(DECK)
