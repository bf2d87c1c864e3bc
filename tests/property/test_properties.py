"""Properties that hold for every input: no crash, no NaN/inf, monotonic where it should be, round trips."""

from __future__ import annotations

import json
import math
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from calculators import REGISTRY, evaluate, units
from calculators.evaluation import Result
from calculators.fields import Field, FieldKind, OutputKind
from calculators.units import SPOKEN_TOLERANCE, SizeSystem
from tests.spoken import read_spoken

FIELDS = [(calc_id, f.name) for calc_id, c in REGISTRY.items() for f in c.fields]
#: Text a user might type, near-misses, and junk.
typed_text = st.one_of(
    st.text(max_size=120),
    st.from_regex(r"-?[0-9,._]{0,14}(e-?[0-9]{1,4})?\s?(k|K|M|B|x|%|KB|KiB|GiB|ms|s|min|h|nines)?", fullmatch=True),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(
        ["NaN", "inf", "-inf", "1e400", "1e-400", "0", "-0", "9" * 400, "<script>", "3 nines", "", " ", "SSFF", "1-10=a", "2, 3"]
    ),
)


def _finite_everywhere(result: Result) -> None:
    json.dumps(result, allow_nan=False)  # raises on NaN or inf anywhere
    for value in result["values"].values():
        assert math.isfinite(value)
    for text in result["display"].values():
        assert "nan" not in text.lower() and "inf" not in text.lower()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@pytest.mark.parametrize(("calc_id", "field_name"), FIELDS, ids=[f"{c}.{f}" for c, f in FIELDS])
@given(raw=typed_text)
def test_evaluate_never_raises_nor_returns_nan_or_inf(calc_id: str, field_name: str, raw: str) -> None:
    result = evaluate(calc_id, {field_name: raw})
    _finite_everywhere(result)
    if not result["ok"]:
        assert result["errors"] and result["display"] == {}


@settings(max_examples=40, deadline=None)
@given(raw=st.dictionaries(st.sampled_from([f for _, f in FIELDS]), typed_text, max_size=6))
def test_evaluate_survives_any_combination(raw: dict[str, str]) -> None:
    for calc_id in REGISTRY:
        _finite_everywhere(evaluate(calc_id, raw))


@pytest.mark.parametrize("calc_id", list(REGISTRY))
@settings(max_examples=40)
@given(data=st.data())
def test_any_text_in_any_of_a_calculators_fields_is_answered_soundly(calc_id: str, data: st.DataObject) -> None:
    """Several of one calculator's fields typed at once (relations between them included): finite results or errors."""
    names = list(REGISTRY[calc_id].field_index)
    raw = data.draw(st.fixed_dictionaries({}, optional=dict.fromkeys(names, typed_text)))
    result = evaluate(calc_id, raw)
    _finite_everywhere(result)
    if not result["ok"]:
        assert result["errors"] and result["values"] == {} and result["display"] == {}


positive = st.floats(min_value=1, max_value=1e9, allow_nan=False)


@given(low=positive, factor=st.floats(min_value=1.001, max_value=100))
def test_traffic_rises_with_users(low: float, factor: float) -> None:
    a = evaluate("traffic", {"monthly_active_users": repr(low)})["values"]
    b = evaluate("traffic", {"monthly_active_users": repr(min(low * factor, 1e11))})["values"]
    for key in ("daily_active_users", "peak_rps", "peak_read_rps", "peak_write_rps"):
        assert b[key] >= a[key]


@given(ratio_a=st.floats(min_value=0, max_value=1e6), ratio_b=st.floats(min_value=0, max_value=1e6))
def test_reads_and_writes_always_sum_to_total(ratio_a: float, ratio_b: float) -> None:
    for ratio in (ratio_a, ratio_b):
        values = evaluate("traffic", {"read_write_ratio": repr(ratio)})["values"]
        assert values["peak_read_rps"] + values["peak_write_rps"] == pytest.approx(values["peak_rps"])


