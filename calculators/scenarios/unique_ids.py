"""Worksheet preset: unique-ids."""

from calculators.fields import Preset

PRESET = Preset(
    "unique-ids",
    "Unique ID generator",
    {
        "monthly_active_users": "200M",
        "daily_active_fraction": "50%",
        "requests_per_user_per_day": "50",
        "read_write_ratio": "0",
        "peak_multiplier": "3x",
        "item_bytes": "8 B",
        "overhead": "0",
        "replication_factor": "3",
        "retention_days": "3650",
        "yearly_growth": "20%",
        "horizon_years": "5",
        "response_bytes": "100 B",
        "rps_per_server": "50K",
        "target_utilisation": "50%",
        "redundancy": "n+2",
        "cache_hit_ratio": "0",
        "hot_share": "100%",
        "max_shard_bytes": "2 TB",
        "max_shard_write_rps": "50K",
    },
    (
        "A platform with 200 M monthly users, half of them daily: 100 M daily users.",
        "Each daily user's actions create 50 new objects a day (messages, posts, likes, events), each needing an ID.",
        "Minting is write-only: no reads.",
        "Peak is 3× the daily average.",
        "An ID is 8 bytes (64 bits), kept by the services that use it, three replicas, for ten years, with 20% yearly growth.",
        "If IDs come from a central service, a request and its response carry about 100 B with headers.",
        "One ID-service node answers 50K requests a second (no disk, no locks) and runs at 50% at peak so a zone can fail.",
        "No cache and no database behind the service: the cache and shard stages do not apply.",
    ),
)
