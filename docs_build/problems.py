"""The problem pages' front matter, read and checked once per build.

The problems index, each page's "Practise this" control and the "Where this comes up" lists on
building-block and pattern pages are all generated from the ``problem:`` block declared here.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from mkdocs.utils.meta import get_data

from calculators import REGISTRY, evaluate
from calculators.interview_time import CHECKLISTS, PHASES

__all__ = [
    "DIFFICULTIES",
    "MINUTES_ALLOWED",
    "PHASE_KEYS",
    "Problem",
    "ProblemError",
    "calculator_page",
    "concept_pages",
    "load_problems",
    "page_title",
    "problem_pages_in_nav",
    "render_problem_practice",
    "render_problems_index",
    "render_used_by",
    "timer_clock_html",
    "timer_phases_html",
]

PROBLEMS_DIR = "problems/"
INDEX_PAGE = "problems/index.md"
DIFFICULTIES: tuple[str, ...] = ("Easy", "Medium", "Hard")
MINUTES_ALLOWED: tuple[int, ...] = (45, 60)
#: Rubric keys: the interview_time phases without their unit suffix (requirements, estimation, ...).
PHASE_KEYS: tuple[str, ...] = tuple(key.removesuffix("_s") for key, _, _ in PHASES)
#: Concept pages get the reverse links; so does any other page a problem names as a concept.
CONCEPT_DIRS: tuple[str, ...] = ("building-blocks/", "patterns/", "concepts/", "technologies/")


class ProblemError(ValueError):
    """A problem page whose front matter breaks the contract; the message names page and field."""


@dataclass(frozen=True)
class Problem:
    """One problem page, as its front matter declares it."""

    src_uri: str  # e.g. "problems/chat.md"
    title: str  # the page's H1
    description: str
    difficulty: str
    minutes: int
    concepts: tuple[str, ...]  # docs paths, e.g. "patterns/fan-out.md"
    calculators: tuple[str, ...]  # REGISTRY ids
    rubric: Mapping[str, tuple[str, ...]]  # phase key -> what a strong answer covered

    @property
    def slug(self) -> str:
        return posixpath.splitext(posixpath.basename(self.src_uri))[0]


def calculator_page(calc_id: str) -> str:
    """A calculator's own page, as a docs path."""
    return f"calculators/{calc_id.replace('_', '-')}.md"


_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def page_title(docs_dir: Path, src_uri: str) -> str:
    """A page's title: its front matter ``title``, else its first H1, else its file name."""
    markdown, meta = get_data((docs_dir / src_uri).read_text(encoding="utf-8"))
    if isinstance(meta.get("title"), str):
        return str(meta["title"])
    heading = _H1.search(markdown)
    return heading.group(1) if heading else posixpath.splitext(posixpath.basename(src_uri))[0]


def nav_paths(nav: Any) -> Iterator[str]:
    """Every page path in a raw mkdocs ``nav`` setting, in order."""
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_paths(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_paths(value)


def problem_pages_in_nav(nav: Any, docs_dir: Path) -> list[str]:
    """The problem pages in nav order; a problem file left out of the nav is an error, not a gap."""
    listed = [path for path in nav_paths(nav) if path.startswith(PROBLEMS_DIR) and path != INDEX_PAGE]
    on_disk = {f"{PROBLEMS_DIR}{path.name}" for path in (docs_dir / PROBLEMS_DIR).glob("*.md")} - {INDEX_PAGE}
    missing = sorted(on_disk - set(listed))
    if missing:
        raise ProblemError(f"problem pages not in the mkdocs.yml nav: {', '.join(missing)}")
    return listed


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(item, str) and item.strip() for item in value):
        raise ProblemError(f'{where}: expected a non-empty list of strings, e.g. ["...", "..."]; got {value!r}')
    return tuple(item.strip() for item in value)


