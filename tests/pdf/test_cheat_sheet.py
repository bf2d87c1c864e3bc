"""The cheat sheet's print contract: printed alone from the browser on A4, it fills one side.

Chromium prints the built page with its own print stylesheets and the handbook's page margins,
as a reader's "Print" would; pypdf counts the pages of the result. A second print of the same
page with its blocks doubled must run over, so the count is known to be able to fail.
"""

from __future__ import annotations

import concurrent.futures
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page, sync_playwright
from pypdf import PdfReader

from calculators import evaluate
from docs_build.chromium import CHROMIUM_ARGS, chromium_executable
from docs_build.pdf import PAGE_MARGINS

pytestmark = [pytest.mark.pdf, pytest.mark.xdist_group("pdf")]

CHEAT_SHEET = "practice/cheat-sheet/"
# Seven points: the smallest type the sheet may use and still be read on paper.
SMALLEST_PRINT_FONT_PX = 7 * 96 / 72

_DOUBLE_THE_SHEET = """
() => {
  const sheet = document.querySelector(".cheat-sheet");
  for (const block of [...sheet.querySelectorAll(".cheat-sheet__block")]) sheet.append(block.cloneNode(true));
}
"""

_SMALLEST_TEXT_PX = """
() => Math.min(...[...document.querySelectorAll(".cheat-sheet td, .cheat-sheet li, .cheat-sheet p")]
  .map((element) => parseFloat(getComputedStyle(element).fontSize)))
"""


def _print(url: str, prepare: Callable[[Page], None] | None = None) -> tuple[bytes, float]:
    """The page printed to A4 as a PDF, and the smallest font size its text used in print [px].

    Playwright's sync API refuses to run where another sync session is open (the browser tests'),
    so the browser is driven from a thread of its own, as docs_build/pdf.py does.
    """

    def run() -> tuple[bytes, float]:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_executable(), args=list(CHROMIUM_ARGS))
            try:
                page = browser.new_page(color_scheme="light", reduced_motion="reduce")
                page.goto(url, wait_until="load")
                page.emulate_media(media="print")
                if prepare is not None:
                    prepare(page)
                page.evaluate("() => document.fonts.ready.then(() => true)")
                smallest_px = float(page.evaluate(_SMALLEST_TEXT_PX))
                pdf = page.pdf(format="A4", margin=PAGE_MARGINS, print_background=True)
                return pdf, smallest_px
            finally:
                browser.close()

    with concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="cheat-sheet-print") as pool:
        return pool.submit(run).result()


@pytest.fixture(scope="module")
def printed(built_site: Path, site_url: str) -> tuple[PdfReader, float]:
    pdf, smallest_px = _print(f"{site_url}/{CHEAT_SHEET}")
    return PdfReader(io.BytesIO(pdf)), smallest_px


def _squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_cheat_sheet_prints_on_one_a4_side(printed: tuple[PdfReader, float]) -> None:
    reader, _ = printed
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    a4_pt = (210 / 25.4 * 72, 297 / 25.4 * 72)  # 595.3 × 841.9 points
    assert abs(float(box.width) - a4_pt[0]) < 1.5 and abs(float(box.height) - a4_pt[1]) < 1.5, f"not A4 portrait: {box}"


def test_the_one_side_holds_every_block_in_readable_type(built_site: Path, printed: tuple[PdfReader, float]) -> None:
    """Nothing is dropped or shrunk to make it fit: every heading and the figures that close each
    table are on the page, in type no smaller than seven points."""
    reader, smallest_px = printed
    text = _squashed(reader.pages[0].extract_text())
    html = BeautifulSoup((built_site / CHEAT_SHEET / "index.html").read_text(encoding="utf-8"), "html.parser")
    headings = [heading.get_text().replace("¶", "").strip() for heading in html.select(".cheat-sheet h1, .cheat-sheet h2")]
    assert len(headings) >= 6, headings  # the title and the five blocks
    for heading in headings:
        assert _squashed(heading) in text, f"{heading!r} is not on the printed page"
    wrap_up_60 = evaluate("interview_time", {"length_minutes": "60"})["display"]["wrap_up_s"]
    five_nines_month = evaluate("availability", {"target": "99.999%"})["display"]["downtime_per_month_s"]
    last_rule = html.select(".cheat-sheet__rules li")[-1].get_text()
    for expected in (wrap_up_60, five_nines_month, last_rule):
        assert _squashed(expected) in text, f"{expected!r} is not on the printed page"
    assert smallest_px >= SMALLEST_PRINT_FONT_PX - 0.01, f"print type down to {smallest_px:.2f} px"


def test_a_sheet_twice_as_long_would_not_fit(built_site: Path, site_url: str) -> None:
    """The control: the same print, with every block repeated, takes more than one side."""
    pdf, _ = _print(f"{site_url}/{CHEAT_SHEET}", lambda page: page.evaluate(_DOUBLE_THE_SHEET))
    assert len(PdfReader(io.BytesIO(pdf)).pages) > 1
