"""Storage: bytes written per day and per year, and what is held at the end of a planning horizon."""

from __future__ import annotations

from dataclasses import dataclass

from calculators.charts import Bar, bar_chart
from calculators.fields import Calculator, DisplayPrefs, Field, FieldKind, Output, OutputKind
from calculators.units import DAYS_PER_CALENDAR_YEAR, format_bytes


@dataclass(frozen=True)
class StorageInputs:
    items_per_day: float  # new items written [items / day]
    item_bytes: float  # average payload of one item [bytes]
    metadata_overhead: float  # extra bytes for metadata, as a share of the payload [0..]
    index_overhead: float  # extra bytes for indexes, as a share of the payload [0..]
    replication_factor: float  # live copies of every byte [copies]
    backup_copies: float  # further copies kept as backups [copies]
    retention_days: float  # how long an item is kept before deletion [days]
    yearly_growth: float  # growth of items per day from one year to the next [0..]
    horizon_years: float  # how far ahead to plan [years]


@dataclass(frozen=True)
class StorageEstimate:
    raw_bytes_per_day: float  # payload only [bytes / day]
    stored_bytes_per_day: float  # with overheads and every copy [bytes / day]
    raw_bytes_per_year: float  # payload only, first year [bytes / year]
    stored_bytes_per_year: float  # with overheads and copies, first year [bytes / year]
    stored_bytes_at_horizon: float  # held at the end of the horizon, after retention [bytes]
    copies: float  # replication factor + backups [copies]
    overhead_factor: float  # 1 + metadata + index [unitless]


def bytes_written_in_year(first_year_bytes: float, yearly_growth: float, year_index: int) -> float:
    """Bytes written during year ``year_index`` (0 = first) with compound yearly growth [bytes].

    >>> bytes_written_in_year(100.0, 0.5, 2)
    225.0
    """
    return first_year_bytes * (1 + yearly_growth) ** year_index


def retained_share(year_index: int, horizon_years: int, retention_years: float) -> float:
    """Share of year ``year_index``'s writes still kept at the end of the horizon [0..1].

    Writes are spread evenly over a year, so a year that straddles the retention
    boundary keeps the part of it younger than the retention period.

    >>> retained_share(0, 3, 2.5), retained_share(2, 3, 0.25), retained_share(0, 3, 10)
    (0.5, 0.25, 1.0)
    """
    age_of_year_end = horizon_years - (year_index + 1)  # [years] at the horizon
    return max(0.0, min(1.0, retention_years - age_of_year_end))


def bytes_held(first_year_bytes: float, yearly_growth: float, years: int, retention_years: float) -> float:
    """Bytes still kept at the end of year ``years``: each year's writes × the share retention keeps [bytes].

    >>> bytes_held(100.0, 0.0, 3, 10.0), bytes_held(100.0, 0.0, 3, 1.0)
    (300.0, 100.0)
    """
    return sum(
        bytes_written_in_year(first_year_bytes, yearly_growth, year) * retained_share(year, years, retention_years)
        for year in range(years)
    )


def estimate_storage(inputs: StorageInputs) -> StorageEstimate:
    """Daily bytes × overheads × copies, then the sum of each year still within retention.

    >>> seed = StorageInputs(200e6, 1000, 0, 0, 1, 0, 3650, 0, 1)
    >>> estimate_storage(seed).raw_bytes_per_year
    73000000000000.0
    """
    raw_bytes_per_day = inputs.items_per_day * inputs.item_bytes
    overhead_factor = 1 + inputs.metadata_overhead + inputs.index_overhead
    copies = inputs.replication_factor + inputs.backup_copies
    stored_bytes_per_day = raw_bytes_per_day * overhead_factor * copies
    stored_bytes_per_year = stored_bytes_per_day * DAYS_PER_CALENDAR_YEAR
    held = bytes_held(stored_bytes_per_year, inputs.yearly_growth, int(inputs.horizon_years), _retention_years(inputs))
    return StorageEstimate(
        raw_bytes_per_day=raw_bytes_per_day,
        stored_bytes_per_day=stored_bytes_per_day,
        raw_bytes_per_year=raw_bytes_per_day * DAYS_PER_CALENDAR_YEAR,
        stored_bytes_per_year=stored_bytes_per_year,
        stored_bytes_at_horizon=held,
        copies=copies,
        overhead_factor=overhead_factor,
    )


def _retention_years(inputs: StorageInputs) -> float:
    return inputs.retention_days / DAYS_PER_CALENDAR_YEAR


