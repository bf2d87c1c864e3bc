"""Traffic: from monthly users to daily requests, average and peak requests per second, and users online.

Users online follow Little's law: DAU × minutes online a day ÷ 1,440 minutes is the average number
online; the peak multiplier lifts it to the busiest moment. A share of DAU may be given instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from calculators.fields import Calculator, Field, FieldKind, Output, OutputKind
from calculators.units import SECONDS_PER_DAY

MINUTES_PER_DAY = 1_440


@dataclass(frozen=True)
class TrafficInputs:
    """What the interviewer tells you, or what you assume out loud."""

    monthly_active_users: float  # [users]
    daily_active_fraction: float  # DAU / MAU [0..1]
    minutes_online_per_day: float  # average time one daily user spends connected [minutes / day]
    concurrent_fraction: float | None  # share of DAU online at the busiest moment, if stated instead [0..1]
    requests_per_user_per_day: float  # [requests / user / day], reads and writes together
    read_write_ratio: float  # reads per write [unitless]
    peak_multiplier: float  # peak RPS / average RPS [unitless]


@dataclass(frozen=True)
class TrafficEstimate:
    daily_active_users: float  # [users]
    average_concurrent_users: float  # online at an average moment [users]
    peak_concurrent_users: float  # online at the busiest moment [users]
    daily_requests: float  # [requests / day]
    average_rps: float  # [requests / s]
    peak_rps: float  # [requests / s]
    peak_write_rps: float  # [requests / s]
    peak_read_rps: float  # [requests / s]
    average_write_rps: float  # [requests / s]
    average_read_rps: float  # [requests / s]


def estimate_traffic(inputs: TrafficInputs) -> TrafficEstimate:
    """Users → daily requests → average and peak requests per second, split into reads and writes.

    Writes are one part in ``read_write_ratio + 1`` of all requests.

    >>> seed = TrafficInputs(200e6, 0.5, 30, None, 202, 100, 3)
    >>> estimate = estimate_traffic(seed)
    >>> round(estimate.peak_write_rps), round(estimate.peak_read_rps)
    (6944, 694444)
    >>> round(estimate.average_concurrent_users), round(estimate.peak_concurrent_users)
    (2083333, 6250000)
    """
    daily_active_users = inputs.monthly_active_users * inputs.daily_active_fraction
    # Little's law: L = λ × W, with λ = DAU per day and W = minutes online each; never more than everyone.
    average_concurrent = daily_active_users * inputs.minutes_online_per_day / MINUTES_PER_DAY
    if inputs.concurrent_fraction is None:
        peak_concurrent = min(daily_active_users, average_concurrent * inputs.peak_multiplier)
    else:
        peak_concurrent = daily_active_users * inputs.concurrent_fraction
    daily_requests = daily_active_users * inputs.requests_per_user_per_day
    average_rps = daily_requests / SECONDS_PER_DAY
    peak_rps = average_rps * inputs.peak_multiplier
    write_share = 1 / (inputs.read_write_ratio + 1)
    return TrafficEstimate(
        daily_active_users=daily_active_users,
        average_concurrent_users=average_concurrent,
        peak_concurrent_users=peak_concurrent,
        daily_requests=daily_requests,
        average_rps=average_rps,
        peak_rps=peak_rps,
        peak_write_rps=peak_rps * write_share,
        peak_read_rps=peak_rps - peak_rps * write_share,
        average_write_rps=average_rps * write_share,
        average_read_rps=average_rps - average_rps * write_share,
    )


CALCULATOR = Calculator(
    id="traffic",
    title="Traffic",
    summary="Monthly users to daily active users, concurrency, daily requests and requests per second.",
    inputs_type=TrafficInputs,
    compute=estimate_traffic,
    source_module="calculators/traffic.py",
    fields=(
        Field(
            "monthly_active_users",
            "Monthly active users",
            FieldKind.NUMBER,
            default="200M",
            example="200M or 2.5e6",
            unit="users",
            minimum=1,
            maximum=1e11,
            help="Distinct users in a month (MAU).",
        ),
        Field(
            "daily_active_fraction",
            "Daily active share of MAU",
            FieldKind.PERCENT,
            default="50%",
            example="50% or 30",
            minimum=0,
            maximum=1,
            minimum_exclusive=True,
            help="DAU ÷ MAU. Messaging apps reach 50% or more; many products sit nearer 20–30%.",
        ),
        Field(
            "minutes_online_per_day",
            "Minutes online per user per day",
            FieldKind.NUMBER,
            default="30",
            example="30 or 90",
            unit="min/day",
            minimum=0,
            maximum=MINUTES_PER_DAY,
            help="Time a daily user spends connected. Users online = DAU × minutes ÷ 1,440, times the peak multiplier.",
        ),
        Field(
            "concurrent_fraction",
            "Override: share of DAU online at peak",
            FieldKind.PERCENT,
            default="",
            example="20% or 5",
            minimum=0,
            maximum=1,
            optional=True,
            help="Leave empty to derive it from the minutes online; give a share only if you know it.",
        ),
        Field(
            "requests_per_user_per_day",
            "Requests per user per day",
            FieldKind.NUMBER,
            default="202",
            example="202 or 1.5K",
            unit="per day",
            minimum=0,
            maximum=1e7,
            help="Reads and writes together. The default is 2 posts plus 200 reads (100 reads per write).",
        ),
        Field(
            "read_write_ratio",
            "Reads per write",
            FieldKind.NUMBER,
            default="100",
            example="100 or 0.5",
            unit="reads : 1 write",
            minimum=0,
            maximum=1e9,
            help="100 means a hundred reads for every write; 0 means write-only.",
        ),
        Field(
            "peak_multiplier",
            "Peak multiplier",
            FieldKind.MULTIPLIER,
            default="3x",
            example="3x or 2.5",
            minimum=1,
            maximum=1000,
            help="Busiest-hour rate ÷ daily average; 2–5× is common for consumer traffic.",
        ),
    ),
    outputs=(
        Output(
            "daily_active_users",
            "Daily active users (DAU)",
            OutputKind.COUNT,
            unit="users",
            formula="MAU × daily active share",
            working="{monthly_active_users} × {daily_active_fraction} = {daily_active_users}",
        ),
        Output(
            "average_concurrent_users",
            "Average concurrent users",
            OutputKind.COUNT,
            unit="users",
            formula="DAU × minutes online per day ÷ 1,440 (Little's law)",
            working="{daily_active_users} × {minutes_online_per_day} ÷ 1,440 = {average_concurrent_users}",
        ),
        Output(
            "peak_concurrent_users",
            "Peak concurrent users",
            OutputKind.COUNT,
            unit="users",
            formula="average concurrent users × peak multiplier (at most DAU), or DAU × the share given",
            working="{average_concurrent_users} × {peak_multiplier} (override: {concurrent_fraction} of DAU)"
            " = {peak_concurrent_users}",
        ),
        Output(
            "daily_requests",
            "Requests per day",
            OutputKind.COUNT,
            unit="req/day",
            formula="DAU × requests per user per day",
            working="{daily_active_users} × {requests_per_user_per_day} = {daily_requests}",
        ),
        Output(
            "average_rps",
            "Average requests per second",
            OutputKind.COUNT,
            unit="req/s",
            formula="requests per day ÷ 86,400 s",
            working="{daily_requests} ÷ 86,400 s = {average_rps}",
        ),
        Output(
            "peak_rps",
            "Peak requests per second",
            OutputKind.COUNT,
            unit="req/s",
            formula="average RPS × peak multiplier",
            working="{average_rps} × {peak_multiplier} = {peak_rps}",
        ),
        Output(
            "peak_write_rps",
            "Peak writes per second",
            OutputKind.COUNT,
            unit="req/s",
            formula="peak RPS ÷ (reads per write + 1)",
            working="{peak_rps} ÷ ({read_write_ratio} + 1) = {peak_write_rps}",
        ),
        Output(
            "peak_read_rps",
            "Peak reads per second",
            OutputKind.COUNT,
            unit="req/s",
            formula="peak RPS − peak writes",
            working="{peak_rps} − {peak_write_rps} = {peak_read_rps}",
        ),
        Output(
            "average_write_rps",
            "Average writes per second",
            OutputKind.COUNT,
            unit="req/s",
            formula="average RPS ÷ (reads per write + 1)",
            working="{average_rps} ÷ ({read_write_ratio} + 1) = {average_write_rps}",
        ),
        Output(
            "average_read_rps",
            "Average reads per second",
            OutputKind.COUNT,
            unit="req/s",
            formula="average RPS − average writes",
            working="{average_rps} − {average_write_rps} = {average_read_rps}",
        ),
    ),
    notes=("A day is 86,400 s; say 10⁵ s in an interview and correct afterwards (it is 16% high).",),
)
