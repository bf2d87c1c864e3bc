"""Worksheet preset: video-streaming."""

from calculators.fields import Preset

PRESET = Preset(
    "video-streaming",
    "Video streaming",
    {
        "monthly_active_users": "500M",
        "daily_active_fraction": "40%",
        "requests_per_user_per_day": "5",
        "read_write_ratio": "500",
        "peak_multiplier": "2x",
        "item_bytes": "1 GB",
        "overhead": "0",
        "replication_factor": "3",
        "yearly_growth": "30%",
        "response_bytes": "200 MB",
        "rps_per_server": "1K",
        "hot_share": "5%",
        "cache_node_bytes": "20 TB",
        "data_bytes_override": "40 TB",
    },
    (
        "200 M DAU start 5 videos a day; one upload for every 500 plays.",
        "Only metadata (about 10 kB a video, ~3.7 billion videos over 5 years: ~40 TB) goes to database shards;"
        " video bytes live in object storage.",
        "An upload is stored as about 1 GB across all resolutions; a play streams about 200 MB (a few minutes of HD).",
        "The 'cache' here is the CDN edge: 5% of a day's plays hold most views, on 20 TB edge nodes.",
    ),
)
