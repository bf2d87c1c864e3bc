"""Backoff: the wait before each retry under capped exponential backoff, with or without jitter.

The delay ranges come from :mod:`calculators.patterns.retry`, the same code the retry pattern runs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from calculators.charts import Bar, bar_chart
from calculators.fields import Calculator, DisplayPrefs, Field, FieldKind, Output, OutputKind, Table
from calculators.patterns.retry import Jitter, delay_range_s
from calculators.units import format_duration

JITTER_CHOICES: tuple[tuple[str, str], ...] = (
    # Short enough for a select on a 390 px phone; the page explains each one in full.
    (Jitter.NONE.value, "None: exactly the backoff"),
    (Jitter.FULL.value, "Full: 0 to the backoff"),
    (Jitter.EQUAL.value, "Equal: half plus random half"),
    (Jitter.DECORRELATED.value, "Decorrelated: base to 3 × last wait"),
)


@dataclass(frozen=True)
class BackoffInputs:
    jitter: str  # a Jitter value
    base_delay_s: float  # the first backoff [s]
    cap_s: float  # the longest single wait [s]
    attempts: float  # calls in all, the first one included [calls]


@dataclass(frozen=True)
class BackoffEstimate:
    retries: float  # attempts − 1 [retries]
    first_delay_max_s: float  # longest wait before the first retry [s]
    last_delay_max_s: float  # longest wait before the last retry [s]
    best_case_wait_s: float  # sum of the shortest waits [s]
    expected_wait_s: float  # sum of the mean waits [s]
    worst_case_wait_s: float  # sum of the longest waits [s]
    ranges: tuple[tuple[float, float], ...] = ()  # (shortest, longest) wait per retry [s]
    means: tuple[float, ...] = ()  # mean wait per retry [s]


def _capped_uniform_mean(low: float, high: float, cap: float) -> float:
    """E[min(cap, U(low, high))] for low ≤ cap [s]."""
    if high <= cap:
        return (low + high) / 2
    return cap - (cap - low) ** 2 / (2 * (high - low))


def decorrelated_mean_delays_s(retries: int, base_delay_s: float, cap_s: float, steps_per_tripling: int = 32) -> list[float]:
    """Mean wait before each retry under decorrelated jitter, computed on a grid [s].

    The wait is ``min(cap, U(base, 3 × previous))``, so its mean depends on the whole
    distribution of the previous wait, and sampling converges slowly: a few rare clients
    that keep drawing high waits carry much of the mean. Instead the distribution is
    tracked on geometric grid points ``base × 3^(i / steps_per_tripling)``. Each step's mean
    is exact for the gridded previous wait, and every uniform piece is split between the
    two grid points around it in the proportions that keep its mean, so nothing drifts.

    >>> [round(mean, 6) for mean in decorrelated_mean_delays_s(2, 1.0, 100.0)]  # 2, then (1 + 3 × 2) ÷ 2
    [2.0, 3.5]
    """
    base, cap = base_delay_s, cap_s
    if cap <= base:
        return [cap] * retries  # U(base, …) is never below the cap
    ratio = 3.0 ** (1 / steps_per_tripling)
    points = [base]
    while points[-1] * ratio < cap:
        points.append(base * ratio ** len(points))
    points.append(cap)  # the last point is the cap itself: the atom of capped waits
    last = len(points) - 1
    weights = [0.0] * len(points)
    weights[0] = 1.0  # before the first retry, "previous" is the base
    means: list[float] = []
    for _ in range(retries):
        mean = 0.0
        density_ending_at = [0.0] * len(points)  # uniform densities on [base, point[e]]
        at_cap = 0.0
        for index, weight in enumerate(weights):
            if weight == 0.0:
                continue
            high = 3 * points[index]
            mean += weight * _capped_uniform_mean(base, high, cap)
            density_ending_at[min(index + steps_per_tripling, last)] += weight / (high - base)
            if high > cap:
                at_cap += weight * (high - cap) / (high - base)
        means.append(mean)
        weights = [0.0] * len(points)
        weights[last] = at_cap
        density = 0.0
        for cell in range(last - 1, -1, -1):  # cell between points[cell] and points[cell + 1]
            density += density_ending_at[cell + 1]
            half = density * (points[cell + 1] - points[cell]) / 2
            weights[cell] += half
            weights[cell + 1] += half
    return means


def mean_delays_s(retries: int, base_delay_s: float, cap_s: float, jitter: Jitter) -> list[float]:
    """Mean wait before each retry [s].

    None, full and equal jitter are exact: the ceiling, half of it, three quarters of it.
    Decorrelated jitter uses :func:`decorrelated_mean_delays_s`.

    >>> mean_delays_s(3, 1.0, 100.0, Jitter.FULL), mean_delays_s(3, 1.0, 100.0, Jitter.EQUAL)
    ([0.5, 1.0, 2.0], [0.75, 1.5, 3.0])
    """
    if jitter is Jitter.DECORRELATED:
        return decorrelated_mean_delays_s(retries, base_delay_s, cap_s)
    share = {Jitter.NONE: 1.0, Jitter.FULL: 0.5, Jitter.EQUAL: 0.75}[jitter]
    return [share * delay_range_s(retry, base_delay_s, cap_s, Jitter.NONE)[1] for retry in range(retries)]


def estimate_backoff(inputs: BackoffInputs) -> BackoffEstimate:
    """Per-retry wait ranges and means, and their sums.

    >>> estimate = estimate_backoff(BackoffInputs("full", 0.1, 20.0, 6))
    >>> estimate.retries, estimate.worst_case_wait_s, estimate.expected_wait_s
    (5.0, 3.1, 1.55)
    """
    jitter = Jitter(inputs.jitter)
    retries = int(inputs.attempts) - 1
    ranges = tuple(delay_range_s(retry, inputs.base_delay_s, inputs.cap_s, jitter) for retry in range(retries))
    means = tuple(mean_delays_s(retries, inputs.base_delay_s, inputs.cap_s, jitter))
    return BackoffEstimate(
        retries=float(retries),
        first_delay_max_s=ranges[0][1] if ranges else 0.0,
        last_delay_max_s=ranges[-1][1] if ranges else 0.0,
        best_case_wait_s=sum(low for low, _ in ranges),
        expected_wait_s=sum(means),
        worst_case_wait_s=sum(high for _, high in ranges),
        ranges=ranges,
        means=means,
    )


FIELDS: tuple[Field, ...] = (
    Field(
        "jitter",
        "Jitter",
        FieldKind.CHOICE,
        default=Jitter.FULL.value,
        example=Jitter.FULL.value,
        choices=JITTER_CHOICES,
        help="How much randomness spreads the retries of clients that failed at the same moment.",
    ),
    Field(
        "base_delay_s",
        "Base delay",
        FieldKind.DURATION,
        default="100 ms",
        example="100ms or 1 s",
        minimum=0.001,
        maximum=3600,
        help="The backoff before the first retry; it doubles for each retry after that.",
    ),
    Field(
        "cap_s",
        "Cap",
        FieldKind.DURATION,
        default="20 s",
        example="1 s or 1 min",
        minimum=0.001,
        maximum=86_400,
        help="The longest single wait. Keep the total within the caller's own deadline.",
    ),
    Field(
        "attempts",
        "Attempts in all",
        FieldKind.NUMBER,
        default="6",
        example="6 or 3",
        unit="calls",
        minimum=1,
        maximum=30,
        integer=True,
        help="The first call plus the retries. Retry only idempotent operations.",
    ),
)
_FIELD = {f.name: f for f in FIELDS}


def check_backoff(inputs: BackoffInputs) -> Mapping[str, str]:
    """The base delay cannot exceed the cap.

    >>> check_backoff(BackoffInputs("full", 30.0, 20.0, 3))["base_delay_s"].split(";")[0]
    'Base delay: must be at most the cap (20 s)'
    """
    if inputs.base_delay_s > inputs.cap_s:
        cap = _FIELD["cap_s"].format_value(inputs.cap_s)
        return {"base_delay_s": str(_FIELD["base_delay_s"].error(f"must be at most the cap ({cap})"))}
    return {}


def make_tables(inputs: BackoffInputs, result: BackoffEstimate, prefs: DisplayPrefs) -> Mapping[str, Table]:
    rows = []
    worst_so_far = 0.0
    for retry, ((low, high), mean) in enumerate(zip(result.ranges, result.means, strict=True), start=1):
        worst_so_far += high
        rows.append(
            (
                str(retry),
                f"after call {retry}",
                f"{format_duration(low)} – {format_duration(high)}",
                format_duration(mean),
                format_duration(worst_so_far),
            )
        )
    schedule = Table(
        title=f"Waits before each retry ({inputs.jitter} jitter)",
        columns=("Retry", "When", "Wait (shortest – longest)", "Mean wait", "Longest total so far"),
        rows=tuple(rows),
    )
    return {"schedule": schedule}


def schedule_chart(inputs: BackoffInputs, result: BackoffEstimate, prefs: DisplayPrefs) -> dict[str, str]:
    """Each retry's wait as a range bar: dark up to the shortest wait, pale up to the longest."""
    bars = [Bar(f"retry {retry}", high, low) for retry, (low, high) in enumerate(result.ranges, start=1)]
    return {
        "schedule": bar_chart(
            f"Wait before each retry ({inputs.jitter} jitter)",
            "For each retry, the dark bar reaches the shortest possible wait and the pale bar the longest; "
            "the label is the longest wait.",
            bars,
            format_duration,
        )
    }


