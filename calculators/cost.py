"""Cost: a month's bill for storage, data out, traffic between zones and compute, from list prices.

Prices default to the dated list prices in :mod:`calculators.reference`. Cloud bills meter a
"GB" as 2³⁰ bytes (a GiB), so sizes are divided by that before they are priced.
"""

from __future__ import annotations

from dataclasses import dataclass

from calculators.fields import Calculator, DisplayPrefs, Field, FieldKind, Output, OutputKind, Table
from calculators.reference import figure
from calculators.units import format_bytes, format_money, format_number, format_percent

#: Bytes in the "GB" that AWS, Google Cloud and Azure bills count (a binary gigabyte).
BILLED_GB_BYTES = 2**30
#: Hours in a billing month as AWS counts them: 8,760 hours a year ÷ 12.
HOURS_PER_MONTH = 730
MONTHS_PER_YEAR = 12
#: A byte that crosses zones is charged as it leaves one zone and again as it enters the other.
INTER_ZONE_CHARGES_PER_BYTE = 2


@dataclass(frozen=True)
class CostInputs:
    stored_bytes: float  # everything billed as stored, every copy you pay for [bytes]
    storage_price_per_gb_month: float  # [$ / GB-month]
    egress_bytes_per_month: float  # sent straight to the internet from servers or buckets [bytes / month]
    egress_price_per_gb: float  # [$ / GB]
    cdn_bytes_per_month: float  # delivered to viewers by a CDN [bytes / month]
    cdn_price_per_gb: float  # [$ / GB]
    inter_zone_bytes_per_month: float  # crossing between zones of a region, e.g. replication [bytes / month]
    inter_zone_price_per_gb: float  # charged each way [$ / GB]
    servers: float  # machines running all month (or for hours_per_month) [servers]
    vcpus_per_server: float  # [vCPUs]
    vcpu_hour_price: float  # on demand [$ / vCPU-hour]
    hours_per_month: float  # hours each server runs in a month [hours]


@dataclass(frozen=True)
class CostEstimate:
    storage_usd_per_month: float  # [$ / month]
    egress_usd_per_month: float  # [$ / month]
    cdn_usd_per_month: float  # [$ / month]
    inter_zone_usd_per_month: float  # [$ / month]
    compute_usd_per_month: float  # [$ / month]
    total_usd_per_month: float  # [$ / month]
    total_usd_per_year: float  # [$ / year]
    largest_line_share: float  # the largest line ÷ the total; 0 for an empty bill [0..1]
    largest_line: str  # the label of that line


#: Bill lines in the order they are declared: (result attribute, label).
BILL_LINES: tuple[tuple[str, str], ...] = (
    ("storage_usd_per_month", "Storage"),
    ("egress_usd_per_month", "Data out to the internet"),
    ("cdn_usd_per_month", "CDN delivery"),
    ("inter_zone_usd_per_month", "Traffic between zones"),
    ("compute_usd_per_month", "Compute"),
)


def billed_gb(size_bytes: float) -> float:
    """A size in the GB a cloud bill counts (2³⁰ bytes) [GB].

    >>> billed_gb(2**30), round(billed_gb(1e12), 1)
    (1.0, 931.3)
    """
    return size_bytes / BILLED_GB_BYTES


def estimate_cost(inputs: CostInputs) -> CostEstimate:
    """Each line is a quantity times its list price; the total is their sum.

    >>> bill = estimate_cost(CostInputs(2**40, 0.023, 0, 0.09, 0, 0.085, 0, 0.01, 1, 2, 0.05, 730))
    >>> round(bill.storage_usd_per_month, 3), round(bill.compute_usd_per_month, 2), bill.largest_line
    (23.552, 73.0, 'Compute')
    """
    storage = billed_gb(inputs.stored_bytes) * inputs.storage_price_per_gb_month
    egress = billed_gb(inputs.egress_bytes_per_month) * inputs.egress_price_per_gb
    cdn = billed_gb(inputs.cdn_bytes_per_month) * inputs.cdn_price_per_gb
    inter_zone = billed_gb(inputs.inter_zone_bytes_per_month) * inputs.inter_zone_price_per_gb * INTER_ZONE_CHARGES_PER_BYTE
    compute = inputs.servers * inputs.vcpus_per_server * inputs.hours_per_month * inputs.vcpu_hour_price
    lines = dict(zip((key for key, _ in BILL_LINES), (storage, egress, cdn, inter_zone, compute), strict=True))
    total = sum(lines.values())
    largest_key = max(lines, key=lambda key: lines[key])  # the first declared wins a tie
    return CostEstimate(
        storage_usd_per_month=storage,
        egress_usd_per_month=egress,
        cdn_usd_per_month=cdn,
        inter_zone_usd_per_month=inter_zone,
        compute_usd_per_month=compute,
        total_usd_per_month=total,
        total_usd_per_year=total * MONTHS_PER_YEAR,
        largest_line_share=lines[largest_key] / total if total > 0 else 0.0,
        largest_line=dict(BILL_LINES)[largest_key] if total > 0 else "none",
    )


