"""Evaluate a calculator from raw text inputs: validate, compute, format. Never raises.

This is the one entry point the page, the CLI, the build and the tests share.
"""

from __future__ import annotations

import json
import math
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypedDict

from calculators.fields import AnyCalculator, DisplayPrefs, FieldValue, TableJson
from calculators.registry import REGISTRY
from calculators.units import RateSystem, SizeSystem

__all__ = ["BridgeRequest", "Result", "evaluate", "evaluate_json", "parse_inputs", "parse_request", "prefs_from"]


class Result(TypedDict):
    """What :func:`evaluate` returns; JSON as it is. Every part is empty when ``ok`` is false, but ``errors``."""

    ok: bool
    values: dict[str, float]  # output key → machine value in SI base units
    display: dict[str, str]  # output key → the text a page shows
    errors: dict[str, str]  # field name (or "_") → one clear message
    working: dict[str, str]  # output key → its formula with the figures substituted
    rough: dict[str, str]  # output key → the figure to say aloud
    tables: dict[str, TableJson]  # table id → title, columns and rows of display strings
    charts: dict[str, str]  # chart id → an SVG document
    read_as: dict[str, str]  # field name → how its text was read, where that is not literal ("read as 99.9%")


def prefs_from(sizes: str = "decimal", rates: str = "bits") -> DisplayPrefs:
    """Display preferences from their text names; unknown names fall back to the defaults."""
    size_system = SizeSystem.BINARY if sizes == SizeSystem.BINARY.value else SizeSystem.DECIMAL
    rate_system = RateSystem.BYTES if rates == RateSystem.BYTES.value else RateSystem.BITS
    return DisplayPrefs(size_system, rate_system)


def _failure(errors: Mapping[str, str]) -> Result:
    return {
        "ok": False,
        "values": {},
        "display": {},
        "errors": dict(errors),
        "read_as": {},
        "working": {},
        "rough": {},
        "tables": {},
        "charts": {},
    }


def parse_inputs(calculator: AnyCalculator, raw_inputs: Mapping[str, object]) -> tuple[dict[str, FieldValue], dict[str, str]]:
    """Parse every declared field (defaults for missing ones); collect one message per bad field."""
    values: dict[str, FieldValue] = {}
    errors: dict[str, str] = {}
    for declared in calculator.fields:
        raw = raw_inputs.get(declared.name, declared.default)
        try:
            values[declared.name] = declared.parse(raw)
        except ValueError as exc:
            errors[declared.name] = str(exc)
    return values, errors


class _Figures(string.Formatter):
    """Fills a working template's ``{name}`` slots; unknown names stay visible, never raise."""

    def get_value(self, key: int | str, args: Any, kwargs: Mapping[str, Any]) -> Any:
        return kwargs.get(str(key), f"{{{key}}}")


_FIGURES = _Figures()


