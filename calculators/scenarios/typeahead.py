"""Worksheet preset: typeahead.

Reads are suggestion requests (one per debounced keystroke); writes are query-log events (one
per search submitted). The log feeds an offline build of the prefix index, so the database stage
sizes the in-memory prefix index, which takes batch loads rather than the query stream.
"""

from calculators.fields import Preset

PRESET = Preset(
    "typeahead",
    "Typeahead / search autocomplete",
    {
        "monthly_active_users": "1B",
        "daily_active_fraction": "50%",
        "requests_per_user_per_day": "25",
        "read_write_ratio": "4",
        "peak_multiplier": "2x",
        "item_bytes": "300 B",
        "overhead": "0",
        "replication_factor": "3",
        "retention_days": "30",
        "yearly_growth": "20%",
        "response_bytes": "1 kB",
        "rps_per_server": "10K",
        "cache_hit_ratio": "60%",
        "distinct_items_read_per_day": "2B",
        "hot_share": "10%",
        "data_bytes_override": "300 GB",
        "max_shard_bytes": "50 GB",
        "max_shard_write_rps": "100K",
    },
    (
        "1 B monthly users, half of them daily: 500 M DAU, 5 searches each a day.",
        "A search costs 4 suggestion requests (debounced keystrokes) and 1 query-log write: 25 requests, 4:1.",
        "A query-log record (query, locale, session, time) and a prefix's top-10 list are each about 300 B;"
        " logs kept 30 days in 3 copies. The cache row prices a hot prefix at that list size; the CDN"
        " stores the whole 1 kB response, so its hot set per edge site is larger than this row.",
        "A suggestion response is about 1 kB with headers; a server answers 10K a second from memory. Peak 2x.",
        "The edge (browser and CDN) answers 60% of suggestion requests: short, popular prefixes.",
        "About 2 B distinct prefixes are typed a day; caching the hottest 10% of them covers the edge's hits.",
        "The prefix index is ~1 B prefixes × ~300 B ≈ 300 GB, held in memory in shards of at most 50 GB.",
        "Query-log writes go to a log, not the index (it is rebuilt in batches), so the per-shard write"
        " limit is set out of the way (100K) and size decides the shard count.",
    ),
)
