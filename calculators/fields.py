"""Declarations shared by every calculator: its input fields and its outputs.

A calculator declares each field and output once; the HTML form, the CLI options, the
validation messages and the docs table are all generated from these declarations.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypedDict

from calculators import units
from calculators.units import ParseError, RateSystem, Reading, SizeSystem

__all__ = [
    "AnyCalculator",
    "Calculator",
    "DisplayPrefs",
    "Field",
    "FieldError",
    "FieldKind",
    "Output",
    "OutputKind",
    "Preset",
    "Table",
    "TableJson",
]


class FieldKind(StrEnum):
    """How a field's text is read; each kind has its own accepted forms."""

    NUMBER = "number"  # 100M, 2.5e6, 2,000
    MULTIPLIER = "multiplier"  # 3, 3x
    BYTES = "bytes"  # 1.27 KB, 5 KiB, 512
    DURATION = "duration"  # 200ms, 1.5 s, 5 min
    PERCENT = "percent"  # 30%, 30, 0.3 (a bare number between 0 and 1 is a fraction)
    AVAILABILITY = "availability"  # 99.9%, 0.999, 3 nines
    AVAILABILITY_LIST = "availability_list"  # 99.9%, 99.95%
    CHOICE = "choice"  # one of the declared choices
    PATTERN = "pattern"  # free text matching Field.pattern, e.g. a run of call outcomes
    MONEY = "money"  # $0.023, 0.09, $12k: US dollars, the sign optional


# What a kind accepts, said to the reader in an error message.
_ACCEPTED_FORM: dict[FieldKind, str] = {
    FieldKind.NUMBER: "a number",
    FieldKind.MULTIPLIER: "a multiplier",
    FieldKind.BYTES: "a size",
    FieldKind.DURATION: "a duration",
    FieldKind.PERCENT: "a percentage",
    FieldKind.AVAILABILITY: "an availability",
    FieldKind.AVAILABILITY_LIST: "availabilities separated by commas",
    FieldKind.CHOICE: "one of the listed options",
    FieldKind.PATTERN: "text",
    FieldKind.MONEY: "an amount in dollars",
}

FieldValue = float | str | tuple[float, ...] | None


class FieldError(ValueError):
    """A field's raw text could not be used; the message names the field."""


