"""Calculator source folded, out of search and print; search previews read as prose; phone markup.

Read from the built HTML and ``search/search_index.json``: the listing under "How it is computed"
is the tested module itself, folded; the index holds none of it and none of a widget's text;
pattern pages keep their code in both.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from calculators import REGISTRY, evaluate
from docs_build.summary import HEADLINE_OUTPUTS
from tests.helpers import calculator_page, nav_pages

pytestmark = pytest.mark.site

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CALCULATOR_PAGES = [page.removesuffix(".md") + "/" for page in nav_pages("calculators/") if not page.endswith("index.md")]
INCLUDE = re.compile(r"\{!(calculators/[\w/]+\.py)!\}")


def _soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


@cache
def _index(site: Path) -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return docs


def _indexed_text(site: Path, path: str) -> str:
    return " ".join(doc["text"] for doc in _index(site) if doc["location"].split("#")[0] == path)


def _modules_included(path: str) -> list[str]:
    return INCLUDE.findall((PROJECT_ROOT / "docs" / path.removesuffix("/")).with_suffix(".md").read_text(encoding="utf-8"))


def _code_lines(module: str) -> list[str]:
    """Distinctive lines of a module: long enough not to appear by chance in prose."""
    lines = (PROJECT_ROOT / module).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if len(line.strip()) > 30 and not line.strip().startswith(("#", '"""'))]


@pytest.mark.parametrize("path", CALCULATOR_PAGES)
def test_source_is_folded_under_how_it_is_computed(built_site: Path, path: str) -> None:
    modules = _modules_included(path)
    assert modules, f"{path} includes no calculator module"
    document = _soup(built_site, path)
    folds = document.select("details.calculator-source")
    assert len(folds) == len(modules)
    heading = document.select_one("h2#how-it-is-computed")
    assert heading is not None
    for fold, module in zip(folds, modules, strict=True):
        assert fold.get("open") is None, f"{path}: {module} is not folded"
        assert fold.find_previous("h2") is heading, f"{path}: {module} is not under How it is computed"
        listing = fold.select_one("pre code")
        assert listing is not None
        assert listing.get_text().strip() == (PROJECT_ROOT / module).read_text(encoding="utf-8").strip()
        pointer = fold.find_next_sibling("p")
        assert pointer is not None and "calculator-source__pointer" in (pointer.get("class") or [])
        text = pointer.get_text()
        assert f"{path}#how-it-is-computed" in text and module in text


@pytest.mark.parametrize("path", CALCULATOR_PAGES)
def test_search_index_holds_no_calculator_source_and_no_widget_text(built_site: Path, path: str) -> None:
    indexed = _indexed_text(built_site, path)
    assert indexed, f"{path} is not in the search index"
    for module in _modules_included(path):
        leaked = [line for line in _code_lines(module) if line in indexed]
        assert not leaked, f"{path}: {module} is in the search index, e.g. {leaked[:2]}"
    calc_id = path.removeprefix("calculators/").strip("/").replace("-", "_")
    helps = [field.help for field in REGISTRY[calc_id].fields if len(field.help) > 30]
    assert helps
    in_index = [help_text for help_text in helps if help_text in indexed]
    assert not in_index, f"{path}: widget or inputs-table text is in the index: {in_index[:2]}"


@pytest.mark.parametrize("path", CALCULATOR_PAGES)
def test_search_preview_opens_with_a_sentence(built_site: Path, path: str) -> None:
    """The first entry's text is what a result shows: prose, not labels run together."""
    first = next(doc for doc in _index(built_site) if doc["location"] == path)
    text = re.sub(r"<[^>]+>", " ", first["text"]).strip()
    assert re.match(r"[A-Z][^.!?]{20,}[.!?:]", text), f"{path}: preview starts {text[:80]!r}"


def test_pattern_pages_keep_their_code_in_search_and_print(built_site: Path) -> None:
    path = "patterns/circuit-breaker/"
    module = "calculators/patterns/circuit_breaker.py"
    indexed = _indexed_text(built_site, path)
    assert any(line in indexed for line in _code_lines(module)), "pattern code left the search index"
    assert not _soup(built_site, path).select("details.calculator-source")


def test_search_index_code_share_is_small(built_site: Path) -> None:
    """Code (pre and code elements) is under a fifth of the indexed text: pattern pages keep theirs."""
    total = code = 0
    for doc in _index(built_site):
        text = doc["text"]
        code += sum(len(re.sub(r"<[^>]+>", "", m)) for m in re.findall(r"<(?:pre|code)>(.*?)</(?:pre|code)>", text, re.S))
        total += len(re.sub(r"<[^>]+>", "", text))
    assert code / total < 0.15, f"code is {code / total:.0%} of the index"


def test_options_in_the_inputs_table_break_only_after_hyphens(built_site: Path) -> None:
    document = _soup(built_site, calculator_page("concurrency"))
    options = document.select("code.calculator-option")
    assert options
    for option in options:
        pieces = [piece.get_text() for piece in option.select(".calculator-option__piece")]
        assert "".join(pieces) == option.get_text()
        assert all(piece.endswith("-") for piece in pieces[:-1]), pieces
        assert all("-" not in piece.strip("-") for piece in pieces), pieces  # no hyphen, hence no break, inside a piece
        assert len(option.select("wbr")) == len(pieces) - 1


def test_result_labels_end_with_a_separator(built_site: Path) -> None:
    document = _soup(built_site, calculator_page("traffic"))
    for row in document.select("table.calculator__results tr[data-row]"):
        assert re.search(r"\S: \S", row.get_text()), row.get_text()[:80]


@pytest.mark.parametrize("calc_id", sorted(HEADLINE_OUTPUTS))
def test_key_results_strip_shows_the_prerendered_outputs(built_site: Path, calc_id: str) -> None:
    strip = _soup(built_site, calculator_page(calc_id)).select_one(f'form[data-calculator="{calc_id}"] [data-result-summary]')
    assert strip is not None
    shown = {str(copy["data-summary-of"]): copy.get_text() for copy in strip.select("[data-summary-of]")}
    display = evaluate(calc_id, {})["display"]
    assert shown == {key: display[key] for key, _ in HEADLINE_OUTPUTS[calc_id]}
