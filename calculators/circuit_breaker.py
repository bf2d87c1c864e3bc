"""Circuit breaker: replay a run of call outcomes through the handbook's breaker and count what it lets through.

The replay is :func:`calculators.patterns.circuit_breaker.simulate`, the same state machine
the pattern page teaches.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from calculators.fields import Calculator, DisplayPrefs, Field, FieldKind, Output, OutputKind, Table
from calculators.patterns.circuit_breaker import BreakerConfig, Outcome, State, Step, simulate
from calculators.units import format_duration

#: S = the dependency would succeed, F = it would fail, "." = no call in that slot; spaces are ignored.
OUTCOMES_PATTERN = r"[SFsf.\s]{1,200}"
_OUTCOME_BY_CHAR = {"s": Outcome.SUCCESS, "f": Outcome.FAILURE, ".": None}


@dataclass(frozen=True)
class CircuitBreakerInputs:
    failure_threshold: float  # consecutive failures that open the breaker [calls]
    open_timeout_s: float  # time open before trial calls [s]
    half_open_max_calls: float  # trial calls allowed, and successes needed to close [calls]
    call_interval_s: float  # time between call slots [s]
    outcomes: str  # one character per slot: S, F or "."


@dataclass(frozen=True)
class CircuitBreakerEstimate:
    calls: float  # call slots with a call in them [calls]
    calls_admitted: float  # calls that reached the dependency [calls]
    calls_rejected: float  # calls refused at once by the breaker [calls]
    failures_admitted: float  # failing calls that reached the dependency [calls]
    times_opened: float  # transitions into OPEN [times]
    time_open_s: float  # time spent OPEN, up to the end of the run [s]
    steps: tuple[Step, ...] = ()


def events_from(outcomes: str, call_interval_s: float) -> list[tuple[float, Outcome | None]]:
    """One (time, outcome) event per non-space character, ``call_interval_s`` apart.

    >>> events_from("S F.", 2.0)
    [(0.0, <Outcome.SUCCESS: 'success'>), (2.0, <Outcome.FAILURE: 'failure'>), (4.0, None)]
    """
    slots = [char.lower() for char in outcomes if not char.isspace()]
    return [(index * call_interval_s, _OUTCOME_BY_CHAR[char]) for index, char in enumerate(slots)]


def time_open_s(steps: list[Step], open_timeout_s: float, end_s: float) -> float:
    """Total time OPEN: each opening lasts the timeout, or until ``end_s`` if that comes first [s].

    >>> steps = [Step(0.0, Outcome.FAILURE, State.CLOSED, State.OPEN, True)]
    >>> time_open_s(steps, 30.0, 100.0), time_open_s(steps, 30.0, 10.0)
    (30.0, 10.0)
    """
    openings = [step.time_s for step in steps if step.after is State.OPEN and step.before is not State.OPEN]
    return sum(min(open_timeout_s, end_s - opened_s) for opened_s in openings)


def estimate_circuit_breaker(inputs: CircuitBreakerInputs) -> CircuitBreakerEstimate:
    """Replay the outcomes and count admitted and rejected calls, openings and time open.

    >>> run = estimate_circuit_breaker(CircuitBreakerInputs(3, 10.0, 1, 5.0, "FFF SSS S"))
    >>> run.calls_admitted, run.calls_rejected, run.times_opened, run.time_open_s
    (6.0, 1.0, 1.0, 10.0)
    """
    config = BreakerConfig(int(inputs.failure_threshold), inputs.open_timeout_s, int(inputs.half_open_max_calls))
    events = events_from(inputs.outcomes, inputs.call_interval_s)
    steps = simulate(config, events)
    calls = [step for step in steps if step.outcome is not None]
    end_s = len(events) * inputs.call_interval_s
    return CircuitBreakerEstimate(
        calls=float(len(calls)),
        calls_admitted=float(sum(step.admitted for step in calls)),
        calls_rejected=float(sum(not step.admitted for step in calls)),
        failures_admitted=float(sum(step.admitted and step.outcome is Outcome.FAILURE for step in calls)),
        times_opened=float(sum(step.after is State.OPEN and step.before is not State.OPEN for step in steps)),
        time_open_s=time_open_s(steps, inputs.open_timeout_s, end_s),
        steps=tuple(steps),
    )


def make_tables(inputs: CircuitBreakerInputs, result: CircuitBreakerEstimate, prefs: DisplayPrefs) -> Mapping[str, Table]:
    rows = []
    for number, step in enumerate(result.steps, start=1):
        if step.outcome is None:
            outcome, verdict = "no call", "—"
        else:
            outcome = "would succeed" if step.outcome is Outcome.SUCCESS else "would fail"
            verdict = "admitted" if step.admitted else "rejected"
        change = step.before.value if step.before is step.after else f"{step.before.value} → {step.after.value}"
        rows.append((str(number), format_duration(step.time_s), outcome, verdict, change))
    timeline = Table(
        title="State timeline",
        columns=("Call", "Time", "Dependency", "Breaker", "State"),
        rows=tuple(rows),
    )
    return {"timeline": timeline}


CALCULATOR = Calculator(
    id="circuit_breaker",
    title="Circuit breaker",
    summary="Replay successes and failures through a breaker with a limited half-open trial: what it admits and rejects.",
    inputs_type=CircuitBreakerInputs,
    compute=estimate_circuit_breaker,
    tables=make_tables,
    source_module="calculators/circuit_breaker.py",
    fields=(
        Field(
            "failure_threshold",
            "Failure threshold",
            FieldKind.NUMBER,
            default="3",
            example="3 or 5",
            unit="failures",
            minimum=1,
            maximum=1000,
            integer=True,
            help="Consecutive failures that open the breaker; a success resets the count.",
        ),
        Field(
            "open_timeout_s",
            "Open timeout",
            FieldKind.DURATION,
            default="20 s",
            example="20 s or 1 min",
            minimum=0,
            maximum=86_400,
            help="How long the breaker rejects calls before letting trial calls through.",
        ),
        Field(
            "half_open_max_calls",
            "Half-open trial calls",
            FieldKind.NUMBER,
            default="2",
            example="2 or 1",
            unit="calls",
            minimum=1,
            maximum=100,
            integer=True,
            help="Trial calls let through after the timeout; all must succeed to close. Other callers are rejected meanwhile.",
        ),
        Field(
            "call_interval_s",
            "Time between calls",
            FieldKind.DURATION,
            default="5 s",
            example="5 s or 500ms",
            minimum=0.001,
            maximum=86_400,
            help="Calls are evenly spaced, one per character of the outcomes.",
        ),
        Field(
            "outcomes",
            "Outcomes",
            FieldKind.PATTERN,
            default="SSFFF SSSS FSSSS SSSS",
            example="SSFFF SSSS or FFFFFFFFSSSS",
            pattern=OUTCOMES_PATTERN,
            help="What the dependency would return at each call: S success, F failure, . no call. Spaces are ignored.",
        ),
    ),
    outputs=(
        Output(
            "calls",
            "Calls made",
            OutputKind.COUNT,
            unit="calls",
            formula="S and F characters",
            working="{outcomes} → {calls}",
        ),
        Output(
            "calls_admitted",
            "Calls let through",
            OutputKind.COUNT,
            unit="calls",
            formula="calls while closed + trial calls while half-open",
            working="{calls} − {calls_rejected} = {calls_admitted}",
        ),
        Output(
            "calls_rejected",
            "Calls rejected at once",
            OutputKind.COUNT,
            unit="calls",
            formula="calls while open + calls beyond the trial limit while half-open",
            working="open {open_timeout_s} after each opening, {half_open_max_calls} trial calls → {calls_rejected}",
        ),
        Output(
            "failures_admitted",
            "Failures that reached the dependency",
            OutputKind.COUNT,
            unit="calls",
            formula="admitted calls that failed",
            working="threshold {failure_threshold}, {half_open_max_calls} trial calls → {failures_admitted}",
        ),
        Output(
            "times_opened",
            "Times opened",
            OutputKind.COUNT,
            unit="times",
            formula="moves into OPEN, from CLOSED or from a failed trial",
            working="threshold {failure_threshold} → {times_opened}",
        ),
        Output(
            "time_open_s",
            "Time spent open",
            OutputKind.DURATION,
            formula="Σ min(open timeout, time left in the run) over each opening",
            working="{times_opened} × up to {open_timeout_s} = {time_open_s}",
        ),
    ),
    notes=(
        "The outcomes are what the dependency would return if called; a rejected call never learns it.",
        "Calls here are sequential, so each trial finishes before the next call; the limit bites when callers overlap.",
    ),
)
