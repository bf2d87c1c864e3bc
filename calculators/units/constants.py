"""Calendar constants, input limits and the display systems every unit module shares."""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "DAYS_PER_CALENDAR_YEAR",
    "DAYS_PER_MONTH",
    "DAYS_PER_YEAR",
    "MAX_INPUT_CHARS",
    "QUOTED_INPUT_MAX_CHARS",
    "SECONDS_PER_DAY",
    "SECONDS_PER_YEAR",
    "RateSystem",
    "SizeSystem",
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
#: Longest piece of the reader's own text a message may quote back (e.g. an unknown unit).
QUOTED_INPUT_MAX_CHARS = 12


class SizeSystem(StrEnum):
    """Which size prefixes lead a formatted byte figure."""

    DECIMAL = "decimal"  # kB, MB, GB, TB: powers of 1000
    BINARY = "binary"  # KiB, MiB, GiB, TiB: powers of 1024


class RateSystem(StrEnum):
    """Whether bandwidth leads with bits or bytes per second."""

    BITS = "bits"
    BYTES = "bytes"
