"""The worksheet: each stage agrees with its own calculator, the cache is sized from distinct items, overrides flow on.

Every expected figure here comes from the standalone calculators through ``evaluate``, fed with the
worksheet's raw text for the fields they share; none is computed by the worksheet module itself.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pytest

from calculators import REGISTRY, evaluate
from calculators.units import DAYS_PER_MONTH, SECONDS_PER_DAY

SHEET = REGISTRY["worksheet"]
PRESET_IDS = [preset.id for preset in SHEET.presets]

# The stage calculators' own names for the worksheet fields that feed them, where the names differ.
STORAGE_NAMES = {"overhead": "index_overhead"}
BANDWIDTH_NAMES = {"item_bytes": "request_bytes"}
CACHE_NAMES = {"cache_hit_ratio": "hit_ratio", "cache_node_bytes": "node_memory_bytes"}


def number(value: float) -> str:
    """A machine value as text every number and size field reads back exactly."""
    return repr(float(value))


def shared(raw: Mapping[str, str], calc_id: str, renamed: Mapping[str, str] | None = None) -> dict[str, str]:
    """The worksheet's raw text for every field the stage calculator also declares (by its own name)."""
    renamed = renamed or {}
    stage_fields = REGISTRY[calc_id].field_index
    return {renamed.get(name, name): text for name, text in raw.items() if renamed.get(name, name) in stage_fields}


def run(calc_id: str, inputs: Mapping[str, str]) -> dict[str, float]:
    result = evaluate(calc_id, dict(inputs))
    assert result["ok"], (calc_id, result["errors"])
    return dict(result["values"])


def stages(raw: Mapping[str, str]) -> dict[str, dict[str, float]]:
    """The standalone calculators chained by hand, as the worksheet's notes describe them."""
    traffic = run("traffic", shared(raw, "traffic"))
    peak_read = float(raw["peak_read_rps_override"]) if raw.get("peak_read_rps_override") else traffic["peak_read_rps"]
    peak_write = float(raw["peak_write_rps_override"]) if raw.get("peak_write_rps_override") else traffic["peak_write_rps"]
    # Average = peak ÷ multiplier; the traffic stage's own ratio gives the multiplier without parsing "3x" here.
    peak_factor = traffic["peak_rps"] / traffic["average_rps"]
    average_write, average_read = peak_write / peak_factor, peak_read / peak_factor
    storage = run(
        "storage",
        {
            **shared(raw, "storage", STORAGE_NAMES),
            "items_per_day": number(average_write * SECONDS_PER_DAY),
            "metadata_overhead": "0",
            "backup_copies": "0",
        },
    )
    bandwidth = run(
        "bandwidth",
        {
            **shared(raw, "bandwidth", BANDWIDTH_NAMES),
            "read_rps": number(average_read),
            "write_rps": number(average_write),
        },
    )
    servers = run("servers", {**shared(raw, "servers"), "peak_rps": number(peak_read + peak_write)})
    distinct = raw.get("distinct_items_read_per_day") or number(average_write * SECONDS_PER_DAY)
    cache = run(
        "cache",
        {
            **shared(raw, "cache", CACHE_NAMES),
            "read_rps": number(peak_read),
            "items_read_per_day": distinct,
            "usable_fraction": "75%",
        },
    )
    replicas = float(raw["replication_factor"])
    data_bytes = raw.get("data_bytes_override") or number(storage["stored_bytes_at_horizon"] / replicas)
    sharding = run(
        "sharding",
        {**shared(raw, "sharding"), "data_bytes": data_bytes, "write_rps": number(peak_write), "sample_keys": "100"},
    )
    egress_per_month, inter_zone_per_month = cost_quantities(storage, bandwidth, replicas)
    cost = run(
        "cost",
        {
            **shared(raw, "cost"),
            "stored_bytes": number(storage["stored_bytes_at_horizon"]),
            "egress_bytes_per_month": number(egress_per_month),
            "cdn_bytes_per_month": "0",
            "inter_zone_bytes_per_month": number(inter_zone_per_month),
            "servers": number(servers["servers_total"]),
            "hours_per_month": "730",
        },
    )
    return dict(traffic=traffic, storage=storage, bandwidth=bandwidth, servers=servers, cache=cache, sharding=sharding, cost=cost)


def cost_quantities(storage: Mapping[str, float], bandwidth: Mapping[str, float], replicas: float) -> tuple[float, float]:
    """What the cost stage prices: a month of responses, and the writes each further replica receives from another zone."""
    egress_per_month = bandwidth["egress_bytes_per_s"] * SECONDS_PER_DAY * DAYS_PER_MONTH
    inter_zone_per_month = storage["stored_bytes_per_day"] * (replicas - 1) / replicas * DAYS_PER_MONTH
    return egress_per_month, inter_zone_per_month


