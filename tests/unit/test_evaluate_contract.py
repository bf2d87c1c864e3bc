"""The public API contract: shape of evaluate(), defaults, unknown ids, and a clear message per bad field."""

from __future__ import annotations

import ast
import json
import math
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

import pytest

import calculators
import calculators.evaluation
from calculators import REGISTRY, evaluate, evaluate_json
from calculators.fields import FieldKind
from calculators.units import QUOTED_INPUT_MAX_CHARS
from tests.helpers import HOSTILE_INPUTS

ALL_FIELDS = [(calc_id, f.name) for calc_id, c in REGISTRY.items() for f in c.fields]
RESULT_KEYS = {"ok", "values", "display", "errors", "read_as", "working", "rough", "tables", "charts"}
# Inputs that reach the paths which quote the reader's text back (an unknown unit, a long suffix).
ECHO_PRONE_INPUTS: dict[str, str] = {
    "markup-unit": "12 <b>bold</b>",
    "long-unit": "7 " + "z" * 40,
    "unit-with-quote": "3 it's",
}


def longest_shared_run(text: str, message: str) -> int:
    """Length of the longest piece of ``text`` that appears in ``message``."""
    best = 0
    for start in range(len(text)):
        length = best + 1
        while start + length <= len(text) and text[start : start + length] in message:
            best = length
            length += 1
    return best


@pytest.mark.parametrize("calc_id", list(REGISTRY))
def test_defaults_evaluate_and_every_output_is_present(calc_id: str) -> None:
    result = evaluate(calc_id, {})
    assert set(result) == RESULT_KEYS
    assert result["ok"] and result["errors"] == {}
    keys = [o.key for o in REGISTRY[calc_id].outputs]
    assert list(result["values"]) == keys and list(result["display"]) == keys
    # A spoken figure is left out only where it would repeat the shown one; the rest keep output order.
    assert list(result["rough"]) == [key for key in keys if key in result["rough"]]
    assert set(result["read_as"]) <= {f.name for f in REGISTRY[calc_id].fields}
    assert all(math.isfinite(v) for v in result["values"].values())
    json.dumps(result, allow_nan=False)
    assert evaluate(calc_id, REGISTRY[calc_id].defaults()) == result


def test_unknown_calculator_reports_under_underscore() -> None:
    result = evaluate("warp_drive", {})
    assert result["ok"] is False and list(result["errors"]) == ["_"]
    assert "warp_drive" in result["errors"]["_"]


def test_non_mapping_inputs_are_treated_as_missing() -> None:
    assert evaluate("traffic", None)["ok"]
    assert evaluate("traffic", ["not", "a", "mapping"])["ok"]  # type: ignore[arg-type]


BAD_INPUTS = {**HOSTILE_INPUTS, **ECHO_PRONE_INPUTS}


@pytest.mark.parametrize(("calc_id", "field_name"), ALL_FIELDS, ids=[f"{c}.{f}" for c, f in ALL_FIELDS])
@pytest.mark.parametrize("bad", list(BAD_INPUTS.values()), ids=list(BAD_INPUTS))
def test_every_field_names_itself_and_an_accepted_form(calc_id: str, field_name: str, bad: str) -> None:
    declared = REGISTRY[calc_id].field_index[field_name]
    result = evaluate(calc_id, {field_name: bad})
    if declared.optional and not bad.strip():
        assert result["ok"], "an optional field accepts empty text as 'not given'"
        return
    assert result["ok"] is False
    message = result["errors"][field_name]
    assert message.startswith(f"{declared.label}: ")
    assert ("such as" in message) or ("choose one of" in message)
    assert result["values"] == {} and result["display"] == {}
    # The contract: a message may quote a short fragment of the input (an unknown unit, say), never more.
    assert longest_shared_run(bad, message) <= QUOTED_INPUT_MAX_CHARS, message


def test_an_unknown_unit_is_quoted_short() -> None:
    message = evaluate("storage", {"item_bytes": ECHO_PRONE_INPUTS["long-unit"]})["errors"]["item_bytes"]
    assert "'zzzzzzzzzzz…'" in message


@pytest.mark.parametrize(("calc_id", "field_name"), ALL_FIELDS, ids=[f"{c}.{f}" for c, f in ALL_FIELDS])
def test_negative_values_are_rejected_where_meaningless(calc_id: str, field_name: str) -> None:
    declared = REGISTRY[calc_id].field_index[field_name]
    if declared.kind not in (FieldKind.CHOICE, FieldKind.PATTERN):
        assert declared.minimum is not None and declared.minimum >= 0, f"{calc_id}.{field_name} declares no non-negative minimum"
    # Every field, choices and patterns included, refuses a negative figure by name.
    result = evaluate(calc_id, {field_name: "-5"})
    assert result["ok"] is False and field_name in result["errors"]


def _failing(*_: object) -> Mapping[str, object]:
    raise ValueError("a drawing bug")


@pytest.mark.parametrize("part", ["tables", "charts"])
def test_a_failing_table_or_chart_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch, part: str) -> None:
    broken = {**REGISTRY, "backoff": replace(REGISTRY["backoff"], **{part: _failing})}
    monkeypatch.setattr(calculators.evaluation, "REGISTRY", broken)
    result = evaluate("backoff", {})
    assert result["ok"] is False and set(result) == RESULT_KEYS
    assert result["errors"]["_"].startswith(REGISTRY["backoff"].title) and "a drawing bug" in result["errors"]["_"]
    assert result["display"] == {} and result["tables"] == {} and result["charts"] == {}


def test_read_as_is_empty_for_literal_text_and_kept_beside_other_errors() -> None:
    assert evaluate("availability", {"target": "99.9%", "components": "99.9%, 99.95%"})["read_as"] == {}
    result = evaluate("traffic", {"daily_active_fraction": "0.5", "peak_multiplier": "lots"})
    assert result["ok"] is False and result["read_as"] == {"daily_active_fraction": "read as 50%"}


def test_evaluate_json_round_trips_and_survives_garbage() -> None:
    assert json.loads(evaluate_json(json.dumps({"id": "traffic", "inputs": {"peak_multiplier": "4x"}})))["ok"]
    for garbage in ["", "null", "[1]", "{", '{"id": 3}', '{"id": "traffic", "inputs": "x", "sizes": 9}']:
        parsed = json.loads(evaluate_json(garbage))
        assert set(parsed) == RESULT_KEYS


def test_package_is_stdlib_only_and_free_of_site_and_browser_imports() -> None:
    """Stdlib only, except that the flashcard scheduler may use the pure-Python wheels the build
    ships to the browser, pinned in requirements-pyodide.txt."""
    from docs_build.runtime import pinned_wheels

    package = Path(calculators.__file__).parent
    forbidden = {"mkdocs", "jinja2", "js", "pyodide", "markdown", "bs4", "playwright"}
    import sys

    stdlib = set(sys.stdlib_module_names)
    shipped = {pin.module_name for pin in pinned_wheels()}
    for source in package.rglob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                assert top not in forbidden, f"{source.name} imports {name}"
                allowed = top in stdlib or top == "calculators" or (source.name == "flashcard_schedule.py" and top in shipped)
                assert allowed, f"{source.name} imports non-stdlib {name}"