CALCULATOR = Calculator(
    id="backoff",
    title="Backoff",
    summary="Capped exponential backoff with none, full, equal or decorrelated jitter: the wait before each retry and in total.",
    inputs_type=BackoffInputs,
    compute=estimate_backoff,
    validate=check_backoff,
    tables=make_tables,
    charts=schedule_chart,
    source_module="calculators/backoff.py",
    fields=FIELDS,
    outputs=(
        Output(
            "retries",
            "Retries",
            OutputKind.COUNT,
            unit="retries",
            formula="attempts − 1",
            working="{attempts} − 1 = {retries}",
        ),
        Output(
            "first_delay_max_s",
            "Longest wait before the first retry",
            OutputKind.DURATION,
            formula="min(cap, base) for none, full and equal jitter; min(cap, 3 × base) for decorrelated",
            working="{jitter} jitter, base {base_delay_s}, cap {cap_s} → {first_delay_max_s}",
        ),
        Output(
            "last_delay_max_s",
            "Longest wait before the last retry",
            OutputKind.DURATION,
            formula="min(cap, base × 2^(retries − 1)); decorrelated: min(cap, base × 3^retries)",
            working="{retries}, base {base_delay_s}, cap {cap_s} → {last_delay_max_s}",
        ),
        Output(
            "best_case_wait_s",
            "Shortest total wait",
            OutputKind.DURATION,
            formula="sum of the shortest waits",
            working="Σ shortest waits over {retries} = {best_case_wait_s}",
        ),
        Output(
            "expected_wait_s",
            "Mean total wait",
            OutputKind.DURATION,
            formula="sum of the mean waits (decorrelated: computed on a fine grid of possible waits)",
            working="Σ mean waits over {retries} = {expected_wait_s}",
        ),
        Output(
            "worst_case_wait_s",
            "Longest total wait",
            OutputKind.DURATION,
            formula="sum of the longest waits",
            working="Σ longest waits over {retries} = {worst_case_wait_s}",
        ),
    ),
    notes=(
        "Waits only: add each attempt's own timeout to get the time before the caller finally gives up.",
        "Jitter spreads retries of clients that failed together; without it they return in synchronised waves.",
    ),
)