def sheet(raw: Mapping[str, str]) -> dict[str, float]:
    return run("worksheet", raw)


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def preset_raw(preset_id: str, **changes: str) -> dict[str, str]:
    return {**SHEET.preset_inputs(preset_id), **changes}


# Worksheet output key → (stage, the stage calculator's output key).
STAGE_OF_OUTPUT: dict[str, tuple[str, str]] = {
    "daily_active_users": ("traffic", "daily_active_users"),
    "stored_bytes_per_day": ("storage", "stored_bytes_per_day"),
    "stored_bytes_at_horizon": ("storage", "stored_bytes_at_horizon"),
    "peak_bandwidth_bytes_per_s": ("bandwidth", "peak_total_bytes_per_s"),
    "transfer_bytes_per_month": ("bandwidth", "transfer_bytes_per_month"),
    "app_servers": ("servers", "servers_total"),
    "backend_read_rps": ("cache", "backend_rps"),
    "cache_memory_bytes": ("cache", "working_set_bytes"),
    "cache_nodes": ("cache", "cache_nodes"),
    "shards_for_size": ("sharding", "shards_for_size"),
    "shards_for_writes": ("sharding", "shards_for_writes"),
    "shards": ("sharding", "shards_needed"),
    "storage_usd_per_month": ("cost", "storage_usd_per_month"),
    "egress_usd_per_month": ("cost", "egress_usd_per_month"),
    "inter_zone_usd_per_month": ("cost", "inter_zone_usd_per_month"),
    "compute_usd_per_month": ("cost", "compute_usd_per_month"),
    "total_usd_per_month": ("cost", "total_usd_per_month"),
    "total_usd_per_year": ("cost", "total_usd_per_year"),
}
STAGES = sorted({stage for stage, _ in STAGE_OF_OUTPUT.values()})


def test_every_output_is_checked_against_a_stage_or_named_as_a_pass_through() -> None:
    passed_through = {"peak_read_rps", "peak_write_rps", "distinct_items_per_day", "data_bytes_per_copy"}
    passed_through |= {"egress_bytes_per_month", "inter_zone_bytes_per_month"}  # checked in the cost tests below
    assert {o.key for o in SHEET.outputs} == set(STAGE_OF_OUTPUT) | passed_through


@pytest.mark.parametrize("preset_id", PRESET_IDS)
def test_every_preset_evaluates(preset_id: str) -> None:
    result = evaluate("worksheet", SHEET.preset_inputs(preset_id))
    assert result["ok"], result["errors"]
    assert all(math.isfinite(value) for value in result["values"].values())


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize("preset_id", PRESET_IDS)
def test_stage_equals_its_own_calculator(preset_id: str, stage: str) -> None:
    raw = preset_raw(preset_id)
    got, expected = sheet(raw), stages(raw)[stage]
    for key, (owner, stage_key) in STAGE_OF_OUTPUT.items():
        if owner == stage:
            assert close(got[key], expected[stage_key]), (key, got[key], expected[stage_key])


@pytest.mark.parametrize("preset_id", PRESET_IDS)
def test_traffic_figures_pass_through_unchanged(preset_id: str) -> None:
    raw = preset_raw(preset_id)
    got, traffic = sheet(raw), stages(raw)["traffic"]
    assert close(got["peak_read_rps"], traffic["peak_read_rps"])
    assert close(got["peak_write_rps"], traffic["peak_write_rps"])


@pytest.mark.parametrize("preset_id", PRESET_IDS)
def test_cache_holds_no_more_than_a_day_of_new_items_by_default(preset_id: str) -> None:
    """Left empty, the distinct items are a day's new items: the hot set is at most a day of new payload.

    The old rule (20% of a day's read requests × the response size) gave 20.5 TB for a feed whose day of
    new posts is 200 GB.
    """
    raw = preset_raw(preset_id, distinct_items_read_per_day="")
    got, traffic = sheet(raw), stages(raw)["traffic"]
    day_of_new_items = traffic["average_write_rps"] * SECONDS_PER_DAY
    assert close(got["distinct_items_per_day"], day_of_new_items)
    item_bytes = run("storage", {"item_bytes": raw["item_bytes"], "items_per_day": "1"})["raw_bytes_per_day"]
    assert got["cache_memory_bytes"] <= day_of_new_items * item_bytes * (1 + 1e-12)