def bill_table(inputs: CostInputs, result: CostEstimate, prefs: DisplayPrefs) -> dict[str, Table]:
    """The month's bill, largest line first, each with its quantity, price and share of the total."""
    quantities = {
        "storage_usd_per_month": (
            f"{format_bytes(inputs.stored_bytes, prefs.sizes)} held",
            f"{format_money(inputs.storage_price_per_gb_month)}/GB-month",
        ),
        "egress_usd_per_month": (
            f"{format_bytes(inputs.egress_bytes_per_month, prefs.sizes)} a month",
            f"{format_money(inputs.egress_price_per_gb)}/GB",
        ),
        "cdn_usd_per_month": (
            f"{format_bytes(inputs.cdn_bytes_per_month, prefs.sizes)} a month",
            f"{format_money(inputs.cdn_price_per_gb)}/GB",
        ),
        "inter_zone_usd_per_month": (
            f"{format_bytes(inputs.inter_zone_bytes_per_month, prefs.sizes)} a month, charged each way",
            f"{format_money(inputs.inter_zone_price_per_gb)}/GB",
        ),
        "compute_usd_per_month": (
            f"{format_number(inputs.servers * inputs.vcpus_per_server * inputs.hours_per_month)} vCPU-hours",
            f"{format_money(inputs.vcpu_hour_price)}/vCPU-hour",
        ),
    }
    ranked = sorted(BILL_LINES, key=lambda line: getattr(result, line[0]), reverse=True)  # stable: ties keep order
    total = result.total_usd_per_month
    rows = tuple(
        (
            label,
            *quantities[key],
            format_money(getattr(result, key)),
            format_percent(getattr(result, key) / total) if total > 0 else "—",
        )
        for key, label in ranked
    )
    return {
        "bill": Table(
            "The month's bill, largest line first",
            ("Line", "Quantity", "List price", "Per month", "Share"),
            rows,
        )
    }


def _price(name: str, label: str, key: str, example: str, unit: str, help_text: str) -> Field:
    """A price field whose default is the dated list price in the reference module."""
    quoted = figure(key)
    return Field(
        name,
        label,
        FieldKind.MONEY,
        default=quoted.number_text(),
        example=example,
        unit=unit,
        minimum=0,
        maximum=1_000,
        help=f"{help_text} Default: the {quoted.year} list price, {quoted.format()}.",
    )


def _quoted(key: str) -> str:
    return figure(key).format()


def _size(name: str, label: str, default: str, example: str, help_text: str) -> Field:
    return Field(name, label, FieldKind.BYTES, default=default, example=example, minimum=0, maximum=1e21, help=help_text)


FIELDS: tuple[Field, ...] = (
    _size(
        "stored_bytes",
        "Data stored",
        "100 TB",
        "100 TB or 5 PB",
        "Every copy you pay for: each database replica on its own volume counts; object storage's redundancy is in its price.",
    ),
    _price(
        "storage_price_per_gb_month",
        "Storage price",
        "object_storage_standard_usd_per_gb_month",
        "$0.0125 or 0.08",
        "$/GB-month",
        f"Object storage standard tier by default; infrequent access {_quoted('object_storage_infrequent_usd_per_gb_month')},"
        f" block SSD {_quoted('block_storage_ssd_usd_per_gb_month')}.",
    ),
    _size(
        "egress_bytes_per_month",
        "Data out to the internet per month",
        "20 TB",
        "20 TB or 2 PB",
        "Sent straight from servers or buckets to users (API responses, downloads). Data in is free.",
    ),
    _price(
        "egress_price_per_gb",
        "Internet egress price",
        "internet_egress_usd_per_gb",
        "$0.05 or 0.12",
        "$/GB",
        "The first volume tier; large volumes pay less per GB.",
    ),
    _size(
        "cdn_bytes_per_month",
        "Data delivered by a CDN per month",
        "100 TB",
        "100 TB or 0",
        "Media and static files served from the edge; the fetch from an origin in the same cloud is free.",
    ),
    _price(
        "cdn_price_per_gb",
        "CDN delivery price",
        "cdn_egress_usd_per_gb",
        "$0.02 or 0.06",
        "$/GB",
        "The first volume tier in the US and Europe; petabytes a month pay a quarter of it.",
    ),
    _size(
        "inter_zone_bytes_per_month",
        "Data between zones per month",
        "10 TB",
        "10 TB or 0",
        "Replication and service calls that cross zones in one region.",
    ),
    _price(
        "inter_zone_price_per_gb",
        "Inter-zone price, each way",
        "inter_zone_transfer_usd_per_gb",
        "$0.02 or 0",
        "$/GB",
        "Charged as a byte leaves one zone and again as it enters the next.",
    ),
    Field(
        "servers",
        "Servers",
        FieldKind.NUMBER,
        default="20",
        example="20 or 150",
        unit="servers",
        minimum=0,
        maximum=1e7,
        integer=True,
        help="Machines running all month: application servers, databases, caches.",
    ),
    Field(
        "vcpus_per_server",
        "vCPUs per server",
        FieldKind.NUMBER,
        default="8",
        example="8 or 16",
        unit="vCPUs",
        minimum=1,
        maximum=1024,
        integer=True,
        help="A general-purpose instance has 4 GiB of memory per vCPU; memory-heavy ones cost more per vCPU.",
    ),
    _price(
        "vcpu_hour_price",
        "Price per vCPU-hour",
        "vcpu_hour_usd",
        "$0.0408 or 0.03",
        "$/vCPU-hour",
        "On demand; commitments and spot capacity take 30–90% off.",
    ),
    Field(
        "hours_per_month",
        "Hours each server runs",
        FieldKind.NUMBER,
        default=str(HOURS_PER_MONTH),
        example="730 or 200",
        unit="hours a month",
        minimum=0,
        maximum=744,
        help="730 is always on (8,760 hours a year ÷ 12); fewer for capacity that scales down off peak.",
    ),
)


