"""Availability: the downtime a target allows, and the availability of components combined.

The components are the chain a request passes through (load balancer, app tier, database), so
they combine in series. Each component may run as several replicas, any one able to serve: the
replicas of one component combine in parallel, and those component figures multiply along the chain.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
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


#: Replica counts: one whole number for every component, or one per component, comma-separated.
REPLICAS_PATTERN = r"[1-9]\d{0,2}(?:\s*,\s*[1-9]\d{0,2}){0,15}"


@dataclass(frozen=True)
class AvailabilityInputs:
    target: float  # availability to budget for [0..1]
    components: tuple[float, ...]  # availability of one replica of each component in the chain [0..1]
    replicas: str  # replicas of each component, any one able to serve: "2" for all, or "2, 3, 1"


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
    redundant_availability: float  # the chain, each component's replicas in parallel [0..1]
    redundant_downtime_per_year_s: float  # [s]


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


def replica_counts(text: str, components: int) -> tuple[int, ...]:
    """One replica count per component: a single figure applies to every component.

    >>> replica_counts("2", 3), replica_counts("2, 3, 1", 3)
    ((2, 2, 2), (2, 3, 1))
    """
    counts = tuple(int(part) for part in re.split(r"\s*,\s*", text.strip()))
    return counts * components if len(counts) == 1 else counts


def with_replicas(components: tuple[float, ...], counts: tuple[int, ...]) -> float:
    """A chain of components, each made of replicas that back each other up [0..1].

    >>> round(with_replicas((0.999, 0.999), (2, 1)), 9)
    0.998999001
    """
    return in_series(tuple(in_parallel((a,) * n) for a, n in zip(components, counts, strict=True)))


def check_availability(inputs: AvailabilityInputs) -> Mapping[str, str]:
    """The replica counts must be one figure, or one per component."""
    given = len(re.split(r"\s*,\s*", inputs.replicas.strip()))
    if given not in (1, len(inputs.components)):
        reason = f"{given} counts for {len(inputs.components)} components; give one count for all, or one per component"
        return {"replicas": str(CALCULATOR.field_index["replicas"].error(reason))}
    return {}


def estimate_availability(inputs: AvailabilityInputs) -> AvailabilityEstimate:
    """Downtime budgets for the target; the chain's availability with one replica each and with its replicas.

    >>> estimate = estimate_availability(AvailabilityInputs(0.9999, (0.999, 0.999), "1"))
    >>> round(estimate.downtime_per_month_s / 60, 1)  # minutes
    4.4
    """
    series = in_series(inputs.components)
    parallel = in_parallel(inputs.components)
    redundant = with_replicas(inputs.components, replica_counts(inputs.replicas, len(inputs.components)))
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
        redundant_availability=redundant,
        redundant_downtime_per_year_s=allowed_downtime_s(redundant, year),
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
    summary="Nines or a percentage → downtime per year, quarter, month, week and day; a chain of components, with replicas.",
    inputs_type=AvailabilityInputs,
    compute=estimate_availability,
    validate=check_availability,
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
            default="99.99%, 99.95%, 99.9%",
            example="99.9%, 99.95%",
            minimum=0,
            maximum=1,
            help="One replica's availability for each component a request needs, in order: e.g. load balancer,"
            " app server, database node.",
        ),
        Field(
            "replicas",
            "Replicas of each component",
            FieldKind.PATTERN,
            default="2",
            example="2, 3, 2",
            pattern=REPLICAS_PATTERN,
            help="Copies of each component, any one able to serve: one count for all, or one per component;"
            " 1 means no redundancy.",
        ),
    ),
    outputs=(
        _downtime("downtime_per_year_s", "year", "365.25 days"),
        _downtime("downtime_per_quarter_s", "quarter", "91.31 days"),
        _downtime("downtime_per_month_s", "month", "30.44 days"),
        _downtime("downtime_per_week_s", "week", "7 days"),
        _downtime("downtime_per_day_s", "day", "24 h"),
        Output(
            "redundant_availability",
            "The chain with its replicas",
            OutputKind.AVAILABILITY,
            formula="Π over components of 1 − (1 − a)ⁿ, n replicas each (every component must be up)",
            working="components {components}, replicas {replicas} → {redundant_availability}",
        ),
        Output(
            "redundant_downtime_per_year_s",
            "Downtime per year with replicas",
            OutputKind.DURATION,
            formula="(1 − availability with replicas) × 365.25 days",
            working="(1 − {redundant_availability}) × 365.25 days = {redundant_downtime_per_year_s}",
        ),
        Output(
            "series_availability",
            "The chain, one replica each",
            OutputKind.AVAILABILITY,
            formula="a₁ × a₂ × … (every component must be up)",
            working="Π({components}) = {series_availability}",
        ),
        Output(
            "series_downtime_per_year_s",
            "Downtime per year, one replica each",
            OutputKind.DURATION,
            formula="(1 − series availability) × 365.25 days",
            working="(1 − {series_availability}) × 365.25 days = {series_downtime_per_year_s}",
        ),
        Output(
            "parallel_availability",
            "If any one listed component were enough",
            OutputKind.AVAILABILITY,
            formula="1 − (1 − a₁) × (1 − a₂) × … (for copies of one service, not for a chain)",
            working="1 − Π(1 − each of {components}) = {parallel_availability}",
        ),
        Output(
            "parallel_downtime_per_year_s",
            "Downtime per year if any one were enough",
            OutputKind.DURATION,
            formula="(1 − parallel availability) × 365.25 days",
            working="(1 − {parallel_availability}) × 365.25 days = {parallel_downtime_per_year_s}",
        ),
    ),
    notes=(
        "A year is 365.25 days, a quarter 91.31 and a month 30.44 (365.25 ÷ 12). "
        "With a 365-day year, 99.9% allows 8.76 h instead of 8.77 h.",
        "Replicas in parallel assume independent failures; shared power, network, deploys or a failover"
        " that takes minutes break that assumption, so treat the figure with replicas as a ceiling.",
    ),
)
