"""Worksheet preset: leaderboard."""

from calculators.fields import Preset

PRESET = Preset(
    "leaderboard",
    "Leaderboard",
    {
        "monthly_active_users": "100M",
        "daily_active_fraction": "25%",
        "requests_per_user_per_day": "30",
        "read_write_ratio": "2",
        "peak_multiplier": "3x",
        "item_bytes": "100 B",
        "overhead": "50%",
        "replication_factor": "3",
        "retention_days": "365",
        "yearly_growth": "20%",
        "horizon_years": "3",
        "response_bytes": "2 kB",
        "rps_per_server": "5K",
        "target_utilisation": "70%",
        "redundancy": "n+2",
        "cache_hit_ratio": "100%",
        "distinct_items_read_per_day": "100M",
        "hot_share": "100%",
        "cache_node_bytes": "64 GiB",
        "max_shard_bytes": "2 TB",
        "max_shard_write_rps": "5K",
    },
    (
        "A mobile game with 100 M monthly players, 25% of them on a given day: 25 M DAU.",
        "A daily player finishes 10 matches (10 score updates) and opens a leaderboard 20 times:"
        " 30 requests a day, 2 reads per write. The busiest hour runs at 3× the daily average.",
        "Each score update is kept as a 100-byte event (player, match, score, time) for a year,"
        " plus 50% for indexes, 3 replicas, planned 3 years ahead with 20% yearly growth.",
        "A leaderboard read returns about 2 kB (a page of ranks, or the player's rank and neighbours).",
        "An API server does about 5K req/s at 70% busy, n+2 spares.",
        "The board itself lives in memory: every one of the 100 M players has one sorted-set entry of about"
        " 100 bytes with its overhead, so the cache holds all of them and answers every read.",
        "64 GiB memory nodes; event-store shards hold at most 2 TB and take at most 5K writes/s.",
    ),
)
