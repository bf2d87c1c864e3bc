"""The Content-Security-Policy in a real Chromium: a live calculator, the Python bridge, search,
instant navigation, diagrams, copy buttons and the palette run under it with no violation; an
unhashed inline script, eval and blob: workers are refused; each source looser than 'self' is shown
to be needed. Every built page is walked under the policy by the axe test
(tests/browser/test_accessibility.py), which fails on any violation or refusal.

Violations are caught three ways: a ``securitypolicyviolation`` listener on every document, the
page's console, and every worker's log. A worker's refusals reach neither the page nor Playwright's
worker console (measured with Chromium 156 and Playwright 1.65), so the worker's log is read over
CDP: auto-attach to the page's workers, non-flattened, and enable ``Log`` in each.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, CDPSession, ConsoleMessage, Page, Route
from playwright.sync_api import Error as PlaywrightError

from docs_build.csp import HEADERS_FILE
from docs_build.serve import serve_site

pytestmark = pytest.mark.browser

# Runs before any page script, in every document the context opens.
VIOLATION_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => window.reportCspViolation({
  directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample,
  source: event.sourceFile, page: location.pathname,
}), true);
"""
# Chromium's words when it refuses something under a policy.
REFUSAL = re.compile(r"Content Security Policy|Refused to")
DIAGRAMS_DRAWN = (
    "() => [...document.querySelectorAll('.mermaid')]"
    ".every(block => block.tagName === 'DIV' && block.getBoundingClientRect().height > 0)"
)


@dataclass
class CspWatch:
    page: Page
    violations: list[dict[str, Any]] = field(default_factory=list)
    console_refusals: list[str] = field(default_factory=list)

    def reported(self) -> list[str]:
        return [repr(v) for v in self.violations] + self.console_refusals

    def clear(self) -> None:
        self.violations.clear()
        self.console_refusals.clear()


def _log_worker_refusals(session: CDPSession, refusals: list[str]) -> None:
    """Record what each worker of the session's page logs as a security error."""

    def on_attached(event: dict[str, Any]) -> None:
        for number, method in enumerate(("Log.enable", "Runtime.runIfWaitingForDebugger")):
            message = json.dumps({"id": number + 1, "method": method})
            try:
                session.send("Target.sendMessageToTarget", {"sessionId": event["sessionId"], "message": message})
            except PlaywrightError:  # the page moved on and the worker is gone before it ran anything
                return

    def on_message(event: dict[str, Any]) -> None:
        message = json.loads(event["message"])
        entry = message.get("params", {}).get("entry", {}) if message.get("method") == "Log.entryAdded" else {}
        if entry.get("source") == "security" or REFUSAL.search(entry.get("text", "")):
            refusals.append(f"worker {entry.get('url', '')}: {entry['text']}")

    session.on("Target.attachedToTarget", on_attached)
    session.on("Target.receivedMessageFromTarget", on_message)
    # Each new worker waits until its Log is on, so nothing it refuses at start is missed.
    session.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": False})


def watch_context(context: BrowserContext) -> CspWatch:
    """A page in ``context`` whose every CSP violation and refusal is recorded."""
    page = context.new_page()
    page.set_default_timeout(60_000)
    watch = CspWatch(page)
    context.expose_function("reportCspViolation", lambda violation: watch.violations.append(violation))
    context.add_init_script(VIOLATION_LISTENER)

    def on_console(message: ConsoleMessage) -> None:
        if REFUSAL.search(message.text):
            watch.console_refusals.append(f"page: {message.text}")

    page.on("console", on_console)
    _log_worker_refusals(context.new_cdp_session(page), watch.console_refusals)
    return watch


@pytest.fixture(scope="module")
def csp_watch(browser: Browser) -> Iterator[CspWatch]:
    """One context and one page for the module's tests (cheap); each test starts with no reports."""
    context = browser.new_context(service_workers="block")
    try:
        yield watch_context(context)
    finally:
        context.close()


@pytest.fixture
def watch(csp_watch: CspWatch) -> CspWatch:
    csp_watch.clear()
    return csp_watch


