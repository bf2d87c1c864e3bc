"""Bloom filter: no false negatives ever, a false-positive rate that matches the formula, stable hashing."""

from __future__ import annotations

import math
import os
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.patterns.bloom_filter import BloomFilter, false_positive_rate, optimal_bits, optimal_hashes

QUERIES = 100_000
SIGMAS = 5  # a correct filter strays this far from the formula far less than once in a million runs


@pytest.mark.parametrize(
    ("items", "rate", "expected_bits", "expected_hashes"),
    [
        (1_000_000, 0.01, 9_585_059, 7),  # 1e6 × 4.6052 / 0.48045 = 9,585,058.4 → up; 9.585 × 0.6931 = 6.64 → 7
        (1_000, 0.001, 14_378, 10),  # 1e3 × 6.9078 / 0.48045 = 14,377.6; 14.378 × 0.6931 = 9.97 → 10
        (100, 0.5, 145, 1),  # 100 × 0.6931 / 0.48045 = 144.3; 1.443 × 0.6931 = 1.0
    ],
)
def test_sizing_formulas_match_hand_worked_values(items: int, rate: float, expected_bits: int, expected_hashes: int) -> None:
    assert optimal_bits(items, rate) == expected_bits
    assert optimal_hashes(expected_bits, items) == expected_hashes


def test_false_positive_formula_at_hand_worked_points() -> None:
    # m/n = 8, k = 1: 1 − e^(−1/8) = 0.1175; m/n = 10, k = 7: (1 − e^(−0.7))^7 = 0.5034^7 = 0.00819
    assert false_positive_rate(8_000, 1, 1_000) == pytest.approx(0.117503, rel=1e-5)
    assert false_positive_rate(10_000, 7, 1_000) == pytest.approx(0.008194, rel=1e-3)


@given(st.lists(st.text(max_size=40), max_size=300), st.integers(min_value=0, max_value=2**32))
def test_never_a_false_negative(items: list[str], seed: int) -> None:
    seen = BloomFilter.for_items(max(len(items), 1), 0.05, seed=seed)
    for item in items:
        seen.add(item)
    assert all(item in seen for item in items)


@pytest.mark.parametrize(("items", "rate"), [(10_000, 0.01), (5_000, 0.05), (20_000, 0.001)])
def test_measured_false_positive_rate_agrees_with_the_formula(items: int, rate: float) -> None:
    seen = BloomFilter.for_items(items, rate, seed=items)
    for index in range(items):
        seen.add(f"in-{index}")
    false_positives = sum(f"out-{index}" in seen for index in range(QUERIES))
    expected = false_positive_rate(seen.bits, seen.hashes, items)
    # Binomial spread of the queries, plus a fifth as much again for how full this filter happened to get.
    bound = SIGMAS * math.sqrt(expected * (1 - expected) / QUERIES) * 1.2
    assert abs(false_positives / QUERIES - expected) <= bound, (false_positives / QUERIES, expected)


def test_an_overfilled_filter_degrades_as_the_formula_says() -> None:
    seen = BloomFilter.for_items(10_000, 0.01)
    for index in range(40_000):  # four times the planned items
        seen.add(f"in-{index}")
    measured = sum(f"out-{index}" in seen for index in range(20_000)) / 20_000
    assert measured > 0.5  # the planned 1% is long gone
    # Near full, how many bits happen to be set moves the rate most: allow about five spreads of each.
    assert measured == pytest.approx(false_positive_rate(seen.bits, seen.hashes, 40_000), abs=0.03)


def test_positions_do_not_depend_on_the_process_hash_seed() -> None:
    script = (
        "from calculators.patterns.bloom_filter import BloomFilter\n"
        "f = BloomFilter(1_000_003, 5)\n"
        "print(f._positions('https://example.com/a'))\n"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for hash_seed in ("1", "2", "3")
    }
    assert len(runs) == 1


@pytest.mark.parametrize(("bits", "hashes"), [(0, 3), (10, 0)])
def test_rejects_empty_filters(bits: int, hashes: int) -> None:
    with pytest.raises(ValueError):
        BloomFilter(bits, hashes)


def test_only_strings_are_members() -> None:
    seen = BloomFilter(64, 2)
    seen.add("1")
    assert 1 not in seen
