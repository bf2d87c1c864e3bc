"""Format machine values (SI base units) for reading, always with their units.

Every formatter rounds first and picks the unit after, so a figure never shows a unit's
limit ("60 s", "1,000 kB") where the next unit up belongs ("1 min", "1 MB"). Figures too
small or too large for plain digits are written in scientific form (``1 × 10⁻³⁰⁰ s``).
"""

from __future__ import annotations

import math
from decimal import Decimal

from calculators.units.catalog import BINARY_BYTE_UNITS, BIT_RATE_UNITS, DECIMAL_BYTE_UNITS
from calculators.units.constants import SECONDS_PER_YEAR, SizeSystem

__all__ = [
    "count_nines",
    "format_bit_rate",
    "format_byte_rate",
    "format_bytes",
    "format_bytes_both",
    "format_count",
    "format_duration",
    "format_money",
    "format_number",
    "format_percent",
    "round_significant",
    "scientific",
    "significant",
    "singular",
    "whole_units",
]

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
#: Plain digits read well between these magnitudes; outside them a figure goes scientific.
SMALLEST_PLAIN = 1e-4
LARGEST_PLAIN = 1e15
LARGEST_PLAIN_PERCENT = 1e6  # a share of a million percent is already a figure to read as a power of ten
# (threshold, scale, word): below ten million a grouped integer is still easy to read.
_SCALE_WORDS: tuple[tuple[float, float, str], ...] = (
    (1e12, 1e12, "trillion"),
    (1e9, 1e9, "billion"),
    (1e7, 1e6, "million"),
)


def round_significant(value: float, digits: int) -> float:
    """``value`` rounded to ``digits`` significant figures.

    >>> round_significant(59.96, 3), round_significant(0.0012345, 2), round_significant(0.0, 3)
    (60.0, 0.0012, 0.0)
    """
    if value == 0 or not math.isfinite(value):
        return value
    decimals = digits - 1 - math.floor(math.log10(abs(value)))
    try:
        return round(value, decimals)
    except OverflowError:  # within a rounding step of the largest double: keep it as it is
        return value


def significant(value: float, digits: int) -> str:
    """Round to ``digits`` significant figures without scientific notation or trailing zeros.

    >>> significant(1234.5, 3), significant(0.012345, 2), significant(2.0, 3)
    ('1,230', '0.012', '2')
    """
    if value == 0:
        return "0"
    rounded = round_significant(value, digits)
    exponent = math.floor(math.log10(abs(rounded)))
    decimals = max(0, digits - 1 - exponent)
    text = f"{rounded:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def scientific(value: float, digits: int = 3) -> str:
    """``value`` as a mantissa times a power of ten, e.g. ``1.5 × 10⁻³⁰⁰``.

    >>> scientific(1e-300), scientific(-2.345e21, 2), scientific(7e5)
    ('1 × 10⁻³⁰⁰', '-2.3 × 10²¹', '7 × 10⁵')
    """
    if value == 0:
        return "0"
    shortest = Decimal(repr(round_significant(value, digits)))
    exponent = shortest.adjusted()  # Decimal keeps 1e-320 exact where 10.0 ** -320 would not be
    mantissa = significant(float(shortest.scaleb(-exponent)), digits)
    return f"{mantissa} × 10{str(exponent).translate(_SUPERSCRIPT)}"


def _plain_range(value: float) -> bool:
    return value == 0 or SMALLEST_PLAIN <= abs(value) < LARGEST_PLAIN


def format_number(value: float, digits: int = 3) -> str:
    """Format a plain number for reading: grouped below ten million, words above, scientific beyond.

    >>> format_number(6944.444), format_number(694444.44), format_number(8.64e9)
    ('6,944', '694,444', '8.64 billion')
    >>> format_number(0.034722), format_number(2.5), format_number(999_999_999.6)
    ('0.0347', '2.5', '1 billion')
    >>> format_number(1e-300), format_number(2e18)
    ('1 × 10⁻³⁰⁰', '2 × 10¹⁸')
    """
    rounded = round_significant(value, digits)
    if not _plain_range(rounded):
        return scientific(value, digits)
    magnitude = abs(rounded)
    for threshold, scale, word in _SCALE_WORDS:
        if magnitude >= threshold:
            return f"{significant(value / scale, digits)} {word}"
    if abs(value) >= 10 ** (digits - 1):
        return f"{round(value):,}"
    return significant(value, digits)


