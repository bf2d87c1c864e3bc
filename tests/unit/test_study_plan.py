"""The study plan's one declaration (docs_build/practice.py): every link lands on a page, every
problem is on it, the order is the one promised, and the rendered checklist carries one labelled,
keyed checkbox per item."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markdown import Markdown

from docs_build.practice import (
    PRACTICE_ANCHOR,
    STUDY_PLAN,
    STUDY_PLAN_STORAGE_KEY,
    StudyDay,
    StudyItem,
    plan_items,
    render_study_plan,
)

DOCS = Path(__file__).resolve().parents[2] / "docs"
PROBLEMS = sorted(f"problems/{path.name}" for path in (DOCS / "problems").glob("*.md") if path.name != "index.md")


def test_the_plan_is_fourteen_days_of_two_to_four_items() -> None:
    assert len(STUDY_PLAN) == 14
    for number, day in enumerate(STUDY_PLAN, start=1):
        assert day.goal.strip(), f"day {number} has no goal"
        assert 2 <= len(day.items) <= 4, f"day {number} has {len(day.items)} items"
        assert all(item.why.strip() for item in day.items), f"day {number} has an item without its reason"


@pytest.mark.parametrize("item", plan_items(), ids=lambda item: item.target)
def test_every_item_links_a_page_that_exists(item: StudyItem) -> None:
    assert item.page.endswith(".md") and not item.page.startswith("/"), item.page
    assert (DOCS / item.page).is_file(), f"{item.page} is not a page under docs/"


def test_every_problem_is_on_the_plan() -> None:
    assert len(PROBLEMS) == 20
    planned = {item.page for item in plan_items()}
    assert [problem for problem in PROBLEMS if problem not in planned] == []


def test_fundamentals_come_first_and_the_mocks_cheat_sheet_and_drills_last() -> None:
    first_day = {item.page.split("/")[0] for item in STUDY_PLAN[0].items}
    assert first_day == {"interview"}
    assert not any(item.page.startswith("problems/") for day in STUDY_PLAN[:4] for item in day.items)
    day_of = {item.target: number for number, day in enumerate(STUDY_PLAN, start=1) for item in day.items}
    assert day_of["interview/estimation.md"] <= 2
    last_days = range(len(STUDY_PLAN) - 1, len(STUDY_PLAN) + 1)
    assert day_of["practice/cheat-sheet.md"] in last_days
    assert day_of["practice/drills.md"] in last_days
    mocks = [item for item in plan_items() if item.mock]
    assert len(mocks) >= 2
    for mock in mocks:
        assert mock.page.startswith("problems/"), f"a mock interview needs a problem's timer: {mock.page}"
        assert mock.target == f"{mock.page}#{PRACTICE_ANCHOR}"
        assert day_of[mock.target] in last_days
        # A mock is sat cold: the problem is not read on an earlier day.
        assert [item.page for item in plan_items() if item.page == mock.page] == [mock.page]


def test_each_target_appears_once_so_each_tick_is_one_item() -> None:
    targets = [item.target for item in plan_items()]
    assert len(targets) == len(set(targets))
    repeated = (StudyDay("Twice", (StudyItem("problems/chat.md", "once"), StudyItem("problems/chat.md", "again"))),)
    with pytest.raises(ValueError, match=r"problems/chat\.md"):
        render_study_plan(DOCS, repeated)


def _rendered() -> BeautifulSoup:
    """The macro's output through Python-Markdown with the extensions the site uses for it."""
    markdown = Markdown(extensions=["md_in_html", "attr_list", "toc"])
    return BeautifulSoup(markdown.convert(render_study_plan(DOCS)), "html.parser")


def test_rendered_plan_has_one_labelled_keyed_checkbox_per_item() -> None:
    html = _rendered()
    root = html.select_one("[data-study-plan]")
    assert root is not None and root["data-storage-key"] == STUDY_PLAN_STORAGE_KEY
    boxes = root.select("input[type=checkbox][data-plan-item]")
    items = plan_items()
    assert [box["data-plan-item"] for box in boxes] == [item.target for item in items]
    for box, item in zip(boxes, items, strict=True):
        label = box.find_parent("label")
        assert label is not None, f"{item.target}: the checkbox is not inside its label"
        link = label.select_one("a[href]")
        assert link is not None and str(link["href"]).split("#")[0].endswith(item.page.split("/")[-1])
        assert item.why in label.get_text()
        # A mock's anchor is added by the script (the print page renames anchors; see _link).
        assert link.get("data-plan-hash") == (PRACTICE_ANCHOR if item.mock else None), item.target
    assert root.select_one("[data-plan-progress]").get_text() == f"0 of {len(items)} done"  # type: ignore[union-attr]
    assert root.select_one("button[data-plan-reset]") is not None


def test_rendered_days_are_headed_in_order_with_stable_anchors() -> None:
    headings = _rendered().select("section[data-plan-day] > h2")
    assert [heading.get("id") for heading in headings] == [f"day-{number}" for number in range(1, 15)]
    assert [re.sub(r"^Day \d+: ", "", heading.get_text()) for heading in headings] == [day.goal for day in STUDY_PLAN]
