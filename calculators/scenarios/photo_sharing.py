"""Worksheet preset: photo-sharing.

Reads are photo views (one image fetched, almost always from the CDN); writes are uploads. The
worksheet's server stage is read as the CDN edge fleet by request rate, its cache stage as the
edge's hot set, and its database stage as the photo-metadata store.
"""

from calculators.fields import Preset

PRESET = Preset(
    "photo-sharing",
    "Photo sharing",
    {
        "monthly_active_users": "1B",
        "daily_active_fraction": "50%",
        "requests_per_user_per_day": "100.2",
        "read_write_ratio": "500",
        "peak_multiplier": "2x",
        "item_bytes": "1 MB",
        "overhead": "50%",
        "replication_factor": "1",
        "yearly_growth": "20%",
        "response_bytes": "200 kB",
        "rps_per_server": "10K",
        "cache_hit_ratio": "95%",
        "distinct_items_read_per_day": "500M",
        "hot_share": "20%",
        "cache_node_bytes": "20 TB",
        "data_bytes_override": "140 TB",
    },
    (
        "500 M DAU (half of 1 B) view 100 photos a day; one upload per 500 views: 100 M uploads a day.",
        "A photo is stored as a 2048 px master plus 1080, 640, 320 and 150 px renditions: about 1 MB in all;"
        " erasure-coded rather than copied (say 6 data + 3 parity fragments): one logical copy plus 50% parity,"
        " entered as overhead. Kept indefinitely; 20% yearly growth.",
        "A view fetches one feed-size rendition, about 200 kB. Peak 2x average.",
        "Views are served by CDN edge servers at 10K images a second each; the edge answers 95% of them.",
        "About 500 M distinct photos are viewed a day (mostly recent ones); the hottest 20% are the edge's hot set,"
        " on edge servers with 20 TB of cache disk each.",
        "Database shards hold metadata only: about 270 B photos after five years × ~500 B ≈ 140 TB.",
    ),
)
