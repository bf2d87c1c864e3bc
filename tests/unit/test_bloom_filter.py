"""Bloom filter calculator: hand-worked sizes, percent semantics, bad input, and agreement with a real filter.

Formulas: Bloom (1970); the sizing m = −n·ln p / (ln 2)² and k = (m/n)·ln 2 as derived in Broder and
Mitzenmacher, "Network Applications of Bloom Filters: A Survey" (2004).
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import evaluate
from calculators.patterns.bloom_filter import BloomFilter
from tests.unit.calculator_checks import assert_sound

QUERIES = 100_000


@pytest.mark.parametrize(
    ("items", "rate", "bits", "hashes", "achieved"),
    [
        # 1e6 × ln 100 / (ln 2)² = 4,605,170 / 0.480453 = 9,585,058.4 → 9,585,059; 9.585 × 0.6931 = 6.64 → 7;
        # (1 − e^(−7 / 9.585))^7 = 0.51823^7 = 0.010039
        pytest.param("1M", "1%", 9_585_059, 7, 0.010039, id="million-at-one-percent"),
        # 1,000 × 6.9078 / 0.480453 = 14,377.6 → 14,378; 14.378 × 0.6931 = 9.97 → 10;
        # e^(−10,000 / 14,378) = 0.498822, so 0.501178^10 = e^(−6.90794) = 0.00099982
        pytest.param("1,000", "0.1%", 14_378, 10, 0.00099982, id="thousand-at-a-tenth-of-a-percent"),
        # 100 × 0.6931 / 0.480453 = 144.3 → 145; 1.45 × 0.6931 = 1.005 → 1; 1 − e^(−100/145) = 0.49826
        pytest.param("100", "50%", 145, 1, 0.49826, id="loosest-allowed"),
        # 2.3026 / 0.480453 = 4.79 → 5; 5 × 0.6931 = 3.47 → 3; (1 − e^(−3/5))^3 = 0.45119^3 = 0.091848
        pytest.param("1", "10%", 5, 3, 0.091848, id="one-item"),
    ],
)
def test_hand_worked_sizes(items: str, rate: str, bits: int, hashes: int, achieved: float) -> None:
    result = evaluate("bloom_filter", {"expected_items": items, "target_false_positive_rate": rate})
    assert_sound(result)
    values = result["values"]
    assert values["bits"] == bits
    assert values["memory_bytes"] == bits / 8
    assert values["hash_functions"] == hashes
    assert values["false_positive_rate"] == pytest.approx(achieved, rel=1e-4)
    assert values["bits_per_item"] == pytest.approx(bits / float(items.replace("M", "e6").replace(",", "")))


def test_a_million_items_at_one_percent_reads_as_candidates_say_it() -> None:
    display = evaluate("bloom_filter", {"expected_items": "1M", "target_false_positive_rate": "1%"})["display"]
    assert display["memory_bytes"].startswith("1.2 MB")  # 1,198,132 bytes
    assert display["bits_per_item"] == "9.585 bits/item"
    assert display["hash_functions"] == "7 hash functions"


@pytest.mark.parametrize(("text", "note"), [("1%", ""), ("0.01", "read as 1%"), ("1", "read as 1%")])
def test_percent_field_semantics(text: str, note: str) -> None:
    result = evaluate("bloom_filter", {"target_false_positive_rate": text})
    assert result["values"]["bits"] == 9_585_059
    assert result["read_as"].get("target_false_positive_rate", "").startswith(note)
    assert bool(note) == ("target_false_positive_rate" in result["read_as"])


@pytest.mark.parametrize(
    ("field", "text", "reason"),
    [
        ("expected_items", "0", "at least 1"),
        ("expected_items", "2.5", "whole number"),
        ("expected_items", "lots", "not a number"),
        ("target_false_positive_rate", "100%", "at most 50%"),
        ("target_false_positive_rate", "150%", "at most 50%"),
        ("target_false_positive_rate", "0", "more than 0%"),
        ("target_false_positive_rate", "-1%", "more than 0%"),
        ("target_false_positive_rate", "one percent", "not a number"),
    ],
)
def test_bad_input_names_the_field_and_an_accepted_form(field: str, text: str, reason: str) -> None:
    result = evaluate("bloom_filter", {field: text})
    assert_sound(result)
    assert not result["ok"]
    message = result["errors"][field]
    label = {"expected_items": "Items to hold", "target_false_positive_rate": "Target false-positive rate"}[field]
    assert message.startswith(f"{label}: ") and reason in message and "such as" in message


@given(
    items=st.integers(min_value=1, max_value=10**10),
    rate=st.floats(min_value=1e-12, max_value=0.5),
)
def test_achieved_rate_stays_near_the_target(items: int, rate: float) -> None:
    values = evaluate("bloom_filter", {"expected_items": str(items), "target_false_positive_rate": f"{rate * 100!r}%"})["values"]
    # Rounding k to a whole number costs at most ~4.7% (worst just below k = 1.5, where k = 1 is taken).
    assert values["false_positive_rate"] <= rate * 1.05
    assert values["hash_functions"] >= 1
    assert values["bits"] >= items * -math.log(rate) / math.log(2) ** 2


@given(rate=st.floats(min_value=1e-9, max_value=0.5), tighter=st.floats(min_value=1.5, max_value=100))
def test_a_tighter_target_never_costs_fewer_bits(rate: float, tighter: float) -> None:
    loose = evaluate("bloom_filter", {"target_false_positive_rate": f"{rate * 100!r}%"})["values"]
    tight = evaluate("bloom_filter", {"target_false_positive_rate": f"{rate / tighter * 100!r}%"})["values"]
    assert tight["bits"] > loose["bits"]
    assert tight["hash_functions"] >= loose["hash_functions"]


@pytest.mark.parametrize(("items", "rate"), [(20_000, "2%"), (10_000, "0.5%")])
def test_a_real_filter_of_that_size_measures_the_rate_the_calculator_gives(items: int, rate: str) -> None:
    values = evaluate("bloom_filter", {"expected_items": str(items), "target_false_positive_rate": rate})["values"]
    seen = BloomFilter(int(values["bits"]), int(values["hash_functions"]), seed=42)
    for index in range(items):
        seen.add(f"member-{index}")
    measured = sum(f"stranger-{index}" in seen for index in range(QUERIES)) / QUERIES
    expected = values["false_positive_rate"]
    assert abs(measured - expected) <= 6 * math.sqrt(expected * (1 - expected) / QUERIES), (measured, expected)


def test_chart_places_the_sized_filter_among_the_reference_points() -> None:
    svg = evaluate("bloom_filter", {"target_false_positive_rate": "1%"})["charts"]["rate"]
    assert svg.startswith("<svg") and "<title>False-positive rate by bits per item</title>" in svg
    labels = ["4 bits", "8 bits", "9.59: yours", "10 bits", "24 bits"]
    positions = [svg.index(f">{label}<") for label in labels]
    assert positions == sorted(positions)  # drawn in order of bits per item
