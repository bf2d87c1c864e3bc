"""Worked examples for the four platform calculators, with sources for the known answers."""

from __future__ import annotations

import pytest

from calculators import evaluate

# The seed's social-media sample: 100 M DAU, 2 posts per user per day, 100 reads per write,
# 3× peak, 1,000-byte posts. Its published answers: ≈ 6,944 peak writes/s, ≈ 694,444 peak
# reads/s and 73 TB (which it mislabels: 73 × 10¹² bytes is 66.4 TiB) a year.
SEED_TRAFFIC = {
    "monthly_active_users": "200M",
    "daily_active_fraction": "50%",
    "requests_per_user_per_day": "202",  # 2 writes + 200 reads
    "read_write_ratio": "100",
    "peak_multiplier": "3x",
}
SEED_STORAGE = {
    "items_per_day": "200M",
    "item_bytes": "1000",
    "metadata_overhead": "0",
    "index_overhead": "0",
    "replication_factor": "1",
    "backup_copies": "0",
    "yearly_growth": "0",
    "horizon_years": "1",
}


def test_seed_social_media_traffic() -> None:
    result = evaluate("traffic", SEED_TRAFFIC)
    assert result["ok"]
    values = result["values"]
    assert values["daily_active_users"] == pytest.approx(100e6)
    assert values["peak_write_rps"] == pytest.approx(100e6 * 2 / 86_400 * 3)
    assert round(values["peak_write_rps"]) == 6_944
    assert round(values["peak_read_rps"]) == 694_444
    assert result["display"]["peak_write_rps"] == "6,944 req/s"
    assert result["display"]["peak_read_rps"] == "694,444 req/s"


def test_users_online_follow_littles_law_by_default() -> None:
    """100 M DAU online 30 minutes a day: 100 M × 30 ÷ 1,440 ≈ 2.08 M on average, × 3 at peak = 6.25 M.

    The old default (10% of DAU) said 10 M, the rule the numbers page corrects.
    """
    values = evaluate("traffic", SEED_TRAFFIC)["values"]
    assert values["average_concurrent_users"] == pytest.approx(100e6 * 30 / 1440)
    assert values["peak_concurrent_users"] == pytest.approx(6.25e6)


def test_a_stated_share_online_overrides_littles_law() -> None:
    values = evaluate("traffic", {**SEED_TRAFFIC, "concurrent_fraction": "20%"})["values"]
    assert values["peak_concurrent_users"] == pytest.approx(20e6)


def test_users_online_never_exceed_daily_users() -> None:
    values = evaluate("traffic", {**SEED_TRAFFIC, "minutes_online_per_day": "1440"})["values"]
    assert values["average_concurrent_users"] == pytest.approx(100e6)
    assert values["peak_concurrent_users"] == pytest.approx(100e6)


def test_seed_social_media_storage_is_73_tb_which_is_66_4_tib() -> None:
    result = evaluate("storage", SEED_STORAGE)
    assert result["values"]["raw_bytes_per_year"] == pytest.approx(73e12)
    assert result["values"]["raw_bytes_per_year"] / 1024**4 == pytest.approx(66.39, abs=0.01)
    assert result["display"]["raw_bytes_per_year"] == "73 TB (66.4 TiB)"
    assert result["values"]["stored_bytes_at_horizon"] == pytest.approx(73e12)


@pytest.mark.parametrize(
    ("target", "per_year_s", "per_month_s"),
    [
        # Textbook downtime budgets (365.25-day year, 30.44-day month), e.g. Google SRE book ch. 3 tables.
        ("99%", 3.6525 * 86_400, 0.304375 * 86_400),
        ("99.9%", 8.766 * 3600, 43.83 * 60),
        ("99.95%", 4.383 * 3600, 21.915 * 60),
        ("99.99%", 52.596 * 60, 4.3830 * 60),
        ("99.999%", 5.2596 * 60, 26.298),
    ],
    ids=["two-nines", "three-nines", "three-and-a-half", "four-nines", "five-nines"],
)
def test_textbook_downtime_budgets(target: str, per_year_s: float, per_month_s: float) -> None:
    values = evaluate("availability", {"target": target})["values"]
    assert values["downtime_per_year_s"] == pytest.approx(per_year_s, rel=1e-3)
    assert values["downtime_per_month_s"] == pytest.approx(per_month_s, rel=1e-3)


