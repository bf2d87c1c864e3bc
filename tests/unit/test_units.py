"""Parsing what people type and formatting with explicit units."""

from __future__ import annotations

import pytest

from calculators import evaluate, units
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
        ("100 MB", 100e6),
        ("1 PiB", 1024.0**5),
        ("7 EB", 7e18),
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
        (1.2e9, "", "≈ 1.2 billion (1.2 × 10⁹)"),  # "1 billion" would be 17% off
    ],
)
def test_round_for_speech(value: float, unit: str, expected: str) -> None:
    assert units.round_for_speech(value, unit) == expected


# ---------------------------------------------------------------- bits and bytes (issue 8)


@pytest.mark.parametrize(
    ("raw", "expected_bytes"),
    [
        ("100 Mb", 12.5e6),
        ("100 Mbit", 12.5e6),
        ("100 Mbits", None),  # not a symbol: rejected, see below
        ("8 b", 1.0),
        ("8 bit", 1.0),
        ("16 bits", 2.0),
        ("1 kb", 125.0),
        ("1 Kb", 125.0),
        ("1 Gbit", 125e6),
        ("1 Kib", 128.0),
    ],
)
def test_bits_are_bits_in_a_size(raw: str, expected_bytes: float | None) -> None:
    if expected_bytes is None:
        with pytest.raises(ParseError):
            units.parse_bytes(raw)
        return
    assert units.parse_bytes(raw) == pytest.approx(expected_bytes)


def test_a_byte_field_given_bits_converts_and_says_so() -> None:
    result = evaluate("storage", {"item_bytes": "8 kb"})
    assert result["ok"]
    assert result["values"]["raw_bytes_per_day"] == pytest.approx(
        evaluate("storage", {"item_bytes": "1 kB"})["values"]["raw_bytes_per_day"]
    )
    note = result["read_as"]["item_bytes"]
    assert note.startswith("read as 1 kB") and "bits" in note and "kB" in note


@pytest.mark.parametrize(
    ("raw", "named"), [("3 gb", ("GB", "Gbit")), ("1 mb", ("MB", "Mbit")), ("2 kib", ("KiB",)), ("4 TIB", ("TiB",))]
)
def test_wrong_case_is_rejected_naming_the_forms_wanted(raw: str, named: tuple[str, ...]) -> None:
    with pytest.raises(ParseError) as caught:
        units.parse_bytes(raw)
    assert all(form in str(caught.value) for form in named)


def test_capital_k_is_read_as_kilo_and_says_so() -> None:
    reading = units.read_bytes("1.27 KB")
    assert reading.value == pytest.approx(1270.0)
    assert reading.note.startswith("read as 1.27 kB") and "1,270 bytes" in reading.note and "KiB" in reading.note
    assert units.read_bytes("1.27 kB").note == ""


@pytest.mark.parametrize("raw", ["2 Mbps", "5 MB/s", "1 Gbit/s"])
def test_a_rate_is_not_a_size(raw: str) -> None:
    with pytest.raises(ParseError, match="rate"):
        units.parse_bytes(raw)


@pytest.mark.parametrize(
    ("raw", "bytes_per_s"),
    [
        ("100 Mbps", 12.5e6),
        ("1 Gbit/s", 125e6),
        ("12.5 MB/s", 12.5e6),
        ("1 GiB/s", 1024.0**3),
        ("8 bit/s", 1.0),
        ("64 kbps", 8000.0),
    ],
)
def test_parse_byte_rate(raw: str, bytes_per_s: float) -> None:
    assert units.parse_byte_rate(raw) == pytest.approx(bytes_per_s)


def test_unit_table_is_every_prefix_times_bits_and_bytes() -> None:
    for prefix, factor in (*units.SI_PREFIXES, *units.IEC_PREFIXES):
        assert units.SIZE_UNITS[f"{prefix}B"].bytes == factor and not units.SIZE_UNITS[f"{prefix}B"].is_bits
        assert units.SIZE_UNITS[f"{prefix}b"].bytes == factor / 8 and units.SIZE_UNITS[f"{prefix}b"].is_bits
        assert units.SIZE_UNITS[f"{prefix}bit/s"].per_second and units.SIZE_UNITS[f"{prefix}B/s"].per_second
    assert units.SIZE_UNITS["Mbps"].bytes == 125_000.0


@pytest.mark.parametrize(
    "raw", ["5 μs", "5 µs", "5 us", "5us", "5μs"], ids=["greek-mu", "micro-sign", "u", "u-tight", "mu-tight"]
)
def test_microseconds_in_every_spelling(raw: str) -> None:
    assert units.parse_duration_s(raw) == pytest.approx(5e-6)


def test_a_duration_as_it_is_shown_reads_back() -> None:
    assert units.parse_duration_s("8 h 46 min") == 8 * 3600 + 46 * 60
    assert units.parse_duration_s("1 d 1 h") == 90_000
    with pytest.raises(ParseError, match="unit"):
        units.parse_duration_s("1 h 30")


# ---------------------------------------------------------------- percentages (issue 8)


@pytest.mark.parametrize(
    ("raw", "fraction", "note"),
    [
        ("0.999", 0.999, "read as 99.9%"),
        ("0.5", 0.5, "read as 50%"),
        (".25", 0.25, "read as 25%"),
        ("99.9", 0.999, ""),
        ("99.9%", 0.999, ""),
        ("0.5%", 0.005, ""),
        ("30", 0.3, ""),
        ("100", 1.0, ""),
        ("0", 0.0, ""),
        ("1%", 0.01, ""),
    ],
)
def test_percent_rule_bare_fractions_are_fractions(raw: str, fraction: float, note: str) -> None:
    reading = units.read_percent(raw)
    assert reading.value == pytest.approx(fraction, abs=1e-15)
    assert reading.note == note