def growth_chart(inputs: StorageInputs, result: StorageEstimate, prefs: DisplayPrefs) -> dict[str, str]:
    """Bytes held at the end of each year of the horizon, as an SVG bar chart."""
    bars = [
        Bar(f"year {year}", bytes_held(result.stored_bytes_per_year, inputs.yearly_growth, year, _retention_years(inputs)))
        for year in range(1, int(inputs.horizon_years) + 1)
    ]
    return {
        "growth": bar_chart(
            "Storage held at the end of each year",
            f"Bytes kept, with overheads and every copy, at the end of years 1 to {len(bars)}, after growth and retention.",
            bars,
            lambda value: format_bytes(value, prefs.sizes),
        )
    }


CALCULATOR = Calculator(
    id="storage",
    title="Storage",
    summary="Items per day × size, overheads and copies → bytes per day, per year and held at the horizon.",
    inputs_type=StorageInputs,
    compute=estimate_storage,
    charts=growth_chart,
    source_module="calculators/storage.py",
    fields=(
        Field(
            "items_per_day",
            "New items per day",
            FieldKind.NUMBER,
            default="200M",
            example="200M or 1.5e6",
            unit="per day",
            minimum=0,
            maximum=1e14,
            help="Posts, messages, files… written each day.",
        ),
        Field(
            "item_bytes",
            "Average item size",
            FieldKind.BYTES,
            default="1 kB",
            example="1 KB, 280 B or 5 KiB",
            minimum=0,
            maximum=1e13,
            help="Payload of one item. kB/MB are powers of 1000; KiB/MiB of 1024.",
        ),
        Field(
            "metadata_overhead",
            "Metadata overhead",
            FieldKind.PERCENT,
            default="10%",
            example="10% or 0",
            minimum=0,
            maximum=10,
            help="IDs, timestamps, owner, flags, as a share of the payload.",
        ),
        Field(
            "index_overhead",
            "Index overhead",
            FieldKind.PERCENT,
            default="25%",
            example="25% or 20",
            minimum=0,
            maximum=10,
            help="Secondary indexes usually cost 20–30% of the data they index.",
        ),
        Field(
            "replication_factor",
            "Replication factor",
            FieldKind.NUMBER,
            default="3",
            example="3 or 2",
            unit="copies",
            minimum=1,
            maximum=100,
            integer=True,
            help="Live copies of every byte, the primary included.",
        ),
        Field(
            "backup_copies",
            "Backup copies",
            FieldKind.NUMBER,
            default="1",
            example="1 or 0",
            unit="copies",
            minimum=0,
            maximum=100,
            integer=True,
            help="Further full copies kept as backups.",
        ),
        Field(
            "retention_days",
            "Retention",
            FieldKind.NUMBER,
            default="3650",
            example="3650 or 30",
            unit="days",
            minimum=1,
            maximum=1e6,
            help="How long an item is kept before it is deleted.",
        ),
        Field(
            "yearly_growth",
            "Yearly growth",
            FieldKind.PERCENT,
            default="20%",
            example="20% or 0",
            minimum=0,
            maximum=10,
            help="How much items per day grow from one year to the next.",
        ),
        Field(
            "horizon_years",
            "Planning horizon",
            FieldKind.NUMBER,
            default="5",
            example="5 or 3",
            unit="years",
            minimum=1,
            maximum=50,
            integer=True,
            help="How far ahead capacity is bought.",
        ),
    ),
    outputs=(
        Output(
            "raw_bytes_per_day",
            "Payload per day",
            OutputKind.BYTES,
            formula="items per day × item size",
            working="{items_per_day} × {item_bytes} = {raw_bytes_per_day}",
        ),
        Output(
            "stored_bytes_per_day",
            "Stored per day",
            OutputKind.BYTES,
            formula="payload per day × (1 + metadata + index) × (replicas + backups)",
            working=(
                "{raw_bytes_per_day} × (1 + {metadata_overhead} + {index_overhead})"
                " × ({replication_factor} + {backup_copies}) = {stored_bytes_per_day}"
            ),
        ),
        Output(
            "raw_bytes_per_year",
            "Payload in the first year",
            OutputKind.BYTES,
            formula="payload per day × 365 days",
            working="{raw_bytes_per_day} × 365 = {raw_bytes_per_year}",
        ),
        Output(
            "stored_bytes_per_year",
            "Stored in the first year",
            OutputKind.BYTES,
            formula="stored per day × 365 days",
            working="{stored_bytes_per_day} × 365 = {stored_bytes_per_year}",
        ),
        Output(
            "stored_bytes_at_horizon",
            "Held at the end of the horizon",
            OutputKind.BYTES,
            formula="Σ over years y < horizon: first-year bytes × (1 + growth)^y × share still within retention",
            working=(
                "Σ {stored_bytes_per_year} × (1 + {yearly_growth})^y over {horizon_years} years,"
                " keeping {retention_days} days = {stored_bytes_at_horizon}"
            ),
        ),
    ),
    notes=("A year is 365 days.", "Sizes lead with decimal units (1 TB = 10¹² bytes); the binary figure follows in brackets."),
)