@dataclass(frozen=True)
class Field:
    """One input of a calculator.

    ``minimum``/``maximum`` are in the field's machine unit (bytes, seconds, a fraction
    for percentages). ``example`` is what the error message offers as an accepted form.
    """

    name: str
    label: str
    kind: FieldKind
    default: str
    example: str
    help: str = ""
    unit: str = ""  # shown beside the input, e.g. "req/s" or "per day"
    minimum: float | None = None
    maximum: float | None = None
    minimum_exclusive: bool = False
    integer: bool = False
    choices: tuple[tuple[str, str], ...] = ()  # (value, label) pairs for CHOICE
    pattern: str = ""  # full-match regular expression for PATTERN
    max_items: int = 16  # for lists
    optional: bool = False  # empty text means "not given" (None): e.g. an override of a derived figure

    def hint(self) -> str:
        """The accepted form, e.g. ``enter a number such as 100M or 2.5e6``."""
        if self.kind is FieldKind.CHOICE:
            options = ", ".join(value for value, _ in self.choices)
            return f"choose one of {options}"
        blank = " (or leave it empty)" if self.optional else ""
        return f"enter {_ACCEPTED_FORM[self.kind]} such as {self.example}{blank}"

    def error(self, reason: str) -> FieldError:
        return FieldError(f"{self.label}: {reason}; {self.hint()}")

    def parse(self, raw: object) -> FieldValue:
        """Turn raw text into the field's machine value, or raise :class:`FieldError`."""
        if self.optional and (raw is None or (isinstance(raw, str) and not raw.strip())):
            return None
        if self.kind is FieldKind.CHOICE:
            text = str(raw).strip() if isinstance(raw, (str, int, float)) else ""
            if text not in {value for value, _ in self.choices}:
                raise self.error("not one of the options")
            return text
        if self.kind is FieldKind.PATTERN:
            return self._parse_pattern(raw)
        if self.kind is FieldKind.AVAILABILITY_LIST:
            return self._parse_list(raw)
        value = self._read_scalar(raw).value
        self._check_range(value)
        return value

    def read_note(self, raw: object) -> str:
        """How ``raw`` was read when not literally (``read as 99.9%``), or empty; empty too for text that does not parse."""
        try:
            if self.kind is FieldKind.AVAILABILITY_LIST:
                readings = [units.read_availability(part) for part in self._list_parts(raw)]
                if not any(reading.note for reading in readings):
                    return ""
                return "read as " + ", ".join(units.format_percent(reading.value) for reading in readings)
            if self.kind in (FieldKind.CHOICE, FieldKind.PATTERN) or (self.optional and self.parse(raw) is None):
                return ""
            return self._read_scalar(raw).note
        except (ParseError, FieldError):
            return ""

    def _read_scalar(self, raw: object) -> Reading:
        try:
            return self._read_kind(raw)
        except ParseError as exc:
            raise self.error(_reason(str(exc))) from None

    def _read_kind(self, raw: object) -> Reading:
        if self.kind is FieldKind.NUMBER:
            return Reading(units.parse_number(raw))
        if self.kind is FieldKind.MULTIPLIER:
            return Reading(units.parse_number(raw, allow_x=True))
        if self.kind is FieldKind.BYTES:
            return units.read_bytes(raw)
        if self.kind is FieldKind.DURATION:
            return units.read_duration_s(raw)
        if self.kind is FieldKind.PERCENT:
            return units.read_percent(raw)
        if self.kind is FieldKind.AVAILABILITY:
            return units.read_availability(raw)
        if self.kind is FieldKind.MONEY:
            return Reading(units.parse_money(raw))
        raise ParseError("not a number")  # pragma: no cover - every scalar kind is handled

    def _list_parts(self, raw: object) -> list[str]:
        if not isinstance(raw, str) or not raw.strip():
            raise self.error("empty")
        if len(raw) > units.MAX_INPUT_CHARS * 4:
            raise self.error("too long")
        parts = [part for part in re.split(r"[;,]\s+|;|\s*\|\s*|\s+and\s+", raw.strip()) if part.strip()]
        if len(parts) > self.max_items:
            raise self.error(f"at most {self.max_items} entries")
        return parts

    def _parse_list(self, raw: object) -> tuple[float, ...]:
        values: list[float] = []
        for position, part in enumerate(self._list_parts(raw), start=1):
            try:
                value = units.parse_availability(part)
            except ParseError as exc:
                raise self.error(f"entry {position}: {exc}") from None
            self._check_range(value, f"entry {position} ")
            values.append(value)
        return tuple(values)

    def _parse_pattern(self, raw: object) -> str:
        if not isinstance(raw, str):
            raise self.error("not text")
        text = raw.strip()
        if not text:
            raise self.error("empty")
        if len(text) > units.MAX_INPUT_CHARS * 4:
            raise self.error("too long")
        if not re.fullmatch(self.pattern, text):
            raise self.error("not in the expected form")
        return text

    def _check_range(self, value: float, prefix: str = "") -> None:
        if self.integer and value != math.floor(value):
            raise self.error(f"{prefix}must be a whole number")
        low, high = self.minimum, self.maximum
        if low is not None and (value < low or (self.minimum_exclusive and value == low)):
            word = "more than" if self.minimum_exclusive else "at least"
            raise self.error(f"{prefix}must be {word} {self.format_value(low)}")
        if high is not None and value > high:
            raise self.error(f"{prefix}must be at most {self.format_value(high)}")

    def format_value(self, value: FieldValue) -> str:
        """Show a machine value in this field's terms (used in messages and workings)."""
        if value is None:
            return "none"
        if isinstance(value, str):
            return value
        if isinstance(value, tuple):
            return ", ".join(units.format_percent(item) for item in value)
        if self.kind is FieldKind.BYTES:
            return units.format_bytes(value)
        if self.kind is FieldKind.DURATION:
            return units.format_duration(value)
        if self.kind in (FieldKind.PERCENT, FieldKind.AVAILABILITY):
            return units.format_percent(value)
        if self.kind is FieldKind.MULTIPLIER:
            return f"{units.format_number(value)}×"
        if self.kind is FieldKind.MONEY:
            return units.format_money(value)
        return units.format_number(value)