def test_the_edge_at_one_is_one_percent_and_says_so() -> None:
    reading = units.read_percent("1")
    assert reading.value == pytest.approx(0.01)
    assert reading.note.startswith("read as 1%") and "100%" in reading.note


def test_availability_target_as_a_fraction_means_the_same_as_the_percentage() -> None:
    as_fraction = evaluate("availability", {"target": "0.999"})
    as_percent = evaluate("availability", {"target": "99.9%"})
    assert as_fraction["values"] == as_percent["values"]
    assert as_fraction["read_as"]["target"] == "read as 99.9%"
    assert "target" not in as_percent["read_as"]


def test_daily_active_share_as_a_fraction() -> None:
    half = evaluate("traffic", {"daily_active_fraction": "0.5"})
    assert (
        half["values"]["daily_active_users"]
        == evaluate("traffic", {"daily_active_fraction": "50%"})["values"]["daily_active_users"]
    )
    assert half["read_as"] == {"daily_active_fraction": "read as 50%"}


def test_nines_say_how_they_were_read() -> None:
    assert evaluate("availability", {"target": "3 nines"})["read_as"]["target"] == "read as 99.9%"
    listed = evaluate("availability", {"components": "0.999, 99.95%"})
    assert listed["read_as"]["components"] == "read as 99.9%, 99.95%"


# ---------------------------------------------------------------- every unit boundary (issue 8)


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (59.96, "1 min"),
        (59.94, "59.9 s"),
        (0.99996, "1 s"),
        (0.9994, "999 ms"),
        (0.0009996, "1 ms"),
        (0.0009994, "999 µs"),
        (9.9996e-7, "1 µs"),
        (9.994e-7, "999 ns"),
        (2.5e-7, "250 ns"),
        (60.4, "1 min"),
        (3570, "59 min 30 s"),
        (3599.6, "1 h"),
        (86_370, "1 d"),
        (86_399.6, "1 d"),
        (23 * 3600 + 29 * 60 + 40, "23 h 30 min"),
        (1e-300, "1 × 10⁻³⁰⁰ s"),
    ],
)
def test_format_duration_rounds_before_choosing_the_unit(seconds: float, expected: str) -> None:
    assert units.format_duration(seconds) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (999_999_999.6, "1 billion"),
        (9_999_999.6, "10 million"),
        (999.96e9, "1 trillion"),
        (1e-300, "1 × 10⁻³⁰⁰"),
        (2e18, "2 × 10¹⁸"),
        (-3.5e-9, "-3.5 × 10⁻⁹"),
    ],
)
def test_format_number_boundaries_and_extremes(value: float, expected: str) -> None:
    assert units.format_number(value) == expected


@pytest.mark.parametrize(
    ("value_bytes", "expected"),
    [
        (999.7, "1 kB (0.976 KiB)"),
        (999_960.0, "1 MB (0.954 MiB)"),
        (1e-300, "1 × 10⁻³⁰⁰ B"),
        (5e27, "5 billion EB (4.34 billion EiB)"),
    ],
)
def test_format_bytes_both_boundaries_and_extremes(value_bytes: float, expected: str) -> None:
    assert units.format_bytes_both(value_bytes) == expected


@pytest.mark.parametrize(
    ("fraction", "expected"), [(1e-300, "1 × 10⁻²⁹⁸%"), (3e-6, "0.0003%"), (4e-5, "0.004%"), (2e10, "2 × 10¹²%")]
)
def test_format_percent_extremes(fraction: float, expected: str) -> None:
    assert units.format_percent(fraction) == expected


def test_tiny_time_in_system_reads_in_a_message() -> None:
    message = evaluate("concurrency", {"response_time_s": "1e-300 s"})["errors"]["db_time_s"]
    assert "1 × 10⁻³⁰⁰ s" in message and "000" not in message


# ---------------------------------------------------------------- messages (issue 8)


def test_list_entry_message_says_is_once() -> None:
    message = evaluate("availability", {"components": "abc, 99%"})["errors"]["components"]
    assert "entry 1" in message and "is is" not in message


def test_two_figures_in_one_field_are_named_as_such() -> None:
    message = evaluate("availability", {"target": "99.9% 99.9%"})["errors"]["target"]
    assert "more than one number" in message and "% 99.9%" not in message


def test_directory_error_names_the_entries() -> None:
    message = evaluate("sharding", {"directory": "1-600k=db-1, 42=db-x, 500k-700k=db-2"})["errors"]["directory"]
    assert "entry 3" in message and "entry 1" in message


def test_empty_directory_range_names_its_entry() -> None:
    message = evaluate("sharding", {"directory": "1-10=db-1, 20-15=db-2"})["errors"]["directory"]
    assert "entry 2" in message and "empty" in message


@pytest.mark.parametrize(
    ("raw", "expected_bytes_per_s"),
    [("5 GBps", 5e9), ("5 MBps", 5e6), ("5 KBps", 5e3), ("2 GiBps", 2 * 1024**3)],
)
def test_bytes_per_second_written_bps_reads_as_bytes_and_says_so(raw: str, expected_bytes_per_s: float) -> None:
    reading = units.read_byte_rate(raw)
    assert reading.value == expected_bytes_per_s
    assert "taken as" in reading.note and "B/s" in reading.note
    assert units.parse_byte_rate(raw.replace("Bps", "bps")) == expected_bytes_per_s / 8  # lowercase b: bits
