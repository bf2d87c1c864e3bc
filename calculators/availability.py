"""Availability: the downtime a target allows, and the availability of components combined."""

from __future__ import annotations

import math
from dataclasses import dataclass

from calculators.charts import Bar, bar_chart
from calculators.fields import Calculator, DisplayPrefs, Field, FieldKind, Output, OutputKind
from calculators.units import DAYS_PER_MONTH, DAYS_PER_YEAR, SECONDS_PER_DAY, format_duration, format_percent

#: Period lengths behind the downtime budgets [seconds]; the year is 365.25 days.
PERIOD_SECONDS: dict[str, float] = {
    "year": DAYS_PER_YEAR * SECONDS_PER_DAY,
    "quarter": DAYS_PER_YEAR / 4 * SECONDS_PER_DAY,
    "month": DAYS_PER_MONTH * SECONDS_PER_DAY,
    "week": 7 * SECONDS_PER_DAY,
    "day": SECONDS_PER_DAY,
}


@dataclass(frozen=True)
class AvailabilityInputs:
    target: float  # availability to budget for [0..1]
    components: tuple[float, ...]  # availability of each component [0..1]


@dataclass(frozen=True)
class AvailabilityEstimate:
    downtime_per_year_s: float  # [s]
    downtime_per_quarter_s: float  # [s]
    downtime_per_month_s: float  # [s]
    downtime_per_week_s: float  # [s]
    downtime_per_day_s: float  # [s]
    series_availability: float  # all components needed [0..1]
    parallel_availability: float  # any one component suffices [0..1]
    series_downtime_per_year_s: float  # [s]
    parallel_downtime_per_year_s: float  # [s]


def allowed_downtime_s(availability: float, period_s: float) -> float:
    """Downtime a period may contain at this availability [seconds].

    >>> round(allowed_downtime_s(0.999, PERIOD_SECONDS["year"]) / 3600, 2)  # hours
    8.77
    """
    return (1 - availability) * period_s


def in_series(availabilities: tuple[float, ...]) -> float:
    """Every component must be up: multiply availabilities [0..1].

    >>> round(in_series((0.999, 0.999)), 6)
    0.998001
    """
    return math.prod(availabilities)


def in_parallel(availabilities: tuple[float, ...]) -> float:
    """Any one component is enough, failures independent: 1 − Π(1 − a) [0..1].

    >>> round(in_parallel((0.99, 0.99)), 6)
    0.9999
    """
    return 1 - math.prod(1 - a for a in availabilities)


def estimate_availability(inputs: AvailabilityInputs) -> AvailabilityEstimate:
    """Downtime budgets for the target; series and parallel figures for the components.

    >>> estimate = estimate_availability(AvailabilityInputs(0.9999, (0.999, 0.999)))
    >>> round(estimate.downtime_per_month_s / 60, 1)  # minutes
    4.4
    """
    series = in_series(inputs.components)
    parallel = in_parallel(inputs.components)
    year = PERIOD_SECONDS["year"]
    return AvailabilityEstimate(
        downtime_per_year_s=allowed_downtime_s(inputs.target, year),
        downtime_per_quarter_s=allowed_downtime_s(inputs.target, PERIOD_SECONDS["quarter"]),
        downtime_per_month_s=allowed_downtime_s(inputs.target, PERIOD_SECONDS["month"]),
        downtime_per_week_s=allowed_downtime_s(inputs.target, PERIOD_SECONDS["week"]),
        downtime_per_day_s=allowed_downtime_s(inputs.target, PERIOD_SECONDS["day"]),
        series_availability=series,
        parallel_availability=parallel,
        series_downtime_per_year_s=allowed_downtime_s(series, year),
        parallel_downtime_per_year_s=allowed_downtime_s(parallel, year),
    )


NINES_LEVELS: tuple[float, ...] = (0.99, 0.999, 0.9999, 0.99999)


def downtime_chart(inputs: AvailabilityInputs, result: AvailabilityEstimate, prefs: DisplayPrefs) -> dict[str, str]:
    """Downtime a year allows at two to five nines, and at the target, on a log scale."""
    levels = sorted({*NINES_LEVELS, inputs.target}, reverse=False)
    bars = [Bar(format_percent(level), allowed_downtime_s(level, PERIOD_SECONDS["year"])) for level in levels]
    return {
        "downtime": bar_chart(
            "Downtime allowed per year",
            "Yearly downtime budget for 99%, 99.9%, 99.99%, 99.999% and the chosen target; each nine divides it by ten.",
            bars,
            format_duration,
            log_scale=True,
        )
    }


def _downtime(key: str, period: str, days: str) -> Output:
    return Output(
        key,
        f"Downtime allowed per {period}",
        OutputKind.DURATION,
        formula=f"(1 − availability) × {days}",
        working=f"(1 − {{target}}) × {days} = {{{key}}}",
    )


CALCULATOR = Calculator(
    id="availability",
    title="Availability",
    summary="Nines or a percentage → downtime per year, quarter, month, week and day; components in series and in parallel.",
    inputs_type=AvailabilityInputs,
    compute=estimate_availability,
    charts=downtime_chart,
    source_module="calculators/availability.py",
    fields=(
        Field(
            "target",
            "Availability target",
            FieldKind.AVAILABILITY,
            default="99.9%",
            example="99.9%, 99.95 or 3 nines",
            minimum=0,
            maximum=1,
            help="The share of time the service must be up.",
        ),
        Field(
            "components",
            "Component availabilities",
            FieldKind.AVAILABILITY_LIST,
            default="99.9%, 99.95%, 99.99%",
            example="99.9%, 99.95%",
            minimum=0,
            maximum=1,
            help="One figure per component, separated by commas, e.g. load balancer, app tier, database.",
        ),
    ),
    outputs=(
        _downtime("downtime_per_year_s", "year", "365.25 days"),
        _downtime("downtime_per_quarter_s", "quarter", "91.31 days"),
        _downtime("downtime_per_month_s", "month", "30.44 days"),
        _downtime("downtime_per_week_s", "week", "7 days"),
        _downtime("downtime_per_day_s", "day", "24 h"),
        Output(
            "series_availability",
            "Components in series",
            OutputKind.AVAILABILITY,
            formula="a₁ × a₂ × … (every component must be up)",
            working="Π({components}) = {series_availability}",
        ),
        Output(
            "series_downtime_per_year_s",
            "Series downtime per year",
            OutputKind.DURATION,
            formula="(1 − series availability) × 365.25 days",
            working="(1 − {series_availability}) × 365.25 days = {series_downtime_per_year_s}",
        ),
        Output(
            "parallel_availability",
            "Components in parallel",
            OutputKind.AVAILABILITY,
            formula="1 − (1 − a₁) × (1 − a₂) × … (any one is enough)",
            working="1 − Π(1 − each of {components}) = {parallel_availability}",
        ),
        Output(
            "parallel_downtime_per_year_s",
            "Parallel downtime per year",
            OutputKind.DURATION,
            formula="(1 − parallel availability) × 365.25 days",
            working="(1 − {parallel_availability}) × 365.25 days = {parallel_downtime_per_year_s}",
        ),
    ),
    notes=(
        "A year is 365.25 days, a quarter 91.31 and a month 30.44 (365.25 ÷ 12). "
        "With a 365-day year, 99.9% allows 8.76 h instead of 8.77 h.",
        "Parallel assumes failures are independent; shared power, network or deploys break that assumption.",
    ),
)
