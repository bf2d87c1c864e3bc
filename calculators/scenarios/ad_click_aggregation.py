"""Worksheet preset: ad-click-aggregation."""

from calculators.fields import Preset

PRESET = Preset(
    "ad-click-aggregation",
    "Ad-click aggregation",
    {
        "monthly_active_users": "500M",
        "daily_active_fraction": "50%",
        "requests_per_user_per_day": "4.04",
        "read_write_ratio": "0.01",
        "peak_multiplier": "5x",
        "item_bytes": "500 B",
        "overhead": "0",
        "replication_factor": "3",
        "retention_days": "30",
        "yearly_growth": "30%",
        "horizon_years": "2",
        "response_bytes": "5 kB",
        "rps_per_server": "10K",
        "target_utilisation": "70%",
        "cache_hit_ratio": "0",
        "distinct_items_read_per_day": "1M",
        "hot_share": "100%",
        "max_shard_bytes": "2 TB",
        "max_shard_write_rps": "5K",
    },
    (
        "An ad network reaching 500 M monthly users, half of them daily: 250 M daily users.",
        "Each daily user clicks 4 ads a day: 1 B clicks a day.",
        "Advertisers' dashboards make one query per 100 clicks (0.01 reads per write): 4.04 requests per user a day.",
        "Peak is 5× the daily average: evening hours and sales events.",
        "A click event is about 500 B (click and impression IDs, ad, campaign, user, IP, user agent, times).",
        "The click log keeps 30 days in three replicas.",
        "Clicks grow 30% a year over a two-year horizon. A dashboard query returns about 5 kB.",
        "Click-redirect servers handle 10K req/s each at 70% at peak.",
        "Dashboard queries go straight to the analytics store, no cache in front (hit ratio 0).",
        "The cache stage shows what caching 1M aggregate rows read a day would take, if a cache were added.",
        "A stream task deduplicates and aggregates 5K clicks a second per partition, exactly-once commits included.",
        "The shard stage therefore gives the number of log partitions.",
    ),
)