def page_urls(site_url: str, site: Path) -> list[str]:
    """Every built HTML page, by the address a reader uses."""
    paths = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    return [f"{site_url}/{path.removesuffix('index.html')}" for path in paths]


def test_live_features_run_under_the_policy(watch: CspWatch, site_url: str) -> None:
    page = watch.page
    # A calculator goes live (Pyodide in its worker, under the header) and recomputes.
    page.goto(f"{site_url}/calculators/traffic/")
    with page.expect_worker(lambda worker: worker.url.endswith("/calculators-worker.js")):
        page.locator('form[data-calculator="traffic"]').scroll_into_view_if_needed()
    page.wait_for_selector('form[data-calculator="traffic"][data-state="ready"]', timeout=120_000)
    before = page.text_content("output[data-output=daily_active_users]")
    page.fill('form[data-calculator="traffic"] input[name=monthly_active_users]', "3B")
    page.wait_for_function(
        "before => document.querySelector('output[data-output=daily_active_users]').textContent !== before", arg=before
    )
    # The widget's copy button, the palette toggle.
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.click('form[data-calculator="traffic"] [data-copy-markdown]')
    page.wait_for_function("() => document.querySelector('form[data-calculator]').dataset.copied !== undefined")
    page.locator("label.md-header__button[for^=__palette]:visible").first.click()
    # Search runs in Material's worker.
    page.click("input[data-md-component=search-query]")
    page.wait_for_function(
        "() => !/initiali[sz]ing/i.test(document.querySelector('.md-search-result__meta').textContent)", timeout=60_000
    )
    page.locator("input[data-md-component=search-query]").press_sequentially("sharding", delay=20)
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("Escape")
    # Instant navigation to a page with diagrams, and drawing them there.
    page.locator("a.md-nav__link[href$='interview/high-level-design/']").first.click()
    page.wait_for_url(re.compile(r"/interview/high-level-design/$"))
    page.wait_for_function(DIAGRAMS_DRAWN, timeout=60_000)
    # The Python bridge: a drill graded, a flashcard shown.
    page.goto(f"{site_url}/practice/drills/")
    page.wait_for_selector('[data-drill][data-state="ready"]', timeout=120_000)
    page.fill("[data-drill] input[name=answer]", "1")
    page.click("[data-drill] form[data-drill-answer] button[type=submit]")
    page.wait_for_function("() => document.querySelector('[data-drill] [data-drill-grade]').textContent.trim() !== ''")
    page.goto(f"{site_url}/practice/flashcards/")
    page.wait_for_selector('[data-flashcards][data-state="ready"]', timeout=120_000)
    # The study plan's ticks and a problem's practice timer.
    page.goto(f"{site_url}/practice/study-plan/")
    page.locator("[data-study-plan] input[data-plan-item]").first.check()
    page.goto(f"{site_url}/problems/url-shortener/")
    page.click('[data-practice-timer] [data-timer-action="start"]')
    page.wait_for_selector('[data-practice-timer][data-timer-state="running"]')
    assert watch.reported() == []


def test_an_unhashed_inline_script_and_a_blob_worker_are_refused(watch: CspWatch, site_url: str) -> None:
    page = watch.page
    page.goto(f"{site_url}/")
    outcome = page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.unhashedScriptRan = true";
          document.head.append(script);
          new Worker(URL.createObjectURL(new Blob(["postMessage(1)"], { type: "text/javascript" })));
          return { inlineRan: window.unhashedScriptRan === true };
        }"""
    )
    # (eval is not tried here: code Playwright evaluates is exempt from it; the worker probe below tries it.)
    assert outcome == {"inlineRan": False}
    page.wait_for_function("() => true")  # let the violation reports cross to Python
    directives = sorted({violation["directive"] for violation in watch.violations})
    assert directives == ["script-src-elem", "worker-src"], watch.violations
    assert any("inline script" in text for text in watch.console_refusals), watch.console_refusals


PROBE_WORKER = """
const outcomes = {};
try { eval("1"); outcomes.eval = "ran"; } catch (error) { outcomes.eval = error.name; }
// The smallest valid module: the magic number and version.
WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))
  .then(() => "compiled", (error) => error.name)
  .then((wasm) => { outcomes.wasm = wasm; return fetch("http://example.invalid/").then(() => "fetched", (e) => e.name); })
  .then((fetched) => { outcomes.fetch = fetched; postMessage(outcomes); });
