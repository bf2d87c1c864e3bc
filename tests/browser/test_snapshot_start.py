"""A calculator page goes live from the build's memory snapshot; without a usable one it says why and
starts Python the plain way; Python starts while the page is idle, before any widget is on screen."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route

from calculators import evaluate
from docs_build.snapshot import SITE_SNAPSHOT_MANIFEST
from tests.browser.conftest import RequestLog
from tests.browser.test_widgets import assert_same_origin, form_selector, wait_outputs
from tests.helpers import calculator_page

pytestmark = pytest.mark.browser
Fault = Callable[[Path], tuple[str, Callable[[Route], None]]]  # the built site → a route pattern and its handler
STARTUP_TIMEOUT_MS = 180_000  # a plain start on a loaded two-core machine; never a pass/fail timing


def wait_live(page: Page, calc_id: str) -> dict[str, object]:
    page.wait_for_selector(f'{form_selector(calc_id)}[data-state="ready"]', state="attached", timeout=STARTUP_TIMEOUT_MS)
    timing: dict[str, object] = page.evaluate("window.calculatorsTiming")
    return timing


def test_calculator_page_goes_live_from_the_snapshot(page_and_log: tuple[Page, RequestLog], site_url: str) -> None:
    page, log = page_and_log
    page.goto(f"{site_url}/{calculator_page('traffic')}")
    assert wait_live(page, "traffic")["startedFrom"] == "snapshot"
    page.fill('[name="peak_multiplier"]', "5x")
    wait_outputs(page, "traffic", evaluate("traffic", {"peak_multiplier": "5x"})["display"])
    manifest = json.loads(page.evaluate(f"fetch('/{SITE_SNAPSHOT_MANIFEST.as_posix()}').then(r => r.text())"))
    assert [url for url in log.urls if url.endswith(".snapshot")] == [f"{site_url}/assets/python/{manifest['file']}"]
    if not manifest["unpackWheels"]:  # everything is in memory: no wheel is downloaded at all
        assert not [url for url in log.urls if url.endswith(".whl")]
    assert_same_origin(page, log)


def _missing(site_dir: Path) -> tuple[str, Callable[[Route], None]]:
    return "**/*.snapshot", lambda route: route.fulfill(status=404, body="not deployed")


def _not_a_snapshot(site_dir: Path) -> tuple[str, Callable[[Route], None]]:
    """The manifest names another file of the right recorded size (a host that rewrote or swapped it)."""
    wrong = site_dir / SITE_SNAPSHOT_MANIFEST.with_name("calculators.whl")
    manifest = {**json.loads((site_dir / SITE_SNAPSHOT_MANIFEST).read_text()), "file": wrong.name, "bytes": wrong.stat().st_size}
    return f"**/{SITE_SNAPSHOT_MANIFEST.name}", lambda route: route.fulfill(status=200, json=manifest)


@pytest.mark.parametrize(
    ("fault", "reason"), [(_missing, "HTTP 404"), (_not_a_snapshot, "header")], ids=["missing", "not-a-snapshot"]
)
def test_without_a_usable_snapshot_python_starts_the_plain_way(
    page_and_log: tuple[Page, RequestLog], site_url: str, built_site: Path, fault: Fault, reason: str
) -> None:
    page, log = page_and_log
    warnings: list[str] = []
    page.on("console", lambda message: warnings.append(message.text) if message.type == "warning" else None)
    page.context.route(*fault(built_site))
    page.goto(f"{site_url}/{calculator_page('availability')}")
    assert wait_live(page, "availability")["startedFrom"] == "plain"
    assert any("without the build's snapshot" in text and reason in text for text in warnings), warnings
    page.fill('[name="target"]', "99.95%")
    wait_outputs(page, "availability", evaluate("availability", {"target": "99.95%"})["display"])
    assert [url for url in log.urls if url.endswith("calculators.whl")], "a plain start unpacks the wheel"


def test_python_starts_while_the_page_is_idle(page_and_log: tuple[Page, RequestLog], site_url: str) -> None:
    page, _ = page_and_log
    page.set_viewport_size({"width": 390, "height": 700})  # a phone: the home page's widget is below the fold
    page.goto(f"{site_url}/")
    assert wait_live(page, "traffic")["startedFrom"] == "snapshot"
    assert page.evaluate(f"document.querySelector('{form_selector('traffic')}').getBoundingClientRect().top") > 700