def singular(unit: str) -> str:
    """The singular of a plain plural word unit; units with symbols (req/s, GB) stay as they are.

    >>> singular("servers"), singular("retries"), singular("req/s")
    ('server', 'retry', 'req/s')
    """
    if not unit.isalpha() or not unit.islower() or not unit.endswith("s"):
        return unit
    return unit[:-3] + "y" if unit.endswith("ies") else unit[:-1]


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
        unit = singular(unit)
    return f"{text} {unit}"


# (scale, letter) for money: $12.4 k, $1.2 M, as finance pages abbreviate thousands and millions.
_MONEY_SCALES: tuple[tuple[float, str], ...] = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k"))


def format_money(value_usd: float, digits: int = 3) -> str:
    """An amount in US dollars, to ``digits`` significant figures, with k, M, B or T from a thousand up [$ in].

    Rounding comes first, so $999.96 is "$1 k" and a list price keeps its cents: "$0.023".

    >>> format_money(0.023), format_money(730), format_money(12_410), format_money(1_234_567)
    ('$0.023', '$730', '$12.4 k', '$1.23 M')
    >>> format_money(999.96), format_money(-5), format_money(0), format_money(3e18)
    ('$1 k', '-$5', '$0', '$3 × 10¹⁸')
    """
    if value_usd < 0:
        return "-" + format_money(-value_usd, digits)
    rounded = round_significant(value_usd, digits)
    if not _plain_range(rounded):
        return f"${scientific(value_usd, digits)}"
    for scale, letter in _MONEY_SCALES:
        if rounded >= scale:
            return f"${significant(value_usd / scale, digits)} {letter}"
    return f"${significant(value_usd, digits)}"


def _prefix_step(value: float, units: tuple[tuple[str, float], ...], digits: int) -> int:
    """Index of the largest unit that the value, rounded as it will be shown, reaches."""
    step = 0
    for index, (_, factor) in enumerate(units):
        if abs(round_significant(value / factor, digits)) >= 1:
            step = index
    return step


def _scaled(value: float, units: tuple[tuple[str, float], ...], digits: int) -> str:
    name, factor = units[_prefix_step(value, units, digits)]
    return f"{format_number(value / factor, digits)} {name}"


