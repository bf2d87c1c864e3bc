"""Cost calculator: each bill line is a quantity × its list price, worked here by hand; money prints and reads back.

Sizes in the worked examples are whole TiB, so a billed GB (2³⁰ bytes) count is exact: 1 TiB = 1,024 GB.
"""

from __future__ import annotations

import pytest

from calculators import evaluate, units
from calculators.reference import figure

# 1 TiB stored, 10 TiB out, 100 TiB through the CDN, 1 TiB between zones, 10 servers × 4 vCPUs all month.
WORKED = {
    "stored_bytes": "1 TiB",
    "storage_price_per_gb_month": "$0.023",
    "egress_bytes_per_month": "10 TiB",
    "egress_price_per_gb": "$0.09",
    "cdn_bytes_per_month": "100 TiB",
    "cdn_price_per_gb": "$0.085",
    "inter_zone_bytes_per_month": "1 TiB",
    "inter_zone_price_per_gb": "$0.01",
    "servers": "10",
    "vcpus_per_server": "4",
    "vcpu_hour_price": "0.05",
    "hours_per_month": "730",
}
# By hand: 1,024 GB × $0.023; 10,240 × $0.09; 102,400 × $0.085; 1,024 × $0.01 × 2 ways; 10 × 4 × 730 h × $0.05.
STORAGE, EGRESS, CDN, INTER_ZONE, COMPUTE = 23.552, 921.6, 8_704.0, 20.48, 1_460.0
TOTAL = 11_129.632


def worked(**changes: str) -> dict[str, object]:
    result = evaluate("cost", {**WORKED, **changes})
    assert result["ok"], result["errors"]
    return dict(result)


def test_each_line_is_its_quantity_times_its_price() -> None:
    values = worked()["values"]
    assert isinstance(values, dict)
    assert values["storage_usd_per_month"] == pytest.approx(STORAGE)
    assert values["egress_usd_per_month"] == pytest.approx(EGRESS)
    assert values["cdn_usd_per_month"] == pytest.approx(CDN)
    assert values["inter_zone_usd_per_month"] == pytest.approx(INTER_ZONE)
    assert values["compute_usd_per_month"] == pytest.approx(COMPUTE)
    assert values["total_usd_per_month"] == pytest.approx(TOTAL)
    assert values["total_usd_per_year"] == pytest.approx(TOTAL * 12)
    assert values["largest_line_share"] == pytest.approx(8_704 / 11_129.632)


def test_the_bill_prints_in_dollars_and_says_a_rounded_figure() -> None:
    result = worked()
    assert result["display"] == {
        "storage_usd_per_month": "$23.6/month",
        "egress_usd_per_month": "$922/month",
        "cdn_usd_per_month": "$8.7 k/month",
        "inter_zone_usd_per_month": "$20.5/month",
        "compute_usd_per_month": "$1.46 k/month",
        "total_usd_per_month": "$11.1 k/month",
        "total_usd_per_year": "$134 k/year",
        "largest_line_share": "78.21%",
    }
    rough = result["rough"]
    assert isinstance(rough, dict)
    assert rough["total_usd_per_month"] == "≈ $11 k/month"  # $10 k would be 10.1% low
    assert rough["cdn_usd_per_month"] == "≈ $9 k/month"


def test_working_lines_show_each_product() -> None:
    working = worked()["working"]
    assert isinstance(working, dict)
    assert working["compute_usd_per_month"] == "10 × 4 × 730 h × $0.05 = $1.46 k"
    assert working["inter_zone_usd_per_month"] == "1.1 TB in GB of 2³⁰ bytes × $0.01 × 2 = $20.5"
    assert working["total_usd_per_year"] == "$11.1 k × 12 = $134 k"


def test_the_bill_table_puts_the_largest_line_first() -> None:
    table = worked()["tables"]["bill"]  # type: ignore[index]
    assert [row[0] for row in table["rows"]] == [
        "CDN delivery",
        "Compute",
        "Data out to the internet",
        "Storage",
        "Traffic between zones",
    ]
    assert table["rows"][0][3:] == ["$8.7 k", "78.21%"]
    assert table["rows"][1][1:3] == ["29,200 vCPU-hours", "$0.05/vCPU-hour"]


@pytest.mark.parametrize(
    ("changes", "largest"),
    [
        pytest.param({"stored_bytes": "1 PiB"}, "storage_usd_per_month", id="photos-storage"),  # $24.1 k
        pytest.param({"cdn_bytes_per_month": "0", "servers": "100"}, "compute_usd_per_month", id="chat-compute"),
        pytest.param({"cdn_bytes_per_month": "0", "egress_bytes_per_month": "1 PiB"}, "egress_usd_per_month", id="egress"),
    ],
)
def test_the_largest_line_follows_the_inputs(changes: dict[str, str], largest: str) -> None:
    values = worked(**changes)["values"]
    assert isinstance(values, dict)
    lines = [key for key in values if key.endswith("_usd_per_month") and key != "total_usd_per_month"]
    assert max(lines, key=lambda key: values[key]) == largest
    assert values["largest_line_share"] == pytest.approx(values[largest] / values["total_usd_per_month"])


