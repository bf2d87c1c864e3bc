"""Every page that budgets the interview's phases uses the interview time calculator's split.

The split lives in ``calculators/interview_time.py``; pages quote it with
``estimate("interview_time", ...)``. This scan reads each page's source outside the calculators'
own pages and ``docs/problems/`` (written to their own contract), with macro calls removed but
Mermaid diagrams kept, and fails on a phase length, a phase's span ("15–30") or a checkpoint
("by minute 30") typed by hand that the calculator's 45- or 60-minute schedule does not give.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from calculators import evaluate
from calculators.interview_time import PHASES

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
REFERENCE_LENGTHS_MIN = (45, 60)
SCANNED_PAGES = sorted(page for page in DOCS.rglob("*.md") if not {"problems", "calculators"} & set(page.relative_to(DOCS).parts))

# How the pages name each phase (output key of the calculator → words in prose).
_PHASE_WORDS: dict[str, str] = {
    "requirements_s": r"requirements",
    "estimation_s": r"estimat\w*|numbers",
    "high_level_design_s": r"high-level design|diagram",
    "deep_dive_s": r"deep dive",
    "wrap_up_s": r"wrap-up",
}
_PHASE = re.compile("|".join(f"(?P<{key}>{words})" for key, words in _PHASE_WORDS.items()), re.IGNORECASE)
_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "ten": 10}
_COUNT = r"\d+|" + "|".join(_WORD_NUMBERS)
# "**5 minutes**", "5 min", "(10) minutes", "five minutes"; not "60-minute" (an interview length).
_LENGTH = re.compile(rf"\b\(?({_COUNT})\)?\**\s+min(?:ute)?s?\b", re.IGNORECASE)
_SPAN = re.compile(r"(?<![\d.])(\d+)\s*[–-]\s*(\d+)(?![\d.]|-minute)")
_CHECKPOINT = re.compile(r"\b(?:minute|by)\s+(\d+)\b", re.IGNORECASE)


def _number(text: str) -> int:
    return _WORD_NUMBERS.get(text.lower()) or int(text)


def _schedule(length_min: int) -> dict[str, tuple[int, int]]:
    """Each phase's (start, end) in minutes from the start of the interview, from the calculator."""
    result = evaluate("interview_time", {"length_minutes": str(length_min)})
    assert result["ok"], result["errors"]
    spans, start = {}, 0
    for key, _, _ in PHASES:
        end = start + round(result["values"][key] / 60)
        spans[key] = (start, end)
        start = end
    return spans


def _page_source(text: str) -> str:
    """Front matter, macro calls, HTML comments and code fences other than Mermaid removed."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)
    text = re.sub(r"^```(?!mermaid).*?^```", "", text, flags=re.DOTALL | re.MULTILINE)
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", "", text, flags=re.DOTALL)
    return re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)


def typed_phase_minutes(text: str) -> list[str]:
    """Phase lengths, spans and checkpoints in ``text`` that neither reference schedule gives.

    Each line is cut at every phase name; what follows a name, up to the next, is about that phase.
    In a phase page's "Time budget" section, a line's text before any name is about the page's phase.
    """
    schedules = [_schedule(length) for length in REFERENCE_LENGTHS_MIN]
    checkpoints = {minute for spans in schedules for span in spans.values() for minute in span}
    title = re.search(r"^# Phase \d+: (.*)$", text, flags=re.MULTILINE)
    page_phase = _PHASE.search(title.group(1)) if title else None
    in_budget = False
    wrong = []
    for line in _page_source(text).splitlines():
        if line.startswith("## "):
            in_budget = line.strip() == "## Time budget"
        mentions: list[tuple[int, re.Match[str]]] = [(m.start(), m) for m in _PHASE.finditer(line)]
        if page_phase and in_budget and (not mentions or mentions[0][0] > 0):
            mentions.insert(0, (0, page_phase))
        for (start_at, here), after in zip(mentions, [*mentions[1:], None], strict=False):
            key = next(name for name, matched in here.groupdict().items() if matched)
            segment = line[start_at : after[0] if after else len(line)]
            lengths = {end - start for spans in schedules for start, end in [spans[key]]}
            spans = {spans[key] for spans in schedules}
            for match in _LENGTH.finditer(segment):
                if _number(match.group(1)) not in lengths:
                    wrong.append(f"{key}: {match.group(0)!r} (calculator: {sorted(lengths)} min) — in: {line.strip()}")
            for match in _SPAN.finditer(segment):
                if (int(match.group(1)), int(match.group(2))) not in spans:
                    wrong.append(f"{key}: {match.group(0)!r} (calculator: {sorted(spans)}) — in: {line.strip()}")
            for match in _CHECKPOINT.finditer(segment):
                if int(match.group(1)) not in checkpoints:
                    wrong.append(f"{key}: {match.group(0)!r} (calculator: {sorted(checkpoints)}) — in: {line.strip()}")
    return wrong


@pytest.mark.parametrize("page", SCANNED_PAGES, ids=[str(p.relative_to(DOCS)) for p in SCANNED_PAGES])
def test_no_page_types_a_phase_budget_the_calculator_does_not_give(page: Path) -> None:
    wrong = typed_phase_minutes(page.read_text(encoding="utf-8"))
    assert not wrong, (
        f"{page.relative_to(ROOT)} types phase minutes that disagree with calculators/interview_time.py; "
        'quote them with estimate("interview_time", length_minutes=...):\n' + "\n".join(wrong)
    )


def test_scanner_flags_an_old_split_and_ignores_a_macro() -> None:
    spans = _schedule(45)
    requirements_min = spans["requirements_s"][1]
    stale = requirements_min + 4
    page = (
        f"About **{stale} minutes** in a 45-minute interview.\n"
        "Requirements {{ plan.requirements_s }} min.\n"
        f'```mermaid\nflowchart LR\n    R["Requirements<br/>45: {stale} min"]\n```\n'
        f"| Deep dive | {spans['deep_dive_s'][0]}–{spans['deep_dive_s'][1] + 3} |\n"
        f"Requirements done by minute {stale}.\n"
    )
    wrong = typed_phase_minutes(page.replace("About", "Requirements: about"))
    assert len(wrong) == 4, wrong
    budget = f"# Phase 1: Requirements\n\n## Time budget\n\nAbout **{stale} minutes** in a 45-minute interview.\n"
    assert len(typed_phase_minutes(budget)) == 1
    assert not typed_phase_minutes(budget.replace("## Time budget", "## Other"))
    assert not typed_phase_minutes(f"Requirements take {requirements_min} min; wrap up by minute 45.\n")