@given(size=st.floats(min_value=0, max_value=1e12), more=st.floats(min_value=0, max_value=1e12))
def test_storage_rises_with_item_size(size: float, more: float) -> None:
    a = evaluate("storage", {"item_bytes": repr(size)})["values"]
    b = evaluate("storage", {"item_bytes": repr(min(size + more, 1e13))})["values"]
    assert b["stored_bytes_at_horizon"] >= a["stored_bytes_at_horizon"]


@given(a=st.floats(min_value=0, max_value=1), b=st.floats(min_value=0, max_value=1))
def test_higher_availability_allows_less_downtime(a: float, b: float) -> None:
    low, high = sorted((a, b))
    down_low = evaluate("availability", {"target": f"{low * 100!r}%"})["values"]["downtime_per_year_s"]
    down_high = evaluate("availability", {"target": f"{high * 100!r}%"})["values"]["downtime_per_year_s"]
    assert down_high <= down_low


@given(st.lists(st.floats(min_value=0, max_value=1), min_size=1, max_size=8))
def test_composite_availability_stays_in_unit_interval_and_is_ordered(values: list[float]) -> None:
    listed = ", ".join(f"{v * 100!r}%" for v in values)
    result = evaluate("availability", {"components": listed})
    assert result["ok"], result["errors"]
    series, parallel = result["values"]["series_availability"], result["values"]["parallel_availability"]
    assert 0 <= series <= min(values) + 1e-12
    assert max(values) - 1e-12 <= parallel <= 1
    assert series - 1e-12 <= result["values"]["redundant_availability"] <= 1


@given(st.lists(st.floats(min_value=0, max_value=1), min_size=1, max_size=8), st.integers(min_value=1, max_value=5))
def test_more_replicas_never_lower_the_chain(values: list[float], replicas: int) -> None:
    listed = ", ".join(f"{v * 100!r}%" for v in values)
    fewer = evaluate("availability", {"components": listed, "replicas": str(replicas)})["values"]
    more = evaluate("availability", {"components": listed, "replicas": str(replicas + 1)})["values"]
    assert more["redundant_availability"] >= fewer["redundant_availability"] - 1e-12
    if replicas == 1:
        assert fewer["redundant_availability"] == pytest.approx(fewer["series_availability"], abs=1e-12)


@given(st.floats(min_value=1, max_value=1e18, allow_nan=False), st.sampled_from(list(SizeSystem)))
def test_byte_formatting_round_trips_within_rounding(value: float, system: SizeSystem) -> None:
    shown = units.format_bytes(value, system)
    assert units.parse_bytes(shown.replace(",", "")) == pytest.approx(value, rel=0.006)


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False))
def test_number_text_round_trips(value: float) -> None:
    assert units.parse_number(repr(value)) == value
    assert units.parse_number(f"{value:,}") == pytest.approx(value)


@given(st.floats(min_value=1e-3, max_value=1e15, allow_nan=False))
def test_bit_rate_text_round_trips(bytes_per_s: float) -> None:
    shown = units.format_bit_rate(bytes_per_s)
    assert units.parse_byte_rate(shown.replace(",", "")) == pytest.approx(bytes_per_s, rel=0.006)


@given(st.floats(min_value=1e-9, max_value=1e9, allow_nan=False))
def test_duration_text_round_trips(seconds: float) -> None:
    shown = units.format_duration(seconds)
    # Two units ("1 d 1 h") keep the second to its nearest whole: half an hour in a day is 2.1%.
    assert units.parse_duration_s(shown.replace(",", "")) == pytest.approx(seconds, rel=0.021)


# ---------------------------------------------------------------- spoken figures over every calculator

SPOKEN_EXAMPLES = 200
_TOLERANCE_SLACK = 1e-9  # float noise in reading "2.3 thousand" back


def _magnitudes(low: float, high: float) -> st.SearchStrategy[float]:
    """Values spread evenly over orders of magnitude between ``low`` and ``high`` (low > 0)."""
    return st.floats(min_value=math.log10(low), max_value=math.log10(high)).map(
        lambda exponent: min(high, max(low, 10.0**exponent))
    )


