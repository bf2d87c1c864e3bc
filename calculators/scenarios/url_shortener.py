"""Worksheet preset: url-shortener."""

from calculators.fields import Preset

PRESET = Preset(
    "url-shortener",
    "URL shortener",
    {
        "monthly_active_users": "100M",
        "daily_active_fraction": "10%",
        "requests_per_user_per_day": "34",
        "read_write_ratio": "100",
        "item_bytes": "500 B",
        "overhead": "25%",
        "retention_days": "1825",
        "yearly_growth": "0",
        "response_bytes": "500 B",
        "rps_per_server": "20K",
        "hot_share": "20%",
    },
    (
        "About 100 M new links a month (10 M DAU × 34 requests ÷ 101 ≈ 3.4 M writes a day), 100 redirects per link.",
        "A record (short code, long URL, owner, timestamps) is about 500 bytes; kept 5 years.",
        "A redirect response is small (about 500 B with headers); redirects are cheap, so 20K req/s per server.",
    ),
)