def evaluate(
    calc_id: object, raw_inputs: Mapping[str, object] | None = None, *, sizes: str = "decimal", rates: str = "bits"
) -> Result:
    """Evaluate calculator ``calc_id`` on raw inputs; missing fields take their defaults.

    Returns ``{"ok", "values", "display", "errors", "read_as", "working", "rough", "tables", "charts"}``:
    machine values in SI base units, the exact text a page shows, one message per bad
    field, how a field's text was read where that is not literal (``read as 99.9%``), each
    output's formula with the figures substituted, the rounded figure to say aloud (left
    out where it would repeat the shown figure), and any schedules and SVG charts.

    >>> result = evaluate("traffic", {"daily_active_fraction": "50%"})
    >>> result["ok"], result["display"]["daily_active_users"]
    (True, '100 million users')
    >>> print(evaluate("traffic", {"peak_multiplier": "lots"})["errors"]["peak_multiplier"])
    Peak multiplier: is not a number; enter a multiplier such as 3x or 2.5
    >>> print(evaluate("nope", {})["errors"]["_"])  # doctest: +ELLIPSIS
    Unknown calculator "nope"; choose one of: availability, ...
    """
    calculator = REGISTRY.get(calc_id) if isinstance(calc_id, str) else None
    if calculator is None:
        known = ", ".join(sorted(REGISTRY))
        shown = calc_id[:40] if isinstance(calc_id, str) else type(calc_id).__name__
        return _failure({"_": f'Unknown calculator "{shown}"; choose one of: {known}'})
    if not isinstance(raw_inputs, Mapping):
        raw_inputs = {}
    prefs = prefs_from(sizes, rates)

    values, errors = parse_inputs(calculator, raw_inputs)
    # How each usable field's text was read, where that is not literal ("0.999" → "read as 99.9%").
    read_as = {
        f.name: note
        for f in calculator.fields
        if f.name not in errors and (note := f.read_note(raw_inputs.get(f.name, f.default)))
    }
    if errors:
        return {**_failure(errors), "read_as": read_as}
    inputs = calculator.inputs_type(**values)
    if calculator.validate is not None:
        relation_errors = dict(calculator.validate(inputs))
        if relation_errors:
            return {**_failure(relation_errors), "read_as": read_as}
    try:
        result = calculator.compute(inputs)
    except (ArithmeticError, ValueError) as exc:  # bounds should prevent this; never crash the page
        return _failure({"_": f"{calculator.title}: these inputs cannot be computed ({exc}); try smaller figures"})

    machine: dict[str, float] = {}
    for output in calculator.outputs:
        number = float(getattr(result, output.key))
        if not math.isfinite(number):
            return _failure({"_": f"{calculator.title}: {output.label} is too large to compute; try smaller figures"})
        machine[output.key] = number

    display = {o.key: o.format(machine[o.key], prefs) for o in calculator.outputs}
    figures = {f.name: f.format_value(values[f.name]) for f in calculator.fields}
    figures.update({o.key: o.format_short(machine[o.key], prefs) for o in calculator.outputs})
    working = {o.key: _FIGURES.format(o.working, **figures) for o in calculator.outputs if o.working}
    # A spoken figure that would only repeat the shown one is left out (rough() returns "").
    rough = {o.key: spoken for o in calculator.outputs if (spoken := o.rough(machine[o.key], prefs))}
    # Tables and charts are computed like the outputs, so they are guarded like compute: never raise.
    try:
        tables = calculator.tables(inputs, result, prefs) if calculator.tables else {}
        charts = calculator.charts(inputs, result, prefs) if calculator.charts else {}
    except (ArithmeticError, ValueError, LookupError, TypeError) as exc:
        return _failure({"_": f"{calculator.title}: the tables and charts for these inputs cannot be drawn ({exc})"})
    return {
        "ok": True,
        "values": machine,
        "display": display,
        "errors": {},
        "read_as": read_as,
        "working": working,
        "rough": rough,
        "tables": {key: table.as_json() for key, table in tables.items()},
        "charts": dict(charts),
    }


@dataclass(frozen=True)
class BridgeRequest:
    """What the page asks for: ``{"id": ..., "inputs": {...}, "sizes": ..., "rates": ...}``."""

    calc_id: object  # evaluate() itself answers an id that is not a known string
    inputs: dict[str, object]
    sizes: str
    rates: str


def parse_request(request: str) -> BridgeRequest | str:
    """Read a bridge request leniently (missing or mistyped parts take defaults), or say why not.

    >>> parse_request('{"id": "traffic", "sizes": 3}')
    BridgeRequest(calc_id='traffic', inputs={}, sizes='decimal', rates='bits')
    >>> parse_request("[]")
    'The request must be a JSON object'
    """
    try:
        parsed = json.loads(request)
    except (TypeError, ValueError):
        return "The request is not valid JSON"
    if not isinstance(parsed, dict):
        return "The request must be a JSON object"
    inputs, sizes, rates = parsed.get("inputs"), parsed.get("sizes"), parsed.get("rates")
    return BridgeRequest(
        calc_id=parsed.get("id", ""),
        inputs=inputs if isinstance(inputs, dict) else {},
        sizes=sizes if isinstance(sizes, str) else "decimal",
        rates=rates if isinstance(rates, str) else "bits",
    )


def evaluate_json(request: str) -> str:
    """The browser bridge: a JSON request in, a JSON result out; only strings cross.

    >>> json.loads(evaluate_json('{"id": "traffic", "inputs": {}}'))["ok"]
    True
    >>> json.loads(evaluate_json("not json"))["errors"]["_"]
    'The request is not valid JSON'
    """
    parsed = parse_request(request)
    if isinstance(parsed, str):
        return dumps(_failure({"_": parsed}))
    return dumps(evaluate(parsed.calc_id, parsed.inputs, sizes=parsed.sizes, rates=parsed.rates))


def dumps(result: Result) -> str:
    """Canonical JSON: the native and Pyodide results compare byte for byte."""
    return json.dumps(result, sort_keys=True, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
