"""A calculator's inputs and results as Markdown, for pasting into notes (page button and CLI)."""

from __future__ import annotations

from collections.abc import Mapping

from calculators.evaluation import evaluate, parse_inputs, parse_request
from calculators.registry import REGISTRY

__all__ = ["markdown_json", "to_markdown"]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(calc_id: str, raw_inputs: Mapping[str, object], *, sizes: str = "decimal", rates: str = "bits") -> str:
    """Inputs, results and workings as a Markdown section; errors listed instead when inputs are bad.

    >>> print(to_markdown("availability", {"target": "99.99%"}).splitlines()[0])
    ### Availability
    """
    calculator = REGISTRY.get(calc_id)
    result = evaluate(calc_id, raw_inputs, sizes=sizes, rates=rates)
    if calculator is None:
        return f"Error: {result['errors']['_']}"
    lines = [f"### {calculator.title}", "", "| Input | Value |", "|---|---|"]
    values, _ = parse_inputs(calculator, raw_inputs)
    for declared in calculator.fields:
        shown = declared.format_value(values[declared.name]) if declared.name in values else "(invalid)"
        lines.append(f"| {_cell(declared.label)} | {_cell(shown)} |")
    lines.append("")
    if not result["ok"]:
        lines += [f"- {_cell(message)}" for message in result["errors"].values()]
        return "\n".join(lines) + "\n"
    lines += ["| Result | Value | Say | Working |", "|---|---|---|---|"]
    for output in calculator.outputs:
        key = output.key
        lines.append(
            f"| {_cell(output.label)} | {_cell(result['display'][key])} | {_cell(result['rough'].get(key, ''))} "
            f"| {_cell(result['working'].get(key, ''))} |"
        )
    for table in result["tables"].values():
        lines += ["", f"**{_cell(table['title'])}**", "", "| " + " | ".join(map(_cell, table["columns"])) + " |"]
        lines.append("|" + "---|" * len(table["columns"]))
        lines += ["| " + " | ".join(map(_cell, row)) + " |" for row in table["rows"]]
    if calculator.notes:
        lines += ["", *(f"- {note}" for note in calculator.notes)]
    return "\n".join(lines) + "\n"


def markdown_json(request: str) -> str:
    """Browser bridge for the "copy as Markdown" button: JSON request in, Markdown string out.

    >>> markdown_json("not json")
    'Error: The request is not valid JSON'
    """
    parsed = parse_request(request)
    if isinstance(parsed, str):
        return f"Error: {parsed}"
    return to_markdown(str(parsed.calc_id), parsed.inputs, sizes=parsed.sizes, rates=parsed.rates)
