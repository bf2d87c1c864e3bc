"""Worksheet preset: video-streaming.

Reads are play starts (the video bytes come from the CDN, so "response size" is the bytes one
play streams); writes are uploads. The worksheet's cache stage is the CDN edge: the hot set is
the most-watched videos with their whole bitrate ladder.
"""

from calculators.fields import Preset

PRESET = Preset(
    "video-streaming",
    "Video streaming",
    {
        "monthly_active_users": "500M",
        "daily_active_fraction": "40%",
        "requests_per_user_per_day": "5",
        "read_write_ratio": "1000",
        "peak_multiplier": "2x",
        "item_bytes": "1 GB",
        "overhead": "50%",
        "replication_factor": "1",
        "yearly_growth": "30%",
        "response_bytes": "100 MB",
        "rps_per_server": "1K",
        "cache_hit_ratio": "95%",
        "distinct_items_read_per_day": "100M",
        "hot_share": "1%",
        "cache_node_bytes": "100 TB",
        "data_bytes_override": "33 TB",
    },
    (
        "200 M DAU (40% of 500 M) start 5 plays a day; one upload for every 1,000 plays (about 1 M a day).",
        "An upload averages 7 minutes; source plus a 240p–1080p ladder is about 1 GB. Object storage"
        " erasure-codes rather than copies (say 6 data + 3 parity fragments): one logical copy plus 50%"
        " parity, entered as overhead.",
        "A play streams about 100 MB: some 4.5 minutes watched at an average 3 Mbit/s across devices.",
        "A play start (auth, manifest, signed URLs) is one API request; a server handles 1K a second. Peak 2x.",
        "The 'cache' is the CDN edge, which answers 95% of requests. About 100 M distinct videos are"
        " watched a day; the hottest 1%, whole ladder, is the hot set, on 100 TB edge nodes.",
        "Only metadata goes to database shards: about 3.3 B videos over 5 years × 10 kB ≈ 33 TB.",
    ),
)
