"""The built site's Content-Security-Policy: one <meta> before anything it governs on every page,
a hash for every inline script (hashed here with a separate parser), and the README's header equal
to the one the build writes."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, SoupStrainer

from docs_build.csp import HEADERS_FILE, header_policy, inline_hashes, site_hashes, with_policy_meta
from docs_build.runtime import PROJECT_ROOT
from docs_build.serve import site_headers

META = '<meta http-equiv="Content-Security-Policy"'
EXECUTABLE_TYPES = {None, "", "module", "text/javascript"}


def test_hash_matches_the_csp_specifications_example() -> None:
    # CSP Level 2, §4.2 and MDN: <script>alert('Hello, world.');</script> has this sha256 source.
    page = "<html><head><script>alert('Hello, world.');</script></head></html>"
    assert inline_hashes(page)["script-src"] == {"'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"}


@pytest.mark.parametrize(
    "element",
    ['<script src="a.js"></script>', '<script type="application/json">{"a": 1}</script>', "<p>script</p>"],
    ids=["external", "json-data", "no-script"],
)
def test_only_inline_scripts_that_run_are_hashed(element: str) -> None:
    assert inline_hashes(f"<html><head>{element}</head></html>")["script-src"] == set()


def test_the_meta_goes_right_after_the_charset_and_only_once() -> None:
    page = '<html><head><meta charset="utf-8"><title>t</title><script>x()</script></head></html>'
    once = with_policy_meta(page, "default-src 'none'")
    assert once.startswith('<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')
    assert with_policy_meta(once, "default-src 'self'").count(META) == 1
    assert "default-src 'self'" in with_policy_meta(once, "default-src 'self'")


@pytest.mark.site
def test_every_page_carries_the_policy_before_anything_it_governs(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 60
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert text.count(META) == 1, path
        governed = [i for i in (text.find("<script"), text.find("<style"), text.find("<link")) if i >= 0]
        assert 0 <= text.find(META) < min(governed), path


@pytest.mark.site
def test_every_inline_script_in_the_site_is_hashed_in_every_page(built_site: Path) -> None:
    only_scripts_and_metas = SoupStrainer(["script", "meta"])
    expected: set[str] = set()
    script_srcs: dict[Path, str] = {}
    for path in sorted(built_site.rglob("*.html")):
        tags = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser", parse_only=only_scripts_and_metas)
        for script in tags.find_all("script"):
            if script.get("src") is None and script.get("type") in EXECUTABLE_TYPES:
                digest = base64.b64encode(hashlib.sha256(script.string.encode("utf-8")).digest()).decode()
                expected.add(f"'sha256-{digest}'")
        meta = tags.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        script_srcs[path] = next(d for d in meta["content"].split("; ") if d.startswith("script-src "))
    assert len(expected) >= 3  # Material's own: __md_scope, the palette, the tab anchor
    for path, script_src in script_srcs.items():
        assert set(re.findall(r"'sha256-[^']+'", script_src)) == expected, path
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src


@pytest.mark.site
def test_readme_gives_the_header_the_build_writes(built_site: Path) -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```text\n(Content-Security-Policy: [^\n]*)\n```", readme)
    built = f"Content-Security-Policy: {header_policy(site_hashes(built_site))}"
    assert dict(site_headers(built_site, "/anything"))["Content-Security-Policy"] == built.split(": ", 1)[1]
    assert blocks == [built], (
        "README.md's Content-Security-Policy is out of date: after `make build`, paste the output of "
        "`.venv/bin/python -m docs_build.csp header site` into its section"
    )
    assert (built_site / HEADERS_FILE).is_file()
