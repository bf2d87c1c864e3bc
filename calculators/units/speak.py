"""The figure a candidate says out loud: the coarsest friendly rounding that stays fair.

One rule for every spoken figure: it stays within :data:`SPOKEN_TOLERANCE` of the exact
value. The rounding is the coarsest that keeps it there (one significant figure if that is
close enough, else two, and so on). Capacity counts (servers, shards, nodes, connections)
round up, never down: saying fewer machines than needed is the one error that hurts.
Availabilities are spoken in nines, with the tolerance applied to the downtime they imply;
every other fraction is spoken as a rounded percentage.
"""

from __future__ import annotations

import math

from calculators.units.catalog import BINARY_BYTE_UNITS, BIT_RATE_UNITS, DECIMAL_BYTE_UNITS
from calculators.units.constants import SECONDS_PER_YEAR, SizeSystem
from calculators.units.format import (
    LARGEST_PLAIN,
    SMALLEST_PLAIN,
    count_nines,
    format_money,
    format_number,
    format_percent,
    scientific,
    significant,
    singular,
)

__all__ = [
    "CAPACITY_UNITS",
    "SPOKEN_TOLERANCE",
    "round_duration_for_speech",
    "round_for_speech",
    "round_within",
    "speak_availability",
    "speak_bit_rate",
    "speak_byte_rate",
    "speak_bytes",
    "speak_count",
    "speak_duration",
    "speak_money",
    "speak_percent",
]

#: The one tolerance for every spoken figure: at most 10% from the exact value.
SPOKEN_TOLERANCE = 0.10
#: Units of counts that are capacity to provision: spoken exactly or rounded up, never down.
CAPACITY_UNITS: frozenset[str] = frozenset({"servers", "shards", "nodes", "connections"})

_MAX_DIGITS = 17  # a double has at most 17 significant digits: past that nothing changes


def _round_to(value: float, digits: int, *, up: bool) -> float:
    try:
        return _rounded(value, digits, up=up)
    except OverflowError:  # within a rounding step of the largest double: keep it as it is
        return value


def _rounded(value: float, digits: int, *, up: bool) -> float:
    exponent = math.floor(math.log10(abs(value)))
    decimals = digits - 1 - exponent
    if not up:
        return float(round(value, decimals))
    step = 10.0**-decimals
    # Forgive float noise (15.000000000000002 servers is 15): ceil a value rounded to 9 figures first.
    steps = math.ceil(round(value / step, 9))
    return float(round(steps * step, max(decimals, 0)))


def round_within(value: float, *, up: bool = False, tolerance: float | None = None) -> tuple[float, int]:
    """The coarsest rounding of ``value`` within ``tolerance`` of it, and how many significant figures that took.

    With ``up`` the result is never below ``value`` (for capacity counts). ``tolerance``
    defaults to :data:`SPOKEN_TOLERANCE`.

    >>> round_within(233_796), round_within(15, up=True), round_within(103, up=True)
    ((230000.0, 2), (15.0, 2), (110.0, 2))
    >>> round_within(0.0)
    (0.0, 1)
    """
    if value == 0 or not math.isfinite(value):
        return value, 1
    if tolerance is None:
        tolerance = SPOKEN_TOLERANCE  # read at call time: the one declaration rules every caller
    for digits in range(1, _MAX_DIGITS + 1):
        rounded = _round_to(value, digits, up=up)
        if abs(rounded - value) <= tolerance * abs(value):
            return rounded, digits
    return value, _MAX_DIGITS  # pragma: no cover - 17 figures always match a double


_SPOKEN_WORDS: tuple[tuple[int, str], ...] = ((12, "trillion"), (9, "billion"), (6, "million"), (3, "thousand"))


