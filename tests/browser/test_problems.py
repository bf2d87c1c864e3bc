"""A problem page in a real Chromium: practice mode through the phases on a fake clock, folded
answers, the rubric kept across a reload, the preset widget live, and "Surprise me"."""

from __future__ import annotations

import itertools
import re

import pytest
from playwright.sync_api import Page, expect

from calculators import REGISTRY, evaluate
from calculators.interview_time import PHASES
from tests.browser.conftest import RequestLog
from tests.browser.test_widgets import assert_same_origin, form_selector, outputs_text, wait_outputs, wait_state
from tests.site.test_problems import CONTRACT_SECTIONS, SLUGS, front_matter

pytestmark = pytest.mark.browser

PRACTICE = "[data-practice-timer][data-problem]"


def written_problem() -> str:
    """The first problem in the nav whose page is written (chat or the news feed, once reworked)."""
    for slug in SLUGS:
        if isinstance(front_matter(slug).get("problem"), dict):
            return slug
    pytest.fail("no problem page carries a problem: block yet")


def phase_name(page: Page) -> str:
    return (page.text_content(f"{PRACTICE} [data-timer-phase]") or "").strip()


def test_practise_this_runs_the_phases_folds_the_answers_and_keeps_the_score(
    page_and_log: tuple[Page, RequestLog], site_url: str
) -> None:
    page, log = page_and_log
    slug = written_problem()
    minutes = front_matter(slug)["problem"]["minutes"]
    budget = evaluate("interview_time", {"length_minutes": str(minutes)})["values"]
    page.clock.install()
    page.goto(f"{site_url}/problems/{slug}/")

    # Folded on arrival; a click opens one; starting the timer folds it again.
    answers = page.locator("details.solution")
    assert answers.count() == len(CONTRACT_SECTIONS) - 1  # every section after the prompt
    assert page.locator("details.solution[open]").count() == 0
    first_answer = answers.first.locator("xpath=./*[not(self::summary)]").first
    expect(first_answer).to_be_hidden()
    answers.first.locator("summary").click()
    expect(first_answer).to_be_visible()
    page.click(f'{PRACTICE} [data-timer-action="start"]')
    expect(first_answer).to_be_hidden()
    assert page.get_attribute(PRACTICE, "data-timer-state") == "running"
    assert phase_name(page) == PHASES[0][1]
    current_checklist = page.locator(f"{PRACTICE} .practice-timer__phase--current .practice-timer__checklist")
    expect(current_checklist).to_be_visible()

    # Each phase lasts what interview_time says; the fake clock runs through them.
    for (key, _, _), (_, next_name, _) in itertools.pairwise(PHASES):
        page.clock.run_for(int(budget[key] * 1000) + 500)
        assert phase_name(page) == next_name
    rubric = page.locator(f"{PRACTICE} form[data-rubric]")
    expect(rubric).to_be_hidden()
    page.clock.run_for(int(budget[PHASES[-1][0]] * 1000) + 500)
    assert phase_name(page) == "Time is up"
    assert page.get_attribute(PRACTICE, "data-timer-state") == "done"
    expect(rubric).to_be_visible()

    # Marks are kept per problem in this browser and survive a reload.
    boxes = rubric.locator("input[data-rubric-item]")
    total = sum(len(items) for items in front_matter(slug)["problem"]["rubric"].values())
    assert boxes.count() == total
    boxes.nth(0).check()
    boxes.nth(total - 1).check()
    expect(rubric.locator("[data-rubric-score]")).to_have_text(f"Your score: 2 of {total} covered.")
    page.reload()
    expect(rubric).to_be_visible()
    expect(rubric.locator("[data-rubric-score]")).to_have_text(f"Your last score: 2 of {total} covered.")
    assert [boxes.nth(i).is_checked() for i in (0, 1, total - 1)] == [True, False, True]
    page.goto(f"{site_url}/problems/")
    expect(page.locator(f'[data-problem-score="{slug}"]')).to_have_text(f"2 of {total}")
    assert log.console_errors == []
    assert_same_origin(page, log)


def test_im_done_ends_early_and_shows_the_rubric(page_and_log: tuple[Page, RequestLog], site_url: str) -> None:
    page, log = page_and_log
    slug = written_problem()
    page.clock.install()
    page.goto(f"{site_url}/problems/{slug}/")
    page.click(f'{PRACTICE} [data-timer-action="start"]')
    page.click(f'{PRACTICE} [data-timer-action="next"]')
    assert phase_name(page) == PHASES[1][1]
    page.click(f'{PRACTICE} [data-timer-action="done"]')
    expect(page.locator(f"{PRACTICE} form[data-rubric]")).to_be_visible()
    assert page.get_attribute(PRACTICE, "data-timer-state") == "done"
    page.clock.run_for(60 * 60 * 1000)  # a stopped timer stays stopped
    assert phase_name(page) == "Time is up"
    assert log.console_errors == []


def test_preset_widget_goes_live_and_matches_evaluate_after_an_edit(page_and_log: tuple[Page, RequestLog], site_url: str) -> None:
    page, log = page_and_log
    slug = written_problem()
    inputs = REGISTRY["worksheet"].preset_inputs(slug)
    page.goto(f"{site_url}/problems/{slug}/")
    estimate = page.locator("h2#estimate + details.solution")
    estimate.locator("summary").click()
    page.locator(form_selector("worksheet")).scroll_into_view_if_needed()
    wait_state(page, "worksheet", "ready")
    assert outputs_text(page, "worksheet") == evaluate("worksheet", inputs)["display"]
    assert page.input_value(f"{form_selector('worksheet')} select[data-preset]") == slug
    edited = {**inputs, "daily_active_fraction": "10%" if inputs["daily_active_fraction"] != "10%" else "20%"}
    page.fill(f'{form_selector("worksheet")} [name="daily_active_fraction"]', edited["daily_active_fraction"])
    expected = evaluate("worksheet", edited)
    assert expected["ok"] and expected["display"] != evaluate("worksheet", inputs)["display"]
    wait_outputs(page, "worksheet", expected["display"])
    assert log.console_errors == []
    assert_same_origin(page, log)


def test_surprise_me_opens_a_problem_in_practice_mode(page_and_log: tuple[Page, RequestLog], site_url: str) -> None:
    page, log = page_and_log
    page.goto(f"{site_url}/problems/")
    listed = page.eval_on_selector_all("a.problem-link", "links => links.map(link => new URL(link.href).pathname)")
    assert listed, "the index lists no problem"
    page.click("a.problem-surprise")
    page.wait_for_url(re.compile(r"/problems/[\w-]+/#practice$"))
    assert page.evaluate("location.pathname") in listed
    page.wait_for_selector(f'{PRACTICE}[data-timer-state="running"]', state="attached")
    assert page.locator("details.solution[open]").count() == 0
    assert log.console_errors == []
    assert_same_origin(page, log)


def test_a_link_into_a_folded_answer_opens_it(page_and_log: tuple[Page, RequestLog], site_url: str) -> None:
    page, log = page_and_log
    slug = written_problem()
    page.goto(f"{site_url}/problems/{slug}/")
    heading_id = page.eval_on_selector("details.solution :is(h3, h4)[id]", "heading => heading.id")
    page.goto(f"{site_url}/problems/{slug}/#{heading_id}")
    expect(page.locator(f"[id='{heading_id}']")).to_be_visible()
    assert page.locator("details.solution[open]").count() == 1
    assert log.console_errors == []