def _reason(parse_reason: str) -> str:
    return {
        "empty": "is empty",
        "too long": "is too long",
        "too large": "is too large",
        "not a number": "is not a number",
    }.get(parse_reason, parse_reason)


class OutputKind(StrEnum):
    """How an output's machine value is shown."""

    COUNT = "count"  # a plain number with a unit label, e.g. req/s or users
    BYTES = "bytes"  # a size [bytes]
    BYTE_RATE = "byte_rate"  # bandwidth [bytes/s]
    DURATION = "duration"  # [seconds]
    FRACTION = "fraction"  # shown as a percentage, spoken as a rounded percentage
    AVAILABILITY = "availability"  # a fraction of time up: shown as a percentage, spoken in nines
    MONEY = "money"  # US dollars; ``unit`` says per what, e.g. "$/month" prints "$12.4 k/month"


@dataclass(frozen=True)
class DisplayPrefs:
    """The reader's choice of leading size prefixes and bandwidth unit."""

    sizes: SizeSystem = SizeSystem.DECIMAL
    rates: RateSystem = RateSystem.BITS


@dataclass(frozen=True)
class Output:
    """One result of a calculator.

    ``formula`` is the relation in words; ``working`` is the same relation as a template
    whose ``{names}`` (field names or output keys) are filled with the actual figures.
    """

    key: str
    label: str
    kind: OutputKind
    unit: str = ""  # for COUNT outputs, e.g. "req/s" or "servers"; for MONEY, e.g. "$/month"
    formula: str = ""
    working: str = ""
    digits: int = 3

    def format(self, value: float, prefs: DisplayPrefs) -> str:
        """The text a page shows for ``value``."""
        if self.kind is OutputKind.BYTES:
            return units.format_bytes_both(value, prefs.sizes)
        if self.kind is OutputKind.BYTE_RATE:
            bits = units.format_bit_rate(value)
            size_rate = units.format_byte_rate(value, prefs.sizes)
            if prefs.rates is RateSystem.BITS:
                return f"{bits} ({size_rate})"
            return f"{size_rate} ({bits})"
        if self.kind is OutputKind.DURATION:
            return units.format_duration(value)
        if self.kind in (OutputKind.FRACTION, OutputKind.AVAILABILITY):
            return units.format_percent(value)
        if self.kind is OutputKind.MONEY:
            return units.format_money(value, self.digits) + self.unit.removeprefix("$")
        return units.format_count(value, self.unit, self.digits)

    def format_short(self, value: float, prefs: DisplayPrefs) -> str:
        """A compact figure for workings: the leading unit only."""
        if self.kind is OutputKind.BYTES:
            return units.format_bytes(value, prefs.sizes)
        if self.kind is OutputKind.BYTE_RATE:
            if prefs.rates is RateSystem.BITS:
                return units.format_bit_rate(value)
            return units.format_byte_rate(value, prefs.sizes)
        if self.kind is OutputKind.MONEY:  # "$2.14 k + $1.68 k": the per-month is said once, in the label
            return units.format_money(value, self.digits)
        return self.format(value, prefs)

    @property
    def capacity(self) -> bool:
        """Whether this is capacity to provision (servers, shards, nodes, connections): spoken rounded up, never down."""
        return self.kind is OutputKind.COUNT and self.unit in units.CAPACITY_UNITS

    def rough(self, value: float, prefs: DisplayPrefs) -> str:
        """The figure a candidate would say out loud, within :data:`~calculators.units.SPOKEN_TOLERANCE` of ``value``.

        Empty when it would only repeat the figure the page shows ("5 retries" needs no "≈ 5 retries").
        """
        spoken = self._spoken(value, prefs)
        shown = self.format(value, prefs)
        said = spoken.removeprefix("≈ ").removeprefix("about ").split(" (")[0]
        return "" if said == shown.split(" (")[0] else spoken

    def _spoken(self, value: float, prefs: DisplayPrefs) -> str:
        if self.kind is OutputKind.BYTES:
            return units.speak_bytes(value, prefs.sizes)
        if self.kind is OutputKind.BYTE_RATE:
            if prefs.rates is RateSystem.BITS:
                return units.speak_bit_rate(value)
            return units.speak_byte_rate(value, prefs.sizes)
        if self.kind is OutputKind.DURATION:
            return units.speak_duration(value)
        if self.kind is OutputKind.AVAILABILITY:
            return units.speak_availability(value)
        if self.kind is OutputKind.FRACTION:
            return units.speak_percent(value)
        if self.kind is OutputKind.MONEY:
            return units.speak_money(value) + self.unit.removeprefix("$")
        return units.speak_count(value, self.unit, capacity=self.capacity)