def format_bytes(value_bytes: float, system: SizeSystem = SizeSystem.DECIMAL, digits: int = 3) -> str:
    """Format a size with decimal or binary prefixes [bytes in].

    >>> format_bytes(73e12), format_bytes(73e12, SizeSystem.BINARY), format_bytes(999.7)
    ('73 TB', '66.4 TiB', '1 kB')
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
    lead_units = DECIMAL_BYTE_UNITS if system is SizeSystem.DECIMAL else BINARY_BYTE_UNITS
    other_units = BINARY_BYTE_UNITS if system is SizeSystem.DECIMAL else DECIMAL_BYTE_UNITS
    step = _prefix_step(value_bytes, lead_units, 3)
    lead = format_bytes(value_bytes, system)
    if step == 0:
        return lead
    # Keep the bracketed figure on the same prefix step as the lead (0.977 KiB, not 1,000 B).
    name, factor = other_units[step]
    return f"{lead} ({format_number(value_bytes / factor, 3)} {name})"


def format_bit_rate(bytes_per_s: float) -> str:
    """Format a byte rate as bits per second with decimal prefixes [bytes/s in].

    >>> format_bit_rate(125_000_000), format_bit_rate(124_999.9)
    ('1 Gbit/s', '1 Mbit/s')
    """
    return _scaled(bytes_per_s * 8, BIT_RATE_UNITS, 3)


def format_byte_rate(bytes_per_s: float, system: SizeSystem = SizeSystem.DECIMAL) -> str:
    """Format a byte rate, e.g. ``125 MB/s`` [bytes/s in].

    >>> format_byte_rate(125_000_000)
    '125 MB/s'
    """
    return format_bytes(bytes_per_s, system) + "/s"


# Below a minute a duration is one figure in the largest unit it reaches (before ``limit``).
_SHORT_STEPS: tuple[tuple[str, float, float], ...] = (
    ("ns", 1e-9, 1000.0),
    ("µs", 1e-6, 1000.0),
    ("ms", 1e-3, 1000.0),
    ("s", 1.0, 60.0),
)
# From a minute up, the two largest units that matter: "8 h 46 min".
_LONG_STEPS: tuple[tuple[str, int], ...] = (("d", 86_400), ("h", 3600), ("min", 60), ("s", 1))
#: Past this a duration reads better in years than in thousands of days.
YEARS_FROM_S = 100 * SECONDS_PER_YEAR
#: Below this (a tenth of a nanosecond) a duration is written in scientific seconds.
SCIENTIFIC_BELOW_S = 1e-10


def format_duration(seconds: float) -> str:
    """Format a duration in the two largest units that matter, e.g. ``8 h 46 min``.

    Rounding comes first, so 59.96 s is "1 min" and 23 h 59 min 50 s is "1 d".

    >>> format_duration(31557.6), format_duration(0.25), format_duration(90061)
    ('8 h 46 min', '250 ms', '1 d 1 h')
    >>> format_duration(43.8), format_duration(59.96), format_duration(1e-300)
    ('43.8 s', '1 min', '1 × 10⁻³⁰⁰ s')
    """
    if seconds < 0:
        return "-" + format_duration(-seconds)
    if seconds == 0:
        return "0 s"
    if seconds < SCIENTIFIC_BELOW_S:
        return f"{scientific(seconds)} s"
    if seconds >= YEARS_FROM_S:
        return f"{format_number(seconds / SECONDS_PER_YEAR)} years"
    for name, size, limit in _SHORT_STEPS:
        amount = round_significant(seconds / size, 3)
        if amount < limit:
            return f"{significant(amount, 3)} {name}"
    return _two_units(seconds)


def _two_units(seconds: float) -> str:
    """``seconds`` (a minute or more) in its leading unit and the next one down, rounded to that."""
    lead = next(index for index, (_, size) in enumerate(_LONG_STEPS) if seconds >= size)
    while True:  # re-round when rounding carries into a larger unit (23 h 59.9 min → 1 d)
        next_size = _LONG_STEPS[min(lead + 1, len(_LONG_STEPS) - 1)][1]
        whole = round(seconds / next_size) * next_size
        carried = next(index for index, (_, size) in enumerate(_LONG_STEPS) if whole >= size)
        if carried >= lead:
            break
        lead = carried
    name, size = _LONG_STEPS[lead]
    amount, rest = divmod(whole, size)
    parts = [f"{amount:,} {name}"]
    if rest and lead + 1 < len(_LONG_STEPS):
        next_name, next_size = _LONG_STEPS[lead + 1]
        parts.append(f"{rest // next_size:,} {next_name}")
    return " ".join(parts)


def format_percent(fraction: float, digits: int = 2) -> str:
    """Format a fraction as a percentage, keeping enough nines to see what is left.

    Near 100% the shortfall ``1 − fraction`` keeps three significant figures, so a
    figure like 99.99999995% never rounds up to a false "100%".

    >>> format_percent(0.998001), format_percent(0.9999999995), format_percent(0.25)
    ('99.8001%', '99.99999995%', '25%')
    >>> format_percent(1.0), format_percent(0.999), format_percent(3e-6), format_percent(1e-300)
    ('100%', '99.9%', '0.0003%', '1 × 10⁻²⁹⁸%')
    """
    percent_float = fraction * 100
    if percent_float != 0 and not (SMALLEST_PLAIN <= abs(percent_float) < LARGEST_PLAIN_PERCENT):
        return f"{scientific(percent_float)}%"
    # Decimal arithmetic on the shortest repr avoids float noise such as 99.80009999%.
    percent = Decimal(repr(fraction)) * 100
    if 0 < abs(percent_float) < 10**-digits:  # a small share keeps its own figures, not "0%"
        return f"{significant(percent_float, 3)}%"
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


def whole_units(amount: float) -> int:
    """Round up to whole units, forgiving float noise such as 10.000000000000002 [units].

    >>> whole_units(10.000000000000002), whole_units(10.2), whole_units(0.0)
    (10, 11, 0)
    """
    return math.ceil(round(amount, 9))
