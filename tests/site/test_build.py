"""The built site: strict build, pre-rendered results equal evaluate(), runtime shipped, nothing remote."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from calculators import REGISTRY, evaluate
from docs_build.runtime import PYODIDE_RUNTIME_FILES, SITE_PYODIDE_DIR, SITE_WHEEL_PATH
from tests.helpers import calculator_page

pytestmark = pytest.mark.site


def html_pages(site: Path, *, print_page: bool = True) -> list[Path]:
    """Built pages; ``print_page=False`` leaves out the combined page made only for the PDF,
    where mkdocs-print-site-plugin prefixes ids and field names (its widgets stay static)."""
    pages = sorted(site.rglob("*.html"))
    return pages if print_page else [p for p in pages if p.parent.name != "print_page"]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_calculator_has_a_page_with_its_widget(built_site: Path) -> None:
    for calc_id in REGISTRY:
        page = built_site / calculator_page(calc_id) / "index.html"
        assert page.exists(), f"no page for {calc_id}"
        assert soup(page).select_one(f'form[data-calculator="{calc_id}"]') is not None


def test_prerendered_outputs_equal_evaluate_with_defaults_or_the_chosen_preset(built_site: Path) -> None:
    widgets = 0
    for page in html_pages(built_site, print_page=False):
        for form in soup(page).select("form[data-calculator]"):
            calc_id = str(form["data-calculator"])
            chosen = form.select_one("select[data-preset] option[selected]")
            preset = str(chosen["value"]) if chosen is not None else ""
            inputs = REGISTRY[calc_id].preset_inputs(preset) if preset else REGISTRY[calc_id].defaults()
            expected = evaluate(calc_id, inputs)
            assert form["data-state"] == "static"
            shown = {str(o["data-output"]): o.get_text() for o in form.select("output[data-output]")}
            assert shown == expected["display"], f"{page}: {calc_id}"
            names = [str(c["name"]) for c in form.select("input[name], select[name]")]
            assert names == [f.name for f in REGISTRY[calc_id].fields]
            for declared in REGISTRY[calc_id].fields:
                assert form.select_one(f'[data-error-for="{declared.name}"]') is not None
                control = form.select_one(f'[name="{declared.name}"]')
                assert control is not None
                if control.name == "input":
                    assert control["value"] == inputs[declared.name]
            widgets += 1
    assert widgets >= len(REGISTRY)


def test_no_prerendered_text_shows_nan_undefined_or_template_syntax(built_site: Path) -> None:
    for page in html_pages(built_site):
        document = soup(page)
        for code in document.select("pre, code"):
            code.decompose()  # included source code may legitimately contain braces
        text = document.get_text(" ")
        for bad in ("NaN", "undefined", "{{", "{%", "Infinity"):
            assert bad not in text, f"{page.relative_to(built_site)} shows {bad!r}"


def test_pyodide_runtime_and_compiled_wheel_are_shipped(built_site: Path) -> None:
    runtime = built_site / SITE_PYODIDE_DIR
    assert sorted(p.name for p in runtime.iterdir()) == sorted(PYODIDE_RUNTIME_FILES)
    assert not list(built_site.rglob("console*.html"))
    with zipfile.ZipFile(built_site / SITE_WHEEL_PATH) as wheel:
        names = wheel.namelist()
    modules = [n for n in names if n.startswith("calculators/")]
    assert any(n == "calculators/__init__.pyc" for n in modules)
    assert not [n for n in modules if n.endswith(".py")], "the wheel should carry compiled .pyc files only"


# What fetches a resource: src/href/poster/srcset attributes, CSS url() and @import, and JS loaders.
_REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)""", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'")\s;]+)""", re.IGNORECASE)
_CDN_HOSTS = re.compile(r"unpkg\.com|jsdelivr\.net|cdnjs|googleapis|gstatic|googletagmanager|google-analytics|fonts\.com")
_LOADING_TAGS = {
    "script": "src",
    "link": "href",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "embed": "src",
    "object": "data",
}


def test_no_file_references_another_origin_for_scripts_styles_fonts_or_workers(built_site: Path) -> None:
    problems: list[str] = []
    for page in html_pages(built_site):
        document = soup(page)
        for tag, attribute in _LOADING_TAGS.items():
            for element in document.find_all(tag):
                value = str(element.get(attribute) or "")
                if (
                    tag == "link"
                    and "stylesheet" not in (element.get("rel") or [])
                    and "preload" not in (element.get("rel") or [])
                    and "icon" not in (element.get("rel") or [])
                ):
                    continue
                if _REMOTE.match(value):
                    problems.append(f"{page.relative_to(built_site)}: <{tag} {attribute}={value}>")
    for stylesheet in built_site.rglob("*.css"):
        text = stylesheet.read_text(encoding="utf-8", errors="replace")
        for target in _CSS_URL.findall(text) + _CSS_IMPORT.findall(text):
            if _REMOTE.match(target.strip()):
                problems.append(f"{stylesheet.relative_to(built_site)}: url({target})")
    for script in [*built_site.rglob("*.js"), *built_site.rglob("*.html")]:
        for match in _CDN_HOSTS.finditer(script.read_text(encoding="utf-8", errors="replace")):
            problems.append(f"{script.relative_to(built_site)}: mentions {match.group(0)}")
    assert problems == []


def test_every_page_has_a_description() -> None:
    docs = Path(__file__).resolve().parents[2] / "docs"
    missing = []
    for source in sorted(docs.rglob("*.md")):
        text = source.read_text(encoding="utf-8")
        front_matter = text.split("---", 2)[1] if text.startswith("---") else ""
        if not re.search(r"^description:\s*\S", front_matter, re.MULTILINE):
            missing.append(str(source.relative_to(docs)))
    assert missing == []


def test_internal_links_and_anchors_resolve(built_site: Path) -> None:
    ids_by_page: dict[Path, set[str]] = {}

    def ids(path: Path) -> set[str]:
        if path not in ids_by_page:
            ids_by_page[path] = {str(el["id"]) for el in soup(path).select("[id]")}
        return ids_by_page[path]

    broken: list[str] = []
    for page in html_pages(built_site):
        for link in soup(page).select("a[href]"):
            href = str(link["href"])
            if _REMOTE.match(href) or href.startswith(("mailto:", "javascript:", "data:")):
                continue
            target_part, _, anchor = href.partition("#")
            target_part = target_part.split("?")[0]
            if target_part.startswith("/"):
                target = (built_site / target_part.lstrip("/")).resolve()
            else:
                target = (page.parent / target_part).resolve() if target_part else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                if target.suffix in ("", ".html"):
                    broken.append(f"{page.relative_to(built_site)} → {href}")
                continue
            if anchor and target.suffix == ".html" and anchor not in ids(target):
                broken.append(f"{page.relative_to(built_site)} → {href} (no #{anchor})")
    assert broken == []
