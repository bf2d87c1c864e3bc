"""mkdocs-macros entry point: the functions pages may call in ``{{ ... }}``.

Pages opt in with ``render_macros: true`` in their front matter.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from calculators import REGISTRY, evaluate
from calculators.reference import FIGURES, figure
from docs_build import tables
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


def ref(key: str) -> str:
    """A reference figure's typical value, e.g. ``5,000 writes/s``."""
    return figure(key).format()


def ref_range(key: str) -> str:
    """A reference figure's typical range, e.g. ``1,000–20,000 writes/s``."""
    return figure(key).range_text()


def ref_cite(key: str) -> str:
    """The figure with its range, source and year, for a first mention on a page."""
    quoted = figure(key)
    return f"{quoted.format()} (typically {quoted.range_text()}; {quoted.citation()})"


def ref_table(*keys: str) -> str:
    """Markdown table of reference figures (all of them when no key is given)."""
    chosen = [figure(key) for key in keys] if keys else list(FIGURES.values())
    lines = ["| Figure | Typical | Range | Source |", "|---|---|---|---|"]
    lines += [f"| {f.label} | {f.format()} | {f.range_text()} | {f.citation()} |" for f in chosen]
    return "\n".join(lines)


def define_env(env: Any) -> None:
    """Register the macros with mkdocs-macros."""
    widgets_on_page: dict[str, int] = defaultdict(int)

    def calculator(calc_id: str) -> str:
        """The live widget, pre-rendered with the defaults."""
        page = env.page.file.src_uri if env.page is not None else ""
        widgets_on_page[f"{page}:{calc_id}"] += 1
        return render_calculator(calc_id, widgets_on_page[f"{page}:{calc_id}"])

    env.macro(calculator)
    env.macro(estimate)
    for quote in (ref, ref_range, ref_cite, ref_table):
        env.macro(quote)
    env.macro(render_fields_table, "calculator_fields")
    env.macro(render_outputs_table, "calculator_outputs")
    env.macro(render_presets_table, "calculator_presets")
    env.macro(render_practice_timer, "practice_timer")
    env.macro(tables.downtime_table)
    env.macro(tables.glossary_table)
    env.variables["calculators"] = REGISTRY
