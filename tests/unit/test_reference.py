"""The reference figures: each one well formed, printed in its unit, and looked up by a key that fails clearly."""

from __future__ import annotations

import re

import pytest

from calculators import REGISTRY, units
from calculators.reference import FIGURES, GROUPS, LATENCY_HISTORY, Figure, FigureKind, figure

# Keys problem pages and calculators already quote: renaming one breaks them, so they are pinned.
QUOTED_KEYS = (
    "l1_cache_reference_s",
    "main_memory_reference_s",
    "ssd_random_read_s",
    "hdd_seek_s",
    "same_zone_round_trip_s",
    "cross_region_round_trip_s",
    "transatlantic_round_trip_s",
    "relational_primary_writes_per_s",
    "relational_primary_reads_per_s",
    "redis_node_ops_per_s",
    "kafka_partition_bytes_per_s",
    "app_server_rps",
    "websocket_connections_per_server",
    "ssd_sequential_read_bytes_per_s",
    "hdd_sequential_read_bytes_per_s",
    "server_nic_bytes_per_s",
)

ALL = pytest.mark.parametrize("quoted", list(FIGURES.values()), ids=list(FIGURES))


@pytest.mark.parametrize("key", QUOTED_KEYS)
def test_quoted_keys_are_kept(key: str) -> None:
    assert key in FIGURES


@ALL
def test_value_lies_within_its_range(quoted: Figure) -> None:
    assert 0 < quoted.low <= quoted.value <= quoted.high


@ALL
def test_every_figure_names_a_source_and_a_plausible_year(quoted: Figure) -> None:
    assert len(quoted.source) > 10
    assert 2000 <= quoted.year <= 2026
    assert quoted.label and quoted.label[0].isupper()
    assert quoted.citation().endswith(f", {quoted.year}")
    # No invented links: sources are named, never given as URLs.
    assert "http" not in quoted.source


@ALL
def test_key_names_its_unit(quoted: Figure) -> None:
    suffix = {
        FigureKind.DURATION: ("_s",),
        FigureKind.BYTES: ("_bytes",),
        FigureKind.BYTE_RATE: ("_bytes_per_s",),
        FigureKind.BIT_RATE: ("_bytes_per_s", "_bit_rate"),
        FigureKind.RATE: ("_per_s", "_rps"),
        FigureKind.COUNT: ("",),
        FigureKind.PRICE: ("_usd_per_gb_month", "_usd_per_gb", "_usd"),
    }[quoted.kind]
    assert quoted.key.endswith(suffix)


@ALL
def test_printed_value_reads_back_as_the_value(quoted: Figure) -> None:
    """What a page prints is the figure, to three significant figures, in a unit a reader can parse."""
    printed = quoted.format()
    assert not re.search(r"e[+-]?\d|nan|inf", printed)
    if quoted.kind is FigureKind.DURATION:
        number, unit = printed.split(" ")
        factor = {"ns": 1e-9, "µs": 1e-6, "ms": 1e-3, "s": 1.0}[unit]
        assert float(number.replace(",", "")) * factor == pytest.approx(quoted.value, rel=5e-3)
    elif quoted.kind is FigureKind.BYTES:
        assert units.parse_bytes(printed) == pytest.approx(quoted.value, rel=5e-3)
    elif quoted.kind is FigureKind.BIT_RATE:
        number, unit = printed.split(" ")
        bits = float(number) * {"Mbit/s": 1e6, "Gbit/s": 1e9}[unit]
        assert bits / 8 == pytest.approx(quoted.value, rel=5e-3)
    elif quoted.kind is FigureKind.BYTE_RATE:
        assert units.parse_bytes(printed.removesuffix("/s")) == pytest.approx(quoted.value, rel=5e-3)
    elif quoted.kind is FigureKind.PRICE:
        per = quoted.unit.removeprefix("$")
        assert printed.startswith("$") and printed.endswith(per), printed
        assert units.parse_money(printed.removesuffix(per)) == pytest.approx(quoted.value, rel=5e-3)
        assert units.parse_money(quoted.number_text()) == quoted.value  # a default quotes every digit
    else:
        assert printed.endswith(" " + quoted.unit) or printed.endswith(" " + quoted.unit.rstrip("s"))
        assert units.parse_number(quoted.number_text()) == pytest.approx(quoted.value)