def speak_count(value: float, unit: str = "", *, capacity: bool = False) -> str:
    """A count to say aloud, with a power of ten from a thousand up.

    >>> speak_count(694_444.4, "req/s"), speak_count(233_796, "req/s")
    ('≈ 700 thousand req/s (7 × 10⁵)', '≈ 230 thousand req/s (2.3 × 10⁵)')
    >>> speak_count(15, "servers", capacity=True), speak_count(354, "shards", capacity=True), speak_count(1, "nodes")
    ('≈ 15 servers', '≈ 360 shards', '≈ 1 node')
    """
    rounded, digits = round_within(value, up=capacity)
    suffix = ""
    if unit:
        suffix = " " + (singular(unit) if rounded == 1 else unit)
    magnitude = abs(rounded)
    if rounded != 0 and not SMALLEST_PLAIN <= magnitude < LARGEST_PLAIN:
        return f"≈ {scientific(rounded, digits)}{suffix}"
    exponent = math.floor(math.log10(magnitude)) if magnitude else 0
    for power, word in _SPOKEN_WORDS:
        if exponent >= power:
            spoken = f"{significant(rounded / 10.0**power, max(digits, 3))} {word}"
            return f"≈ {spoken}{suffix} ({scientific(rounded, digits)})"
    return f"≈ {significant(rounded, max(digits, 1))}{suffix}"


def speak_money(value_usd: float) -> str:
    """An amount of money to say aloud: the coarsest rounding within tolerance [$ in].

    >>> speak_money(12_410), speak_money(1_234_567), speak_money(0.0504), speak_money(967_000)
    ('≈ $12 k', '≈ $1.2 M', '≈ $0.05', '≈ $1 M')
    """
    rounded, digits = round_within(value_usd)
    return f"≈ {format_money(rounded, digits)}"


def round_for_speech(value: float, unit: str = "") -> str:
    """The figure to say out loud for a count (kept for callers of the first version).

    >>> round_for_speech(694444.4, "req/s"), round_for_speech(3.2)
    ('≈ 700 thousand req/s (7 × 10⁵)', '≈ 3')
    """
    return speak_count(value, unit, capacity=unit in CAPACITY_UNITS)


def _withscientific(value: float, unit: str) -> str:
    if abs(value) < 1000:
        return ""
    rounded, digits = round_within(value)
    return f" ({scientific(rounded, digits)} {unit})"


def _speak_scaled(value: float, units: tuple[tuple[str, float], ...]) -> str:
    """``about 200 GB``: the value in its leading prefix, rounded within tolerance in that prefix."""
    step = 0
    for index, (_, factor) in enumerate(units):
        if abs(value) >= factor:
            step = index
    name, factor = units[step]
    rounded, digits = round_within(value / factor)
    if step + 1 < len(units) and abs(rounded) * factor >= units[step + 1][1]:
        name, factor = units[step + 1]  # 960 GB rounds to 1,000 GB: say 1 TB
        rounded, digits = round_within(value / factor)
    return f"about {format_number(rounded, max(digits, 3))} {name}"


def speak_bytes(value_bytes: float, system: SizeSystem = SizeSystem.DECIMAL) -> str:
    """A size to say aloud, with the power of ten in bytes.

    >>> speak_bytes(2.93e15), speak_bytes(186 * 1024**3, SizeSystem.BINARY), speak_bytes(960e9)
    ('about 3 PB (3 × 10¹⁵ bytes)', 'about 200 GiB (2 × 10¹¹ bytes)', 'about 1 TB (1 × 10¹² bytes)')
    """
    units = DECIMAL_BYTE_UNITS if system is SizeSystem.DECIMAL else BINARY_BYTE_UNITS
    return _speak_scaled(value_bytes, units) + _withscientific(value_bytes, "bytes")


def speak_bit_rate(bytes_per_s: float) -> str:
    """A bandwidth to say aloud in bits per second [bytes/s in].

    >>> speak_bit_rate(2.37e6)
    'about 20 Mbit/s (2 × 10⁷ bit/s)'
    """
    return _speak_scaled(bytes_per_s * 8, BIT_RATE_UNITS) + _withscientific(bytes_per_s * 8, "bit/s")


def speak_byte_rate(bytes_per_s: float, system: SizeSystem = SizeSystem.DECIMAL) -> str:
    """A bandwidth to say aloud in bytes per second [bytes/s in].

    >>> speak_byte_rate(1.19e9)
    'about 1.2 GB/s (1.2 × 10⁹ bytes/s)'
    """
    units = DECIMAL_BYTE_UNITS if system is SizeSystem.DECIMAL else BINARY_BYTE_UNITS
    return _speak_scaled(bytes_per_s, units) + "/s" + _withscientific(bytes_per_s, "bytes/s")


