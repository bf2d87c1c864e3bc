"""A real Chromium driven by Playwright. A missing browser fails the run: it is never skipped."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from docs_build.chromium import CHROMIUM_ARGS, ChromiumNotFoundError, chromium_executable


def chromium_path() -> str:
    try:
        return chromium_executable()
    except ChromiumNotFoundError as error:
        pytest.fail(str(error))


@pytest.fixture(scope="session", autouse=True)
def _site_is_built(built_site: object) -> None:
    """Browser tests talk to ``site_url``; make sure this worker's build exists first."""


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    launched = playwright.chromium.launch(executable_path=chromium_path(), args=list(CHROMIUM_ARGS))
    yield launched
    launched.close()


class RequestLog:
    """Every URL the page asked for, and console errors."""

    def __init__(self) -> None:
        self.urls: list[str] = []
        self.console_errors: list[str] = []

    def hosts(self) -> set[str]:
        from urllib.parse import urlsplit

        return {urlsplit(url).netloc for url in self.urls if urlsplit(url).scheme in ("http", "https", "ws", "wss")}


@pytest.fixture
def page_and_log(browser: Browser) -> Iterator[tuple[Page, RequestLog]]:
    # Service workers would answer some requests themselves, out of reach of page.route; the
    # offline test enables them on purpose.
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.set_default_timeout(60_000)
    log = RequestLog()
    context.on("request", lambda request: log.urls.append(request.url))
    page.on("console", lambda message: log.console_errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: log.console_errors.append(str(error)))
    yield page, log
    context.close()
