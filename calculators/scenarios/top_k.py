"""Worksheet preset: top-k."""

from calculators.fields import Preset

PRESET = Preset(
    "top-k",
    "Top-K / trending",
    {
        "monthly_active_users": "500M",
        "daily_active_fraction": "40%",
        "requests_per_user_per_day": "52",
        "read_write_ratio": "0.04",
        "peak_multiplier": "3x",
        "item_bytes": "100 B",
        "overhead": "0",
        "replication_factor": "3",
        "retention_days": "7",
        "yearly_growth": "20%",
        "horizon_years": "1",
        "response_bytes": "10 kB",
        "rps_per_server": "10K",
        "target_utilisation": "70%",
        "cache_hit_ratio": "99%",
        "distinct_items_read_per_day": "10K",
        "hot_share": "100%",
        "max_shard_bytes": "2 TB",
        "max_shard_write_rps": "20K",
    },
    (
        "A video platform with 500 M monthly users, 40% daily: 200 M daily users.",
        "Each daily user produces 50 view events and asks for a trending list twice: 52 requests a day, 0.04 reads per write.",
        "Peak is 3× the daily average.",
        "A view event is about 100 B (video ID, user ID, time, region); the event log keeps 7 days in three replicas.",
        "A trending list of the top 100 with titles and thumbnails is about 10 kB; the CDN and a cache answer 99% of list reads.",
        "About 10K distinct lists are read a day (regions × categories × windows), all kept in cache.",
        "Ingest servers accept 10K events a second each at 70% at peak.",
        "One counting task handles 20K events a second per partition with headroom: the shard stage gives the partition count.",
    ),
)
