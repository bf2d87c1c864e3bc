"""The PDF export: one Chromium print of the combined page per run, then checks on that file.

The file must open, follow the nav in its bookmarks, carry the results pre-rendered at build
time (Pyodide never runs), embed its fonts, link internally, and have been made without a
single request leaving the local build.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from calculators import evaluate
from docs_build.pdf import RUNTIME_PATH_PREFIXES, ExportResult, export_pdf
from tests.conftest import PROJECT_ROOT

pytestmark = [pytest.mark.pdf, pytest.mark.xdist_group("pdf")]

Outline = list[tuple[str, "Outline"]]


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml with its ``!ENV`` and ``!!python/name:`` tags read as plain nulls."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _mkdocs_config() -> dict[str, Any]:
    with (PROJECT_ROOT / "mkdocs.yml").open(encoding="utf-8") as stream:
        config: dict[str, Any] = yaml.load(stream, Loader=_ConfigLoader)  # a SafeLoader underneath
    return config


def _plain(text: str) -> str:
    return " ".join(text.replace("¶", " ").split())


def _squashed(text: str) -> str:
    """Text extraction moves spaces and line breaks around: compare without any whitespace."""
    return re.sub(r"\s+", "", text)


def _page_title(site_dir: Path, src_path: str) -> str:
    """A page's H1 as built, which is what the bookmark shows (the nav may use a shorter label)."""
    stem = src_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
    html = site_dir / stem / "index.html"
    heading = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select_one("article h1")
    assert heading is not None, f"{src_path} has no h1"
    return _plain(heading.get_text())


def _outline_tree(items: list[Any]) -> Outline:
    """pypdf's flat outline (an entry, then a list of its children) as (title, children) pairs."""
    tree: Outline = []
    for item in items:
        if isinstance(item, list):
            title, _ = tree[-1]
            tree[-1] = (title, _outline_tree(item))
        else:
            tree.append((_plain(str(item.title)), []))
    return tree


def _is_subsequence(wanted: list[str], sequence: list[str]) -> bool:
    remaining = iter(sequence)
    return all(any(item == candidate for candidate in remaining) for item in wanted)


@pytest.fixture(scope="session")
def export(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> ExportResult:
    """The one export of this run; every test below reads its file."""
    output = tmp_path_factory.mktemp("pdf") / "handbook.pdf"
    return export_pdf(built_site, output, fail_on_outside_requests=False)


@pytest.fixture(scope="session")
def reader(export: ExportResult) -> PdfReader:
    return PdfReader(export.pdf_path)


@pytest.fixture(scope="session")
def text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture(scope="session")
def outline(reader: PdfReader) -> Outline:
    return _outline_tree(reader.outline)


def test_export_made_no_request_outside_the_local_build(export: ExportResult) -> None:
    assert export.outside_requests == ()


def test_export_never_asked_for_pyodide_itself(export: ExportResult) -> None:
    """The only runtime file the print page may ask for is the worker script, which the export refuses.

    Pyodide and the calculators' wheel load from inside the worker, so once the worker is refused
    nothing under assets/pyodide/ or assets/python/ should be requested; one that is (a preload
    link, a fetch from the page itself) means the page loads the runtime on its own.
    """
    worker_script = "/assets/javascripts/calculators-worker.js"
    assert worker_script in RUNTIME_PATH_PREFIXES  # the export refuses it
    asked = {urlsplit(url).path for url in export.runtime_requests}
    assert asked <= {worker_script}, asked
    assert export.widgets > 0


def test_page_count_is_that_of_a_book(reader: PdfReader) -> None:
    assert len(reader.pages) > 40


def test_metadata_title_and_tagging(reader: PdfReader) -> None:
    assert reader.metadata is not None
    assert reader.metadata.title == _mkdocs_config()["site_name"]
    catalog = cast(DictionaryObject, reader.trailer["/Root"].get_object())
    assert "/StructTreeRoot" in catalog, "tagged=True should give a structure tree"
    assert cast(DictionaryObject, catalog["/MarkInfo"].get_object())["/Marked"]


def test_outline_top_level_follows_the_nav(built_site: Path, outline: Outline) -> None:
    config = _mkdocs_config()
    print_site = next(p["print-site"] for p in config["plugins"] if isinstance(p, dict) and "print-site" in p)
    expected = [print_site["toc_title"]]
    for entry in config["nav"]:
        (label, target), *_ = entry.items()
        expected.append(_page_title(built_site, target) if isinstance(target, str) else label)
    assert [title for title, _ in outline] == expected


def test_outline_puts_each_page_under_its_section(built_site: Path, outline: Outline) -> None:
    children = dict(outline)
    sections = 0
    for entry in _mkdocs_config()["nav"]:
        (label, target), *_ = entry.items()
        if isinstance(target, str):
            continue
        sections += 1
        pages = [next(iter(item.values())) if isinstance(item, dict) else item for item in target]
        titles = [_page_title(built_site, page) for page in pages if not page.endswith("index.md")]
        under = [title for title, _ in children[label]]
        assert _is_subsequence(titles, under), f"{label}: {titles} not in order within {under}"
        assert label not in under, f"{label}: its overview page is listed twice"
    assert sections >= 5


def test_text_carries_the_prerendered_calculator_results(built_site: Path, text: str) -> None:
    print_page = BeautifulSoup((built_site / "print_page" / "index.html").read_text(encoding="utf-8"), "html.parser")
    calc_ids = sorted({str(form["data-calculator"]) for form in print_page.select("form[data-calculator]")})
    assert len(calc_ids) >= 4
    squashed = _squashed(text)
    for calc_id in calc_ids:
        result = evaluate(calc_id, {})
        assert result["ok"], calc_id
        missing = {key: shown for key, shown in result["display"].items() if _squashed(shown) not in squashed}
        assert not missing, f"{calc_id}: results missing from the PDF: {missing}"


def test_text_carries_the_folded_answers_of_problem_pages(built_site: Path, text: str) -> None:
    """Each problem's answers are folded on screen (details.solution); on paper they print open."""
    print_page = BeautifulSoup((built_site / "print_page" / "index.html").read_text(encoding="utf-8"), "html.parser")
    answers = print_page.select("details.solution")
    assert answers, "no folded answer on the print page"
    squashed = _squashed(text)
    missing = []
    for details in answers:
        paragraphs = [p for p in details.find_all("p") if p.find_parent("form") is None]  # widgets print their own way
        paragraph = next((p for p in paragraphs if len(p.get_text(strip=True)) > 40), None)
        if paragraph is None:
            continue
        opening = _squashed(paragraph.get_text())[:40]
        if opening not in squashed:
            missing.append(opening)
    assert not missing, f"{len(missing)} of {len(answers)} folded answers are missing from the PDF, e.g. {missing[:3]}"


@pytest.mark.parametrize(
    "pattern",
    [
        r"\bNaN\b",
        r"\bundefined\b",
        r"\{\{\s*\w+\(|\{%-?\s*\w+",  # a macro left unrendered (listings may show an f-string's {{)
        r"(?i)starting python",
        r"(?i)\bloading\s*(?:…|\.\.\.)",  # a spinner's text ("lazy loading" in prose is fine)
        r"(?i)live recalculation is unavailable",
        r"(?i)results below are for\b",  # the widget's status line (defaults or a preset): screen only
    ],
)
def test_text_has_no_placeholders_or_widget_chrome(text: str, pattern: str) -> None:
    found = re.search(pattern, text)
    assert found is None, f"{pattern!r} found: …{text[max(0, found.start() - 80) : found.end() + 80]}…"


def _fonts(resources: DictionaryObject, seen: set[int]) -> Iterator[DictionaryObject]:
    """Every font a page's resources use, including those inside form XObjects."""
    fonts = cast(DictionaryObject, resources.get("/Font", DictionaryObject()))
    for font in fonts.values():
        if isinstance(font, IndirectObject):
            if font.idnum in seen:
                continue
            seen.add(font.idnum)
        yield cast(DictionaryObject, font.get_object())
    xobjects = cast(DictionaryObject, resources.get("/XObject", DictionaryObject()))
    for xobject in xobjects.values():
        inner = cast(DictionaryObject, xobject.get_object())
        if inner.get("/Subtype") == "/Form" and "/Resources" in inner:
            yield from _fonts(cast(DictionaryObject, inner["/Resources"].get_object()), seen)


def test_every_font_is_embedded(reader: PdfReader) -> None:
    seen: set[int] = set()
    fonts = 0
    for number, page in enumerate(reader.pages, start=1):
        resources = page.get("/Resources")
        if resources is None:
            continue
        for font in _fonts(cast(DictionaryObject, resources.get_object()), seen):
            fonts += 1
            subtype = str(font["/Subtype"])
            if subtype == "/Type3":
                continue  # glyphs drawn by the PDF itself
            described = cast(DictionaryObject, font["/DescendantFonts"][0].get_object()) if subtype == "/Type0" else font  # type: ignore[index]
            descriptor = cast(DictionaryObject, described["/FontDescriptor"].get_object())
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), f"page {number}: {font['/BaseFont']} not embedded"
    assert fonts > 0