"""


def probe_worker(browser: Browser, tmp_path: Path, headers_text: str) -> tuple[dict[str, str], list[str]]:
    """Run PROBE_WORKER from a server that sends ``headers_text`` as its ``_headers``: what the
    worker was allowed to do, and what its log said."""
    (tmp_path / HEADERS_FILE).write_text(headers_text, encoding="utf-8")
    (tmp_path / "index.html").write_text("<!doctype html><title>probe</title>", encoding="utf-8")
    (tmp_path / "probe-worker.js").write_text(PROBE_WORKER, encoding="utf-8")
    context = browser.new_context(service_workers="block")
    try:
        page = context.new_page()
        console: list[str] = []
        _log_worker_refusals(context.new_cdp_session(page), console)
        with serve_site(tmp_path) as origin:
            page.goto(f"{origin}/")
            outcomes: dict[str, str] = page.evaluate(
                "() => new Promise((resolve) => { new Worker('probe-worker.js').onmessage = (e) => resolve(e.data); })"
            )
        return outcomes, console
    finally:
        context.close()


def test_the_header_governs_workers_wasm_yes_eval_and_other_origins_no(
    browser: Browser, built_site: Path, tmp_path: Path
) -> None:
    outcomes, console = probe_worker(browser, tmp_path, (built_site / HEADERS_FILE).read_text(encoding="utf-8"))
    assert outcomes == {"eval": "EvalError", "wasm": "compiled", "fetch": "TypeError"}
    assert any(REFUSAL.search(text) for text in console), console  # and the refusal reached the worker's log


def test_wasm_unsafe_eval_is_what_lets_a_worker_compile(browser: Browser, built_site: Path, tmp_path: Path) -> None:
    headers = (built_site / HEADERS_FILE).read_text(encoding="utf-8")
    assert "'wasm-unsafe-eval'" in headers
    outcomes, _ = probe_worker(browser, tmp_path, headers.replace(" 'wasm-unsafe-eval'", ""))
    assert outcomes["wasm"] == "CompileError"


def test_mermaid_needs_unsafe_inline_styles(browser: Browser, site_url: str, built_site: Path) -> None:
    """The one source looser than hashes: without it Mermaid's runtime <style> and style
    attributes are refused. When this fails, Mermaid no longer needs it: drop it from docs_build/csp.py."""
    context = browser.new_context(service_workers="block")
    try:
        watch = watch_context(context)

        def stricter_page(route: Route) -> None:
            response = route.fetch()
            body = response.text().replace("style-src 'self' 'unsafe-inline'", "style-src 'self'", 1)
            route.fulfill(response=response, body=body)

        context.route(f"{site_url}/interview/high-level-design/", stricter_page)
        watch.page.goto(f"{site_url}/interview/high-level-design/")
        watch.page.wait_for_function("() => document.querySelector('div.mermaid') !== null", timeout=60_000)
        watch.page.wait_for_function("() => true")
        refused = {(violation["directive"], violation["source"].rsplit("/", 1)[-1]) for violation in watch.violations}
        assert ("style-src-elem", "mermaid.min.js") in refused, refused
        assert ("style-src-attr", "mermaid.min.js") in refused, refused
    finally:
        context.close()


def test_material_icons_need_data_images(browser: Browser, site_url: str) -> None:
    """img-src allows data: because Material's stylesheet draws its icons as data: SVG masks."""
    context = browser.new_context(service_workers="block")
    try:
        watch = watch_context(context)

        def stricter_page(route: Route) -> None:
            response = route.fetch()
            route.fulfill(response=response, body=response.text().replace("img-src 'self' data:", "img-src 'self'", 1))

        context.route(f"{site_url}/patterns/circuit-breaker/", stricter_page)
        watch.page.goto(f"{site_url}/patterns/circuit-breaker/")
        watch.page.wait_for_function("() => true")
        refused = {(violation["directive"], violation["blocked"]) for violation in watch.violations}
        assert ("img-src", "data") in refused, refused
    finally:
        context.close()
