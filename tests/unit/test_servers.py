"""Servers calculator: peak load ÷ planned load per server, rounded up, plus spares."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import evaluate
from calculators.servers import ServersInputs, estimate_servers, with_redundancy
from calculators.units import whole_units


def test_seed_example_ten_thousand_rps_doubled_is_twenty_servers() -> None:
    """The seed's check: 10,000 RPS at 1,000 per server → 10 servers, ×2 for redundancy → 20."""
    result = evaluate(
        "servers", {"peak_rps": "10,000", "rps_per_server": "1,000", "target_utilisation": "100%", "redundancy": "x2"}
    )
    assert result["ok"]
    assert result["values"]["servers_for_load"] == 10
    assert result["values"]["servers_total"] == 20
    assert result["display"]["servers_total"] == "20 servers"
    assert result["values"]["utilisation_at_peak"] == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("inputs", "for_load", "total"),
    [
        pytest.param({"target_utilisation": "70%", "redundancy": "none"}, 15, 15, id="headroom-at-70-percent"),
        pytest.param({"target_utilisation": "70%", "redundancy": "n+1"}, 15, 16, id="n-plus-one"),
        pytest.param({"target_utilisation": "70%", "redundancy": "n+2"}, 15, 17, id="n-plus-two"),
        pytest.param({"target_utilisation": "50%", "redundancy": "x2"}, 20, 40, id="half-utilised-two-zones"),
        pytest.param(
            {"peak_rps": "7,000", "target_utilisation": "70%", "redundancy": "none"}, 10, 10, id="exact-division-no-float-creep"
        ),
        pytest.param({"peak_rps": "1", "redundancy": "none"}, 1, 1, id="tiny-load-still-one-server"),
    ],
)
def test_worked_examples(inputs: dict[str, str], for_load: int, total: int) -> None:
    values = evaluate("servers", inputs)["values"]
    assert (values["servers_for_load"], values["servers_total"]) == (for_load, total)


def test_utilisation_at_peak_never_exceeds_the_target() -> None:
    values = evaluate("servers", {"target_utilisation": "70%", "redundancy": "none"})["values"]
    assert values["utilisation_at_peak"] == pytest.approx(10_000 / 15_000)
    assert values["utilisation_at_peak"] <= 0.7


def test_whole_units_forgives_float_noise_only() -> None:
    assert whole_units(0.1 * 3 / 0.3) == 1
    assert whole_units(1.000001) == 2


def test_unknown_redundancy_is_refused_by_the_function_and_the_form() -> None:
    with pytest.raises(ValueError):
        with_redundancy(3, "n+3")
    message = evaluate("servers", {"redundancy": "n+3"})["errors"]["redundancy"]
    assert message.startswith("Redundancy: ") and "choose one of none, n+1, n+2, x2" in message


@given(
    peak=st.floats(min_value=1, max_value=1e9),
    more=st.floats(min_value=1, max_value=10),
    redundancy=st.sampled_from(["none", "n+1", "n+2", "x2"]),
)
def test_more_load_never_needs_fewer_servers(peak: float, more: float, redundancy: str) -> None:
    low = estimate_servers(ServersInputs(peak, 1000, 0.7, redundancy))
    high = estimate_servers(ServersInputs(peak * more, 1000, 0.7, redundancy))
    assert high.servers_total >= low.servers_total
    assert low.utilisation_at_peak <= 0.7 + 1e-9


@given(utilisation=st.floats(min_value=0.01, max_value=1), lower=st.floats(min_value=0.01, max_value=1))
def test_lower_utilisation_target_never_needs_fewer_servers(utilisation: float, lower: float) -> None:
    low_target, high_target = sorted((utilisation, lower))
    assert (
        estimate_servers(ServersInputs(50_000, 800, low_target, "n+1")).servers_total
        >= estimate_servers(ServersInputs(50_000, 800, high_target, "n+1")).servers_total
    )


def test_extremes_stay_finite() -> None:
    result = evaluate("servers", {"peak_rps": "1e10", "rps_per_server": "0.01", "target_utilisation": "1%", "redundancy": "x2"})
    assert result["ok"]
    assert result["values"]["servers_total"] == pytest.approx(2e14)
