"""The Practice pages in a real Chromium: the study plan's ticks (keyboard, labels, count, reset)
survive a reload, Material's instant navigation and a lost network; the cheat sheet fits a phone."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from docs_build.practice import STUDY_PLAN_STORAGE_KEY, plan_items
from tests.browser.conftest import RequestLog

pytestmark = pytest.mark.browser

PLAN = "practice/study-plan/"
BOX = "[data-study-plan] input[data-plan-item]"
PROGRESS = "[data-study-plan] [data-plan-progress]"
RESET = "[data-study-plan] [data-plan-reset]"


def box(page: Page, target: str) -> Locator:
    return page.locator(f'{BOX}[data-plan-item="{target}"]')


def saved_targets(page: Page) -> list[str] | None:
    raw = page.evaluate("key => window.localStorage.getItem(key)", STUDY_PLAN_STORAGE_KEY)
    return None if raw is None else list(json.loads(raw)["done"])


def test_plan_ticks_survive_reload_and_instant_navigation(page_and_log: tuple[Page, RequestLog], site_url: str) -> None:
    page, log = page_and_log
    items = plan_items()
    total = len(items)
    page.goto(f"{site_url}/{PLAN}")
    expect(page.locator(PROGRESS)).to_have_text(f"0 of {total} done")
    assert page.locator(BOX).count() == total

    # Each mock opens its problem at #practice, where the timer starts.
    mock_links = page.eval_on_selector_all("a[data-plan-hash]", "links => links.map(a => new URL(a.href).pathname + a.hash)")
    slugs = [item.page.removeprefix("problems/").removesuffix(".md") for item in items if item.mock]
    assert mock_links == [f"/problems/{slug}/#practice" for slug in slugs]

    # Each checkbox is named by its own item's text (what axe's `label` rule asks for).
    boxes = page.locator(BOX)
    for index, item in enumerate(items):
        expect(boxes.nth(index)).to_have_accessible_name(re.compile(re.escape(item.why)))

    # Keyboard: Space ticks the focused box; Tab passes its link and reaches the next box.
    first, second = items[0].target, items[1].target
    box(page, first).focus()
    page.keyboard.press("Space")
    expect(box(page, first)).to_be_checked()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(box(page, second)).to_be_checked()
    page.keyboard.press("Space")  # and a second press unticks it
    expect(box(page, second)).not_to_be_checked()
    # A click on the label's own text (not its link) ticks too; so does a click on the box.
    middle = items[total // 2].target
    text = page.locator(f'label:has(input[data-plan-item="{middle}"]) .study-plan__text')
    size = text.bounding_box()
    assert size is not None
    text.click(position={"x": size["width"] - 3, "y": size["height"] - 3})
    mock = next(item.target for item in items if item.mock)
    box(page, mock).check()
    expect(page.locator(PROGRESS)).to_have_text(f"3 of {total} done")
    assert sorted(saved_targets(page) or []) == sorted([first, middle, mock])

    page.reload()
    expect(page.locator(PROGRESS)).to_have_text(f"3 of {total} done")
    checked = page.eval_on_selector_all(f"{BOX}:checked", "boxes => boxes.map(b => b.dataset.planItem)")
    assert sorted(checked) == sorted([first, middle, mock])

    # Away and back by instant navigation (no page load): the plan mounts again with its ticks.
    page.evaluate("() => { window.__sameDocument = true; }")
    page.locator("article a[href$='cheat-sheet/']").first.click()
    # navigation.tracking may add the anchor of the heading in view to the address.
    page.wait_for_url(re.compile(r"/practice/cheat-sheet/(#[\w-]*)?$"))
    expect(page.locator("article h1")).to_have_text(re.compile("Cheat sheet"))
    page.go_back(wait_until="commit")
    page.wait_for_url(re.compile(r"/practice/study-plan/(#[\w-]*)?$"))
    expect(page.locator(PROGRESS)).to_have_text(f"3 of {total} done")
    assert page.evaluate("() => window.__sameDocument === true"), "the navigation reloaded the page"
    expect(box(page, middle)).to_be_checked()
    box(page, middle).uncheck()
    expect(page.locator(PROGRESS)).to_have_text(f"2 of {total} done")

    # Reset forgets every tick, in the page and in storage.
    page.click(RESET)
    expect(page.locator(PROGRESS)).to_contain_text(f"0 of {total} done")
    assert saved_targets(page) is None
    expect(page.locator(RESET)).to_be_disabled()
    page.reload()
    assert page.locator(f"{BOX}:checked").count() == 0
    assert log.console_errors == []
    assert log.hosts() == {urlsplit(site_url).netloc}


def test_plan_ignores_a_corrupt_record_and_replaces_it(page_and_log: tuple[Page, RequestLog], site_url: str) -> None:
    page, log = page_and_log
    page.goto(f"{site_url}/{PLAN}")
    page.evaluate("key => window.localStorage.setItem(key, '{not json')", STUDY_PLAN_STORAGE_KEY)
    page.reload()
    total = len(plan_items())
    expect(page.locator(PROGRESS)).to_have_text(f"0 of {total} done")
    page.locator(BOX).last.check()
    assert saved_targets(page) == [plan_items()[-1].target]
    assert log.console_errors == []


def test_plan_keeps_ticks_offline(browser: Browser, site_url: str) -> None:
    """With the network gone, the page comes from the service worker and the ticks still persist."""
    context = browser.new_context(service_workers="allow")
    try:
        page = context.new_page()
        page.goto(f"{site_url}/{PLAN}")
        # Cached is not enough: a worker still installing does not answer the reload; wait until it is active.
        page.wait_for_function(
            """async () => !!(await navigator.serviceWorker.ready).active
                && !!(await caches.match(location.href))
                && !!(await caches.match(new URL('../../assets/javascripts/study-plan.min.js', location.href)))""",
            timeout=60_000,
            polling=250,
        )
        context.set_offline(True)
        page.reload()
        target = plan_items()[1].target
        box(page, target).check()
        page.reload()
        expect(box(page, target)).to_be_checked()
        expect(page.locator(PROGRESS)).to_have_text(f"1 of {len(plan_items())} done")
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_cheat_sheet_fits_a_390_px_phone(browser: Browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme, service_workers="block")
    try:
        page = context.new_page()
        page.goto(f"{site_url}/practice/cheat-sheet/")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
        # Material lets a wide table scroll inside its wrapper; none of these needs to.
        overflowing = page.eval_on_selector_all(
            ".cheat-sheet table",
            """tables => tables.filter((table) => {
                 const wrap = table.closest(".md-typeset__scrollwrap") || table.parentElement;
                 return wrap.scrollWidth > wrap.clientWidth + 1 || table.getBoundingClientRect().right > innerWidth;
               }).map((table) => table.innerText.slice(0, 40))""",
        )
        assert overflowing == []
    finally:
        context.close()