@pytest.mark.parametrize(
    ("key", "printed"),
    [
        ("l1_cache_reference_s", "1 ns"),
        ("main_memory_reference_s", "100 ns"),
        ("same_zone_round_trip_s", "500 µs"),
        ("transatlantic_round_trip_s", "80 ms"),
        ("relational_primary_writes_per_s", "5,000 writes/s"),
        ("server_nic_bytes_per_s", "25 Gbit/s"),
        ("kafka_partition_bytes_per_s", "10 MB/s"),
        ("photo_bytes", "1 MB"),
    ],
)
def test_format_prints_the_unit_people_say(key: str, printed: str) -> None:
    assert figure(key).format() == printed


@pytest.mark.parametrize(
    ("key", "range_text"),
    [
        ("relational_primary_writes_per_s", "1,000–20,000 writes/s"),  # shared unit printed once
        ("same_zone_round_trip_s", "100 µs–1 ms"),  # different units both printed
        ("dynamodb_partition_writes_per_s", "1,000 writes/s"),  # a hard limit is one number
        ("server_nic_bytes_per_s", "10–100 Gbit/s"),
    ],
)
def test_range_text(key: str, range_text: str) -> None:
    assert figure(key).range_text() == range_text


def test_derived_figures_follow_the_rates_they_come_from() -> None:
    """Reading 1 MB is 1 MB ÷ the sequential rate, so the two rows of the latency table cannot disagree."""
    assert figure("ssd_read_1mb_s").value == pytest.approx(1e6 / figure("ssd_sequential_read_bytes_per_s").value)
    assert figure("hdd_read_1mb_s").value == pytest.approx(1e6 / figure("hdd_sequential_read_bytes_per_s").value)
    assert figure("hdd_rotation_s").value == pytest.approx(60 / 7_200 / 2)


def test_unknown_key_fails_naming_the_key_and_the_known_ones() -> None:
    with pytest.raises(KeyError) as raised:
        figure("postgres_writes")
    message = str(raised.value)
    assert "'postgres_writes'" in message
    assert "relational_primary_writes_per_s" in message


@pytest.mark.parametrize(
    ("value", "low", "high"),
    [pytest.param(30_000, 1_000, 20_000, id="above"), pytest.param(500, 1_000, 20_000, id="below")],
)
def test_a_value_outside_its_range_is_refused(value: float, low: float, high: float) -> None:
    with pytest.raises(ValueError, match="outside its range"):
        Figure("bad_per_s", "Bad", FigureKind.RATE, value, low, high, 2024, "a source", unit="writes/s")


def test_a_rate_without_a_unit_is_refused() -> None:
    with pytest.raises(ValueError, match="names its unit"):
        Figure("bad_per_s", "Bad", FigureKind.RATE, 1, 1, 1, 2024, "a source")


def test_figures_are_read_only() -> None:
    with pytest.raises(TypeError):
        FIGURES["new"] = figure("app_server_rps")  # type: ignore[index]


def test_every_figure_is_in_exactly_one_group_and_history_is_for_latency_only() -> None:
    grouped = [key for keys in GROUPS.values() for key in keys]
    assert sorted(grouped) == sorted(FIGURES)
    assert set(LATENCY_HISTORY) <= set(GROUPS["latency"])
    assert all(figure(key).kind is FigureKind.DURATION for key in GROUPS["latency"])


@pytest.mark.parametrize(
    ("calc_id", "field_name", "key"),
    [
        ("sharding", "max_shard_write_rps", "relational_primary_writes_per_s"),
        ("servers", "rps_per_server", "app_server_rps"),
    ],
)
def test_calculator_defaults_that_quote_an_industry_figure_are_that_figure(calc_id: str, field_name: str, key: str) -> None:
    declared = next(f for f in REGISTRY[calc_id].fields if f.name == field_name)
    assert units.parse_number(declared.default) == figure(key).value
    assert figure(key).format() in declared.help


def test_a_limit_set_in_powers_of_1024_prints_in_binary_units() -> None:
    assert figure("etcd_default_quota_bytes").format() == "2 GiB"
    assert figure("etcd_request_max_bytes").range_text() == "1.5 MiB"
    assert figure("relational_primary_writes_per_s").sizes is units.SizeSystem.DECIMAL
