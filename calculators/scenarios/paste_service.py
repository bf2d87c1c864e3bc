"""Worksheet preset: paste-service."""

from calculators.fields import Preset

PRESET = Preset(
    "paste-service",
    "Paste service",
    {
        "monthly_active_users": "20M",
        "daily_active_fraction": "25%",
        "requests_per_user_per_day": "1.2",
        "read_write_ratio": "5",
        "item_bytes": "10 kB",
        "overhead": "10%",
        "retention_days": "365",
        "yearly_growth": "10%",
        "response_bytes": "10 kB",
        "rps_per_server": "5K",
    },
    (
        "5 M daily users, about one paste each every five days and five reads per paste: 1 M pastes a day.",
        "A paste averages 10 kB of text and expires after a year by default.",
    ),
)