@dataclass(frozen=True)
class Table:
    """A small table of display strings that a result carries beside its outputs (e.g. a schedule)."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def as_json(self) -> TableJson:
        return {"title": self.title, "columns": list(self.columns), "rows": [list(row) for row in self.rows]}


class TableJson(TypedDict):
    """A :class:`Table` as it crosses to the page: display strings only."""

    title: str
    columns: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class Preset:
    """A named scenario: field values plus the assumptions behind them, said out loud."""

    id: str
    label: str
    values: Mapping[str, str]  # field name → raw text; fields not named take their defaults
    assumptions: tuple[str, ...] = ()


#: inputs → result: the calculator's arithmetic.
type Compute[InputsT, ResultT] = Callable[[InputsT], ResultT]
#: inputs → messages keyed by field name, for relations between fields that each parse alone.
type Validate[InputsT] = Callable[[InputsT], Mapping[str, str]]
#: (inputs, result, prefs) → tables keyed by id; shown under the outputs.
type MakeTables[InputsT, ResultT] = Callable[[InputsT, ResultT, DisplayPrefs], Mapping[str, Table]]
#: (inputs, result, prefs) → SVG documents keyed by id, made by :mod:`calculators.charts`.
type MakeCharts[InputsT, ResultT] = Callable[[InputsT, ResultT, DisplayPrefs], Mapping[str, str]]


@dataclass(frozen=True)
class Calculator[InputsT, ResultT]:
    """A calculator's whole declaration: what it asks, what it answers, how it computes.

    ``inputs_type`` is a frozen dataclass whose attribute names are the field names; it is
    called with every field's parsed value by name. ``compute`` maps an instance of it to a
    frozen result dataclass whose attributes include every output key. ``validate`` checks
    relations between fields and returns messages keyed by field name. ``tables`` and
    ``charts`` add schedules and pictures. Both type parameters are inferred from
    ``inputs_type`` and ``compute``, so a mismatched ``validate``, ``tables`` or ``charts``
    is a type error where the calculator is declared.
    """

    id: str
    title: str
    summary: str
    fields: tuple[Field, ...]
    outputs: tuple[Output, ...]
    inputs_type: Callable[..., InputsT]
    compute: Compute[InputsT, ResultT]
    validate: Validate[InputsT] | None = None
    tables: MakeTables[InputsT, ResultT] | None = None
    charts: MakeCharts[InputsT, ResultT] | None = None
    presets: tuple[Preset, ...] = ()
    notes: tuple[str, ...] = ()
    source_module: str = ""  # path of the module, for the "how it is computed" include
    field_index: Mapping[str, Field] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "field_index", {f.name: f for f in self.fields})

    def defaults(self) -> dict[str, str]:
        """Every field's default text, keyed by field name."""
        return {f.name: f.default for f in self.fields}

    def preset_inputs(self, preset_id: str) -> dict[str, str]:
        """A preset's complete inputs: its values over the defaults. Raises KeyError for unknown ids."""
        preset = {p.id: p for p in self.presets}[preset_id]
        return {**self.defaults(), **preset.values}


#: Any calculator, whatever its inputs and result: what the registry holds and generic code takes.
type AnyCalculator = Calculator[Any, Any]
