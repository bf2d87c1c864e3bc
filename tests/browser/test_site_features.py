"""Site features in a real Chromium: search finds the seed's topics, diagrams render from our own origin.
Offline reading is tested in test_offline.py."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import RequestLog

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("query", "expected_path"),
    [
        ("circuit breaker", "/patterns/circuit-breaker/"),
        ("RTO", "/interview/requirements/"),
        ("consistent hashing", "/building-blocks/sharding/"),
    ],
)
def test_search_finds_topics(page_and_log: tuple[Page, RequestLog], site_url: str, query: str, expected_path: str) -> None:
    page, _ = page_and_log
    page.goto(f"{site_url}/")
    page.click("input[data-md-component=search-query]")
    # The search worker builds its index first; a query typed before that is not run.
    page.wait_for_function(
        "() => !/initiali[sz]ing/i.test(document.querySelector('.md-search-result__meta').textContent)", timeout=60_000
    )
    page.locator("input[data-md-component=search-query]").press_sequentially(query, delay=20)  # typed, as a reader would
    page.wait_for_selector(".md-search-result__item")
    links = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
    assert any(urlsplit(link).path == expected_path for link in links), links[:5]


def test_diagrams_render_from_our_own_origin(page_and_log: tuple[Page, RequestLog], site_url: str) -> None:
    page, log = page_and_log
    page.goto(f"{site_url}/interview/high-level-design/")
    diagrams = page.locator(".mermaid").count()
    assert diagrams >= 3
    # Material draws each diagram into a closed shadow root: an unrendered block has no height.
    page.wait_for_function(
        "() => [...document.querySelectorAll('.mermaid')].every(block => block.tagName === 'DIV'"
        " && block.textContent.trim() === '' && block.getBoundingClientRect().height > 100)",
        timeout=30_000,
    )
    assert any(url.endswith("/assets/mermaid/mermaid.min.js") for url in log.urls)
    assert log.hosts() == {urlsplit(site_url).netloc}
    assert log.console_errors == []
