"""Concurrency calculator: Little's law for requests in flight and database connections.

Reference: John D. C. Little, "A Proof for the Queuing Formula: L = λW", Operations Research 9(3), 1961.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import evaluate
from calculators.concurrency import ConcurrencyInputs, estimate_concurrency, littles_law
from tests.unit.calculator_checks import assert_sound


@pytest.mark.parametrize(
    ("rate", "time_s", "inside"),
    [
        pytest.param(10_000, 0.2, 2_000, id="10k-rps-200ms"),
        pytest.param(1_000, 0.1, 100, id="1k-rps-100ms"),
        # The usual illustration: 2 customers a minute who stay 5 minutes keep 10 in the shop.
        pytest.param(2 / 60, 5 * 60, 10, id="shop-2-per-minute-5-minutes"),
        pytest.param(0, 1, 0, id="no-arrivals"),
    ],
)
def test_littles_law(rate: float, time_s: float, inside: float) -> None:
    assert littles_law(rate, time_s) == pytest.approx(inside)


def test_default_pool_sizing() -> None:
    result = evaluate("concurrency", {})
    values = result["values"]
    assert values["requests_in_flight"] == pytest.approx(2_000)
    assert values["in_flight_per_server"] == pytest.approx(100)
    assert values["db_connections_busy"] == pytest.approx(200)
    assert values["pool_size_per_server"] == 13  # ⌈200 ÷ 20 × 1.25⌉ = ⌈12.5⌉
    assert values["pool_connections_total"] == 260
    assert values["connection_limit_used"] == pytest.approx(0.52)
    assert result["display"]["connection_limit_used"] == "52%"


def test_pools_that_can_exceed_the_limit_show_over_100_percent() -> None:
    """PostgreSQL's default max_connections is 100 (PostgreSQL docs, "Connections and Authentication")."""
    values = evaluate("concurrency", {"db_connection_limit": "100"})["values"]
    assert values["connection_limit_used"] == pytest.approx(2.6)


@pytest.mark.parametrize(
    ("inputs", "pool"),
    [
        pytest.param({"pool_headroom": "0"}, 10, id="no-headroom"),
        pytest.param({"arrival_rps": "0"}, 1, id="idle-still-one-connection"),
        pytest.param({"app_servers": "1"}, 250, id="one-server-takes-all"),
    ],
)
def test_pool_size_cases(inputs: dict[str, str], pool: int) -> None:
    assert evaluate("concurrency", inputs)["values"]["pool_size_per_server"] == pool


def test_database_time_longer_than_the_request_is_refused() -> None:
    result = evaluate("concurrency", {"response_time_s": "50 ms", "db_time_s": "80 ms"})
    assert result["ok"] is False
    message = result["errors"]["db_time_s"]
    assert message.startswith("Database time per request: must be at most the time in system (50 ms)")
    assert "such as" in message


@given(
    rate=st.floats(min_value=0, max_value=1e9),
    more=st.floats(min_value=1, max_value=100),
    db_time=st.floats(min_value=0, max_value=1),
)
def test_more_traffic_never_needs_fewer_connections(rate: float, more: float, db_time: float) -> None:
    low = estimate_concurrency(ConcurrencyInputs(rate, 1.0, 10, db_time, 0.25, 500))
    high = estimate_concurrency(ConcurrencyInputs(min(rate * more, 1e10), 1.0, 10, db_time, 0.25, 500))
    assert high.requests_in_flight >= low.requests_in_flight
    assert high.pool_size_per_server >= low.pool_size_per_server
    assert high.connection_limit_used >= low.connection_limit_used


@given(servers=st.integers(min_value=1, max_value=1000))
def test_pools_together_cover_the_busy_connections(servers: int) -> None:
    estimate = estimate_concurrency(ConcurrencyInputs(5_000, 0.3, servers, 0.05, 0.0, 10_000))
    assert estimate.pool_connections_total >= estimate.db_connections_busy - 1e-9


def test_extremes_stay_finite() -> None:
    result = evaluate(
        "concurrency",
        {
            "arrival_rps": "1e10",
            "response_time_s": "1 d",
            "db_time_s": "1 d",
            "pool_headroom": "1000%",
            "db_connection_limit": "1",
        },
    )
    assert result["ok"]
    assert_sound(result)
