"""mkdocs-macros entry point: the functions pages may call in ``{{ ... }}``.

Pages opt in with ``render_macros: true`` in their front matter.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from mkdocs.utils import get_relative_url

from calculators import REGISTRY, evaluate
from calculators.reference import FIGURES, GROUPS, LATENCY_HISTORY, figure
from docs_build import tables
from docs_build.drills_page import drill_band, render_drill
from docs_build.flashcards import SITE_ANKI_PATH, render_flashcards
from docs_build.practice import estimation_constants, render_study_plan
from docs_build.problems import ProblemError, load_problems, render_problem_practice, render_problems_index
from docs_build.widget import (
    render_calculator,
    render_fields_table,
    render_outputs_table,
    render_practice_timer,
    render_presets_table,
)


class Estimate(dict[str, Any]):
    """An evaluate() result whose parts read as attributes in Jinja.

    A plain dict would make ``estimate(...).values`` the dict method, not the values.
    """

    def __getattribute__(self, name: str) -> Any:
        if not name.startswith("_") and dict.__contains__(self, name):
            return dict.__getitem__(self, name)
        return super().__getattribute__(name)


def estimate(calc_id: str, preset: str = "", **raw_inputs: Any) -> Estimate:
    """Evaluate a calculator at build time, from a preset's inputs when one is named, with any
    inputs given here on top; a page that passes bad inputs or an unknown preset fails the build."""
    base = REGISTRY[calc_id].preset_inputs(preset) if preset else {}
    result = evaluate(calc_id, {**base, **{name: str(value) for name, value in raw_inputs.items()}})
    if not result["ok"]:
        raise ValueError(f"estimate({calc_id!r}, ...) failed: {result['errors']}")
    return Estimate(result)


def field_default(calc_id: str, field_name: str) -> str:
    """A calculator field's declared default, as the form shows it, so prose cannot drift from it."""
    for declared in REGISTRY[calc_id].fields:
        if declared.name == field_name:
            return declared.default
    raise KeyError(f"{calc_id} has no field {field_name!r}")


def ref(key: str) -> str:
    """A reference figure's typical value, e.g. ``5,000 writes/s``."""
    return figure(key).format()


def ref_number(key: str) -> str:
    """The typical value without its unit, for prose such as "5,000 writes a second"."""
    return figure(key).number_text()


def ref_value(key: str) -> float:
    """The typical value in SI base units, for arithmetic in a page: ``peak / ref_value(...)``."""
    return figure(key).value


def ref_range(key: str) -> str:
    """A reference figure's typical range, e.g. ``1,000–20,000 writes/s``."""
    return figure(key).range_text()


def ref_cite(key: str) -> str:
    """The figure with its range, source and year, for a first mention on a page."""
    quoted = figure(key)
    return f"{quoted.format()} (typically {quoted.range_text()}; {quoted.citation()})"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def ref_table(*keys: str, group: str = "") -> str:
    """Markdown table of reference figures: the keys given, or one group of ``GROUPS``, or all of them.

    The note column appears only when one of the chosen figures has a note.
    """
    if keys and group:
        raise ValueError("ref_table: give keys or a group, not both")
    chosen_keys = keys or (GROUPS[group] if group else tuple(FIGURES))
    chosen = [figure(key) for key in chosen_keys]
    notes = any(quoted.note for quoted in chosen)
    header = "| Figure | Typical | Range | Source |" + (" Note |" if notes else "")
    lines = [header, "|---|---|---|---|" + ("---|" if notes else "")]
    for quoted in chosen:
        row = f"| {_cell(quoted.label)} | **{quoted.format()}** | {quoted.range_text()} | {_cell(quoted.citation())} |"
        lines.append(row + (f" {_cell(quoted.note)} |" if notes else ""))
    return "\n".join(lines)