def _numbers(declared: Field) -> st.SearchStrategy[float]:
    """Machine values a field accepts, from its declared bounds."""
    high = declared.maximum if declared.maximum is not None else 1e12
    low = declared.minimum if declared.minimum is not None else 0.0
    if declared.integer:
        whole = _magnitudes(max(low, 1.0), high).map(round)
        return (st.just(0) | whole) if low == 0 else whole.map(lambda n: max(n, math.ceil(low)))
    spread = _magnitudes(max(low, high * 1e-9), high)
    edges = [low] if not declared.minimum_exclusive else []
    return st.sampled_from([*edges, high]) | spread


def field_text(declared: Field) -> st.SearchStrategy[str]:
    """Text a field accepts, derived from its declaration alone (kind, bounds, choices, pattern)."""
    if declared.kind is FieldKind.CHOICE:
        return st.sampled_from([value for value, _ in declared.choices])
    if declared.kind is FieldKind.PATTERN:
        return st.just(declared.default) | st.from_regex(declared.pattern, fullmatch=True)
    if declared.kind is FieldKind.AVAILABILITY_LIST:
        entry = _numbers(declared).map(lambda fraction: f"{fraction * 100!r}%")
        return st.lists(entry, min_size=1, max_size=declared.max_items).map(", ".join)
    numbers = _numbers(declared)
    if declared.kind is FieldKind.BYTES:
        return numbers.map(lambda value: f"{value!r} B")
    if declared.kind is FieldKind.DURATION:
        return numbers.map(lambda value: f"{value!r} s")
    if declared.kind in (FieldKind.PERCENT, FieldKind.AVAILABILITY):
        return numbers.map(lambda fraction: f"{fraction * 100!r}%")
    return numbers.map(repr)


def calculator_inputs(calc_id: str) -> st.SearchStrategy[dict[str, str]]:
    return st.fixed_dictionaries({f.name: field_text(f) for f in REGISTRY[calc_id].fields})


def _lead(text: str) -> str:
    return re.sub(r"^(≈ |about )", "", text).split(" (")[0]


@settings(max_examples=SPOKEN_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@pytest.mark.parametrize("calc_id", list(REGISTRY))
@given(data=st.data())
def test_every_spoken_figure_is_within_tolerance_and_capacity_never_rounds_down(calc_id: str, data: st.DataObject) -> None:
    inputs = data.draw(calculator_inputs(calc_id), label="inputs")
    sizes = data.draw(st.sampled_from(["decimal", "binary"]), label="sizes")
    rates = data.draw(st.sampled_from(["bits", "bytes"]), label="rates")
    result = evaluate(calc_id, inputs, sizes=sizes, rates=rates)
    assume(result["ok"])  # generated fields can still break a rule between fields (e.g. ring size)
    for output in REGISTRY[calc_id].outputs:
        exact = result["values"][output.key]
        spoken_text = result["rough"].get(output.key)
        if spoken_text is None:
            continue  # left out: the shown figure is already the one to say
        assert _lead(spoken_text) != _lead(result["display"][output.key])
        figure = read_spoken(spoken_text, output.kind.value)
        assert figure.in_nines == (output.kind is OutputKind.AVAILABILITY and exact >= 0.9), spoken_text
        if figure.in_nines:
            compared, spoken_values = 1 - exact, [1 - figure.value]  # the downtime the nines imply
        else:
            compared, spoken_values = exact, [figure.value] + ([figure.bracket] if figure.bracket is not None else [])
        for spoken in spoken_values:
            limit = (SPOKEN_TOLERANCE + _TOLERANCE_SLACK) * abs(compared)
            assert abs(spoken - compared) <= limit, f"{output.key}: {spoken_text!r} for {exact!r}"
            if output.capacity:
                assert spoken >= exact * (1 - _TOLERANCE_SLACK), f"{output.key}: {spoken_text!r} rounds {exact!r} down"


def test_capacity_outputs_are_the_ones_counting_machines_and_connections() -> None:
    capacity_units = {"servers", "shards", "nodes", "connections"}
    for calculator in REGISTRY.values():
        for output in calculator.outputs:
            assert output.capacity == (output.kind is OutputKind.COUNT and output.unit in capacity_units), output.key
