"""Worksheet preset: chat."""

from calculators.fields import Preset

PRESET = Preset(
    "chat",
    "Chat system",
    {
        "monthly_active_users": "100M",
        "daily_active_fraction": "50%",
        "requests_per_user_per_day": "120",
        "read_write_ratio": "2",
        "peak_multiplier": "2x",
        "item_bytes": "100 B",
        "overhead": "50%",
        "retention_days": "36500",
        "response_bytes": "200 B",
        "rps_per_server": "20K",
        "cache_hit_ratio": "80%",
        "max_shard_write_rps": "20K",
    },
    (
        "50 M DAU each send 40 messages a day; each message is delivered once and read once more"
        " from history: 2 reads per write.",
        "Messages are about 100 bytes of text; history is kept indefinitely (100 years here).",
        "Chat traffic is flatter than feeds across a day: peak 2× average. Delivery runs over long-lived connections.",
    ),
)