def test_a_decimal_terabyte_is_billed_as_931_gb() -> None:
    """Bills count 2³⁰ bytes as a GB: 10¹² bytes at $0.023 is $21.42, not $23."""
    values = worked(stored_bytes="1 TB")["values"]
    assert isinstance(values, dict)
    assert values["storage_usd_per_month"] == pytest.approx(1e12 / 1_073_741_824 * 0.023)
    assert values["storage_usd_per_month"] == pytest.approx(21.42, abs=0.005)


def test_an_empty_bill_is_zero_with_no_largest_line() -> None:
    zeros = {key: "0" for key in ("stored_bytes", "egress_bytes_per_month", "cdn_bytes_per_month", "inter_zone_bytes_per_month")}
    result = worked(servers="0", **zeros)
    assert result["values"]["total_usd_per_month"] == 0  # type: ignore[index]
    assert result["values"]["largest_line_share"] == 0  # type: ignore[index]
    assert all(row[4] == "—" for row in result["tables"]["bill"]["rows"])  # type: ignore[index]


@pytest.mark.parametrize(
    ("field", "key"),
    [
        ("storage_price_per_gb_month", "object_storage_standard_usd_per_gb_month"),
        ("egress_price_per_gb", "internet_egress_usd_per_gb"),
        ("cdn_price_per_gb", "cdn_egress_usd_per_gb"),
        ("inter_zone_price_per_gb", "inter_zone_transfer_usd_per_gb"),
        ("vcpu_hour_price", "vcpu_hour_usd"),
    ],
)
def test_default_prices_are_the_dated_reference_figures(field: str, key: str) -> None:
    from calculators import REGISTRY

    declared = REGISTRY["cost"].field_index[field]
    assert units.parse_money(declared.default) == figure(key).value
    assert str(figure(key).year) in declared.help and figure(key).format() in declared.help


@pytest.mark.parametrize(
    ("field", "typed", "reason"),
    [
        ("storage_price_per_gb_month", "abc", "Storage price: is not a number; enter an amount in dollars such as $0.0125"),
        ("egress_price_per_gb", "-0.09", "Internet egress price: must be at least $0; enter an amount in dollars"),
        ("cdn_price_per_gb", "$$1", "CDN delivery price: more than one dollar sign; enter an amount in dollars"),
        ("stored_bytes", "-5 TB", "Data stored: must be at least 0 B; enter a size such as 100 TB or 5 PB"),
        ("servers", "2.5", "Servers: must be a whole number; enter a number such as 20 or 150"),
    ],
)
def test_bad_input_names_the_field_and_an_accepted_form(field: str, typed: str, reason: str) -> None:
    result = evaluate("cost", {field: typed})
    assert result["ok"] is False
    assert result["errors"][field].startswith(reason), result["errors"][field]
    assert evaluate("cost", {field: WORKED[field]})["ok"]  # and it recovers


# --------------------------------------------------------------------------- money in units


@pytest.mark.parametrize(
    ("amount", "printed"),
    [
        (0.023, "$0.023"),
        (0.00099, "$0.00099"),
        (23.552, "$23.6"),
        (999.4, "$999"),
        (999.6, "$1 k"),  # rounds first, then picks the letter
        (12_410, "$12.4 k"),
        (999_960, "$1 M"),
        (4_370_000, "$4.37 M"),
        (2.5e9, "$2.5 B"),
        (0, "$0"),
        (-5, "-$5"),
        (3e18, "$3 × 10¹⁸"),
    ],
)
def test_format_money(amount: float, printed: str) -> None:
    assert units.format_money(amount) == printed


@pytest.mark.parametrize(
    ("typed", "dollars"),
    [("$0.023", 0.023), ("0.09", 0.09), ("$12k", 12_000.0), ("$ 1.5M", 1.5e6), ("US$5", 5.0), ("0.08/GB-month", 0.08)],
)
def test_parse_money(typed: str, dollars: float) -> None:
    assert units.parse_money(typed) == dollars


@pytest.mark.parametrize("typed", ["", "$", "abc", "$$5", "5 dollars", "$1e400"])
def test_parse_money_refuses_what_is_not_an_amount(typed: str) -> None:
    with pytest.raises(units.ParseError):
        units.parse_money(typed)


@pytest.mark.parametrize(
    ("amount", "spoken"),
    [(12_410, "≈ $12 k"), (364_000, "≈ $400 k"), (0.0504, "≈ $0.05"), (967_000, "≈ $1 M"), (0, "≈ $0")],
)
def test_speak_money(amount: float, spoken: str) -> None:
    assert units.speak_money(amount) == spoken
