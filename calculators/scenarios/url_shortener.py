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
        "peak_multiplier": "3x",
        "item_bytes": "500 B",
        "overhead": "25%",
        "replication_factor": "3",
        "retention_days": "1825",
        "yearly_growth": "0",
        "horizon_years": "5",
        "response_bytes": "500 B",
        "rps_per_server": "10K",
        "target_utilisation": "70%",
        "redundancy": "n+2",
        "cache_hit_ratio": "90%",
        "distinct_items_read_per_day": "100M",
        "hot_share": "20%",
        "cache_node_bytes": "64 GiB",
        "max_shard_bytes": "2 TB",
        "max_shard_write_rps": "5K",
    },
    (
        "100 M monthly users, 10% of them on a given day: 10 M DAU making 34 requests each,"
        " 100 redirects per link created: about 3.4 M new links a day, 100 M a month.",
        "The busiest hour runs at 3× the daily average.",
        "A record (short code, long URL, owner, timestamps, expiry) is about 500 bytes; the index adds 25%;"
        " 3 replicas; kept 5 years with no growth assumed.",
        "A redirect response is about 500 B with headers; a redirect server does about 10K req/s"
        " (a cache lookup and a header) at 70% busy, n+2 spares.",
        "A month of links (100 M) is read on a given day; the hottest 20% of them are worth caching;"
        " the cache answers 90% of redirects.",
        "64 GiB cache nodes; database shards hold at most 2 TB and take at most 5K writes/s.",
    ),
)
