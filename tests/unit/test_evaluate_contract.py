"""The public API contract: shape of evaluate(), defaults, unknown ids, and a clear message per bad field."""

from __future__ import annotations

import ast
import json
import math
from pathlib import Path

import pytest

import calculators
from calculators import REGISTRY, evaluate, evaluate_json
from calculators.fields import FieldKind
from tests.helpers import HOSTILE_INPUTS

ALL_FIELDS = [(calc_id, f.name) for calc_id, c in REGISTRY.items() for f in c.fields]
RESULT_KEYS = {"ok", "values", "display", "errors", "working", "rough", "tables", "charts"}


@pytest.mark.parametrize("calc_id", list(REGISTRY))
def test_defaults_evaluate_and_every_output_is_present(calc_id: str) -> None:
    result = evaluate(calc_id, {})
    assert set(result) == RESULT_KEYS
    assert result["ok"] and result["errors"] == {}
    keys = [o.key for o in REGISTRY[calc_id].outputs]
    assert list(result["values"]) == keys and list(result["display"]) == keys and list(result["rough"]) == keys
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


@pytest.mark.parametrize(("calc_id", "field_name"), ALL_FIELDS, ids=[f"{c}.{f}" for c, f in ALL_FIELDS])
@pytest.mark.parametrize("bad", list(HOSTILE_INPUTS.values()), ids=list(HOSTILE_INPUTS))
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
    assert bad not in message or bad == "", "messages never echo raw input back"


@pytest.mark.parametrize(("calc_id", "field_name"), ALL_FIELDS, ids=[f"{c}.{f}" for c, f in ALL_FIELDS])
def test_negative_values_are_rejected_where_meaningless(calc_id: str, field_name: str) -> None:
    declared = REGISTRY[calc_id].field_index[field_name]
    if declared.kind in (FieldKind.CHOICE, FieldKind.PATTERN):
        return
    if declared.minimum is None or declared.minimum < 0:
        pytest.fail(f"{calc_id}.{field_name} declares no non-negative minimum")
    result = evaluate(calc_id, {field_name: "-5"})
    assert result["ok"] is False and field_name in result["errors"]


def test_evaluate_json_round_trips_and_survives_garbage() -> None:
    assert json.loads(evaluate_json(json.dumps({"id": "traffic", "inputs": {"peak_multiplier": "4x"}})))["ok"]
    for garbage in ["", "null", "[1]", "{", '{"id": 3}', '{"id": "traffic", "inputs": "x", "sizes": 9}']:
        parsed = json.loads(evaluate_json(garbage))
        assert set(parsed) == RESULT_KEYS


def test_package_is_stdlib_only_and_free_of_site_and_browser_imports() -> None:
    package = Path(calculators.__file__).parent
    forbidden = {"mkdocs", "jinja2", "js", "pyodide", "markdown", "bs4", "playwright"}
    import sys

    stdlib = set(sys.stdlib_module_names)
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
                assert top in stdlib or top == "calculators", f"{source.name} imports non-stdlib {name}"
