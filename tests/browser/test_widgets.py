"""Every widget goes live in a real Chromium, matches native evaluate(), rejects bad input and recovers."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import Page

from calculators import REGISTRY, evaluate
from tests.browser.conftest import RequestLog
from tests.helpers import HOSTILE_INPUTS, calculator_page, edited_value

pytestmark = pytest.mark.browser
CALCULATOR_IDS = list(REGISTRY)


def form_selector(calc_id: str) -> str:
    return f'form[data-calculator="{calc_id}"]'


def wait_state(page: Page, calc_id: str, state: str) -> None:
    page.wait_for_selector(f'{form_selector(calc_id)}[data-state="{state}"]', state="attached")


def wait_outputs(page: Page, calc_id: str, expected: dict[str, str]) -> None:
    """Wait until every output of the first widget shows exactly the expected text."""
    page.wait_for_function(
        """([selector, expected]) => {
            const form = document.querySelector(selector);
            return Object.entries(expected).every(
                ([key, text]) => form.querySelector(`output[data-output="${key}"]`).textContent === text);
        }""",
        arg=[form_selector(calc_id), expected],
        timeout=15_000,
    )


def outputs_text(page: Page, calc_id: str) -> dict[str, str]:
    return page.eval_on_selector(
        form_selector(calc_id),
        "form => Object.fromEntries([...form.querySelectorAll('output[data-output]')]"
        ".map(o => [o.dataset.output, o.textContent]))",
    )


def assert_same_origin(page: Page, log: RequestLog) -> None:
    origin = urlsplit(page.url).netloc
    assert log.hosts() == {origin}, f"requests left the origin: {sorted(log.hosts() - {origin})}"


@pytest.mark.parametrize("calc_id", CALCULATOR_IDS)
def test_widget_goes_live_and_matches_native_evaluate(page_and_log: tuple[Page, RequestLog], site_url: str, calc_id: str) -> None:
    page, log = page_and_log
    page.goto(f"{site_url}/{calculator_page(calc_id)}")
    wait_state(page, calc_id, "ready")  # the widget is on screen: Python starts without any input
    assert outputs_text(page, calc_id) == evaluate(calc_id, {})["display"]

    edits: dict[str, str] = {}
    for declared in REGISTRY[calc_id].fields:
        value = edited_value(calc_id, declared.name)
        edits[declared.name] = value
        control = page.locator(f'{form_selector(calc_id)} [name="{declared.name}"]')
        if declared.choices:
            control.select_option(value)
        else:
            control.fill(value)
        expected = evaluate(calc_id, edits)
        if expected["ok"]:
            wait_outputs(page, calc_id, expected["display"])
        else:  # a combination of valid-looking edits may break a cross-field rule: that must show too
            wait_outputs(page, calc_id, {output.key: "—" for output in REGISTRY[calc_id].outputs})
    assert log.console_errors == []
    assert_same_origin(page, log)


@pytest.mark.parametrize("calc_id", CALCULATOR_IDS)
def test_every_field_rejects_bad_input_and_recovers(page_and_log: tuple[Page, RequestLog], site_url: str, calc_id: str) -> None:
    page, log = page_and_log
    page.goto(f"{site_url}/{calculator_page(calc_id)}")
    wait_state(page, calc_id, "ready")
    form = form_selector(calc_id)
    defaults = evaluate(calc_id, {})["display"]
    for declared in REGISTRY[calc_id].fields:
        if declared.choices:
            continue  # a select offers only valid options; hostile values reach it through the URL test
        control = page.locator(f'{form} [name="{declared.name}"]')
        error = page.locator(f'{form} [data-error-for="{declared.name}"]')
        for bad in HOSTILE_INPUTS.values():
            control.fill(bad)
            native = evaluate(calc_id, {declared.name: bad})
            if native["ok"]:
                continue  # e.g. "abc" is never ok, but an empty list field could be; evaluate decides
            page.wait_for_function(
                "([el, text]) => document.querySelector(el).textContent === text",
                arg=[f'{form} [data-error-for="{declared.name}"]', native["errors"][declared.name]],
            )
            message = error.text_content() or ""
            assert message.startswith(declared.label + ":") and "such as" in message
            assert control.get_attribute("aria-invalid") == "true"
            shown = " ".join(outputs_text(page, calc_id).values())
            assert set(outputs_text(page, calc_id).values()) == {"—"}
            assert not any(bad_word in shown for bad_word in ("NaN", "Infinity", "inf", "undefined"))
        control.fill(declared.default)
        wait_outputs(page, calc_id, defaults)
        assert control.get_attribute("aria-invalid") is None
        assert (error.text_content() or "") == ""
    assert page.locator("img[src='x']").count() == 0, "markup typed into a field must never become an element"
    assert log.console_errors == []
    assert_same_origin(page, log)


def test_url_state_restores_inputs_and_rejects_hostile_values(page_and_log: tuple[Page, RequestLog], site_url: str) -> None:
    page, log = page_and_log
    hostile = "<img src=x onerror=alert(1)>"
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    query = f"traffic.monthly_active_users=1B&traffic.peak_multiplier={quote(hostile)}"
    page.goto(f"{site_url}/{calculator_page('traffic')}?{query}")
    wait_state(page, "traffic", "ready")
    expected = evaluate("traffic", {"monthly_active_users": "1B", "peak_multiplier": hostile})
    page.wait_for_function(
        "([sel, text]) => document.querySelector(sel).textContent === text",
        arg=['[data-error-for="peak_multiplier"]', expected["errors"]["peak_multiplier"]],
    )
    assert page.input_value('[name="monthly_active_users"]') == "1B"
    assert page.input_value('[name="peak_multiplier"]') == hostile
    assert page.locator("img[src='x']").count() == 0 and dialogs == []
    page.fill('[name="peak_multiplier"]', "4x")
    fixed = evaluate("traffic", {"monthly_active_users": "1B", "peak_multiplier": "4x"})
    wait_outputs(page, "traffic", fixed["display"])
    # The address now carries the edited inputs, so the link reproduces the estimate.
    page.wait_for_function("() => location.search.includes('peak_multiplier=4x')")
    assert "monthly_active_users=1B" in page.url
    assert_same_origin(page, log)


def test_unit_choice_switches_sizes_and_rates_for_the_page(page_and_log: tuple[Page, RequestLog], site_url: str) -> None:
    page, log = page_and_log
    page.goto(f"{site_url}/{calculator_page('bandwidth')}")
    wait_state(page, "bandwidth", "ready")
    page.select_option('select[data-pref="sizes"]', "binary")
    page.select_option('select[data-pref="rates"]', "bytes")
    expected = evaluate("bandwidth", {}, sizes="binary", rates="bytes")
    wait_outputs(page, "bandwidth", expected["display"])
    assert "GiB/s" in expected["display"]["egress_bytes_per_s"].split(" (")[0]
    # The choice is page-wide and survives a reload through the address.
    page.wait_for_function("() => location.search.includes('sizes=binary')")
    page.reload()
    wait_state(page, "bandwidth", "ready")
    wait_outputs(page, "bandwidth", expected["display"])
    assert_same_origin(page, log)


def test_copy_as_markdown_gives_the_python_summary(page_and_log: tuple[Page, RequestLog], site_url: str) -> None:
    page, _ = page_and_log
    page.goto(f"{site_url}/{calculator_page('availability')}")
    wait_state(page, "availability", "ready")
    page.fill('[name="target"]', "4 nines")
    wait_outputs(page, "availability", evaluate("availability", {"target": "4 nines"})["display"])
    page.click("[data-copy-markdown]")
    page.wait_for_function("() => document.querySelector('form[data-calculator]').dataset.copied !== undefined")
    copied = page.eval_on_selector("form[data-calculator]", "form => form.dataset.copied")
    from calculators import to_markdown

    assert copied == to_markdown(
        "availability", {"target": "4 nines", "components": REGISTRY["availability"].field_index["components"].default}
    )


def test_runtime_survives_instant_navigation_and_starts_once(page_and_log: tuple[Page, RequestLog], site_url: str) -> None:
    page, log = page_and_log
    page.goto(f"{site_url}/{calculator_page('traffic')}")
    wait_state(page, "traffic", "ready")
    page.evaluate("window.__sameDocument = true")
    page.click('a[href$="/storage/"]:visible >> nth=0')  # the storage calculator, not object-storage/
    wait_state(page, "storage", "ready")
    assert page.evaluate("window.__sameDocument") is True, "instant navigation should not reload the page"
    page.fill('[name="item_bytes"]', "280 B")
    wait_outputs(page, "storage", evaluate("storage", {"item_bytes": "280 B"})["display"])
    wasm_loads = [url for url in log.urls if url.endswith("pyodide.asm.wasm")]
    snapshot_loads = [url for url in log.urls if url.endswith(".snapshot")]  # Python with the calculators in it
    assert len(wasm_loads) == 1 and len(snapshot_loads) == 1, (wasm_loads, snapshot_loads)
    assert_same_origin(page, log)


def test_pages_without_a_widget_download_no_pyodide(page_and_log: tuple[Page, RequestLog], site_url: str) -> None:
    page, log = page_and_log
    page.goto(f"{site_url}/reference/glossary/")
    page.wait_for_load_state("networkidle")
    assert page.locator("form[data-calculator]").count() == 0
    runtime = [url for url in log.urls if "/assets/pyodide/" in url or "/assets/python/" in url]
    assert runtime == []
    assert_same_origin(page, log)


def test_runtime_failure_keeps_prerendered_values_with_a_notice(page_and_log: tuple[Page, RequestLog], site_url: str) -> None:
    page, _ = page_and_log
    # The worker's own script fails to load, as when a host forgets to deploy assets/.
    page.route("**/calculators-worker.js", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(f"{site_url}/{calculator_page('availability')}")
    wait_state(page, "availability", "error")
    assert outputs_text(page, "availability") == evaluate("availability", {})["display"]
    notice = page.text_content('form[data-calculator="availability"] [data-status]') or ""
    assert "unavailable" in notice and "default inputs" in notice
    # The notice is plain text, never markup built from a message.
    assert page.locator('form[data-calculator="availability"] [data-status] *').count() == 0
    page.fill('[name="target"]', "99%")
    # An edit cannot be computed: the pre-rendered figures stay, each marked stale rather than blanked.
    assert page.get_attribute('output[data-output="downtime_per_year_s"]', "data-stale") == "true"
    assert outputs_text(page, "availability") == evaluate("availability", {})["display"]


def test_every_worksheet_preset_is_live_and_matches_native(page_and_log: tuple[Page, RequestLog], site_url: str) -> None:
    page, log = page_and_log
    page.goto(f"{site_url}/{calculator_page('worksheet')}")
    wait_state(page, "worksheet", "ready")
    sheet = REGISTRY["worksheet"]
    for preset in sheet.presets:
        page.select_option("select[data-preset]", preset.id)
        wait_outputs(page, "worksheet", evaluate("worksheet", sheet.preset_inputs(preset.id))["display"])
    # Editing after a preset makes the inputs the user's own, and an override flows downstream.
    page.fill('[name="peak_write_rps_override"]', "1M")
    edited = {**sheet.preset_inputs(sheet.presets[-1].id), "peak_write_rps_override": "1M"}
    wait_outputs(page, "worksheet", evaluate("worksheet", edited)["display"])
    assert page.input_value("select[data-preset]") == ""
    assert_same_origin(page, log)


def test_charts_are_redrawn_live_from_python_svg(page_and_log: tuple[Page, RequestLog], site_url: str) -> None:
    page, log = page_and_log
    page.goto(f"{site_url}/{calculator_page('backoff')}")
    wait_state(page, "backoff", "ready")
    chart = page.locator('figure[data-chart="schedule"] svg')
    assert chart.locator("rect").count() == 2 * 5  # pale range bar + dark bar per retry
    page.fill('[name="attempts"]', "9")
    wait_outputs(page, "backoff", evaluate("backoff", {"attempts": "9"})["display"])
    assert chart.locator("title").text_content() == "Wait before each retry (full jitter)"
    assert page.locator('figure[data-chart="schedule"] svg rect').count() == 2 * 8
    page.fill('[name="attempts"]', "zero")
    page.wait_for_function("() => document.querySelector('figure[data-chart=\"schedule\"]').childElementCount === 0")
    assert_same_origin(page, log)


def test_practice_timer_walks_the_phases_from_the_calculator(page_and_log: tuple[Page, RequestLog], site_url: str) -> None:
    page, log = page_and_log
    page.clock.install()
    page.goto(f"{site_url}/{calculator_page('interview_time')}")
    wait_state(page, "interview_time", "ready")
    page.fill('[name="length_minutes"]', "60")
    wait_outputs(page, "interview_time", evaluate("interview_time", {"length_minutes": "60"})["display"])
    page.click('[data-timer-action="start"]')
    page.clock.run_for(10 * 60 * 1000 + 1500)  # the 60-minute split gives requirements 10 minutes
    assert page.text_content("[data-timer-phase]") == "Estimation"
    page.click('[data-timer-action="next"]')
    assert page.text_content("[data-timer-phase]") == "High-level design"
    page.fill('[name="length_minutes"]', "abc")
    page.wait_for_function("() => document.querySelector('[data-timer-action=\"start\"]').disabled")
    assert "Fix the interview length" in (page.text_content("[data-timer-status]") or "")
    assert_same_origin(page, log)


def test_worksheet_link_with_a_hostile_choice_gets_a_field_error(page_and_log: tuple[Page, RequestLog], site_url: str) -> None:
    page, log = page_and_log
    hostile = '"><svg onload=alert(1)>'
    page.goto(
        f"{site_url}/{calculator_page('worksheet')}?worksheet.redundancy={quote(hostile)}&worksheet.monthly_active_users=1e400"
    )
    wait_state(page, "worksheet", "ready")
    expected = evaluate("worksheet", {"redundancy": hostile, "monthly_active_users": "1e400"})["errors"]
    for field_name in ("redundancy", "monthly_active_users"):
        page.wait_for_function(
            "([sel, text]) => document.querySelector(sel).textContent === text",
            arg=[f'[data-error-for="{field_name}"]', expected[field_name]],
        )
    assert set(outputs_text(page, "worksheet").values()) == {"—"}
    assert page.locator("svg[onload]").count() == 0
    page.select_option('[name="redundancy"]', "n+1")
    page.fill('[name="monthly_active_users"]', "200M")
    wait_outputs(page, "worksheet", evaluate("worksheet", {"redundancy": "n+1"})["display"])
    assert_same_origin(page, log)


def test_python_starts_only_when_a_widget_is_on_screen_if_the_reader_saves_data(
    page_and_log: tuple[Page, RequestLog], site_url: str
) -> None:
    page, log = page_and_log
    # The reader's "save data" choice, as Chromium reports it to the page (navigator.connection.saveData).
    page.add_init_script("Object.defineProperty(Navigator.prototype, 'connection', { get: () => ({ saveData: true }) })")
    page.set_viewport_size({"width": 390, "height": 700})  # a phone: the home page's widget is below the fold
    page.goto(f"{site_url}/")
    page.wait_for_load_state("networkidle")
    assert page.get_attribute(form_selector("traffic"), "data-state") == "static"
    assert not [url for url in log.urls if "/assets/pyodide/" in url or "/assets/python/" in url]
    page.locator(form_selector("traffic")).scroll_into_view_if_needed()
    wait_state(page, "traffic", "ready")
    page.fill('[name="peak_multiplier"]', "5x")
    wait_outputs(page, "traffic", evaluate("traffic", {"peak_multiplier": "5x"})["display"])
    assert_same_origin(page, log)


def read_as_text(page: Page, calc_id: str, field_name: str) -> str:
    return page.text_content(f'{form_selector(calc_id)} [data-read-as-for="{field_name}"]') or ""


def test_read_as_shows_how_a_field_was_read_and_clears(page_and_log: tuple[Page, RequestLog], site_url: str) -> None:
    page, log = page_and_log
    page.goto(f"{site_url}/{calculator_page('availability')}")
    wait_state(page, "availability", "ready")
    assert read_as_text(page, "availability", "target") == ""  # the default "99.9%" is literal
    page.fill('[name="target"]', "0.999")
    expected = evaluate("availability", {"target": "0.999"})
    assert expected["read_as"]["target"] == "read as 99.9%"
    page.wait_for_function(
        "([sel, text]) => document.querySelector(sel).textContent === text",
        arg=[f'{form_selector("availability")} [data-read-as-for="target"]', expected["read_as"]["target"]],
    )
    wait_outputs(page, "availability", expected["display"])
    assert expected["display"] == evaluate("availability", {"target": "99.9%"})["display"]
    # The spoken figures shown are evaluate's, and a left-out one leaves its slot empty.
    spoken = page.eval_on_selector(
        form_selector("availability"),
        "form => Object.fromEntries([...form.querySelectorAll('[data-rough-for]')]"
        ".map(slot => [slot.dataset.roughFor, slot.textContent]))",
    )
    assert spoken == {o.key: expected["rough"].get(o.key, "") for o in REGISTRY["availability"].outputs}
    # A note stays beside a good field while another field is wrong, and clears once the text is literal.
    page.fill('[name="components"]', "abc")
    page.wait_for_selector('[data-error-for="components"]:not(:empty)')
    assert read_as_text(page, "availability", "target") == "read as 99.9%"
    page.fill('[name="components"]', REGISTRY["availability"].field_index["components"].default)
    page.fill('[name="target"]', "99.9%")
    page.wait_for_function(
        "sel => document.querySelector(sel).textContent === ''",
        arg=f'{form_selector("availability")} [data-read-as-for="target"]',
    )
    assert_same_origin(page, log)


def test_bits_in_a_size_field_say_how_they_were_read(page_and_log: tuple[Page, RequestLog], site_url: str) -> None:
    page, log = page_and_log
    page.goto(f"{site_url}/{calculator_page('storage')}")
    wait_state(page, "storage", "ready")
    # 80 kb is 10 kB: a size whose results differ from the default's, so the wait sees the new evaluation.
    page.fill('[name="item_bytes"]', "80 kb")
    expected = evaluate("storage", {"item_bytes": "80 kb"})
    assert expected["display"] != evaluate("storage", {})["display"]
    wait_outputs(page, "storage", expected["display"])
    assert read_as_text(page, "storage", "item_bytes") == expected["read_as"]["item_bytes"]
    assert "bits" in expected["read_as"]["item_bytes"]
    assert_same_origin(page, log)


def test_status_line_names_bad_fields_in_form_order(page_and_log: tuple[Page, RequestLog], site_url: str) -> None:
    page, log = page_and_log
    page.goto(f"{site_url}/{calculator_page('traffic')}")
    wait_state(page, "traffic", "ready")
    fields = REGISTRY["traffic"].fields
    # Two fields whose names sort the other way round from the form: the JSON result's keys are sorted.
    first, second = next((a, b) for i, a in enumerate(fields) for b in fields[i + 1 :] if b.name < a.name)
    page.fill(f'[name="{first.name}"]', "abc")
    page.fill(f'[name="{second.name}"]', "abc")
    status = f"{form_selector('traffic')} [data-status]"
    page.wait_for_function(
        "([sel, a, b]) => { const text = document.querySelector(sel).textContent; return text.includes(a) && text.includes(b); }",
        arg=[status, first.label, second.label],
    )
    assert page.text_content(status) == f"Fix “{first.label}”, “{second.label}” to see results."
    assert_same_origin(page, log)