def latency_table() -> str:
    """The latency group beside what the c. 2012 list and Scott's 2020 extrapolation said."""
    lines = [
        "| Operation | c. 2012 (Dean, Norvig) | c. 2020 (Scott, extrapolated) | Typical today | Range today | Note |",
        "|---|---|---|---|---|---|",
    ]
    for key in GROUPS["latency"]:
        quoted = figure(key)
        then, scott = LATENCY_HISTORY.get(key, (None, None))
        old = [quoted.format(v) if v is not None else "—" for v in (then, scott)]
        lines.append(
            f"| {_cell(quoted.label)} | {old[0]} | {old[1]} | **{quoted.format()}** | {quoted.range_text()} "
            f"| {_cell(quoted.note)} |"
        )
    return "\n".join(lines)


#: Every estimate() a problem page made, written into the built site for tests/site/test_problems.py:
#: a figure on the page is legitimate when one of these produced it.
FIGURES_MANIFEST = "problems/figures.json"


def define_env(env: Any) -> None:
    """Register the macros with mkdocs-macros."""
    widgets_on_page: dict[str, int] = defaultdict(int)
    docs_dir = Path(env.conf["docs_dir"])
    problems = load_problems(docs_dir, env.conf["nav"])
    problem_by_page = {problem.src_uri: problem for problem in problems}
    figures_by_page: dict[str, list[dict[str, Any]]] = defaultdict(list)

    def current_page() -> str:
        return str(env.page.file.src_uri) if env.page is not None else ""

    def recorded_estimate(calc_id: str, preset: str = "", **raw_inputs: Any) -> Estimate:
        """estimate(), noting on problem pages what it produced."""
        result = estimate(calc_id, preset, **raw_inputs)
        page = current_page()
        if page.startswith("problems/"):
            figures_by_page[page].append({"calculator": calc_id, "preset": preset, "display": result["display"]})
        return result

    def calculator(calc_id: str, preset: str = "") -> str:
        """The live widget, pre-rendered with the defaults or with a preset's inputs."""
        page = current_page()
        widgets_on_page[f"{page}:{calc_id}"] += 1
        return render_calculator(calc_id, widgets_on_page[f"{page}:{calc_id}"], preset)

    def practice_this() -> str:
        """The "Practise this" control that leads a problem page: timer, phases, then the rubric."""
        page = current_page()
        if page not in problem_by_page:
            raise ProblemError(f"{page}: practice_this() needs a problem: block in the page's front matter")
        return render_problem_practice(problem_by_page[page])

    def problems_index() -> str:
        """The problems index table, from every problem page's front matter."""
        return render_problems_index(docs_dir, problems)

    def flashcards() -> str:
        """The flashcards widget, its first card pre-rendered, with the Anki download beside it."""
        return render_flashcards(get_relative_url(SITE_ANKI_PATH.as_posix(), str(env.page.url)))

    def study_plan() -> str:
        """The 14-day study plan with its checkboxes, from docs_build/practice.py's STUDY_PLAN."""
        return render_study_plan(docs_dir)

    def write_figures_manifest(_plugin: Any) -> None:
        target = Path(env.conf["site_dir"]) / FIGURES_MANIFEST
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(figures_by_page, sort_keys=True, ensure_ascii=False), encoding="utf-8")

    env.post_build_functions.append(write_figures_manifest)
    env.macro(calculator)
    env.macro(practice_this)
    env.macro(flashcards)
    env.macro(problems_index)
    env.macro(study_plan)
    env.macro(estimation_constants)
    env.macro(recorded_estimate, "estimate")
    env.macro(field_default)
    for quote in (ref, ref_number, ref_value, ref_range, ref_cite, ref_table, latency_table):
        env.macro(quote)
    env.macro(render_fields_table, "calculator_fields")
    env.macro(render_outputs_table, "calculator_outputs")
    env.macro(render_presets_table, "calculator_presets")
    env.macro(render_practice_timer, "practice_timer")
    env.macro(tables.downtime_table)
    env.macro(tables.glossary_table)
    env.macro(render_drill, "drill")
    env.macro(drill_band)
    env.variables["calculators"] = REGISTRY
