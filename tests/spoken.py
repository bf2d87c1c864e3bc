"""Read a spoken figure ("≈ 230 thousand req/s (2.3 × 10⁵)", "about 9 h", "about 2.8 nines") back into numbers.

Written apart from the package's own parsers, so a test that speaks with one and reads with
the other can catch either. Values come back in the machine units of the output kind:
bytes, bytes per second, seconds, a fraction, dollars, or a plain count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["SpokenFigure", "read_spoken"]

_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_FIGURE = re.compile(
    r"(?P<mantissa>-?[\d,]*\.?\d+)(?: × 10(?P<power>[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?(?: (?P<word>thousand|million|billion|trillion))?"
)
_DECIMAL = {"": 1.0, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18}
_BINARY = {"Ki": 2.0**10, "Mi": 2.0**20, "Gi": 2.0**30, "Ti": 2.0**40, "Pi": 2.0**50, "Ei": 2.0**60}
_TIME_S = {"ns": 1e-9, "µs": 1e-6, "ms": 1e-3, "s": 1.0, "min": 60.0, "h": 3600.0, "d": 86_400.0, "years": 365.25 * 86_400}


@dataclass(frozen=True)
class SpokenFigure:
    value: float  # the leading figure, in the kind's machine unit
    in_nines: bool  # spoken as a count of nines: value is then the availability it implies
    bracket: float | None  # the power of ten in brackets, in the same machine unit, if any


def _figure(text: str) -> tuple[float, str]:
    """The number at the start of ``text`` and whatever follows it."""
    match = _FIGURE.match(text)
    if not match:
        raise ValueError(f"no figure in {text!r}")
    value = float(match["mantissa"].replace(",", ""))
    if match["power"]:
        value *= 10.0 ** int(match["power"].translate(_SUPERSCRIPT_DIGITS))
    if match["word"]:
        value *= _WORDS[match["word"]]
    return value, text[match.end() :].strip()


def _in_unit(value: float, unit: str, kind: str) -> float:
    if kind == "count":
        return value
    if kind == "fraction":
        if unit != "%":
            raise ValueError(f"a share should be a percentage, not {unit!r}")
        return value / 100
    if kind == "duration":
        return value * _TIME_S[unit]
    rate = unit.endswith("/s")
    symbol = unit.removesuffix("/s")
    if kind == "byte_rate" and not rate:
        raise ValueError(f"a rate needs /s: {unit!r}")
    if symbol in ("bytes", "B"):
        return value
    if symbol == "bit":
        return value / 8
    if symbol.endswith("bit"):
        return value * _DECIMAL[symbol.removesuffix("bit")] / 8
    prefix = symbol.removesuffix("B")
    return value * (_BINARY[prefix] if prefix in _BINARY else _DECIMAL[prefix])


_MONEY_LETTERS = {"": 1.0, "k": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}


def _money(text: str) -> float:
    """Dollars from ``$12 k/month`` or ``-$5/year``: a sign, a figure, a letter for its scale, then what it is per."""
    negative = text.startswith("-")
    body = text.removeprefix("-")
    if not body.startswith("$"):
        raise ValueError(f"an amount of money starts with $: {text!r}")
    value, rest = _figure(body.removeprefix("$"))
    letter = rest.split("/", 1)[0].strip()
    return (-1 if negative else 1) * value * _MONEY_LETTERS[letter]


def read_spoken(text: str, kind: str) -> SpokenFigure:
    """Read what ``Output.rough`` says for an output of ``kind`` (an OutputKind value).

    ``availability`` is read like ``fraction`` unless it is a count of nines.
    """
    body = text.removeprefix("≈ ").removeprefix("about ")
    if body == text:
        raise ValueError(f"a spoken figure starts with ≈ or about: {text!r}")
    bracket_text = None
    if body.endswith(")") and " (" in body:
        body, bracket_text = body[:-1].split(" (", 1)
    if kind == "money":
        return SpokenFigure(_money(body), False, None)
    value, unit = _figure(body)
    if kind == "availability":
        if unit == "nines":
            return SpokenFigure(1 - 10.0**-value, True, None)
        kind = "fraction"
    lead = _in_unit(value, unit, kind)
    bracket = None
    if bracket_text is not None:
        bracket_value, bracket_unit = _figure(bracket_text)
        bracket = _in_unit(bracket_value, bracket_unit, kind)
    return SpokenFigure(lead, False, bracket)