@pytest.mark.parametrize("preset_id", PRESET_IDS)
def test_cache_memory_does_not_follow_reads_or_response_size(preset_id: str) -> None:
    """A post read a million times is cached once: more reads or bigger responses leave the hot set alone."""
    raw = preset_raw(preset_id)
    base = sheet(raw)
    more_reads = sheet({**raw, "peak_read_rps_override": number(base["peak_read_rps"] * 10)})
    one_read = {"response_bytes": raw["response_bytes"], "read_rps": "1", "write_rps": "0", "peak_multiplier": "1"}
    response_bytes = run("bandwidth", one_read)["egress_bytes_per_s"]
    bigger_responses = sheet({**raw, "response_bytes": number(response_bytes * 4)})
    assert more_reads["cache_memory_bytes"] == base["cache_memory_bytes"]
    assert bigger_responses["cache_memory_bytes"] == base["cache_memory_bytes"]


def test_news_feed_cache_is_a_share_of_its_day_of_posts() -> None:
    """With distinct items left empty, 100 M DAU posting twice a day at 1 KB is 200 GB of new posts;
    the hot share of that is cached, however many times each post is read."""
    raw = preset_raw("news-feed", distinct_items_read_per_day="")
    got = sheet(raw)
    hot_share = run("cache", {"hot_share": raw["hot_share"], "items_read_per_day": "1", "item_bytes": "1"})["working_set_bytes"]
    assert close(got["cache_memory_bytes"], 200e9 * hot_share)


def test_given_distinct_items_size_the_cache() -> None:
    raw = preset_raw("news-feed", distinct_items_read_per_day="50M")
    got = sheet(raw)
    assert got["distinct_items_per_day"] == 50e6
    assert close(got["cache_memory_bytes"], stages(raw)["cache"]["working_set_bytes"])


OVERRIDES = ("peak_read_rps_override", "peak_write_rps_override", "data_bytes_override")


@pytest.mark.parametrize("override", OVERRIDES)
@pytest.mark.parametrize("preset_id", PRESET_IDS)
def test_override_replaces_the_figure_for_the_stages_after_it(preset_id: str, override: str) -> None:
    raw = preset_raw(preset_id)
    base = sheet(raw)
    figure = {
        "peak_read_rps_override": base["peak_read_rps"],
        "peak_write_rps_override": base["peak_write_rps"],
        "data_bytes_override": base["data_bytes_per_copy"],
    }[override]
    changed = {**raw, override: number(figure * 7 + 1000)}
    got, expected = sheet(changed), stages(changed)
    for key, (stage, stage_key) in STAGE_OF_OUTPUT.items():
        assert close(got[key], expected[stage][stage_key]), (key, got[key], expected[stage][stage_key])
    shown = {"peak_read_rps_override": "peak_read_rps", "peak_write_rps_override": "peak_write_rps"}
    shown_key = shown.get(override, "data_bytes_per_copy")
    assert close(got[shown_key], figure * 7 + 1000)
    assert got != base


def test_empty_override_keeps_the_stage_figure() -> None:
    raw = preset_raw("news-feed")
    assert sheet({**raw, **dict.fromkeys(OVERRIDES, "")}) == sheet(raw)


@pytest.mark.parametrize("preset_id", PRESET_IDS)
def test_cost_stage_prices_a_month_of_responses_and_of_replication(preset_id: str) -> None:
    raw = preset_raw(preset_id)
    got, expected = sheet(raw), stages(raw)
    egress, inter_zone = cost_quantities(expected["storage"], expected["bandwidth"], float(raw["replication_factor"]))
    assert close(got["egress_bytes_per_month"], egress)
    assert close(got["inter_zone_bytes_per_month"], inter_zone)


def test_a_single_copy_sends_nothing_between_zones() -> None:
    got = sheet(preset_raw("news-feed", replication_factor="1"))
    assert got["inter_zone_bytes_per_month"] == 0 and got["inter_zone_usd_per_month"] == 0


def test_cost_stage_follows_its_prices() -> None:
    """Doubling a price doubles its line and nothing else; the default prices are the reference module's."""
    raw = preset_raw("news-feed")
    base = sheet(raw)
    doubled = sheet({**raw, "egress_price_per_gb": "$0.18"})
    assert raw["egress_price_per_gb"] == "$0.09"
    assert close(doubled["egress_usd_per_month"], 2 * base["egress_usd_per_month"])
    assert close(doubled["storage_usd_per_month"], base["storage_usd_per_month"])
    assert close(doubled["total_usd_per_month"] - base["total_usd_per_month"], base["egress_usd_per_month"])