def parse_problem(src_uri: str, block: object, title: str, description: str, docs_dir: Path) -> Problem:
    """Check a page's ``problem:`` block against the contract; raise ProblemError naming the field."""
    where = f"{src_uri}: problem"
    if not isinstance(block, dict):
        raise ProblemError(f"{where}: expected a mapping with difficulty, minutes, concepts, calculators, rubric")
    difficulty = block.get("difficulty")
    if difficulty not in DIFFICULTIES:
        raise ProblemError(f"{where}.difficulty: expected one of {', '.join(DIFFICULTIES)}; got {difficulty!r}")
    minutes = block.get("minutes")
    if minutes not in MINUTES_ALLOWED or isinstance(minutes, bool):
        raise ProblemError(f"{where}.minutes: expected 45 or 60; got {minutes!r}")
    concepts = _strings(block.get("concepts"), f"{where}.concepts")
    for concept in concepts:
        if not concept.endswith(".md") or not (docs_dir / concept).is_file():
            raise ProblemError(f"{where}.concepts: {concept!r} is not a page under docs/ (e.g. patterns/fan-out.md)")
    calculators = _strings(block.get("calculators"), f"{where}.calculators")
    for calc_id in calculators:
        if calc_id not in REGISTRY:
            raise ProblemError(f"{where}.calculators: {calc_id!r} is not a calculator id (e.g. {', '.join(list(REGISTRY)[:3])})")
    rubric = block.get("rubric")
    if not isinstance(rubric, dict):
        raise ProblemError(f"{where}.rubric: expected a mapping with the phases {', '.join(PHASE_KEYS)}")
    unknown = sorted(set(rubric) - set(PHASE_KEYS))
    if unknown:
        raise ProblemError(f"{where}.rubric: unknown phases {unknown}; the phases are {', '.join(PHASE_KEYS)}")
    items = {key: _strings(rubric.get(key), f"{where}.rubric.{key}") for key in PHASE_KEYS}
    return Problem(src_uri, title, description, str(difficulty), int(minutes), concepts, calculators, items)


def load_problems(docs_dir: Path, nav: Any) -> list[Problem]:
    """Every problem page in nav order, checked; a page without a valid ``problem:`` block fails
    the build, naming the page and the field."""
    problems = []
    for src_uri in problem_pages_in_nav(nav, docs_dir):
        markdown, meta = get_data((docs_dir / src_uri).read_text(encoding="utf-8"))
        if "problem" not in meta:
            raise ProblemError(f"{src_uri}: no problem: block in the front matter (see PROBLEM_CONTRACT.md)")
        heading = _H1.search(markdown)
        if heading is None:
            raise ProblemError(f"{src_uri}: no '# Title' heading")
        problems.append(parse_problem(src_uri, meta["problem"], heading.group(1), str(meta.get("description", "")), docs_dir))
    return problems


def concept_pages(docs_dir: Path, problems: Iterable[Problem]) -> dict[str, list[Problem]]:
    """Each page that gets a "Where this comes up" list, with the problems that name it (nav order)."""
    pages: dict[str, list[Problem]] = {
        path.relative_to(docs_dir).as_posix(): []
        for directory in CONCEPT_DIRS
        for path in sorted((docs_dir / directory).glob("*.md"))
        if path.name != "index.md"
    }
    for problem in problems:
        for concept in problem.concepts:
            pages.setdefault(concept, []).append(problem)
    return pages


def _link(from_page: str, to_page: str) -> str:
    """A relative Markdown link target from one docs page to another."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def render_used_by(page: str, problems: Sequence[Problem]) -> str:
    """The "Where this comes up" section appended to a concept page, in Markdown."""
    lines = ["", "", "## Where this comes up", ""]
    if not problems:
        lines.append(
            f"No problem leans on this page yet; the [problems index]({_link(page, INDEX_PAGE)}) lists what each exercises."
        )
    for problem in problems:
        lines.append(
            f"- [{problem.title}]({_link(page, problem.src_uri)}) — {problem.difficulty.lower()}, {problem.minutes} minutes"
        )
    return "\n".join(lines) + "\n"


#: The heading of the generated last section of a problem page: the pages it leans on.
CONCEPTS_BEHIND_HEADING = "The concepts behind it"


def render_concepts_behind(docs_dir: Path, problem: Problem) -> str:
    """The section appended to a problem page: links to every page its front matter names as a concept,
    so a problem links to its concepts as each concept page's "Where this comes up" links back."""
    lines = ["", "", f"## {CONCEPTS_BEHIND_HEADING}", ""]
    for concept in problem.concepts:
        lines.append(f"- [{page_title(docs_dir, concept)}]({_link(problem.src_uri, concept)})")
    return "\n".join(lines) + "\n"


def render_problems_index(docs_dir: Path, problems: Sequence[Problem]) -> str:
    """The problems index: a Markdown table generated from every problem page's front matter."""
    if not problems:
        return "*No problem page is written yet.*"
    titles: dict[str, str] = {}

    def concept_link(concept: str) -> str:
        if concept not in titles:
            titles[concept] = page_title(docs_dir, concept)
        return f"[{titles[concept]}]({_link(INDEX_PAGE, concept)})"

    lines = [
        "| Problem | Difficulty | Concepts it exercises | Calculators | Your last score |",
        "|---|---|---|---|---|",
    ]
    for problem in problems:
        concepts = ", ".join(concept_link(concept) for concept in problem.concepts)
        calculators = ", ".join(
            f"[{REGISTRY[calc_id].title.lower()}]({_link(INDEX_PAGE, calculator_page(calc_id))})"
            for calc_id in problem.calculators
        )
        score = f'<span class="problem-score" data-problem-score="{escape(problem.slug)}">—</span>'
        lines.append(
            f"| [{problem.title}]({_link(INDEX_PAGE, problem.src_uri)}){{ .problem-link }}"
            f" | {problem.difficulty}, {problem.minutes} min | {concepts} | {calculators} | {score} |"
        )
    # The script points it at a random row's problem, at #practice so its timer starts; without
    # scripts there is no timer, and the button simply opens the first problem.
    surprise = (
        f"[Surprise me]({_link(INDEX_PAGE, problems[0].src_uri)}){{ .md-button .md-button--primary .problem-surprise }}"
        " opens a random problem with its timer running."
    )
    # md_in_html: the wrapper gives the table a class, so narrow screens can stack its rows.
    return f'{surprise}\n\n<div class="problems-index" markdown>\n\n' + "\n".join(lines) + "\n\n</div>\n"


