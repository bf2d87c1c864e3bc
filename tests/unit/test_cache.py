"""Cache calculator: hit ratio → backend load and mean latency; hot set → memory and nodes.

References: Redis documentation, "Memory optimization" and "Key eviction" (maxmemory should leave
headroom for fragmentation and, with persistence, copy-on-write); the 80/20 skew as used in
capacity-estimation write-ups such as Alex Xu, "System Design Interview" (2020), ch. 1 and 8.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import REGISTRY, evaluate
from calculators.cache import CacheInputs, estimate_cache, mean_read_latency_s
from calculators.reference import figure
from calculators.units import parse_duration_s
from tests.unit.calculator_checks import assert_rejected_clearly, assert_sound, bad_input_cases, typed_text


@pytest.mark.parametrize(
    ("hit_ratio", "backend_rps", "mean_latency_s"),
    [
        pytest.param("0%", 100_000, 0.021, id="cold-cache-every-read-pays-both"),
        pytest.param("80%", 20_000, 0.005, id="eighty-percent"),
        pytest.param("90%", 10_000, 0.003, id="ninety-percent"),
        pytest.param("99%", 1_000, 0.0012, id="ninety-nine-percent"),
        pytest.param("100%", 0, 0.001, id="all-hits"),
    ],
)
def test_hit_ratio_worked_examples(hit_ratio: str, backend_rps: float, mean_latency_s: float) -> None:
    # Latencies given here, not taken from the defaults, which follow the reference figures.
    values = evaluate("cache", {"hit_ratio": hit_ratio, "cache_latency_s": "1 ms", "backend_latency_s": "20 ms"})["values"]
    assert values["backend_rps"] == pytest.approx(backend_rps)
    assert values["mean_latency_s"] == pytest.approx(mean_latency_s)


def test_latency_defaults_are_the_reference_figures() -> None:
    fields = {f.name: f for f in REGISTRY["cache"].fields}
    assert parse_duration_s(fields["cache_latency_s"].default) == pytest.approx(figure("cache_read_s").value)
    assert parse_duration_s(fields["backend_latency_s"].default) == pytest.approx(figure("database_read_s").value)


def test_miss_pays_the_lookup_too() -> None:
    """h·cache + (1 − h)·(cache + backend) = cache + (1 − h)·backend; the shortcut h·cache + (1 − h)·backend is lower."""
    exact = mean_read_latency_s(0.9, 0.001, 0.020)
    shortcut = 0.9 * 0.001 + 0.1 * 0.020
    assert exact == pytest.approx(0.9 * 0.001 + 0.1 * (0.001 + 0.020))
    assert exact - shortcut == pytest.approx(0.1 * 0.001)


def test_sizing_from_the_hot_set() -> None:
    """100 M distinct items a day, hottest 20% cached at 10 kB each: 200 GB; 64 GB nodes at 75% → 5 nodes."""
    result = evaluate("cache", {})
    values = result["values"]
    assert values["working_set_bytes"] == pytest.approx(200e9)
    assert values["usable_bytes_per_node"] == pytest.approx(48e9)
    assert values["cache_nodes"] == 5
    assert result["display"]["working_set_bytes"] == "200 GB (186 GiB)"


@pytest.mark.parametrize(
    ("inputs", "nodes"),
    [
        pytest.param({"items_read_per_day": "0"}, 1, id="nothing-to-cache-still-one-node"),
        pytest.param({"item_bytes": "4.8 KB"}, 2, id="exactly-two-nodes-no-float-creep"),
        pytest.param({"usable_fraction": "100%"}, 4, id="no-headroom"),
    ],
)
def test_node_count_cases(inputs: dict[str, str], nodes: int) -> None:
    assert evaluate("cache", inputs)["values"]["cache_nodes"] == nodes


@pytest.mark.parametrize(("field_name", "case", "raw"), bad_input_cases("cache"))
def test_bad_input_is_rejected_with_the_field_label(field_name: str, case: str, raw: str) -> None:
    assert_rejected_clearly("cache", field_name, raw)


def test_hit_ratio_above_100_percent_is_refused() -> None:
    message = evaluate("cache", {"hit_ratio": "120%"})["errors"]["hit_ratio"]
    assert message == "Hit ratio: must be at most 100%; enter a percentage such as 90% or 99"


hit = st.floats(min_value=0, max_value=1)


@given(a=hit, b=hit, cache_s=st.floats(min_value=1e-6, max_value=1), backend_s=st.floats(min_value=0, max_value=10))
def test_higher_hit_ratio_never_hurts(a: float, b: float, cache_s: float, backend_s: float) -> None:
    low, high = sorted((a, b))
    worse = estimate_cache(CacheInputs(1e5, low, cache_s, backend_s, 1e6, 0.2, 1000, 1e9, 0.75))
    better = estimate_cache(CacheInputs(1e5, high, cache_s, backend_s, 1e6, 0.2, 1000, 1e9, 0.75))
    assert better.backend_rps <= worse.backend_rps
    assert better.mean_latency_s <= worse.mean_latency_s
    assert cache_s - 1e-12 <= better.mean_latency_s <= cache_s + backend_s + 1e-12


@given(items=st.floats(min_value=0, max_value=1e12), more=st.floats(min_value=1, max_value=100))
def test_bigger_hot_set_never_needs_fewer_nodes(items: float, more: float) -> None:
    small = estimate_cache(CacheInputs(1e5, 0.9, 0.001, 0.02, items, 0.2, 1000, 64e9, 0.75))
    large = estimate_cache(CacheInputs(1e5, 0.9, 0.001, 0.02, items * more, 0.2, 1000, 64e9, 0.75))
    assert large.cache_nodes >= small.cache_nodes >= 1


FIELD_NAMES = (
    "read_rps",
    "hit_ratio",
    "cache_latency_s",
    "backend_latency_s",
    "items_read_per_day",
    "hot_share",
    "item_bytes",
    "node_memory_bytes",
    "usable_fraction",
)


@given(st.fixed_dictionaries({}, optional={name: typed_text for name in FIELD_NAMES}))
def test_evaluate_never_raises_nor_returns_nan_or_inf(raw: dict[str, str]) -> None:
    assert_sound(evaluate("cache", raw))


def test_extremes_stay_finite() -> None:
    result = evaluate(
        "cache",
        {
            "read_rps": "1e10",
            "hit_ratio": "100%",
            "cache_latency_s": "1 µs",
            "backend_latency_s": "1 h",
            "items_read_per_day": "1e13",
            "hot_share": "100%",
            "item_bytes": "1 GB",
            "node_memory_bytes": "1 MB",
            "usable_fraction": "1%",
        },
    )
    assert result["ok"]
    assert_sound(result)
