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
        "peak_multiplier": "3x",
        "item_bytes": "100 B",
        "overhead": "50%",
        "replication_factor": "3",
        "retention_days": "3650",
        "yearly_growth": "20%",
        "horizon_years": "5",
        "response_bytes": "300 B",
        "rps_per_server": "10K",
        "target_utilisation": "70%",
        "redundancy": "n+2",
        "cache_hit_ratio": "80%",
        "hot_share": "20%",
        "cache_node_bytes": "64 GiB",
        "max_shard_bytes": "2 TB",
        "max_shard_write_rps": "20K",
    },
    (
        "100 M monthly users, half of them daily: 50 M DAU, each sending 40 messages a day.",
        "Each message is one write and two deliveries (the other member of a one-to-one chat, a few group"
        " members, the sender's other devices): 120 events per user a day, 2 reads per write.",
        "The busiest hour runs at 3× the daily average, as if every user shared one region's evening (conservative).",
        "A message is about 100 bytes of text; IDs, timestamps and indexes add 50%; 3 replicas.",
        "History is kept indefinitely; 5 years are planned (20% yearly growth), so the 10-year retention never bites.",
        "A delivery on the wire is about 300 bytes with framing and encryption overhead.",
        "A message-service server routes about 10K small events/s; a wide-column store node takes about 20K writes/s.",
        "A recent-message cache holds the freshest fifth of a day's messages for reconnecting devices.",
    ),
)
