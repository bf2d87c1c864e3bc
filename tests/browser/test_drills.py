"""The Drills page in a real Chromium: graded answers (right, wrong, malformed), seeded links, the session
summary across a reload, and drills offline after the first visit.

Every expected text comes from the drills module run natively for the same seed: nothing is typed in here.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from calculators import handle_json
from calculators.drills import AnswerKind, answer_for, make_drill
from docs_build.drills_page import FIRST_SEED
from tests.browser.conftest import RequestLog
from tests.browser.service_worker import wait_until_controlled, wait_until_python_cached

pytestmark = pytest.mark.browser

PANEL = "[data-drill]"
DRILLS_PATH = "/practice/drills/"


def native(request_type: str, **request: Any) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(handle_json(request_type, json.dumps(request)))
    return result


def answer_text(seed: int, level: int, factor: float = 1.0) -> str:
    """The worked answer for the seed times ``factor``, typed in the form its kind needs (a unit for rates and durations)."""
    drill = make_drill(seed, level=level)
    value = answer_for(drill) * factor
    kind = drill.template.answer_kind
    if kind is AnswerKind.RATE:
        return f"{value!r} B/s"
    if kind is AnswerKind.DURATION:
        return f"{value!r} s"
    return repr(value)


def wait_ready(page: Page) -> None:
    page.wait_for_selector(f'{PANEL}[data-state="ready"]', timeout=90_000)


def submit(page: Page, answer: str) -> None:
    page.fill(f"{PANEL} input[name=answer]", answer)
    page.click(f"{PANEL} form[data-drill-answer] button[type=submit]")


def test_answers_right_wrong_and_malformed_get_the_python_grades(page_and_log: tuple[Page, RequestLog], site_url: str) -> None:
    page, log = page_and_log
    seed, level = 2024, 2
    page.goto(f"{site_url}{DRILLS_PATH}#seed={seed}&level={level}")
    wait_ready(page)
    question = native("drills.question", seed=seed, level=level)["question"]
    expect(page.locator(f"{PANEL} [data-drill-prompt]")).to_have_text(question["prompt"])
    grade_line = page.locator(f"{PANEL} [data-drill-grade]")

    right = answer_text(seed, level)
    submit(page, right)
    expected = native("drills.grade", seed=seed, level=level, answer=right)
    expect(grade_line).to_have_text(expected["grade"]["summary"])
    assert expected["grade"]["band"] == "close"
    items = page.locator(f"{PANEL} [data-drill-working] li")
    expect(items).to_have_text(expected["working"])
    expect(page.locator(f"{PANEL} [data-drill-sensitivity] li")).to_have_text([row["text"] for row in expected["sensitivity"]])
    if expected["most_sensitive"]:
        expect(page.locator(f"{PANEL} [data-drill-most]")).to_contain_text(expected["most_sensitive"])

    wrong = answer_text(seed, level, factor=40)
    submit(page, wrong)
    expected_wrong = native("drills.grade", seed=seed, level=level, answer=wrong)
    assert expected_wrong["grade"]["band"] == "off"
    expect(grade_line).to_have_text(expected_wrong["grade"]["summary"])

    for malformed in ("", "lots", "3 parsecs"):
        submit(page, malformed)
        message = native("drills.grade", seed=seed, level=level, answer=malformed)["errors"]["answer"]
        expect(page.locator(f"{PANEL} [data-drill-error]")).to_have_text(message)
        expect(page.locator(f"{PANEL} [data-drill-result]")).to_be_hidden()
        expect(page.locator(f"{PANEL} input[name=answer]")).to_have_attribute("aria-invalid", "true")
    assert log.console_errors == []
    assert log.hosts() == {urlsplit(site_url).netloc}  # nothing leaves for another origin


def test_the_first_question_is_prerendered_and_a_seeded_link_shows_the_same_question(
    page_and_log: tuple[Page, RequestLog], site_url: str
) -> None:
    page, _ = page_and_log
    # Before any script runs: the build-time question for the first seed.
    page.route("**/drills.min.js", lambda route: route.abort())
    page.goto(f"{site_url}{DRILLS_PATH}")
    first = native("drills.question", seed=FIRST_SEED)["question"]
    expect(page.locator(f"{PANEL} [data-drill-prompt]")).to_have_text(first["prompt"])
    assert page.get_attribute(PANEL, "data-state") == "static"
    page.unroute("**/drills.min.js")

    seed, level, topic = 3_141_592_653, 2, "storage"
    page.goto(f"{site_url}/reference/glossary/")
    page.goto(f"{site_url}{DRILLS_PATH}#seed={seed}&level={level}&topic={topic}")
    wait_ready(page)
    question = native("drills.question", seed=seed, level=level, topic=topic)["question"]
    expect(page.locator(f"{PANEL} [data-drill-prompt]")).to_have_text(question["prompt"])
    expect(page.locator(f"{PANEL} [data-drill-ask]")).to_have_text(question["ask"])
    expect(page.locator(f"{PANEL} select[data-drill-filter=level]")).to_have_value(str(level))
    expect(page.locator(f"{PANEL} select[data-drill-filter=topic]")).to_have_value(topic)

    # "New question" draws another seed, keeps the filters and puts both in the URL.
    page.click(f"{PANEL} [data-drill-new]")
    page.wait_for_function("seed => !location.hash.includes('seed=' + seed + '&')", arg=seed)
    params = dict(part.split("=") for part in page.evaluate("location.hash").lstrip("#").split("&"))
    assert params["level"] == str(level) and params["topic"] == topic
    fresh = native("drills.question", seed=int(params["seed"]), level=level, topic=topic)["question"]
    expect(page.locator(f"{PANEL} [data-drill-prompt]")).to_have_text(fresh["prompt"])
    expect(page.locator(f"{PANEL} a[data-drill-link]")).to_have_attribute("href", page.evaluate("location.hash"))


def test_the_session_summary_survives_a_reload(page_and_log: tuple[Page, RequestLog], site_url: str) -> None:
    page, _ = page_and_log
    page.goto(f"{site_url}{DRILLS_PATH}#seed=11&level=1")
    wait_ready(page)
    answered = page.locator(f"{PANEL} [data-summary=answered]")
    expect(answered).to_have_text("0")
    submit(page, answer_text(11, 1))
    expect(page.locator(f"{PANEL} [data-drill-grade]")).to_have_attribute("data-band", "close")
    expect(answered).to_have_text("1")
    expect(page.locator(f"{PANEL} [data-summary=streak]")).to_have_text("1")
    # The same question again shows its grade but counts once.
    submit(page, "lots")
    expect(page.locator(f"{PANEL} [data-drill-result]")).to_be_hidden()
    submit(page, answer_text(11, 1))
    expect(page.locator(f"{PANEL} [data-drill-result]")).to_be_visible()
    expect(answered).to_have_text("1")

    page.goto(f"{site_url}{DRILLS_PATH}#seed=12&level=1")
    page.reload()
    wait_ready(page)
    submit(page, answer_text(12, 1, factor=10))
    expect(answered).to_have_text("2")
    expect(page.locator(f"{PANEL} [data-summary=streak]")).to_have_text("0")  # a miss ends the streak
    expect(page.locator(f"{PANEL} [data-summary=median]")).not_to_have_text("none yet")

    page.reload()
    wait_ready(page)
    expect(answered).to_have_text("2")
    page.click(f"{PANEL} [data-drill-reset]")
    expect(answered).to_have_text("0")


def test_drills_work_offline_after_the_first_visit(browser: Browser, site_url: str) -> None:
    context = browser.new_context(service_workers="allow")
    try:
        page = context.new_page()
        page.set_default_timeout(90_000)
        page.goto(f"{site_url}{DRILLS_PATH}")
        wait_ready(page)
        wait_until_controlled(page)
        wait_until_python_cached(page)
        context.set_offline(True)
        seed, level = 77_777, 1
        page.goto(f"{site_url}{DRILLS_PATH}?from=offline#seed={seed}&level={level}")
        wait_ready(page)
        question = native("drills.question", seed=seed, level=level)["question"]
        expect(page.locator(f"{PANEL} [data-drill-prompt]")).to_have_text(question["prompt"])
        answer = answer_text(seed, level)
        submit(page, answer)
        expected = native("drills.grade", seed=seed, level=level, answer=answer)
        expect(page.locator(f"{PANEL} [data-drill-grade]")).to_have_text(expected["grade"]["summary"])
    finally:
        context.close()
