"""Parse the quantities people type and format results with explicit units.

Machine values are SI base units: bytes, seconds, requests per second, bytes per second.
Sizes print in decimal (kB, MB: powers of 1000) or binary (KiB, MiB: powers of 1024),
always labelled, so a TiB figure is never called "TB".
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from enum import StrEnum

__all__ = [
    "BINARY_BYTE_UNITS",
    "DAYS_PER_CALENDAR_YEAR",
    "DAYS_PER_MONTH",
    "DAYS_PER_YEAR",
    "DECIMAL_BYTE_UNITS",
    "DURATION_UNITS_S",
    "SECONDS_PER_DAY",
    "SECONDS_PER_YEAR",
    "ParseError",
    "RateSystem",
    "SizeSystem",
    "count_nines",
    "format_bit_rate",
    "format_byte_rate",
    "format_bytes",
    "format_bytes_both",
    "format_count",
    "format_duration",
    "format_number",
    "format_percent",
    "parse_availability",
    "parse_bytes",
    "parse_duration_s",
    "parse_number",
    "parse_percent",
    "round_duration_for_speech",
    "round_for_speech",
]

SECONDS_PER_DAY = 86_400
#: Calendar year for volumes (storage written per year): 365 days.
DAYS_PER_CALENDAR_YEAR = 365
#: Julian year: 365.25 days. The "8.77 hours a year" figure for 99.9% uses this length.
DAYS_PER_YEAR = 365.25
DAYS_PER_MONTH = DAYS_PER_YEAR / 12  # 30.4375 days, an average month
SECONDS_PER_YEAR = DAYS_PER_YEAR * SECONDS_PER_DAY

#: Longest raw input accepted; anything longer is rejected before parsing.
MAX_INPUT_CHARS = 64


class ParseError(ValueError):
    """Raised by the parsers with a short reason; the caller names the field."""


class SizeSystem(StrEnum):
    """Which size prefixes lead a formatted byte figure."""

    DECIMAL = "decimal"  # kB, MB, GB, TB: powers of 1000
    BINARY = "binary"  # KiB, MiB, GiB, TiB: powers of 1024


class RateSystem(StrEnum):
    """Whether bandwidth leads with bits or bytes per second."""

    BITS = "bits"
    BYTES = "bytes"


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
_COUNT_WORDS: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}

DECIMAL_BYTE_UNITS: tuple[tuple[str, float], ...] = (
    ("B", 1.0),
    ("kB", 1e3),
    ("MB", 1e6),
    ("GB", 1e9),
    ("TB", 1e12),
    ("PB", 1e15),
    ("EB", 1e18),
)
BINARY_BYTE_UNITS: tuple[tuple[str, float], ...] = (
    ("B", 1.0),
    ("KiB", 1024.0),
    ("MiB", 1024.0**2),
    ("GiB", 1024.0**3),
    ("TiB", 1024.0**4),
    ("PiB", 1024.0**5),
    ("EiB", 1024.0**6),
)
_BYTE_UNITS_BY_LOWER: dict[str, float] = {
    "b": 1.0,
    "byte": 1.0,
    "bytes": 1.0,
    **{name.lower(): factor for name, factor in DECIMAL_BYTE_UNITS[1:]},
    **{name.lower(): factor for name, factor in BINARY_BYTE_UNITS[1:]},
}

DURATION_UNITS_S: dict[str, float] = {
    "ns": 1e-9,
    "us": 1e-6,
    "µs": 1e-6,
    "ms": 1e-3,
    "s": 1.0,
    "sec": 1.0,
    "secs": 1.0,
    "second": 1.0,
    "seconds": 1.0,
    "m": 60.0,
    "min": 60.0,
    "mins": 60.0,
    "minute": 60.0,
    "minutes": 60.0,
    "h": 3600.0,
    "hr": 3600.0,
    "hrs": 3600.0,
    "hour": 3600.0,
    "hours": 3600.0,
    "d": 86_400.0,
    "day": 86_400.0,
    "days": 86_400.0,
    "w": 604_800.0,
    "wk": 604_800.0,
    "week": 604_800.0,
    "weeks": 604_800.0,
    "y": SECONDS_PER_YEAR,
    "yr": SECONDS_PER_YEAR,
    "year": SECONDS_PER_YEAR,
    "years": SECONDS_PER_YEAR,
}

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
    text = _clean(raw)
    match = _NUMBER_AND_UNIT.match(text)
    if not match:
        raise ParseError("not a number")
    return _to_float(match["num"]), (match["unit"] or "").strip()


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
    unit = unit.replace(" ", "")
    if allow_x and unit in ("x", "X", "×"):
        return value
    if unit.startswith("/"):  # "500/s", "2 /day": the unit is in the field label already
        unit = ""
    if unit in _COUNT_SUFFIXES:
        return _finite(value * _COUNT_SUFFIXES[unit])
    if unit.lower() in _COUNT_WORDS:
        return _finite(value * _COUNT_WORDS[unit.lower()])
    raise ParseError(f"unknown suffix {unit[:8]!r}")


def parse_bytes(raw: object) -> float:
    """Parse a size such as ``1.27 KB``, ``5 KiB``, ``1GB`` or ``512`` [bytes].

    Decimal prefixes are powers of 1000 and binary (``Ki``, ``Mi``) powers of 1024.

    >>> parse_bytes("1.27 KB"), parse_bytes("5 KiB"), parse_bytes("2MB")
    (1270.0, 5120.0, 2000000.0)
    """
    value, unit = _split(raw)
    factor = _BYTE_UNITS_BY_LOWER.get(unit.replace(" ", "").lower() or "b")
    if factor is None:
        raise ParseError(f"unknown size unit {unit[:8]!r}")
    return _finite(value * factor)


def parse_duration_s(raw: object) -> float:
    """Parse a duration such as ``200ms``, ``1.5 s``, ``5 min`` or ``30`` [seconds].

    >>> parse_duration_s("200ms"), parse_duration_s("5 min"), parse_duration_s("2")
    (0.2, 300.0, 2.0)
    """
    value, unit = _split(raw)
    factor = DURATION_UNITS_S.get(unit.replace(" ", "") or "s")
    if factor is None:
        factor = DURATION_UNITS_S.get(unit.replace(" ", "").lower())
    if factor is None:
        raise ParseError(f"unknown time unit {unit[:8]!r}")
    return _finite(value * factor)


def parse_percent(raw: object) -> float:
    """Parse a percentage such as ``30%`` or ``30`` into a fraction [0..1 scale].

    A bare number is read as a percentage, so ``0.5`` means half a percent.

    >>> parse_percent("30%"), parse_percent("12.5")
    (0.3, 0.125)
    """
    value, unit = _split(raw)
    if unit not in ("", "%"):
        raise ParseError(f"unknown suffix {unit[:8]!r}")
    # Decimal division so "99.9" gives exactly the float nearest 0.999, not 0.9990000000000001.
    return float(Decimal(repr(value)).scaleb(-2))


_NINES_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_NINES = re.compile(r"^\s*(?P<count>[\d.]+|[a-z]+)\s*nines?\s*$", re.IGNORECASE)


def parse_availability(raw: object) -> float:
    """Parse availability as a percentage or a count of nines into a fraction [0..1].

    >>> parse_availability("99.9%"), parse_availability("3 nines"), parse_availability("four nines")
    (0.999, 0.999, 0.9999)
    """
    text = _clean(raw)
    match = _NINES.match(text)
    if match:
        count_text = match["count"].lower()
        count = float(_NINES_WORDS[count_text]) if count_text in _NINES_WORDS else None
        if count is None:
            try:
                count = float(count_text)
            except ValueError:
                raise ParseError("not a count of nines") from None
        if not 0 < count <= 12:
            raise ParseError("nines must be between 1 and 12")
        return 1.0 - math.pow(10.0, -count)
    return parse_percent(text)


# ---------------------------------------------------------------- formatting

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
# (threshold, scale, word): below ten million a grouped integer is still easy to read.
_SCALE_WORDS: tuple[tuple[float, float, str], ...] = (
    (1e12, 1e12, "trillion"),
    (1e9, 1e9, "billion"),
    (1e7, 1e6, "million"),
)


def _significant(value: float, digits: int) -> str:
    """Round to ``digits`` significant figures without scientific notation or trailing zeros."""
    if value == 0:
        return "0"
    exponent = math.floor(math.log10(abs(value)))
    decimals = max(0, digits - 1 - exponent)
    text = f"{round(value, decimals):,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def format_number(value: float, digits: int = 3) -> str:
    """Format a plain number for reading: grouped below ten million, words above.

    >>> format_number(6944.444), format_number(694444.44), format_number(8.64e9)
    ('6,944', '694,444', '8.64 billion')
    >>> format_number(0.034722), format_number(2.5)
    ('0.0347', '2.5')
    """
    magnitude = abs(value)
    for threshold, scale, word in _SCALE_WORDS:
        if magnitude >= threshold:
            return f"{_significant(value / scale, digits)} {word}"
    if magnitude >= 10 ** (digits - 1):
        return f"{round(value):,}"
    return _significant(value, digits)


def format_count(value: float, unit: str = "", digits: int = 3) -> str:
    """A number followed by its unit, e.g. ``6,944 req/s``.

    A plural word unit turns singular for exactly one: ``1 server``, ``1 retry``.

    >>> format_count(6944.44, "req/s"), format_count(1, "servers"), format_count(1, "retries")
    ('6,944 req/s', '1 server', '1 retry')
    """
    text = format_number(value, digits)
    if not unit:
        return text
    if text == "1":
        unit = _singular(unit)
    return f"{text} {unit}"


def _singular(unit: str) -> str:
    """The singular of a plain plural word unit; units with symbols (req/s, GB) stay as they are."""
    if not unit.isalpha() or not unit.islower() or not unit.endswith("s"):
        return unit
    return unit[:-3] + "y" if unit.endswith("ies") else unit[:-1]


def _scaled(value: float, units: tuple[tuple[str, float], ...], digits: int) -> str:
    magnitude = abs(value)
    name, factor = units[0]
    for candidate, candidate_factor in units:
        if magnitude >= candidate_factor:
            name, factor = candidate, candidate_factor
    scaled = value / factor
    if factor == 1.0:
        return f"{format_number(scaled, digits)} {name}"
    # 999.96 kB rounds to "1,000 kB": step up a prefix instead.
    text = _significant(scaled, digits)
    if abs(float(text.replace(",", ""))) >= 1000 and (name, factor) != units[-1]:
        next_name, next_factor = units[[u[0] for u in units].index(name) + 1]
        text, name = _significant(value / next_factor, digits), next_name
    return f"{text} {name}"


def format_bytes(value_bytes: float, system: SizeSystem = SizeSystem.DECIMAL, digits: int = 3) -> str:
    """Format a size with decimal or binary prefixes [bytes in].

    >>> format_bytes(73e12), format_bytes(73e12, SizeSystem.BINARY)
    ('73 TB', '66.4 TiB')
    """
    units = DECIMAL_BYTE_UNITS if system is SizeSystem.DECIMAL else BINARY_BYTE_UNITS
    return _scaled(value_bytes, units, digits)


def format_bytes_both(value_bytes: float, system: SizeSystem = SizeSystem.DECIMAL) -> str:
    """Lead with one system and show the other in brackets, e.g. ``73 TB (66.4 TiB)``.

    >>> format_bytes_both(1000)
    '1 kB (0.977 KiB)'
    >>> format_bytes_both(500)
    '500 B'
    """
    if abs(value_bytes) < 1000:
        return format_bytes(value_bytes, system)
    other = SizeSystem.BINARY if system is SizeSystem.DECIMAL else SizeSystem.DECIMAL
    lead = format_bytes(value_bytes, system)
    units = BINARY_BYTE_UNITS if other is SizeSystem.BINARY else DECIMAL_BYTE_UNITS
    # Keep the bracketed figure on the same prefix step as the lead (0.977 KiB, not 1,000 B).
    exponent = max(0, min(len(units) - 1, int(math.log(abs(value_bytes), 1000))))
    name, factor = units[exponent]
    return f"{lead} ({_significant(value_bytes / factor, 3)} {name})"


_BIT_RATE_UNITS: tuple[tuple[str, float], ...] = (
    ("bit/s", 1.0),
    ("kbit/s", 1e3),
    ("Mbit/s", 1e6),
    ("Gbit/s", 1e9),
    ("Tbit/s", 1e12),
    ("Pbit/s", 1e15),
)


def format_bit_rate(bytes_per_s: float) -> str:
    """Format a byte rate as bits per second with decimal prefixes [bytes/s in].

    >>> format_bit_rate(125_000_000)
    '1 Gbit/s'
    """
    return _scaled(bytes_per_s * 8, _BIT_RATE_UNITS, 3)


def format_byte_rate(bytes_per_s: float, system: SizeSystem = SizeSystem.DECIMAL) -> str:
    """Format a byte rate, e.g. ``125 MB/s`` [bytes/s in].

    >>> format_byte_rate(125_000_000)
    '125 MB/s'
    """
    return format_bytes(bytes_per_s, system) + "/s"


_DURATION_STEPS: tuple[tuple[str, float], ...] = (
    ("d", 86_400.0),
    ("h", 3600.0),
    ("min", 60.0),
    ("s", 1.0),
)


def format_duration(seconds: float) -> str:
    """Format a duration in the two largest units that matter, e.g. ``8 h 46 min``.

    >>> format_duration(31557.6), format_duration(0.25), format_duration(90061)
    ('8 h 46 min', '250 ms', '1 d 1 h')
    >>> format_duration(43.8)
    '43.8 s'
    """
    if seconds < 0:
        return "-" + format_duration(-seconds)
    if seconds == 0:
        return "0 s"
    if seconds < 1:
        if seconds >= 1e-3:
            return f"{_significant(seconds * 1e3, 3)} ms"
        return f"{_significant(seconds * 1e6, 3)} µs"
    if seconds < 60:
        return f"{_significant(seconds, 3)} s"
    whole = round(seconds)
    parts: list[str] = []
    for index, (name, size) in enumerate(_DURATION_STEPS):
        if whole >= size or parts:
            amount, whole = divmod(whole, int(size))
            if parts or amount:
                parts.append(f"{amount:,} {name}")
            if len(parts) == 1 and index + 1 < len(_DURATION_STEPS):
                # Round the second unit instead of truncating it.
                next_size = int(_DURATION_STEPS[index + 1][1])
                second = round(whole / next_size)
                if second * next_size >= size:
                    parts[0] = f"{amount + 1:,} {name}"
                    second = 0
                if second:
                    parts.append(f"{second:,} {_DURATION_STEPS[index + 1][0]}")
                break
    return " ".join(parts)


def format_percent(fraction: float, digits: int = 2) -> str:
    """Format a fraction as a percentage, keeping enough nines to see what is left.

    Near 100% the shortfall ``1 − fraction`` keeps three significant figures, so a
    figure like 99.99999995% never rounds up to a false "100%".

    >>> format_percent(0.998001), format_percent(0.9999999995), format_percent(0.25)
    ('99.8001%', '99.99999995%', '25%')
    >>> format_percent(1.0), format_percent(0.999)
    ('100%', '99.9%')
    """
    # Decimal arithmetic on the shortest repr avoids float noise such as 99.80009999%.
    percent = Decimal(repr(fraction)) * 100
    decimals = digits
    shortfall = 100 - percent
    if 0 < shortfall < 1:
        decimals = max(digits, 3 - math.floor(math.log10(shortfall)))
    decimals = min(decimals, 12)
    text = f"{percent.quantize(Decimal(1).scaleb(-decimals)):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if fraction < 1 and Decimal(text) >= 100:
        return "> 99.999999999%"
    return f"{text}%"


def count_nines(fraction: float) -> float:
    """How many nines an availability has: −log₁₀(1 − a) [nines].

    >>> count_nines(0.999), round(count_nines(0.9995), 2)
    (3.0, 3.3)
    """
    if fraction >= 1:
        return math.inf
    return round(-math.log10(1 - fraction), 12)


def round_for_speech(value: float, unit: str = "") -> str:
    """The figure to say out loud: one or two significant figures and a power of ten.

    >>> round_for_speech(694444.4, "req/s")
    '≈ 700 thousand req/s (7 × 10⁵)'
    >>> round_for_speech(6944.4)
    '≈ 7 thousand (7 × 10³)'
    >>> round_for_speech(3.2)
    '≈ 3'
    """
    suffix = f" {unit}" if unit else ""
    if value == 0 or not math.isfinite(value):
        return f"≈ 0{suffix}"
    exponent = math.floor(math.log10(abs(value)))
    mantissa = round(value / 10**exponent)
    if abs(mantissa) == 10:
        mantissa, exponent = mantissa // 10, exponent + 1
    rounded = mantissa * 10.0**exponent
    if exponent < 3:
        return f"≈ {_significant(rounded, 1)}{suffix}"
    words = ((12, "trillion"), (9, "billion"), (6, "million"), (3, "thousand"))
    for power, word in words:
        if exponent >= power:
            spoken = f"{_significant(rounded / 10**power, 3)} {word}"
            break
    power_text = str(exponent).translate(_SUPERSCRIPT)
    return f"≈ {spoken}{suffix} ({mantissa} × 10{power_text})"


def round_duration_for_speech(seconds: float) -> str:
    """A duration in its largest sensible unit, rounded for speech.

    >>> round_duration_for_speech(31557.6), round_duration_for_speech(2629.8), round_duration_for_speech(0.0016)
    ('9 h', '45 min', '2 ms')
    """
    if seconds <= 0:
        return "0 s"
    for name, size in (("d", 86_400.0), ("h", 3600.0), ("min", 60.0), ("s", 1.0), ("ms", 1e-3)):
        if seconds >= size:
            amount = seconds / size
            rounded = round(amount) if amount < 10 else 5 * round(amount / 5)
            return f"{rounded:,} {name}"
    return f"{_significant(seconds * 1e6, 1)} µs"


def whole_units(amount: float) -> int:
    """Round up to whole units, forgiving float noise such as 10.000000000000002 [units].

    >>> whole_units(10.000000000000002), whole_units(10.2), whole_units(0.0)
    (10, 11, 0)
    """
    return math.ceil(round(amount, 9))