def phase_seconds(minutes: int) -> dict[str, float]:
    """Each phase's length for an interview of ``minutes``, from the interview_time calculator [s]."""
    result = evaluate("interview_time", {"length_minutes": str(minutes)})
    if not result["ok"]:
        raise ProblemError(f"interview_time refused {minutes} minutes: {result['errors']}")
    return {key: float(result["values"][key]) for key, _, _ in PHASES}


def timer_clock_html() -> str:
    """The timer's readout: current phase, time left in it, time elapsed (the script fills them)."""
    return (
        '<p class="practice-timer__clock"><span data-timer-phase>Ready</span>'
        ' <span class="practice-timer__remaining" data-timer-remaining aria-live="off">–</span>'
        ' <span class="practice-timer__elapsed" data-timer-elapsed></span></p>'
    )


def timer_phases_html(seconds: Mapping[str, float] | None) -> str:
    """The timer's phases with what to cover in each; with ``seconds`` the lengths are fixed here,
    without them the script reads them from the interview_time widget on the same page."""
    phases = []
    for key, name, summary in PHASES:
        items = "".join(f'<li><label><input type="checkbox" data-check> {escape(item)}</label></li>' for item in CHECKLISTS[key])
        length = f' data-seconds="{seconds[key]:g}"' if seconds is not None else ""
        phases.append(
            f'<li class="practice-timer__phase" data-phase="{key}"{length}><strong>{escape(name)}</strong>'
            f' <span class="practice-timer__budget" data-budget></span>'
            f'<div class="practice-timer__detail"><p class="practice-timer__summary">{escape(summary)}</p>'
            f'<ul class="practice-timer__checklist">{items}</ul></div></li>'
        )
    return f'<ol class="practice-timer__phases">{"".join(phases)}</ol>'


def _rubric_html(problem: Problem) -> str:
    fieldsets = []
    for key, name, _ in PHASES:
        phase = key.removesuffix("_s")
        items = "".join(
            f'<li><label><input type="checkbox" data-rubric-item="{phase}.{number}"> {escape(item)}</label></li>'
            for number, item in enumerate(problem.rubric[phase])
        )
        fieldsets.append(f'<fieldset data-rubric-phase="{phase}"><legend>{escape(name)}</legend><ul>{items}</ul></fieldset>')
    return (
        '<form class="practice-rubric" data-rubric hidden tabindex="-1" aria-label="Score yourself">'
        '<p class="practice-rubric__title"><strong>Score yourself.</strong> Tick what your answer covered;'
        " your marks stay in this browser.</p>"
        f"{''.join(fieldsets)}"
        '<p class="practice-rubric__score" data-rubric-score role="status"></p>'
        '<p><button type="button" class="md-button" data-rubric-action="clear">Clear my marks</button></p></form>'
    )


def render_problem_practice(problem: Problem) -> str:
    """The "Practise this" control: a timer for the page's interview length, phase by phase, with
    the lengths computed here by interview_time, then the page's rubric to score yourself."""
    return (
        f'<section class="practice-timer practice-timer--problem" id="practice" data-practice-timer'
        f' data-problem="{escape(problem.slug)}" data-minutes="{problem.minutes}" aria-label="Practise this problem">'
        f'<p class="practice-timer__intro">A {problem.minutes}-minute mock interview. Work it on paper, phase by phase,'
        " before you open any answer below.</p>"
        '<p class="practice-timer__buttons">'
        '<button type="button" class="md-button md-button--primary" data-timer-action="start">Practise this</button> '
        '<button type="button" class="md-button" data-timer-action="next">Next phase</button> '
        '<button type="button" class="md-button" data-timer-action="done">I\'m done</button> '
        '<button type="button" class="md-button" data-timer-action="reset">Reset</button></p>'
        f"{timer_clock_html()}"
        '<p class="practice-timer__status" data-timer-status role="status"></p>'
        f"{timer_phases_html(phase_seconds(problem.minutes))}{_rubric_html(problem)}</section>"
    )