_SPOKEN_TIME_UNITS: tuple[tuple[str, float], ...] = (
    ("d", 86_400.0),
    ("h", 3600.0),
    ("min", 60.0),
    ("s", 1.0),
    ("ms", 1e-3),
    ("µs", 1e-6),
    ("ns", 1e-9),
)
#: A duration may be said in the next unit down while it stays under this many of it ("90 s", not "1.4 min").
_SMALLER_UNIT_BELOW = 100


def speak_duration(seconds: float) -> str:
    """A duration to say aloud: one figure in its largest unit, or the next one down if that is closer.

    >>> speak_duration(31557.6), speak_duration(50_460), speak_duration(86), speak_duration(0.00158)
    ('about 9 h', 'about 14 h', 'about 90 s', 'about 1.6 ms')
    """
    if seconds <= 0:
        return "about 0 s" if seconds == 0 else "-" + speak_duration(-seconds).removeprefix("about ")
    if seconds >= 100 * SECONDS_PER_YEAR:
        rounded, digits = round_within(seconds / SECONDS_PER_YEAR)
        return f"about {format_number(rounded, max(digits, 3))} years"
    if seconds < _SPOKEN_TIME_UNITS[-1][1] / 10:
        rounded, digits = round_within(seconds)
        return f"about {scientific(rounded, digits)} s"
    lead = next((i for i, (_, size) in enumerate(_SPOKEN_TIME_UNITS) if seconds >= size), len(_SPOKEN_TIME_UNITS) - 1)
    candidates = [lead] + ([lead + 1] if lead + 1 < len(_SPOKEN_TIME_UNITS) else [])
    for digits in range(1, _MAX_DIGITS + 1):
        for index in candidates:
            name, size = _SPOKEN_TIME_UNITS[index]
            amount = seconds / size
            if index != lead and amount >= _SMALLER_UNIT_BELOW:
                continue
            rounded = _round_to(amount, digits, up=False)
            if abs(rounded - amount) <= SPOKEN_TOLERANCE * amount:
                return f"about {significant(rounded, max(digits, 1))} {name}"
    return f"about {significant(seconds, 3)} s"  # pragma: no cover - some digit count always fits


def round_duration_for_speech(seconds: float) -> str:
    """A duration in its largest sensible unit, rounded for speech (the first version's name).

    >>> round_duration_for_speech(31557.6), round_duration_for_speech(0.0016)
    ('9 h', '1.6 ms')
    """
    return speak_duration(seconds).removeprefix("about ")


def speak_percent(fraction: float) -> str:
    """A share to say aloud as a rounded percentage.

    >>> speak_percent(0.5882), speak_percent(0.7926), speak_percent(0.1925)
    ('about 60%', 'about 80%', 'about 20%')
    """
    rounded, digits = round_within(fraction)
    if rounded == 0:
        return "about 0%"
    percent = abs(rounded) * 100
    decimals = max(0, digits - 1 - math.floor(math.log10(percent)))
    return f"about {format_percent(rounded, decimals)}"


#: Steps in which nines are said: whole nines, then tenths, then hundredths.
_NINES_STEPS: tuple[float, ...] = (1.0, 0.1, 0.01, 0.001)


def speak_availability(fraction: float) -> str:
    """An availability to say aloud in nines, as fine as it takes for the implied downtime to stay within tolerance.

    Below one nine (90%) a count of nines says little: the share is spoken as a percentage.

    >>> speak_availability(0.998401), speak_availability(0.999), speak_availability(0.99999999995)
    ('about 2.8 nines', 'about 3 nines', 'about 10.3 nines')
    >>> speak_availability(0.5)
    'about 50%'
    """
    if fraction >= 1:
        return "about 100%"
    nines = count_nines(fraction)
    if nines < 1:
        return speak_percent(fraction)
    shortfall = 1 - fraction
    for step in _NINES_STEPS:
        spoken = round(round(nines / step) * step, 3)
        if abs(10.0**-spoken - shortfall) <= SPOKEN_TOLERANCE * shortfall:
            return f"about {spoken:g} nines"
    return f"about {nines:.3f} nines"  # pragma: no cover - a thousandth of a nine is 0.23% of the downtime
