"""Parse the quantities people type into machine values (SI base units), saying how they were read.

Each ``read_*`` function returns a :class:`Reading`: the value and, when the text was not
taken literally, a short note such as ``read as 99.9%`` for the page to show beside the field.
The ``parse_*`` functions return the value alone. Units are case-sensitive as SI and IEC write
them (``B`` byte, ``b`` bit); the few loose forms people type are accepted with a note.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

from calculators.units.catalog import DURATION_UNITS_S, SIZE_UNITS, SizeUnit
from calculators.units.constants import MAX_INPUT_CHARS, QUOTED_INPUT_MAX_CHARS
from calculators.units.format import format_byte_rate, format_bytes, format_count, format_duration, format_percent

__all__ = [
    "ParseError",
    "Reading",
    "parse_availability",
    "parse_byte_rate",
    "parse_bytes",
    "parse_duration_s",
    "parse_money",
    "parse_number",
    "parse_percent",
    "quote_input",
    "read_availability",
    "read_byte_rate",
    "read_bytes",
    "read_duration_s",
    "read_percent",
]


class ParseError(ValueError):
    """Raised by the parsers with a short reason; the caller names the field."""


@dataclass(frozen=True)
class Reading:
    """A parsed value and, when the text was not taken literally, how it was read."""

    value: float
    note: str = ""  # e.g. "read as 99.9%"; empty when the text meant what it says


def quote_input(fragment: str) -> str:
    """A piece of the reader's text for a message: quoted, at most a few characters, never the whole of a long input.

    >>> quote_input("parsecs"), quote_input("x" * 40)
    ("'parsecs'", "'xxxxxxxxxxx…'")
    """
    text = fragment if len(fragment) <= QUOTED_INPUT_MAX_CHARS else fragment[: QUOTED_INPUT_MAX_CHARS - 1] + "…"
    return f"'{text}'"


# Suffixes for plain numbers. "B" is billion here; in byte fields "B" is the byte unit.
_COUNT_SUFFIXES: dict[str, float] = {
    "": 1.0,
    "k": 1e3,
    "K": 1e3,
    "m": 1e6,  # people write 100m for 100 million users; milli makes no sense for counts
    "M": 1e6,
    "b": 1e9,
    "B": 1e9,
    "bn": 1e9,
    "G": 1e9,
    "g": 1e9,
    "t": 1e12,
    "T": 1e12,
}
_COUNT_WORDS: dict[str, float] = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

_NUMBER = r"[+-]?(?:\d[\d,_]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_NUMBER_AND_UNIT = re.compile(rf"^\s*(?P<num>{_NUMBER})\s*(?P<unit>[^\d\s].*?)?\s*$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:[,_]\d{3})*(?:\.\d*)?(?:[eE][+-]?\d+)?$")


def _clean(raw: object) -> str:
    if isinstance(raw, bool):
        raise ParseError("not a number")
    if isinstance(raw, (int, float)):
        raw = repr(raw)
    if not isinstance(raw, str):
        raise ParseError("not a number")
    text = raw.strip()
    if not text:
        raise ParseError("empty")
    if len(text) > MAX_INPUT_CHARS:
        raise ParseError("too long")
    return text


def _to_float(num: str) -> float:
    if ("," in num or "_" in num) and not _GROUPED.match(num):
        raise ParseError("misplaced digit separator")
    value = float(num.replace(",", "").replace("_", ""))
    if not math.isfinite(value):
        raise ParseError("too large")
    return value


def _split(raw: object) -> tuple[float, str]:
    """The leading number and the unit text after it (spaces removed)."""
    text = _clean(raw)
    match = _NUMBER_AND_UNIT.match(text)
    if not match:
        raise ParseError("not a number")
    unit = (match["unit"] or "").replace(" ", "")
    if any(character.isdigit() for character in unit):
        raise ParseError("more than one number; enter one figure")
    return _to_float(match["num"]), unit


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ParseError("too large")
    return value


def parse_number(raw: object, *, allow_x: bool = False) -> float:
    """Parse a plain quantity such as ``100M``, ``2.5e6``, ``2,000`` or ``3x`` [unitless].

    >>> parse_number("100M"), parse_number("2,000"), parse_number("2.5e6")
    (100000000.0, 2000.0, 2500000.0)
    >>> parse_number("3x", allow_x=True)
    3.0
    """
    value, unit = _split(raw)
    if allow_x and unit in ("x", "X", "×"):
        return value
    if unit.startswith("/"):  # "500/s", "2 /day": the unit is in the field label already
        unit = ""
    if unit in _COUNT_SUFFIXES:
        return _finite(value * _COUNT_SUFFIXES[unit])
    if unit.lower() in _COUNT_WORDS:
        return _finite(value * _COUNT_WORDS[unit.lower()])
    raise ParseError(f"unknown suffix {quote_input(unit)}")


def parse_money(raw: object) -> float:
    """Parse an amount of US dollars such as ``$0.023``, ``0.09``, ``$12k`` or ``$0.023/GB-month`` [$].

    The dollar sign is optional; a unit after a slash is the field's own and is ignored.

    >>> parse_money("$0.023"), parse_money("0.09 /GB"), parse_money("$12k"), parse_money("US$ 5")
    (0.023, 0.09, 12000.0, 5.0)
    """
    text = _clean(raw)
    for sign in ("US$", "$"):
        if text.startswith(sign):
            text = text.removeprefix(sign).strip()
            break
    if text.startswith("$"):
        raise ParseError("more than one dollar sign")
    return parse_number(text)


def _size_unit(unit: str) -> tuple[SizeUnit, str]:
    """The unit a symbol names and, for a loose capital ``K``, a note that says so."""
    if unit in SIZE_UNITS:
        return SIZE_UNITS[unit], ""
    if unit.startswith("K") and not unit.startswith("Ki") and "k" + unit[1:] in SIZE_UNITS:
        return SIZE_UNITS["k" + unit[1:]], f"{unit} taken as k{unit[1:]}"
    # "GBps" is a common way to write gigabytes a second; read it so, and say so (Gbps stays bits).
    per_second = unit.removesuffix("ps") + "/s"
    if per_second.startswith("K") and not per_second.startswith("Ki"):
        per_second = "k" + per_second[1:]
    if unit.endswith("Bps") and per_second in SIZE_UNITS:
        return SIZE_UNITS[per_second], f"{unit} taken as {per_second}"
    same_letters = sorted(symbol for symbol in SIZE_UNITS if symbol.lower() == unit.lower())
    if same_letters:
        bytes_form = next((s for s in same_letters if s.endswith("B") and "/" not in s), None)
        bits_form = next((s for s in same_letters if s.endswith("b") and "/" not in s), None)
        if bytes_form and bits_form:
            raise ParseError(f"units are case-sensitive: write {bytes_form} for bytes or {bits_form}it for bits")
        raise ParseError(f"units are case-sensitive: write {same_letters[0]}")
    raise ParseError(f"unknown size unit {quote_input(unit)}")


def read_bytes(raw: object) -> Reading:
    """Read a size such as ``1.27 kB``, ``5 KiB``, ``2MB``, ``100 Mb`` (bits) or ``512`` [bytes].

    Decimal prefixes are powers of 1000 and binary (``Ki``, ``Mi``) powers of 1024. ``b`` and
    ``bit`` are bits: they are converted to bytes and the note says so, as it does for ``KB``.

    >>> read_bytes("100 Mb")
    Reading(value=12500000.0, note='read as 12.5 MB, from bits (Mb); write MB for bytes')
    >>> read_bytes("1.27 KB").value, read_bytes("5 KiB").value, read_bytes("2MB").note
    (1270.0, 5120.0, '')
    """
    value, unit = _split(raw)
    if not unit:
        return Reading(value, f"read as {format_bytes(value)}" if value else "")
    size_unit, loose = _size_unit(unit)
    if size_unit.per_second:
        raise ParseError(f"{quote_input(unit)} is a rate, not a size")
    value_bytes = _finite(value * size_unit.bytes)
    if size_unit.is_bits:
        prefix = next(size_unit.symbol[: -len(base)] for base in ("bits", "bit", "b") if size_unit.symbol.endswith(base))
        note = f"read as {format_bytes(value_bytes)}, from bits ({unit}); write {prefix}B for bytes"
        return Reading(value_bytes, note)
    if loose:  # KB: the decimal kilobyte, as kB is written; say so, since some mean 1,024
        return Reading(value_bytes, f"read as {format_bytes(value_bytes)} = {format_count(value_bytes, 'bytes')} (KiB is 1,024)")
    return Reading(value_bytes)


def parse_bytes(raw: object) -> float:
    """Parse a size such as ``1.27 KB``, ``5 KiB``, ``1GB`` or ``512`` [bytes].

    >>> parse_bytes("1.27 KB"), parse_bytes("5 KiB"), parse_bytes("2MB"), parse_bytes("8 bit")
    (1270.0, 5120.0, 2000000.0, 1.0)
    """
    return read_bytes(raw).value


def read_byte_rate(raw: object) -> Reading:
    """Read a bandwidth such as ``100 Mbps``, ``1 Gbit/s`` or ``12.5 MB/s`` [bytes/s].

    >>> read_byte_rate("100 Mbps").value, read_byte_rate("12.5 MB/s").value
    (12500000.0, 12500000.0)
    """
    value, unit = _split(raw)
    if not unit:
        return Reading(value, f"read as {format_byte_rate(value)}" if value else "")
    size_unit, loose = _size_unit(unit)
    if not size_unit.per_second:
        raise ParseError(f"{quote_input(unit)} is a size, not a rate; add /s")
    rate = _finite(value * size_unit.bytes)
    return Reading(rate, f"read as {format_byte_rate(rate)} ({loose})" if loose else "")


def parse_byte_rate(raw: object) -> float:
    """Parse a bandwidth [bytes/s]; see :func:`read_byte_rate`."""
    return read_byte_rate(raw).value


_DURATION_PART = re.compile(rf"\s*(?P<num>{_NUMBER})\s*(?P<unit>[^\d\s.,+-][^\d\s]*)?")


def read_duration_s(raw: object) -> Reading:
    """Read a duration such as ``200ms``, ``1.5 s``, ``5 μs``, ``8 h 46 min`` or ``30`` [seconds].

    A bare number is seconds, and the note says so.

    >>> read_duration_s("200ms").value, read_duration_s("5 min").value, read_duration_s("8 h 46 min").value
    (0.2, 300.0, 31560.0)
    >>> read_duration_s("30")
    Reading(value=30.0, note='read as 30 s')
    """
    text = _clean(raw)
    parts = list(_DURATION_PART.finditer(text))
    if not parts or "".join(part.group(0) for part in parts).strip() != text or len(parts) > 4:
        value, unit = _split(text)  # the usual reasons: not a number, one figure only
        raise ParseError(f"unknown time unit {quote_input(unit)}")
    if len(parts) == 1 and not parts[0]["unit"]:
        value = _to_float(parts[0]["num"])
        return Reading(value, f"read as {format_duration(value)}" if value else "")
    total = 0.0
    for part in parts:
        unit = part["unit"] or ""
        if not unit:
            raise ParseError("give each figure its unit, e.g. 1 h 30 min")
        factor = DURATION_UNITS_S.get(unit, DURATION_UNITS_S.get(unit.lower()))
        if factor is None:
            raise ParseError(f"unknown time unit {quote_input(unit)}")
        amount = _to_float(part["num"])
        # Divide by 10⁶ rather than multiply by 1e-6, which is not exact: 5 µs is then 5e-06 s.
        total += amount / round(1 / factor) if factor < 1 else amount * factor
    return Reading(_finite(total))


def parse_duration_s(raw: object) -> float:
    """Parse a duration such as ``200ms``, ``1.5 s``, ``5 min`` or ``30`` [seconds].

    >>> parse_duration_s("200ms"), parse_duration_s("5 min"), parse_duration_s("2"), parse_duration_s("5 μs")
    (0.2, 300.0, 2.0, 5e-06)
    """
    return read_duration_s(raw).value


def read_percent(raw: object) -> Reading:
    """Read a percentage into a fraction [0..1 scale].

    The rule: ``%`` is always a percentage; a bare number strictly between 0 and 1 is a
    fraction (``0.999`` is 99.9%); any other bare number is a percentage (``30`` is 30%, and
    ``1`` is 1%: write 100% for all). Whenever a bare number could be taken either way the
    note says how it was read.

    >>> read_percent("30%"), read_percent("0.999")
    (Reading(value=0.3, note=''), Reading(value=0.999, note='read as 99.9%'))
    >>> read_percent("1")
    Reading(value=0.01, note='read as 1% (write 100% for all of it)')
    """
    value, unit = _split(raw)
    if unit.startswith("%") and len(unit) > 1:
        raise ParseError(f"unexpected {quote_input(unit[1:])} after the % sign")
    if unit not in ("", "%"):
        raise ParseError(f"unknown suffix {quote_input(unit)}; write a percentage such as 30%")
    if not unit and 0 < value < 1:
        return Reading(value, f"read as {format_percent(value)}")
    # Decimal division so "99.9" gives exactly the float nearest 0.999, not 0.9990000000000001.
    fraction = float(Decimal(repr(value)).scaleb(-2))
    if not unit and value == 1:
        return Reading(fraction, "read as 1% (write 100% for all of it)")
    return Reading(fraction)


def parse_percent(raw: object) -> float:
    """Parse a percentage such as ``30%``, ``30`` or ``0.3`` into a fraction [0..1 scale].

    >>> parse_percent("30%"), parse_percent("12.5"), parse_percent("0.5")
    (0.3, 0.125, 0.5)
    """
    return read_percent(raw).value


_NINES_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_NINES = re.compile(r"^\s*(?P<count>[\d.]+|[a-z]+)\s*nines?\s*$", re.IGNORECASE)


def read_availability(raw: object) -> Reading:
    """Read availability as a percentage, a fraction or a count of nines into a fraction [0..1].

    >>> read_availability("3 nines"), read_availability("99.9%").value, read_availability("four nines").value
    (Reading(value=0.999, note='read as 99.9%'), 0.999, 0.9999)
    """
    text = _clean(raw)
    match = _NINES.match(text)
    if not match:
        return read_percent(text)
    count_text = match["count"].lower()
    count = float(_NINES_WORDS[count_text]) if count_text in _NINES_WORDS else None
    if count is None:
        try:
            count = float(count_text)
        except ValueError:
            raise ParseError("not a count of nines") from None
    if not 0 < count <= 12:
        raise ParseError("nines must be between 1 and 12")
    fraction = 1.0 - math.pow(10.0, -count)
    return Reading(fraction, f"read as {format_percent(fraction)}")


def parse_availability(raw: object) -> float:
    """Parse availability as a percentage or a count of nines into a fraction [0..1].

    >>> parse_availability("99.9%"), parse_availability("3 nines"), parse_availability("0.999")
    (0.999, 0.999, 0.999)
    """
    return read_availability(raw).value
