"""HyperLogLog: estimates within a few standard errors at every scale, and exact unions by merging."""

from __future__ import annotations

import math

import pytest

from calculators.patterns.hyperloglog import HyperLogLog

PRECISION = 10  # 1,024 registers: standard error 1.04 / 32 = 3.25%
SEEDS = 12


def filled(cardinality: int, seed: int, precision: int = PRECISION, prefix: str = "item") -> HyperLogLog:
    sketch = HyperLogLog(precision, seed)
    for index in range(cardinality):
        sketch.add(f"{prefix}-{index}")
    return sketch


def test_sizes_and_standard_error() -> None:
    sketch = HyperLogLog(14)
    # 2^14 = 16,384 registers × 6 bits = 98,304 bits = 12,288 bytes; 1.04 / 128 = 0.8125%
    assert (sketch.registers, sketch.packed_bytes) == (16_384, 12_288)
    assert sketch.standard_error == pytest.approx(0.008125)


@pytest.mark.parametrize("cardinality", [50, 800, 5_000, 30_000])
def test_estimates_are_within_a_few_standard_errors_and_calibrated(cardinality: int) -> None:
    errors = [filled(cardinality, seed).estimate() / cardinality - 1 for seed in range(SEEDS)]
    standard_error = 1.04 / math.sqrt(2**PRECISION)
    assert all(abs(error) < 4 * standard_error for error in errors), errors
    # Across seeds the errors should centre on 0 and spread about one standard error, not more: a wrong
    # bias constant or rank off by one shows here even when each single estimate looks plausible.
    mean = sum(errors) / SEEDS
    root_mean_square = math.sqrt(sum(error * error for error in errors) / SEEDS)
    assert abs(mean) < 3 * standard_error / math.sqrt(SEEDS)
    assert root_mean_square < 1.6 * standard_error


def test_repeats_do_not_count() -> None:
    sketch = filled(1_000, seed=1)
    before = sketch.estimate()
    for _ in range(5):
        for index in range(1_000):
            sketch.add(f"item-{index}")
    assert sketch.estimate() == before


def test_empty_sketch_estimates_zero() -> None:
    assert HyperLogLog(8).estimate() == 0


def test_merge_is_the_sketch_of_the_union() -> None:
    monday = HyperLogLog(PRECISION, seed=7)
    tuesday = HyperLogLog(PRECISION, seed=7)
    both_days = HyperLogLog(PRECISION, seed=7)
    for index in range(6_000):
        monday.add(f"user-{index}")
        both_days.add(f"user-{index}")
    for index in range(4_000, 10_000):  # 2,000 users came on both days
        tuesday.add(f"user-{index}")
        both_days.add(f"user-{index}")
    union = monday.merge(tuesday)
    assert union.estimate() == both_days.estimate()  # register-wise max loses nothing
    assert abs(union.estimate() / 10_000 - 1) < 4 * union.standard_error
    # Summing the two days' estimates would count the 2,000 overlapping users twice.
    assert monday.estimate() + tuesday.estimate() > 11_000


@pytest.mark.parametrize("other", [HyperLogLog(11, seed=7), HyperLogLog(10, seed=8)], ids=["precision", "seed"])
def test_merge_refuses_mismatched_sketches(other: HyperLogLog) -> None:
    with pytest.raises(ValueError, match="same precision"):
        HyperLogLog(10, seed=7).merge(other)


@pytest.mark.parametrize("precision", [3, 19])
def test_rejects_precision_out_of_range(precision: int) -> None:
    with pytest.raises(ValueError):
        HyperLogLog(precision)