def _money(key: str, label: str, formula: str, working: str, unit: str = "$/month") -> Output:
    return Output(key, label, OutputKind.MONEY, unit=unit, formula=formula, working=working)


OUTPUTS: tuple[Output, ...] = (
    _money(
        "storage_usd_per_month",
        "Storage",
        "data stored in GB (2³⁰ bytes) × price per GB-month",
        "{stored_bytes} in GB of 2³⁰ bytes × {storage_price_per_gb_month} = {storage_usd_per_month}",
    ),
    _money(
        "egress_usd_per_month",
        "Data out to the internet",
        "GB out per month × price per GB",
        "{egress_bytes_per_month} in GB of 2³⁰ bytes × {egress_price_per_gb} = {egress_usd_per_month}",
    ),
    _money(
        "cdn_usd_per_month",
        "CDN delivery",
        "GB delivered per month × CDN price per GB",
        "{cdn_bytes_per_month} in GB of 2³⁰ bytes × {cdn_price_per_gb} = {cdn_usd_per_month}",
    ),
    _money(
        "inter_zone_usd_per_month",
        "Traffic between zones",
        "GB crossing per month × price × 2 (out of one zone, into the other)",
        "{inter_zone_bytes_per_month} in GB of 2³⁰ bytes × {inter_zone_price_per_gb} × 2 = {inter_zone_usd_per_month}",
    ),
    _money(
        "compute_usd_per_month",
        "Compute",
        "servers × vCPUs × hours × price per vCPU-hour",
        "{servers} × {vcpus_per_server} × {hours_per_month} h × {vcpu_hour_price} = {compute_usd_per_month}",
    ),
    _money(
        "total_usd_per_month",
        "Total per month",
        "storage + egress + CDN + inter-zone + compute",
        "{storage_usd_per_month} + {egress_usd_per_month} + {cdn_usd_per_month} + {inter_zone_usd_per_month}"
        " + {compute_usd_per_month} = {total_usd_per_month}",
    ),
    _money(
        "total_usd_per_year",
        "Total per year",
        "total per month × 12",
        "{total_usd_per_month} × 12 = {total_usd_per_year}",
        unit="$/year",
    ),
    Output(
        "largest_line_share",
        "Largest line's share",
        OutputKind.FRACTION,
        formula="the largest line ÷ the total (the bill table names it)",
        working="largest of the five lines ÷ {total_usd_per_month} = {largest_line_share}",
    ),
)

CALCULATOR = Calculator(
    id="cost",
    title="Cost",
    summary="Storage, egress, CDN, inter-zone traffic and compute × dated list prices → the monthly and yearly bill.",
    inputs_type=CostInputs,
    compute=estimate_cost,
    tables=bill_table,
    source_module="calculators/cost.py",
    fields=FIELDS,
    outputs=OUTPUTS,
    notes=(
        "Prices are on-demand list prices of one provider and region at a stated date; the reference numbers"
        " give the range across the three largest clouds.",
        "A billed GB is 2³⁰ bytes, so 1 TB (10¹² bytes) is billed as 931 GB.",
        "Requests, managed-service premiums, support and taxes are left out.",
    ),
)
