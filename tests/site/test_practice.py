"""The built Practice pages: the cheat sheet shows what the calculators and the reference module
compute, and the study plan renders every item of its declaration."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from calculators import evaluate
from calculators.interview_time import PHASES
from calculators.reference import figure
from calculators.units import SECONDS_PER_DAY
from docs_build.practice import STUDY_PLAN_STORAGE_KEY, plan_items

pytestmark = pytest.mark.site
DOCS = Path(__file__).resolve().parents[2] / "docs"


def _article(site: Path, page: str) -> BeautifulSoup:
    article = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser").select_one("article")
    assert article is not None
    return article


def _rows(article: BeautifulSoup) -> list[list[str]]:
    return [[" ".join(cell.get_text().split()) for cell in row.select("td")] for row in article.select("tr")]


def test_cheat_sheet_phases_are_the_interview_time_split_for_45_and_60_minutes(built_site: Path) -> None:
    rows = {row[0]: row for row in _rows(_article(built_site, "practice/cheat-sheet")) if row}
    splits = [evaluate("interview_time", {"length_minutes": minutes})["display"] for minutes in ("45", "60")]
    for key, name, _ in PHASES:
        assert rows[name][1:3] == [splits[0][key], splits[1][key]], f"{name}: {rows[name]}"


def test_cheat_sheet_nines_are_the_availability_calculators(built_site: Path) -> None:
    rows = {row[0]: row for row in _rows(_article(built_site, "practice/cheat-sheet")) if row}
    for level in ("99%", "99.9%", "99.95%", "99.99%", "99.999%"):
        shown = evaluate("availability", {"target": level})["display"]
        expected = [shown["downtime_per_year_s"], shown["downtime_per_month_s"], shown["downtime_per_week_s"]]
        assert rows[level][1:] == expected, f"{level}: {rows[level]}"


def test_cheat_sheet_quotes_each_reference_figure_as_the_module_has_it(built_site: Path) -> None:
    source = (DOCS / "practice" / "cheat-sheet.md").read_text(encoding="utf-8")
    keys = sorted(set(re.findall(r'\bref(?:_number)?\("(\w+)"\)', source)))
    assert len(keys) >= 12
    text = " ".join(_article(built_site, "practice/cheat-sheet").get_text().split())
    for key in keys:
        assert figure(key).format() in text or figure(key).number_text() in text, key


def test_cheat_sheet_constants_come_from_the_calendar_and_the_traffic_calculator(built_site: Path) -> None:
    rows = {row[0]: row for row in _rows(_article(built_site, "practice/cheat-sheet")) if row}
    assert rows["Seconds in a day"][1] == f"{SECONDS_PER_DAY:,}"
    per_million = evaluate(
        "traffic",
        {
            "monthly_active_users": "1M",
            "daily_active_fraction": "100%",
            "requests_per_user_per_day": "1",
            "peak_multiplier": "1x",
        },
    )
    assert rows["1 million a day"][1:] == [per_million["display"]["average_rps"], per_million["rough"]["average_rps"]]
    assert "86400" not in (DOCS / "practice" / "cheat-sheet.md").read_text(encoding="utf-8").replace(",", "")


def test_study_plan_page_renders_every_item_with_a_working_link(built_site: Path) -> None:
    article = _article(built_site, "practice/study-plan")
    root = article.select_one(f'[data-study-plan][data-storage-key="{STUDY_PLAN_STORAGE_KEY}"]')
    assert root is not None
    boxes = root.select("label input[type=checkbox][data-plan-item]")
    assert [box["data-plan-item"] for box in boxes] == [item.target for item in plan_items()]
    for box in boxes:
        link = box.find_parent("label").select_one("a[href]")  # type: ignore[union-attr]
        assert link is not None and ".md" not in str(link["href"]), f"{box['data-plan-item']}: {link}"
