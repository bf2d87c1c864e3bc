"""The whole handbook offline after two pages online; a new build is offered with a reload prompt;
a first visit downloads no file twice. Real Chromium, service workers allowed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, expect

from tests.browser.service_worker import PYTHON_FILES, wait_until_controlled, wait_until_python_cached
from tests.download_log import logging_site_server
from tests.helpers import calculator_page, heading_text, nav_pages

pytestmark = pytest.mark.browser

ALL_WIDGETS_LIVE = """() => {
  const forms = [...document.querySelectorAll("form[data-calculator]")];
  return forms.length > 0 && forms.every((form) => form.dataset.state === "ready");
}"""

# Follow a link as a reader does: Material's instant navigation fetches the page (from the worker).
FOLLOW_LINK = """(href) => {
  const link = document.createElement("a");
  link.href = href;
  document.querySelector("article").append(link);
  link.click();
}"""


FETCH_HEADINGS = """async (urls) => Object.fromEntries(await Promise.all(urls.map(async (url) => {
  const html = await (await fetch(url)).text();
  const heading = new DOMParser().parseFromString(html, "text/html").querySelector("article h1");
  return [url, heading ? heading.textContent.replace("¶", "").trim() : null];
})))"""

# Material draws each diagram into a closed shadow root: a drawn block is an empty, tall div.
DIAGRAMS_DRAWN = """() => {
  const blocks = [...document.querySelectorAll(".mermaid")];
  return blocks.length > 0 && blocks.every((block) => block.tagName === "DIV" && block.getBoundingClientRect().height > 100);
}"""


def site_path(nav_entry: str) -> str:
    """``interview/index.md`` → ``interview/``; ``start-here.md`` → ``start-here/``; ``index.md`` → ``""``."""
    stem = nav_entry.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


def built_heading(site_dir: Path, path: str) -> str:
    document = BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "html.parser")
    heading = document.select_one("article h1")
    assert heading is not None, path
    return heading_text(heading)


def search_finds(page: Page, query: str, path: str) -> None:
    """Type ``query`` into search and wait until a result links to ``path`` (a loaded machine may
    show results for the first letters before the whole query has run)."""
    page.click("input[data-md-component=search-query]")
    page.wait_for_function("() => !/initiali[sz]ing/i.test(document.querySelector('.md-search-result__meta').textContent)")
    page.locator("input[data-md-component=search-query]").press_sequentially(query, delay=20)
    page.wait_for_function(
        "(path) => [...document.querySelectorAll('.md-search-result__item a')].some((a) => new URL(a.href).pathname === path)",
        arg=path,
    )


def test_every_page_search_and_calculator_work_offline_after_two_pages(browser: Browser, site_url: str, built_site: Path) -> None:
    context = browser.new_context(service_workers="allow")
    try:
        page = context.new_page()
        page.set_default_timeout(180_000)  # a first visit precaches 16 MB, then starts Python
        page.goto(f"{site_url}/")
        wait_until_controlled(page)
        page.goto(f"{site_url}/{calculator_page('traffic')}")
        page.wait_for_function(ALL_WIDGETS_LIVE)
        wait_until_python_cached(page)

        context.set_offline(True)
        # A full load first: the page from the precache, a fresh Python worker from its cache.
        page.goto(f"{site_url}/{calculator_page('storage')}?storage.retention_years=3")
        page.wait_for_function(ALL_WIDGETS_LIVE)
        # Every page in the nav comes from the worker, each with its own heading...
        urls = {f"{site_url}/{site_path(entry)}": built_heading(built_site, site_path(entry)) for entry in nav_pages()}
        assert page.evaluate(FETCH_HEADINGS, list(urls)) == urls
        # ...and opens by instant navigation, every calculator going live (diagrams drawn on the way).
        opened = [site_path(entry) for entry in nav_pages("calculators/")] + ["interview/high-level-design/"]
        for path in opened:
            page.evaluate(FOLLOW_LINK, f"{site_url}/{path}")
            page.wait_for_function(
                "([path, heading]) => location.pathname === path"
                " && document.querySelector('article h1')?.textContent.replace('¶', '').trim() === heading",
                arg=[f"/{path}", urls[f"{site_url}/{path}"]],
            )
            if path != "calculators/" and path.startswith("calculators/"):
                page.wait_for_function(ALL_WIDGETS_LIVE)
        page.wait_for_function(DIAGRAMS_DRAWN)
        search_finds(page, "consistent hashing", "/building-blocks/sharding/")
    finally:
        context.close()


def test_a_new_build_is_offered_and_reload_switches_to_it(browser: Browser, built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("pyodide", "python", "*.pdf", "*.apkg", "print_page"))
    with logging_site_server(site) as (origin, _):
        context = browser.new_context(service_workers="allow")
        try:
            page = context.new_page()
            page.set_default_timeout(60_000)
            page.goto(f"{origin}/")
            wait_until_controlled(page)
            prompt = page.get_by_role("status").filter(has_text="new version")
            expect(prompt).to_have_count(0)

            # Deploy "build 2": a changed home page, and the worker's manifest with its new revision.
            home = site / "index.html"
            changed_home = home.read_text(encoding="utf-8").replace("<head>", '<head><meta name="build" content="2">', 1)
            home.write_text(changed_home, encoding="utf-8")
            worker = site / "sw.js"
            old_manifest = worker.read_text(encoding="utf-8")
            text, count = re.subn(r'(\{url:"index\.html",revision:")[0-9a-f]+"', r'\g<1>build2"', old_manifest)
            assert count == 1, "the precache manifest's entry for index.html has changed shape"
            worker.write_text(text, encoding="utf-8")

            page.evaluate("async () => (await navigator.serviceWorker.getRegistration()).update()")
            expect(prompt).to_be_visible()
            # Until the reader accepts, the old build keeps answering.
            assert page.locator('meta[name="build"]').count() == 0
            with page.expect_navigation():
                prompt.get_by_role("button", name="Reload").click()
            expect(page.locator('meta[name="build"]')).to_have_count(1)
            expect(prompt).to_have_count(0)
        finally:
            context.close()


def test_a_first_visit_to_a_calculator_downloads_no_file_twice(browser: Browser, built_site: Path) -> None:
    with logging_site_server(built_site) as (origin, log):
        context = browser.new_context(service_workers="allow")
        try:
            page = context.new_page()
            page.set_default_timeout(180_000)  # a first visit precaches 16 MB, then starts Python
            page.goto(f"{origin}/{calculator_page('traffic')}")
            page.wait_for_function(ALL_WIDGETS_LIVE)
            wait_until_controlled(page)  # the whole site is precached by now
            wait_until_python_cached(page)
            assert log.downloaded_more_than_once() == {}
            for name in PYTHON_FILES:  # the worker's own downloads filled the runtime cache
                assert sum(path.endswith(name if name.startswith(".") else "/" + name) for path in log.downloaded) == 1, name
            assert "/sitemap.xml" in log.downloaded and "/search/search_index.json" in log.downloaded
        finally:
            context.close()
