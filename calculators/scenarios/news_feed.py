"""Worksheet preset: news-feed."""

from calculators.fields import Preset

PRESET = Preset(
    "news-feed",
    "News feed",
    {
        "monthly_active_users": "200M",
        "daily_active_fraction": "50%",
        "requests_per_user_per_day": "202",
        "read_write_ratio": "100",
        "peak_multiplier": "3x",
        "item_bytes": "1 kB",
        "overhead": "30%",
        "replication_factor": "3",
        "retention_days": "3650",
        "yearly_growth": "20%",
        "horizon_years": "5",
        "response_bytes": "5 KiB",
        "rps_per_server": "5K",
        "target_utilisation": "70%",
        "redundancy": "n+2",
        "cache_hit_ratio": "95%",
        "distinct_items_read_per_day": "600M",
        "hot_share": "50%",
        "cache_node_bytes": "64 GiB",
        "max_shard_bytes": "2 TB",
        "max_shard_write_rps": "5K",
    },
    (
        "200 M monthly users, half of them active on a given day: 100 M DAU.",
        "Each daily user writes 2 posts and makes 200 timeline reads: 202 requests a day, 100 reads per write.",
        "The busiest hour runs at 3× the daily average.",
        "A post row is 1 kB (text, author, media key, timestamps); indexes add 30%; 3 replicas; kept 10 years,"
        " planned 5 years ahead with 20% yearly growth.",
        "A timeline read returns one page of about ten posts, compressed: 5 KiB. Photos are served by a CDN, not here.",
        "A timeline server does about 5K reads/s (two cache calls and a JSON page), run at 70% with n+2 spares.",
        "Feeds show mostly the last three days of posts: 600 M distinct posts read a day, half of them hot enough"
        " to keep in the post cache, which answers 95% of lookups.",
        "64 GiB cache nodes; database shards hold at most 2 TB and take at most 5K writes/s.",
    ),
)
