"""Parsing what people type and formatting with explicit units."""

from __future__ import annotations

import pytest

from calculators import units
from calculators.units import ParseError, SizeSystem


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("100M", 100e6),
        ("2.5e6", 2.5e6),
        ("2,000", 2000.0),
        ("1_000_000", 1e6),
        ("1.5K", 1500.0),
        ("3 billion", 3e9),
        ("7B", 7e9),
        (" 42 ", 42.0),
        ("500/s", 500.0),
        (12, 12.0),
        (0.5, 0.5),
    ],
    ids=lambda value: repr(value),
)
def test_parse_number_accepts_common_forms(raw: object, expected: float) -> None:
    assert units.parse_number(raw) == pytest.approx(expected)


@pytest.mark.parametrize(
    "raw",
    ["", "abc", "NaN", "inf", "-inf", "1e400", "1,00", "12 parsecs", "9" * 100, "<b>1</b>", True, None],
    ids=["empty", "letters", "nan", "inf", "neg-inf", "overflow", "bad-grouping", "unit", "long", "markup", "bool", "none"],
)
def test_parse_number_rejects_unusable_text(raw: object) -> None:
    with pytest.raises(ParseError):
        units.parse_number(raw)


@pytest.mark.parametrize(
    ("raw", "expected_bytes"),
    [
        ("1.27 KB", 1270.0),
        ("1.27 kB", 1270.0),
        ("5 KiB", 5120.0),
        ("2MB", 2e6),
        ("1 GiB", 1024.0**3),
        ("1 TB", 1e12),
        ("512", 512.0),
        ("280 B", 280.0),
        ("3 bytes", 3.0),
    ],
)
def test_parse_bytes_distinguishes_decimal_and_binary(raw: str, expected_bytes: float) -> None:
    assert units.parse_bytes(raw) == pytest.approx(expected_bytes)


@pytest.mark.parametrize(
    ("raw", "expected_s"),
    [("200ms", 0.2), ("1.5 s", 1.5), ("5 min", 300.0), ("2h", 7200.0), ("30", 30.0), ("1 d", 86400.0), ("250us", 250e-6)],
)
def test_parse_duration(raw: str, expected_s: float) -> None:
    assert units.parse_duration_s(raw) == pytest.approx(expected_s)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("99.9%", 0.999), ("99.9", 0.999), ("3 nines", 0.999), ("five nines", 0.99999), ("4 nines", 0.9999), ("50%", 0.5)],
)
def test_parse_availability(raw: str, expected: float) -> None:
    assert units.parse_availability(raw) == pytest.approx(expected, abs=1e-15)


@pytest.mark.parametrize(
    ("value_bytes", "system", "expected"),
    [
        (73e12, SizeSystem.DECIMAL, "73 TB"),
        (73e12, SizeSystem.BINARY, "66.4 TiB"),
        (1024.0, SizeSystem.BINARY, "1 KiB"),
        (1000.0, SizeSystem.DECIMAL, "1 kB"),
        (999_960.0, SizeSystem.DECIMAL, "1 MB"),
        (512.0, SizeSystem.DECIMAL, "512 B"),
        (0.0, SizeSystem.DECIMAL, "0 B"),
    ],
)
def test_format_bytes_labels_the_system(value_bytes: float, system: SizeSystem, expected: str) -> None:
    assert units.format_bytes(value_bytes, system) == expected


def test_a_tebibyte_figure_is_never_called_terabytes() -> None:
    shown = units.format_bytes_both(73e12)
    assert shown == "73 TB (66.4 TiB)"
    assert units.format_bytes_both(73e12, SizeSystem.BINARY) == "66.4 TiB (73 TB)"


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (31_557.6, "8 h 46 min"),
        (2_629.8, "43 min 50 s"),
        (0.25, "250 ms"),
        (90_061, "1 d 1 h"),
        (59.9, "59.9 s"),
        (3_599.9, "1 h"),
    ],
)
def test_format_duration(seconds: float, expected: str) -> None:
    assert units.format_duration(seconds) == expected


@pytest.mark.parametrize(
    ("fraction", "expected"),
    [(0.999, "99.9%"), (0.998001, "99.8001%"), (0.9999999995, "99.99999995%"), (1.0, "100%"), (0.5, "50%"), (0.0, "0%")],
)
def test_format_percent_keeps_the_nines(fraction: float, expected: str) -> None:
    assert units.format_percent(fraction) == expected


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (694_444.4, "req/s", "≈ 700 thousand req/s (7 × 10⁵)"),
        (86_400, "s", "≈ 90 thousand s (9 × 10⁴)"),
        (9.6, "", "≈ 10"),
        (1.2e9, "", "≈ 1 billion (1 × 10⁹)"),
    ],
)
def test_round_for_speech(value: float, unit: str, expected: str) -> None:
    assert units.round_for_speech(value, unit) == expected
