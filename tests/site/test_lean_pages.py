"""Lean pages: minified HTML, CSS and JS; print-only assets off the pages that do not print them;
nothing of ours blocks the first paint."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from docs_build.runtime import PROJECT_ROOT
from tests.helpers import _ConfigLoader
from tests.site.test_build import html_pages, soup

pytestmark = pytest.mark.site

PRINT_SITE_ASSETS = ("css/print-site.css", "css/print-site-material.css", "js/print-site.js")


def _assets(page: BeautifulSoup) -> list[str]:
    links = [str(link["href"]) for link in page.select("link[rel~=stylesheet][href]")]
    return links + [str(script["src"]) for script in page.select("script[src]")]


def _our_extra_javascript() -> list[str]:
    config = yaml.load((PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)  # a SafeLoader underneath
    return [entry["path"] for entry in config["extra_javascript"]]


def test_print_plugin_assets_load_only_on_the_print_page(built_site: Path) -> None:
    pages = html_pages(built_site, print_page=False)
    assert len(pages) > 50
    for path in pages:
        loaded = _assets(soup(path))
        assert not [src for src in loaded if src.endswith(PRINT_SITE_ASSETS)], path
    print_page = _assets(soup(built_site / "print_page" / "index.html"))
    for asset in PRINT_SITE_ASSETS:
        assert any(src.endswith(asset) for src in print_page), f"the print page lost {asset}"
        assert (built_site / asset).is_file()


def test_print_stylesheet_is_for_print_media_and_everything_else_of_ours_is_minified(built_site: Path) -> None:
    page = soup(built_site / "index.html")
    ours = [link for link in page.select("link[rel~=stylesheet]") if "assets/stylesheets/" in str(link["href"])]
    by_name = {Path(str(link["href"])).name: link for link in ours}
    ours_minified = ("handbook.min.css", "print.min.css", "flashcards.min.css", "drills.min.css", "practice.min.css")
    assert set(by_name) >= set(ours_minified)
    assert by_name["print.min.css"].get("media") == "print"
    assert all(link.get("media") is None for name, link in by_name.items() if name != "print.min.css")
    for name in ours_minified:
        css = (built_site / "assets" / "stylesheets" / name).read_text(encoding="utf-8")
        assert "\n  " not in css and "/*" not in css, f"{name} is not minified"


def test_our_scripts_are_deferred_minified_and_keep_working_names(built_site: Path) -> None:
    page = soup(built_site / "calculators" / "traffic" / "index.html")
    scripts = {str(script["src"]): script for script in page.select("script[src]")}
    for declared in _our_extra_javascript():
        minified = declared.removesuffix(".js") + ".min.js"
        [src] = [src for src in scripts if src.endswith(minified)]
        assert scripts[src].has_attr("defer"), f"{src} blocks parsing"
        text = (built_site / minified).read_text(encoding="utf-8")
        assert "@ts-check" not in text and "\n  " not in text, f"{minified} is not minified"
    # The worker is loaded by name from calculators.js, next to it: it stays where it was.
    assert (built_site / "assets" / "javascripts" / "calculators-worker.js").is_file()


def test_html_is_minified_but_diagrams_and_code_keep_their_lines(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "<!--" not in home
    assert "\n    <" not in home  # the theme's indentation is gone
    diagrams = 0
    for path in html_pages(built_site, print_page=False):
        for diagram in soup(path).select("pre.mermaid"):
            source = diagram.get_text()
            assert source.count("\n") >= 2, f"{path}: a diagram lost its line breaks"
            diagrams += 1
    assert diagrams > 10
    sharding = soup(built_site / "calculators" / "sharding" / "index.html")
    code = sharding.select_one("details pre code, pre code")
    assert code is not None and "\n    " in code.get_text(), "indented Python source lost its indentation"
