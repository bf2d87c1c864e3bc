"""Widgets when the runtime is slow, dies or is replaced, and what a screen reader hears, in a real Chromium.

Every expected figure comes from native ``evaluate()``; the failures are real ones: the worker's own
thread is closed from inside it, and the WebAssembly download never answers.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Worker

from calculators import REGISTRY, evaluate
from tests.browser.conftest import RequestLog
from tests.browser.test_widgets import form_selector, outputs_text, wait_outputs, wait_state
from tests.helpers import calculator_page

pytestmark = pytest.mark.browser

# Elements a screen reader treats as live regions: an aria-live other than "off", a live role, or an
# <output> left with its implicit status role.
LIVE_REGIONS = """form => [...form.querySelectorAll('*')].filter(element => {
    const live = element.getAttribute('aria-live');
    if (live) return live !== 'off';
    const role = element.getAttribute('role');
    return ['status', 'alert', 'log', 'marquee', 'timer'].includes(role) || (element.tagName === 'OUTPUT' && !role);
}).length"""

# Test-side instrumentation of the real path: every evaluate request the page posts to its worker.
COUNT_EVALUATE_REQUESTS = """
window.__evaluateRequests = [];
const post = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (data, ...rest) {
    try {
        const message = JSON.parse(data);
        if (message.type === 'evaluate') window.__evaluateRequests.push(JSON.parse(message.request));
    } catch (_) {}
    return post.call(this, data, ...rest);
};
"""

# Counts every text change of the widget's live region, so a test can tell one announcement from many.
COUNT_ANNOUNCEMENTS = """form => {
    const region = form.querySelector('[data-announce]');
    window.__announcements = [];
    new MutationObserver(() => window.__announcements.push(region.textContent))
        .observe(region, {childList: true, characterData: true, subtree: true});
}"""

TEXT_IS = "([selector, text]) => document.querySelector(selector).textContent === text"


def headline(calc_id: str, display: dict[str, str]) -> str:
    """What the live region says for a good result: the first two results, label and shown value."""
    return "; ".join(f"{output.label}: {display[output.key]}" for output in REGISTRY[calc_id].outputs[:2])


def python_worker(page: Page) -> Worker:
    workers = [worker for worker in page.workers if worker.url.endswith("/calculators-worker.js")]
    assert len(workers) == 1, [worker.url for worker in page.workers]
    return workers[0]


def derived_slots(page: Page, calc_id: str) -> list[tuple[str, str | None]]:
    """Every derived line of the widget (outputs, "Say:" lines, workings) and its data-stale mark."""
    return page.eval_on_selector(
        form_selector(calc_id),
        """form => [...form.querySelectorAll('output[data-output], [data-rough-for], [data-working-for]')]
            .filter(slot => slot.textContent !== '')
            .map(slot => [slot.textContent, slot.getAttribute('data-stale')])""",
    )


def test_one_live_region_per_widget_speaks_once_typing_pauses(page_and_log: tuple[Page, RequestLog], site_url: str) -> None:
    page, _ = page_and_log
    # The worksheet carries the most fields and results; its outputs and error slots are not live.
    page.route("**/calculators-worker.js", lambda route: route.fulfill(status=404, body="not needed here"))
    page.goto(f"{site_url}/{calculator_page('worksheet')}")
    assert page.eval_on_selector(form_selector("worksheet"), LIVE_REGIONS) == 1
    assert page.locator(f"{form_selector('worksheet')} output[aria-live='off']").count() == len(REGISTRY["worksheet"].outputs)
    page.unroute("**/calculators-worker.js")

    page.add_init_script(COUNT_EVALUATE_REQUESTS)
    page.goto(f"{site_url}/{calculator_page('servers')}")
    form = form_selector("servers")
    assert page.eval_on_selector(form, LIVE_REGIONS) == 1
    wait_state(page, "servers", "ready")
    page.eval_on_selector(form, COUNT_ANNOUNCEMENTS)

    # Typed one key at a time, every prefix a valid figure: the widget ends on the final text's result.
    typed = "123457"
    field = page.locator(f'{form} [name="peak_rps"]')
    field.fill("")
    field.press_sequentially(typed, delay=40)
    expected = evaluate("servers", {"peak_rps": typed})
    wait_outputs(page, "servers", expected["display"])
    region = f"{form} [data-announce]"
    page.wait_for_function(TEXT_IS, arg=[region, headline("servers", expected["display"])])
    announcements = page.evaluate("window.__announcements")
    assert 1 <= len(announcements) < len(typed) + 1, announcements  # not one per keystroke

    # One select change is one evaluation, not one per event it fires.
    sent_before = page.evaluate("window.__evaluateRequests.length")
    page.select_option(f'{form} [name="redundancy"]', "x2")
    both = {"peak_rps": typed, "redundancy": "x2"}
    wait_outputs(page, "servers", evaluate("servers", both)["display"])
    requests = page.evaluate("window.__evaluateRequests")[sent_before:]
    assert [request["inputs"]["redundancy"] for request in requests] == ["x2"]

    # An error is announced through the same region, with the message shown beside its field.
    field.fill("lots")
    message = evaluate("servers", {"peak_rps": "lots"})["errors"]["peak_rps"]
    page.wait_for_function(TEXT_IS, arg=[region, message])
    assert page.text_content(f'{form} [data-error-for="peak_rps"]') == message
    described = page.get_attribute(f'{form} [name="peak_rps"]', "aria-describedby")
    assert described == "calc-servers-peak_rps-help calc-servers-peak_rps-error"


def test_a_worker_that_dies_mid_request_settles_and_try_again_recovers(
    page_and_log: tuple[Page, RequestLog], site_url: str
) -> None:
    page, log = page_and_log
    page.goto(f"{site_url}/{calculator_page('availability')}")
    form = form_selector("availability")
    wait_state(page, "availability", "ready")
    page.fill('[name="target"]', "99.99%")
    computed = evaluate("availability", {"target": "99.99%"})["display"]
    wait_outputs(page, "availability", computed)

    # The worker's thread ends from inside, as a crash ends it, while busy: requests sent meanwhile are never answered.
    python_worker(page).evaluate("setTimeout(() => { const end = Date.now() + 2500; while (Date.now() < end); close(); })")
    page.evaluate(
        "() => { window.__bridge = window.handbookPython.call('evaluate', {id: 'availability', inputs: {}})"
        ".then(() => 'resolved', error => 'rejected: ' + error.message); }"
    )
    page.fill('[name="target"]', "99.5%")  # an edit whose evaluation is in flight when the worker dies
    wait_state(page, "availability", "error")
    assert page.evaluate("window.__bridge") == "rejected: the Python worker stopped"
    # The figures shown before the crash stay, marked as not computed for the edited input.
    assert outputs_text(page, "availability") == computed
    assert {mark for _, mark in derived_slots(page, "availability")} == {"true"}
    status = page.text_content(f"{form} [data-status]") or ""
    assert "unavailable" in status and "not live" in status
    assert page.text_content(f"{form} [data-announce]") == status
    assert page.get_attribute(f"{form} .calculator__results", "aria-describedby") == "calc-availability-status"

    page.click(f"{form} [data-retry]")
    wait_state(page, "availability", "ready")
    wait_outputs(page, "availability", evaluate("availability", {"target": "99.5%"})["display"])
    assert {mark for _, mark in derived_slots(page, "availability")} == {None}
    assert page.locator(f"{form} [data-retry]").is_hidden()
    assert page.evaluate("window.handbookPython.call('evaluate', {id: 'availability', inputs: {}})")["ok"] is True
    assert len([url for url in log.urls if url.endswith("/calculators-worker.js")]) == 2, "Try again starts a fresh worker"
    assert log.console_errors == []


def test_startup_time_out_ends_the_worker_and_a_link_shows_not_yet_recomputed(
    page_and_log: tuple[Page, RequestLog], site_url: str
) -> None:
    page, log = page_and_log
    page.clock.install()
    page.route("**/pyodide.asm.wasm", lambda route: None)  # the download never answers
    link_inputs = {"target": "99.99%"}
    page.goto(f"{site_url}/{calculator_page('availability')}?availability.target=99.99%25")
    form = form_selector("availability")
    wait_state(page, "availability", "loading")
    assert page.input_value(f'{form} [name="target"]') == "99.99%"
    # Until Python recomputes them, every derived line is for the defaults: each is marked, and the status says so.
    defaults = evaluate("availability", {})
    assert outputs_text(page, "availability") == defaults["display"]
    assert {mark for _, mark in derived_slots(page, "availability")} == {"true"}
    assert (page.text_content(f"{form} [data-status]") or "").startswith("Not yet recomputed")
    assert page.get_attribute(f"{form} .calculator__results", "aria-describedby") == "calc-availability-status"

    # The timed-out worker is terminated, not left running for the tab.
    with python_worker(page).expect_event("close", timeout=15_000):
        page.clock.fast_forward(91_000)
    wait_state(page, "availability", "error")
    assert "did not start in time" in (page.text_content(f"{form} [data-status]") or "")
    assert {mark for _, mark in derived_slots(page, "availability")} == {"true"}

    page.unroute("**/pyodide.asm.wasm")
    page.click(f"{form} [data-retry]")
    wait_state(page, "availability", "ready")
    wait_outputs(page, "availability", evaluate("availability", link_inputs)["display"])
    assert {mark for _, mark in derived_slots(page, "availability")} == {None}
    assert page.get_attribute(f"{form} .calculator__results", "aria-describedby") is None
    assert urlsplit(page.url).netloc in log.hosts()


def test_unit_choice_is_read_on_every_instant_navigation_and_written_into_the_link(
    page_and_log: tuple[Page, RequestLog], site_url: str
) -> None:
    page, _ = page_and_log
    page.goto(f"{site_url}/{calculator_page('traffic')}")
    wait_state(page, "traffic", "ready")
    page.evaluate("window.__sameDocument = true")
    # Another tab chose binary sizes; the next page opened by instant navigation must follow it.
    page.evaluate("localStorage.setItem('handbook.calculator-units', JSON.stringify({sizes: 'binary'}))")
    page.click('a[href$="/storage/"]:visible >> nth=0')
    wait_state(page, "storage", "ready")
    assert page.evaluate("window.__sameDocument") is True, "instant navigation should not reload the page"
    assert page.input_value('select[data-pref="sizes"]') == "binary"
    assert "sizes=binary" in page.url, "the link carries the choice before any edit"
    wait_outputs(page, "storage", evaluate("storage", {}, sizes="binary")["display"])

    # A link carrying a choice, followed by instant navigation, wins over the stored one.
    page.evaluate(
        """() => { const link = document.createElement('a');
            link.href = new URL('../bandwidth/?rates=bytes', location.href).href; link.id = 'to-bandwidth';
            link.textContent = 'bandwidth'; document.querySelector('article').prepend(link); }"""
    )
    page.click("#to-bandwidth")
    wait_state(page, "bandwidth", "ready")
    assert page.evaluate("window.__sameDocument") is True
    assert page.input_value('select[data-pref="rates"]') == "bytes"
    assert page.input_value('select[data-pref="sizes"]') == "binary"
    assert "rates=bytes" in page.url and "sizes=binary" in page.url
    wait_outputs(page, "bandwidth", evaluate("bandwidth", {}, sizes="binary", rates="bytes")["display"])
