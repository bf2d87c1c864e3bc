"""Bloom filter: the bits and hash functions for n items at a target false-positive rate, and the rate achieved.

The formulas come from :mod:`calculators.patterns.bloom_filter`, the same code the filter itself runs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from calculators.charts import Bar, bar_chart
from calculators.fields import Calculator, DisplayPrefs, Field, FieldKind, Output, OutputKind
from calculators.patterns.bloom_filter import false_positive_rate, optimal_bits, optimal_hashes
from calculators.units import format_number, format_percent

#: Bits per item drawn in the chart beside the reader's own filter.
CHART_BITS_PER_ITEM: tuple[int, ...] = (4, 6, 8, 10, 12, 16, 20, 24)


@dataclass(frozen=True)
class BloomFilterInputs:
    expected_items: float  # items the filter must hold at the planned rate [items]
    target_false_positive_rate: float  # chance an absent item tests present [0..1]


@dataclass(frozen=True)
class BloomFilterEstimate:
    bits: float  # m, rounded up to a whole bit [bits]
    memory_bytes: float  # m ÷ 8 [bytes]
    bits_per_item: float  # m ÷ n [bits / item]
    hash_functions: float  # k, a whole number ≥ 1 [hash functions]
    false_positive_rate: float  # achieved with the whole-number k once n items are in [0..1]


def estimate_bloom_filter(inputs: BloomFilterInputs) -> BloomFilterEstimate:
    """Size the bit array, pick the whole-number hash count, and report the rate that gives.

    >>> estimate = estimate_bloom_filter(BloomFilterInputs(1_000_000, 0.01))
    >>> estimate.bits, estimate.hash_functions, round(estimate.false_positive_rate, 5)
    (9585059.0, 7.0, 0.01004)
    """
    items = inputs.expected_items
    bits = optimal_bits(items, inputs.target_false_positive_rate)
    hashes = optimal_hashes(bits, items)
    return BloomFilterEstimate(
        bits=float(bits),
        memory_bytes=bits / 8,
        bits_per_item=bits / items,
        hash_functions=float(hashes),
        false_positive_rate=false_positive_rate(bits, hashes, items),
    )


def rate_for_bits_per_item(bits_per_item: float) -> float:
    """The false-positive rate at a given number of bits per item, with the best whole-number k.

    >>> format_percent(rate_for_bits_per_item(10))  # k = 7
    '0.82%'
    """
    hashes = optimal_hashes(bits_per_item, 1)
    return false_positive_rate(bits_per_item, hashes, 1)


def rate_chart(inputs: BloomFilterInputs, result: BloomFilterEstimate, prefs: DisplayPrefs) -> dict[str, str]:
    """False-positive rate against bits per item, the reader's filter among fixed reference points."""
    points = [(float(bits), f"{bits} bits") for bits in CHART_BITS_PER_ITEM if not math.isclose(bits, result.bits_per_item)]
    points.append((result.bits_per_item, f"{format_number(result.bits_per_item, 3)}: yours"))
    points.sort()
    bars = [Bar(label, rate_for_bits_per_item(bits)) for bits, label in points]
    return {
        "rate": bar_chart(
            "False-positive rate by bits per item",
            "Each bar is the false-positive rate of a Bloom filter with that many bits per item and the best"
            " whole number of hash functions; one bar is the filter sized here. Every two bits per item"
            " cut the rate by about a factor of 2.6.",
            bars,
            format_percent,
            log_scale=True,
        )
    }


FIELDS: tuple[Field, ...] = (
    Field(
        "expected_items",
        "Items to hold",
        FieldKind.NUMBER,
        default="1M",
        example="100M or 50,000",
        unit="items",
        minimum=1,
        maximum=1e12,
        integer=True,
        help="Plan for the most items the filter will ever hold: past this count the rate climbs quickly.",
    ),
    Field(
        "target_false_positive_rate",
        "Target false-positive rate",
        FieldKind.PERCENT,
        default="1%",
        example="1% or 0.001",
        minimum=0,
        minimum_exclusive=True,
        maximum=0.5,
        help="The share of absent items that may test present. Each tenfold cut costs about 4.8 more bits per item.",
    ),
)


CALCULATOR = Calculator(
    id="bloom_filter",
    title="Bloom filter",
    summary="Items and a target false-positive rate → bits, memory, hash functions and the rate a whole number of hashes gives.",
    inputs_type=BloomFilterInputs,
    compute=estimate_bloom_filter,
    charts=rate_chart,
    source_module="calculators/bloom_filter.py",
    fields=FIELDS,
    outputs=(
        Output(
            "memory_bytes",
            "Memory",
            OutputKind.BYTES,
            formula="bits ÷ 8",
            working="{bits} ÷ 8 = {memory_bytes}",
        ),
        Output(
            "bits",
            "Bits in the array (m)",
            OutputKind.COUNT,
            unit="bits",
            formula="m = ⌈−n · ln p ÷ (ln 2)²⌉",
            working="⌈−{expected_items} × ln {target_false_positive_rate} ÷ (ln 2)²⌉ = {bits}",
        ),
        Output(
            "bits_per_item",
            "Bits per item (m/n)",
            OutputKind.COUNT,
            unit="bits/item",
            digits=4,
            formula="m ÷ n",
            working="{bits} ÷ {expected_items} = {bits_per_item}",
        ),
        Output(
            "hash_functions",
            "Hash functions (k)",
            OutputKind.COUNT,
            unit="hash functions",
            formula="k = (m/n) · ln 2, rounded to a whole number, at least 1",
            working="round({bits_per_item} × ln 2) = {hash_functions}",
        ),
        Output(
            "false_positive_rate",
            "False-positive rate achieved",
            OutputKind.FRACTION,
            formula="p = (1 − e^(−k·n/m))^k with the whole-number k",
            working="k = {hash_functions}, n = {expected_items}, m = {bits}: (1 − e^(−k·n/m))^k = {false_positive_rate}",
        ),
    ),
    notes=(
        "The formulas assume hash positions that behave as independent and uniform; a good 128-bit hash split"
        " into two halves (h1 + i·h2) is close enough in practice.",
        "A plain Bloom filter cannot delete. A counting filter (4-bit counters, four times the memory) or a cuckoo filter can.",
    ),
)
