"""Interview time: split an interview of any length into the five phases, in whole minutes.

The reference splits are 6/5/13/16/5 minutes for 45 minutes and 8/7/17/20/8 for 60: estimation
gets five to seven minutes, and the deep dive, where most of the signal is, is the longest phase.
Up to 45 minutes the 45-minute split is scaled; from 60 minutes the 60-minute split is
scaled; in between, each phase moves in a straight line from one split to the other. So both
references come out exactly, no phase is ever negative, and the schedule changes smoothly.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from calculators.fields import Calculator, DisplayPrefs, Field, FieldKind, Output, OutputKind, Table

#: (output key, phase name, what to do in it)
PHASES: tuple[tuple[str, str, str], ...] = (
    ("requirements_s", "Requirements", "Functional and non-functional requirements, scale, what is out of scope"),
    ("estimation_s", "Estimation", "Traffic, storage, bandwidth; the figures that drive the design"),
    ("high_level_design_s", "High-level design", "API, data model, the main components and the request path"),
    ("deep_dive_s", "Deep dive", "One or two components in depth: bottlenecks, trade-offs, failure"),
    ("wrap_up_s", "Wrap-up", "Scaling further, monitoring, failure scenarios, questions"),
)
#: What to cover in each phase, for the practice timer: short prompts to tick off while speaking.
CHECKLISTS: Mapping[str, tuple[str, ...]] = {
    "requirements_s": (
        "Name the three to five features in scope, and what is out",
        "Ask for scale: users, requests, data volume, growth",
        "Pin latency and availability targets (with a percentile)",
        "Decide consistency needs per kind of data",
        "Play the requirements back and get a yes",
    ),
    "estimation_s": (
        "Daily active users and requests per user per day",
        "Average and peak requests per second, reads vs writes",
        "Storage per day and over the horizon, with replicas",
        "Bandwidth in and out at peak",
        "Say what the numbers imply for the design",
    ),
    "high_level_design_s": (
        "Sketch the API: the main endpoints and their payloads",
        "Draw the request path from client to storage",
        "Choose the data store and say why",
        "Walk one read and one write through the diagram",
    ),
    "deep_dive_s": (
        "Pick the component with the hardest numbers",
        "Data model, keys and indexes for the main queries",
        "Scaling it: caching, sharding, replication",
        "Trade-offs you chose and what you gave up",
    ),
    "wrap_up_s": (
        "Bottlenecks at 10× the load",
        "Failure of each tier and what the user sees",
        "Monitoring: the signals and the alerts",
        "Summarise the design in three sentences",
    ),
}
SPLIT_45_MIN: tuple[float, ...] = (6, 5, 13, 16, 5)
SPLIT_60_MIN: tuple[float, ...] = (8, 7, 17, 20, 8)


@dataclass(frozen=True)
class InterviewTimeInputs:
    length_minutes: float  # [minutes]


@dataclass(frozen=True)
class InterviewTimeEstimate:
    requirements_s: float  # [s]
    estimation_s: float  # [s]
    high_level_design_s: float  # [s]
    deep_dive_s: float  # [s]
    wrap_up_s: float  # [s]


def phase_minutes_exact(length_minutes: float) -> list[float]:
    """Each phase's share of the interview before rounding [minutes].

    >>> phase_minutes_exact(45), phase_minutes_exact(60)
    ([6.0, 5.0, 13.0, 16.0, 5.0], [8.0, 7.0, 17.0, 20.0, 8.0])
    >>> [round(m, 2) for m in phase_minutes_exact(50)]
    [6.67, 5.67, 14.33, 17.33, 6.0]
    """
    if length_minutes <= 45:
        return [m * length_minutes / 45 for m in SPLIT_45_MIN]
    if length_minutes >= 60:
        return [m * length_minutes / 60 for m in SPLIT_60_MIN]
    along = (length_minutes - 45) / 15
    return [a + (b - a) * along for a, b in zip(SPLIT_45_MIN, SPLIT_60_MIN, strict=True)]


def whole_minutes(exact: list[float], total: int) -> list[int]:
    """Round to whole minutes that still add up to ``total`` (largest remainder; ties go to the earlier phase).

    >>> whole_minutes([6.67, 10.0, 15.0, 11.67, 6.67], 50)
    [7, 10, 15, 12, 6]
    """
    floors = [math.floor(m + 1e-9) for m in exact]
    short = total - sum(floors)
    by_remainder = sorted(range(len(exact)), key=lambda i: (-round(exact[i] - floors[i], 9), i))
    for index in by_remainder[:short]:
        floors[index] += 1
    return floors


def phase_minutes(length_minutes: int) -> list[int]:
    """The schedule in whole minutes [minutes].

    >>> phase_minutes(45), phase_minutes(60), phase_minutes(90)
    ([6, 5, 13, 16, 5], [8, 7, 17, 20, 8], [12, 11, 25, 30, 12])
    """
    return whole_minutes(phase_minutes_exact(length_minutes), length_minutes)


def estimate_interview_time(inputs: InterviewTimeInputs) -> InterviewTimeEstimate:
    """Minutes per phase, as seconds.

    >>> estimate_interview_time(InterviewTimeInputs(45)).deep_dive_s
    960.0
    """
    minutes = phase_minutes(int(inputs.length_minutes))
    return InterviewTimeEstimate(*(60.0 * m for m in minutes))


def clock(minutes: int) -> str:
    """Elapsed time as h:mm.

    >>> clock(5), clock(75)
    ('0:05', '1:15')
    """
    return f"{minutes // 60}:{minutes % 60:02d}"


def make_tables(inputs: InterviewTimeInputs, result: InterviewTimeEstimate, prefs: DisplayPrefs) -> Mapping[str, Table]:
    rows = []
    start = 0
    for key, name, focus in PHASES:
        length = round(getattr(result, key) / 60)
        rows.append((name, f"{length} min", f"{clock(start)} – {clock(start + length)}", focus))
        start += length
    return {
        "schedule": Table(
            title=f"A {int(inputs.length_minutes)}-minute interview",
            columns=("Phase", "Length", "From – to", "Cover"),
            rows=tuple(rows),
        )
    }


CALCULATOR = Calculator(
    id="interview_time",
    title="Interview time",
    summary="Split an interview of 20 to 180 minutes into requirements, estimation, design, deep dive and wrap-up.",
    inputs_type=InterviewTimeInputs,
    compute=estimate_interview_time,
    tables=make_tables,
    source_module="calculators/interview_time.py",
    fields=(
        Field(
            "length_minutes",
            "Interview length",
            FieldKind.NUMBER,
            default="45",
            example="45 or 60",
            unit="minutes",
            minimum=20,
            maximum=180,
            integer=True,
            help="Time for the design discussion itself; leave out introductions and your questions at the end.",
        ),
    ),
    outputs=tuple(
        Output(
            key,
            name,
            OutputKind.DURATION,
            formula=f"{name.lower()} share of the reference split, scaled to the length",
            working=f"{{length_minutes}} min → {{{key}}}",
        )
        for key, name, _ in PHASES
    ),
    notes=(
        "The split is a plan, not a rule: follow the interviewer if they steer you into a deep dive early.",
        "Say the time check out loud at each boundary; it shows you are managing the session.",
    ),
)
