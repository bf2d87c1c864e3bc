"""Unit tables built from prefixes × base units, case-sensitive as SI and IEC write them.

``B`` is a byte and ``b`` (or ``bit``) a bit; ``k M G T P E`` are powers of 1000 and
``Ki Mi Gi Ti Pi Ei`` powers of 1024. A rate is a size with ``/s`` (``MB/s``, ``Mbit/s``) or,
for bits, ``ps`` (``Mbps``). Every symbol is generated here, so bits and bytes never mix.
"""

from __future__ import annotations

from dataclasses import dataclass

from calculators.units.constants import SECONDS_PER_YEAR

__all__ = [
    "BINARY_BYTE_UNITS",
    "BIT_RATE_UNITS",
    "DECIMAL_BYTE_UNITS",
    "DURATION_UNITS_S",
    "IEC_PREFIXES",
    "SIZE_UNITS",
    "SI_PREFIXES",
    "SizeUnit",
]

SI_PREFIXES: tuple[tuple[str, float], ...] = (("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15), ("E", 1e18))
IEC_PREFIXES: tuple[tuple[str, float], ...] = tuple(
    (f"{letter}i", 1024.0**power) for power, letter in enumerate("KMGTPE", start=1)
)

# Base symbols and the words people spell out; the factor is in bytes.
_BYTE_BASES: tuple[str, ...] = ("B",)
_BIT_BASES: tuple[str, ...] = ("b", "bit")
_BYTE_WORDS: tuple[str, ...] = ("byte", "bytes")
_BIT_WORDS: tuple[str, ...] = ("bits",)


@dataclass(frozen=True)
class SizeUnit:
    """One symbol a size or rate may be written in."""

    symbol: str
    bytes: float  # how many bytes one of it is (a bit is 1/8) [bytes]
    is_bits: bool
    per_second: bool


def _size_units() -> dict[str, SizeUnit]:
    units: dict[str, SizeUnit] = {}

    def add(symbol: str, factor_bytes: float, is_bits: bool) -> None:
        units[symbol] = SizeUnit(symbol, factor_bytes, is_bits, per_second=False)
        units[symbol + "/s"] = SizeUnit(symbol + "/s", factor_bytes, is_bits, per_second=True)
        if is_bits and symbol.endswith("b"):
            units[symbol + "ps"] = SizeUnit(symbol + "ps", factor_bytes, is_bits, per_second=True)  # Mbps

    for word in _BYTE_WORDS:
        add(word, 1.0, is_bits=False)
    for word in _BIT_WORDS:
        add(word, 1 / 8, is_bits=True)
    for prefix, factor in (("", 1.0), *SI_PREFIXES, *IEC_PREFIXES):
        for base in _BYTE_BASES:
            add(prefix + base, factor, is_bits=False)
        for base in _BIT_BASES:
            add(prefix + base, factor / 8, is_bits=True)
    return units


#: Every size and rate symbol, e.g. ``SIZE_UNITS["Mb"]`` is a megabit (125,000 bytes).
SIZE_UNITS: dict[str, SizeUnit] = _size_units()

DECIMAL_BYTE_UNITS: tuple[tuple[str, float], ...] = (("B", 1.0), *((f"{p}B", f) for p, f in SI_PREFIXES))
BINARY_BYTE_UNITS: tuple[tuple[str, float], ...] = (("B", 1.0), *((f"{p}B", f) for p, f in IEC_PREFIXES))
BIT_RATE_UNITS: tuple[tuple[str, float], ...] = (("bit/s", 1.0), *((f"{p}bit/s", f) for p, f in SI_PREFIXES))

# Sub-second SI prefixes; micro is written three ways: u, µ (U+00B5 micro sign), μ (U+03BC Greek mu).
_SUBSECOND_PREFIXES: tuple[tuple[str, float], ...] = (("n", 1e-9), ("u", 1e-6), ("\u00b5", 1e-6), ("\u03bc", 1e-6), ("m", 1e-3))
_NAMED_DURATIONS: tuple[tuple[float, tuple[str, ...]], ...] = (
    (1.0, ("s", "sec", "secs", "second", "seconds")),
    (60.0, ("m", "min", "mins", "minute", "minutes")),
    (3600.0, ("h", "hr", "hrs", "hour", "hours")),
    (86_400.0, ("d", "day", "days")),
    (604_800.0, ("w", "wk", "week", "weeks")),
    (SECONDS_PER_YEAR, ("y", "yr", "year", "years")),
)
DURATION_UNITS_S: dict[str, float] = {
    **{f"{prefix}s": factor for prefix, factor in _SUBSECOND_PREFIXES},
    **{name: size for size, names in _NAMED_DURATIONS for name in names},
}
