"""What the built site gives the service worker: a precache of every page and none of the Python
runtime, a runtime cache renamed by any runtime change, and an installable manifest with icons."""

from __future__ import annotations

import json
import re
import shutil
import struct
from pathlib import Path

import pytest

from docs_build.offline import ICONS, MANIFEST_NAME, python_cache_name, write_manifest

pytestmark = pytest.mark.site

# generateSW writes each entry as {url:"…",revision:"…"|null}, minified.
_ENTRY = re.compile(r'\{url:"(?P<url>[^"]+)",revision:(?P<revision>"[0-9a-f]+"|null)\}')


def precache(site: Path) -> dict[str, str | None]:
    entries = {
        m["url"]: None if m["revision"] == "null" else m["revision"].strip('"')
        for m in _ENTRY.finditer((site / "sw.js").read_text())
    }
    assert entries, "no precache manifest found in sw.js"
    return entries


def test_every_page_search_sitemap_and_theme_asset_is_precached_with_a_revision(built_site: Path) -> None:
    entries = precache(built_site)
    pages = {path.relative_to(built_site).as_posix() for path in built_site.rglob("*.html")}
    assert {page for page in pages if not page.startswith("print_page/")} <= entries.keys()
    assert {"search/search_index.json", "sitemap.xml", MANIFEST_NAME} <= entries.keys()
    bundles = [url for url in entries if re.search(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js$", url)]
    assert len(bundles) == 1 and entries[bundles[0]] is None  # its hash is its revision
    for url, revision in entries.items():
        assert revision is not None or re.search(r"\.[0-9a-f]{8,}\.min\.(js|css)$", url), url
    for ours in (
        "assets/javascripts/offline.min.js",
        "assets/javascripts/calculators.min.js",
        "assets/stylesheets/handbook.min.css",
    ):
        assert entries.get(ours), ours


def test_the_python_runtime_pdf_and_deck_are_not_precached(built_site: Path) -> None:
    entries = precache(built_site)
    assert not [url for url in entries if url.startswith(("assets/pyodide/", "assets/python/", "print_page/"))]
    assert not [url for url in entries if url.endswith((".pdf", ".apkg", ".whl", ".wasm"))]
    assert f'"{python_cache_name(built_site)}"' in (built_site / "sw.js").read_text()


def test_the_python_cache_is_renamed_when_a_runtime_file_changes(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    for folder in ("assets/pyodide", "assets/python"):
        shutil.copytree(built_site / folder, site / folder)
    before = python_cache_name(site)
    (site / "index.html").write_text("a page is not part of the runtime")
    assert python_cache_name(site) == before
    wheel = site / "assets/python/calculators.whl"
    wheel.write_bytes(wheel.read_bytes() + b"\0")  # a new build's wheel, same URL
    assert python_cache_name(site) != before


def test_the_manifest_installs_under_any_base_path_with_its_icons(tmp_path: Path) -> None:
    write_manifest(tmp_path, "Handbook", "A description")
    manifest = json.loads((tmp_path / MANIFEST_NAME).read_text())
    assert manifest["start_url"] == manifest["scope"] == "./"
    assert manifest["display"] == "standalone"
    assert {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]} == {
        ("192x192", "any"),
        ("512x512", "any"),
        ("512x512", "maskable"),
    }
    for icon, spec in zip(manifest["icons"], ICONS, strict=True):
        data = (tmp_path / icon["src"]).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
        assert struct.unpack(">II", data[16:24]) == (spec.size_px, spec.size_px)


def test_every_page_links_the_manifest_and_the_theme_colour(built_site: Path) -> None:
    for page in ("index.html", "calculators/traffic/index.html"):
        html = (built_site / page).read_text()
        link = re.search(r'<link rel="manifest" href="([^"]+)">', html)
        assert link, page
        assert (built_site / page).parent.joinpath(link[1]).resolve() == (built_site / MANIFEST_NAME).resolve()
        assert '<meta name="theme-color" content="#3f51b5">' in html