def test_internal_links_point_at_named_destinations(reader: PdfReader) -> None:
    destinations = set(reader.named_destinations)
    internal = 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            if link.get("/Subtype") != "/Link":
                continue
            action = link["/A"].get_object() if "/A" in link else None
            if "/Dest" in link or (action is not None and action.get("/S") == "/GoTo"):
                internal += 1
                target = link["/Dest"] if "/Dest" in link else cast(DictionaryObject, action)["/D"]
                if isinstance(target, str):
                    assert str(target) in destinations, f"link to a missing destination {target}"
            elif action is not None and action.get("/S") == "/URI":
                assert "127.0.0.1" not in str(action["/URI"]), f"a link points at the export's own server: {action['/URI']}"
    assert internal > 50, "the contents and cross-references should link inside the document"


def test_text_points_to_each_calculator_source_instead_of_printing_it(built_site: Path, text: str) -> None:
    """Calculator modules are folded on screen and left off paper: a line says where to read them."""
    print_page = BeautifulSoup((built_site / "print_page" / "index.html").read_text(encoding="utf-8"), "html.parser")
    folds = print_page.select("details.calculator-source")
    assert len(folds) >= 10, "the print page lost the calculator sources' folds"
    squashed = _squashed(text)
    for fold in folds:
        pointer = fold.find_next_sibling("p")
        assert pointer is not None, "a folded source has no pointer line"
        assert _squashed(pointer.get_text()) in squashed, f"pointer missing from the PDF: {pointer.get_text()[:80]}"
        listing = fold.select_one("pre code")
        assert listing is not None
        lines = [line.strip() for line in listing.get_text().splitlines() if len(line.strip()) > 40]
        printed = [line for line in lines if _squashed(line) in squashed]
        assert len(printed) < 3, f"calculator source printed: {printed[:3]}"


def test_pattern_code_still_prints(text: str) -> None:
    """Pattern pages teach with their code; it stays on paper."""
    source = (PROJECT_ROOT / "calculators" / "patterns" / "circuit_breaker.py").read_text(encoding="utf-8")
    lines = [line.strip() for line in source.splitlines() if len(line.strip()) > 40 and not line.strip().startswith("#")]
    squashed = _squashed(text)
    assert sum(_squashed(line) in squashed for line in lines) > len(lines) // 2
