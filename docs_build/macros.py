"""mkdocs-macros entry point: the functions pages may call in ``{{ ... }}``.

Pages opt in with ``render_macros: true`` in their front matter.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from calculators import REGISTRY, evaluate
from docs_build import tables
from docs_build.widget import render_calculator, render_fields_table, render_outputs_table


def estimate(calc_id: str, **raw_inputs: Any) -> dict[str, Any]:
    """Evaluate a calculator at build time; a page that passes bad inputs fails the build."""
    result = evaluate(calc_id, {name: str(value) for name, value in raw_inputs.items()})
    if not result["ok"]:
        raise ValueError(f"estimate({calc_id!r}, ...) failed: {result['errors']}")
    return result


def define_env(env: Any) -> None:
    """Register the macros with mkdocs-macros."""
    widgets_on_page: dict[str, int] = defaultdict(int)

    @env.macro  # type: ignore[untyped-decorator]
    def calculator(calc_id: str) -> str:
        """The live widget, pre-rendered with the defaults."""
        page = env.page.file.src_uri if env.page is not None else ""
        widgets_on_page[f"{page}:{calc_id}"] += 1
        return render_calculator(calc_id, widgets_on_page[f"{page}:{calc_id}"])

    env.macro(estimate)
    env.macro(render_fields_table, "calculator_fields")
    env.macro(render_outputs_table, "calculator_outputs")
    env.macro(tables.downtime_table)
    env.macro(tables.glossary_table)
    env.variables["calculators"] = REGISTRY
