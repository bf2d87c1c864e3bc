"""Flashcards in a real Chromium: a grade survives a reload, export and import round-trip, and a bad
import file gets a message while the saved schedule stays as it was."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from calculators.flashcards import DECK
from tests.browser.conftest import RequestLog

pytestmark = pytest.mark.browser

STORAGE_KEY = "handbook.flashcards"
ROOT = "[data-flashcards]"
# The first card is the first reference figure, L1 cache reference (calculators/reference.py).
FIRST_FRONT = "L1 cache reference: typical value?"


def open_flashcards(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/practice/flashcards/")
    page.wait_for_selector(f'{ROOT}[data-state="ready"]', timeout=120_000)


def counts(page: Page) -> dict[str, str]:
    return {key: page.inner_text(f'[data-count="{key}"]') for key in ("due", "new", "learned")}


def shown_card(page: Page) -> str:
    return page.get_attribute("[data-card]", "data-card-id") or ""


def saved_state(page: Page) -> Any:
    return json.loads(page.evaluate(f"() => localStorage.getItem({json.dumps(STORAGE_KEY)})") or "null")


def grade_with_keys(page: Page, key: str) -> None:
    """Turn the card with Space and grade it with 1–4, as a keyboard user would."""
    page.locator("body").press("Space")
    page.wait_for_selector("[data-back]:not([hidden])")
    page.keyboard.press(key)
    page.wait_for_function("() => /back in/.test(document.querySelector('[data-status]').textContent)")


def test_a_graded_card_is_not_due_after_a_reload(page_and_log: tuple[Page, RequestLog], site_url: str) -> None:
    page, log = page_and_log
    page.goto(f"{site_url}/practice/flashcards/")
    # Before Python answers, a first-time reader already has a card to read.
    assert page.inner_text("[data-front]") == FIRST_FRONT
    page.wait_for_selector(f'{ROOT}[data-state="ready"]', timeout=120_000)
    first = shown_card(page)
    assert first == DECK[0].id

    page.locator("body").press("Space")
    page.wait_for_selector("[data-back]:not([hidden])")
    # The answer is the figure as the reference tables print it; the grade buttons take focus, visibly.
    assert page.inner_text("[data-answer]") == "1 ns"
    assert page.evaluate("() => document.activeElement.dataset.grade") == "good"
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("3")
    page.wait_for_function("() => /back in/.test(document.querySelector('[data-status]').textContent)")
    assert page.inner_text("[data-status]") == "Good: back in 10 min."
    total = len(DECK)
    after_grading = {"due": "0", "new": str(total - 1), "learned": "1"}
    assert counts(page) == after_grading
    assert shown_card(page) == DECK[1].id

    page.reload()
    page.wait_for_selector(f'{ROOT}[data-state="ready"]', timeout=120_000)
    assert shown_card(page) == DECK[1].id  # the graded card is not due for ten minutes
    assert counts(page) == after_grading
    assert list(saved_state(page)["cards"]) == [first]
    assert log.console_errors == []


def test_export_then_import_round_trips(page_and_log: tuple[Page, RequestLog], site_url: str, tmp_path: Path) -> None:
    page, _ = page_and_log
    open_flashcards(page, site_url)
    grade_with_keys(page, "3")  # good
    grade_with_keys(page, "1")  # again
    before = saved_state(page)
    assert len(before["cards"]) == 2

    with page.expect_download() as download_info:
        page.click("[data-export]")
    exported = tmp_path / "progress.json"
    download_info.value.save_as(exported)
    assert json.loads(exported.read_text(encoding="utf-8")) == before

    # Another browser, as it were: no saved progress at all.
    page.evaluate(f"() => localStorage.removeItem({json.dumps(STORAGE_KEY)})")
    page.reload()
    page.wait_for_selector(f'{ROOT}[data-state="ready"]', timeout=120_000)
    assert counts(page)["learned"] == "0"

    page.set_input_files("[data-import]", str(exported))
    page.wait_for_function("() => /^Imported/.test(document.querySelector('[data-status]').textContent)")
    assert page.inner_text("[data-status]") == "Imported 2 reviewed cards from progress.json."
    assert saved_state(page) == before
    assert counts(page) == {"due": "0", "new": str(len(DECK) - 2), "learned": "2"}


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"{this is not json", "bad.json is not JSON"),
        (
            json.dumps({"version": 1, "cards": {"figure:photo_bytes": {"state": "asleep"}}}).encode(),
            'state.cards["figure:photo_bytes"].state: expected one of learning, review, relearning',
        ),
        (json.dumps({"version": 3, "cards": {}}).encode(), "state.version: expected 1"),
    ],
    ids=["not-json", "bad-card", "other-version"],
)
def test_a_malformed_import_says_so_and_keeps_the_schedule(
    page_and_log: tuple[Page, RequestLog], site_url: str, content: bytes, says: str
) -> None:
    page, _ = page_and_log
    open_flashcards(page, site_url)
    grade_with_keys(page, "4")  # easy
    before_state, before_counts, before_card = saved_state(page), counts(page), shown_card(page)

    page.set_input_files("[data-import]", files=[{"name": "bad.json", "mimeType": "application/json", "buffer": content}])
    page.wait_for_function("() => /^Not imported/.test(document.querySelector('[data-status]').textContent)")
    message = page.inner_text("[data-status]")
    assert says in message
    assert message.endswith("Your progress is unchanged.")
    assert saved_state(page) == before_state
    assert counts(page) == before_counts
    assert shown_card(page) == before_card