def test_three_nines_is_8_77_hours_with_a_julian_year() -> None:
    result = evaluate("availability", {"target": "99.9%"})
    assert result["values"]["downtime_per_year_s"] / 3600 == pytest.approx(8.77, abs=0.005)
    assert result["display"]["downtime_per_year_s"] == "8 h 46 min"


@pytest.mark.parametrize(
    ("components", "series", "parallel"),
    [
        ("99.9%, 99.9%", 0.998001, 0.999999),
        ("99%, 99%", 0.9801, 0.9999),
        ("99.9%", 0.999, 0.999),
        ("90%, 90%, 90%", 0.729, 0.999),
    ],
)
def test_composite_availability(components: str, series: float, parallel: float) -> None:
    values = evaluate("availability", {"components": components})["values"]
    assert values["series_availability"] == pytest.approx(series, abs=1e-12)
    assert values["parallel_availability"] == pytest.approx(parallel, abs=1e-12)


def test_default_is_a_chain_in_series_with_two_replicas_of_each_component() -> None:
    """Load balancer 99.99%, app server 99.95%, database node 99.9%, two of each.

    Each pair is 1 − (1 − a)²; the chain multiplies the pairs. The old default combined the three
    tiers "in parallel": about 10 nines, 1.58 ms of downtime a year.
    """
    values = evaluate("availability", {})["values"]
    pairs = (1 - 0.0001**2) * (1 - 0.0005**2) * (1 - 0.001**2)
    assert values["redundant_availability"] == pytest.approx(pairs, abs=1e-15)
    assert values["series_availability"] == pytest.approx(0.9999 * 0.9995 * 0.999, abs=1e-15)
    assert values["redundant_downtime_per_year_s"] == pytest.approx((1 - pairs) * 365.25 * 86_400)
    assert values["redundant_downtime_per_year_s"] > 30  # tens of seconds a year, not milliseconds


def test_replicas_may_differ_per_component() -> None:
    values = evaluate("availability", {"components": "99.99%, 99.95%, 99.9%", "replicas": "2, 3, 1"})["values"]
    assert values["redundant_availability"] == pytest.approx((1 - 0.0001**2) * (1 - 0.0005**3) * 0.999, abs=1e-15)


def test_one_replica_each_is_the_plain_chain() -> None:
    values = evaluate("availability", {"components": "99.9%, 99%", "replicas": "1"})["values"]
    assert values["redundant_availability"] == pytest.approx(0.999 * 0.99, abs=1e-15)


def test_replica_counts_must_match_the_components() -> None:
    result = evaluate("availability", {"components": "99.9%, 99%", "replicas": "2, 2, 2"})
    assert not result["ok"]
    assert result["errors"]["replicas"].startswith("Replicas of each component: 3 counts for 2 components")


def test_bandwidth_from_the_social_media_averages() -> None:
    result = evaluate(
        "bandwidth", {"read_rps": "231,481", "write_rps": "2,315", "response_bytes": "5 KiB", "request_bytes": "1 KiB"}
    )
    values = result["values"]
    assert values["egress_bytes_per_s"] == pytest.approx(231_481 * 5120)
    assert values["ingress_bytes_per_s"] == pytest.approx(2_315 * 1024)
    assert values["transfer_bytes_per_day"] == pytest.approx((231_481 * 5120 + 2_315 * 1024) * 86_400)
    assert result["display"]["egress_bytes_per_s"] == "9.48 Gbit/s (1.19 GB/s)"


@pytest.mark.parametrize(
    ("retention_days", "growth", "horizon", "expected_years_of_first_year_bytes"),
    [
        ("3650", "0", "5", 5.0),  # everything kept
        ("365", "0", "5", 1.0),  # only the last year
        ("182.5", "0", "5", 0.5),  # half a year
        ("3650", "100%", "3", 1 + 2 + 4),  # doubling every year
    ],
)
def test_storage_retention_and_growth(
    retention_days: str, growth: str, horizon: str, expected_years_of_first_year_bytes: float
) -> None:
    result = evaluate("storage", {"retention_days": retention_days, "yearly_growth": growth, "horizon_years": horizon})
    values = result["values"]
    assert values["stored_bytes_at_horizon"] == pytest.approx(
        values["stored_bytes_per_year"] * expected_years_of_first_year_bytes
    )
