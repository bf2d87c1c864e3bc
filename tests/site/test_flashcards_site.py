"""The built flashcards: an Anki package with one note per card, the dependency wheels at their pinned
versions beside the calculators wheel, and a first card pre-rendered as Python schedules it."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from calculators.flashcards import DECK
from docs_build.flashcards import SITE_ANKI_PATH
from docs_build.runtime import SITE_DEPENDENCIES_MANIFEST, SITE_WHEEL_PATH, pinned_wheels

pytestmark = pytest.mark.site


def test_the_anki_package_holds_one_note_per_card(built_site: Path, tmp_path: Path) -> None:
    package = built_site / SITE_ANKI_PATH
    assert package.exists()
    with zipfile.ZipFile(package) as archive:
        archive.extract("collection.anki2", tmp_path)
    with sqlite3.connect(tmp_path / "collection.anki2") as collection:
        notes = collection.execute("SELECT flds, tags FROM notes").fetchall()
    assert len(notes) == len(DECK)
    # Fields are separated by 0x1f: front, back, card id; every card id appears once.
    ids = [fields.split("\x1f")[2] for fields, _ in notes]
    assert sorted(ids) == sorted(card.id for card in DECK)
    fronts = {fields.split("\x1f")[2]: fields.split("\x1f")[0] for fields, _ in notes}
    assert fronts["nines:99.9%"] == "Downtime a year at 99.9% availability?"


def test_the_flashcards_page_links_the_anki_package_on_our_origin(built_site: Path) -> None:
    page = built_site / "practice" / "flashcards" / "index.html"
    link = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("a[data-anki]")
    assert link is not None
    href = str(link["href"])
    assert "://" not in href
    assert (page.parent / href).resolve() == (built_site / SITE_ANKI_PATH).resolve()


def text(page: BeautifulSoup, selector: str) -> str:
    element = page.select_one(selector)
    assert element is not None, selector
    return element.get_text()


def test_the_first_card_is_pre_rendered(built_site: Path) -> None:
    page = BeautifulSoup((built_site / "practice" / "flashcards" / "index.html").read_text(encoding="utf-8"), "html.parser")
    card = page.select_one("[data-card]")
    assert card is not None
    assert card["data-card-id"] == DECK[0].id
    assert text(page, "[data-front]") == "L1 cache reference: typical value?"
    assert text(page, "[data-answer]") == "1 ns"
    # FSRS's first learning steps are 1 and 10 minutes; hard on the first step is halfway.
    for grade, interval in (("again", "1 min"), ("hard", "5 min 30 s"), ("good", "10 min")):
        assert text(page, f'[data-grade="{grade}"] [data-interval]') == interval


def test_the_pinned_dependency_wheels_ship_beside_the_calculators_wheel(built_site: Path) -> None:
    names = json.loads((built_site / SITE_DEPENDENCIES_MANIFEST).read_text(encoding="utf-8"))
    pins = pinned_wheels()
    assert names == [f"{pin.module_name}.whl" for pin in pins]
    for pin, name in zip(pins, names, strict=True):
        with zipfile.ZipFile(built_site / SITE_WHEEL_PATH.with_name(name)) as wheel:
            assert f"{pin.module_name}-{pin.version}.dist-info/METADATA" in wheel.namelist()
            # Compiled for Pyodide's CPython: .pyc, no sources to compile at import.
            assert not [entry for entry in wheel.namelist() if entry.endswith(".py")]
