"""Reference tables generated from the calculators and the glossary, so text and numbers agree."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from calculators import evaluate
from calculators.units import count_nines, parse_availability

__all__ = ["ABBREVIATIONS_FILE", "downtime_table", "glossary_table", "read_abbreviations"]

ABBREVIATIONS_FILE = Path(__file__).resolve().parent.parent / "includes" / "abbreviations.md"
_ABBREVIATION = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<meaning>.+)$")

DEFAULT_LEVELS: tuple[str, ...] = ("99%", "99.5%", "99.9%", "99.95%", "99.99%", "99.999%")


def downtime_table(levels: Sequence[str] = DEFAULT_LEVELS) -> str:
    """Markdown table: downtime allowed per year, quarter, month, week and day for each level."""
    lines = [
        "| Availability | Nines | Per year | Per quarter | Per month | Per week | Per day |",
        "|---|---|---|---|---|---|---|",
    ]
    for level in levels:
        result = evaluate("availability", {"target": level})
        if not result["ok"]:
            raise ValueError(f"downtime_table: bad level {level!r}: {result['errors']}")
        shown = result["display"]
        nines = _nines(parse_availability(level))
        lines.append(
            f"| {level} | {nines} | {shown['downtime_per_year_s']} | {shown['downtime_per_quarter_s']} "
            f"| {shown['downtime_per_month_s']} | {shown['downtime_per_week_s']} | {shown['downtime_per_day_s']} |"
        )
    return "\n".join(lines)


def _nines(fraction: float) -> str:
    return f"{round(count_nines(fraction), 1):g}"


def read_abbreviations(path: Path = ABBREVIATIONS_FILE) -> list[tuple[str, str]]:
    """(term, meaning) pairs from the one abbreviations file that also feeds the tooltips."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _ABBREVIATION.match(line.strip())
        if match:
            pairs.append((match["term"], match["meaning"].strip()))
    return sorted(pairs, key=lambda pair: pair[0].lower())


def glossary_table() -> str:
    """Markdown table of every abbreviation and its meaning."""
    lines = ["| Term | Meaning |", "|---|---|"]
    lines += [f"| **{term}** | {meaning.replace('|', '\\|')} |" for term, meaning in read_abbreviations()]
    return "\n".join(lines)
