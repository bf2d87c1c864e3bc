"""Spoken figures ("Say:"): one tolerance, percentages for shares, nines for availability only, capacity rounded up."""

from __future__ import annotations

import pytest

from calculators import REGISTRY, evaluate, units
from calculators.fields import DisplayPrefs, Output, OutputKind
from calculators.units import speak


def output(calc_id: str, key: str) -> Output:
    return next(o for o in REGISTRY[calc_id].outputs if o.key == key)


def test_shares_are_spoken_as_percentages_not_nines() -> None:
    sharding = evaluate("sharding", {})
    assert sharding["display"]["mod_moved_sampled"] == "79.26%"
    assert sharding["rough"]["mod_moved_sampled"] == "about 80%"
    servers = evaluate("servers", {})
    assert servers["rough"]["utilisation_at_peak"] == "about 60%"
    spoken = [text for calc_id in REGISTRY for text in evaluate(calc_id, {})["rough"].values() if "nines" in text]
    availability = evaluate("availability", {})["rough"]
    nines_outputs = [o.key for o in REGISTRY["availability"].outputs if o.kind is OutputKind.AVAILABILITY]
    assert spoken == [availability[key] for key in nines_outputs if key in availability]


def test_only_availability_outputs_are_declared_to_speak_in_nines() -> None:
    declared = {(calc_id, o.key) for calc_id, c in REGISTRY.items() for o in c.outputs if o.kind is OutputKind.AVAILABILITY}
    assert declared == {
        ("availability", "redundant_availability"),
        ("availability", "series_availability"),
        ("availability", "parallel_availability"),
    }


@pytest.mark.parametrize(
    ("fraction", "spoken"),
    [(0.998401, "about 2.8 nines"), (0.999, "about 3 nines"), (0.99999999995, "about 10.3 nines"), (0.5, "about 50%")],
)
def test_availability_in_nines_keeps_the_downtime_within_tolerance(fraction: float, spoken: str) -> None:
    assert units.speak_availability(fraction) == spoken


@pytest.mark.parametrize(
    ("calc_id", "key", "exact", "spoken"),
    [
        ("servers", "servers_for_load", 15.0, ""),  # "≈ 20 servers" was 33% high; 15 is already the figure to say
        ("servers", "servers_total", 14.0, ""),  # "≈ 10" said fewer servers than needed
        ("concurrency", "pool_size_per_server", 13.0, ""),
        ("worksheet", "app_servers", 103.0, "≈ 110 servers"),
        ("worksheet", "shards", 354.0, "≈ 360 shards"),
        ("cache", "cache_nodes", 1001.0, "≈ 1.1 thousand nodes (1.1 × 10³)"),
    ],
)
def test_capacity_counts_are_exact_or_rounded_up(calc_id: str, key: str, exact: float, spoken: str) -> None:
    assert output(calc_id, key).rough(exact, DisplayPrefs()) == spoken


def test_durations_are_rounded_within_tolerance_not_to_the_nearest_five() -> None:
    series = output("availability", "series_downtime_per_year_s")
    assert series.format(50_460, DisplayPrefs()) == "14 h 1 min"
    assert series.rough(50_460, DisplayPrefs()) == "about 14 h"
    assert series.rough(86, DisplayPrefs()) == "about 90 s"


def test_a_say_line_that_repeats_the_shown_figure_is_left_out() -> None:
    backoff = evaluate("backoff", {})
    assert backoff["display"]["retries"] == "5 retries" and "retries" not in backoff["rough"]
    assert "best_case_wait_s" not in backoff["rough"]  # "0 s" is exact


def test_singular_unit_for_one() -> None:
    assert units.speak_count(1, "nodes") == "≈ 1 node"


def test_the_tolerance_is_declared_once(monkeypatch: pytest.MonkeyPatch) -> None:
    assert units.SPOKEN_TOLERANCE == speak.SPOKEN_TOLERANCE == 0.10
    assert units.speak_count(15, "calls") == "≈ 15 calls"
    monkeypatch.setattr(speak, "SPOKEN_TOLERANCE", 0.5)
    assert units.speak_count(15, "calls") == "≈ 20 calls"
    assert units.speak_duration(50_460) == "about 10 h"
