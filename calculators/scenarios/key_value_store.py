"""Worksheet preset: key-value-store.

A Dynamo-style store behind a large product. Most writes overwrite existing keys, so the storage
stage measures bytes written (what disks and compaction absorb), and the live data set is given
by the data-size override.
"""

from calculators.fields import Preset

PRESET = Preset(
    "key-value-store",
    "Distributed key-value store",
    {
        "monthly_active_users": "200M",
        "daily_active_fraction": "50%",
        "requests_per_user_per_day": "300",
        "read_write_ratio": "4",
        "peak_multiplier": "3x",
        "item_bytes": "1 kB",
        "overhead": "30%",
        "replication_factor": "3",
        "retention_days": "1",
        "yearly_growth": "20%",
        "response_bytes": "1 kB",
        "rps_per_server": "50K",
        "cache_hit_ratio": "80%",
        "distinct_items_read_per_day": "2B",
        "hot_share": "20%",
        "data_bytes_override": "13 TB",
        "max_shard_bytes": "2 TB",
        "max_shard_write_rps": "20K",
    },
    (
        "The store backs a product with 100 M DAU (half of 200 M); each user's day causes about 300"
        " key-value operations across services, 4 reads per write. Peak 3x average.",
        "Values average 1 kB; keys, version metadata and the storage engine's indexes add 30%; N = 3 replicas.",
        "Most writes overwrite a key, so the storage stage is read as bytes written: retention is one day"
        " (a day of writes before compaction merges them), not the data held.",
        "The live data set is 10 B keys × 1.3 kB ≈ 13 TB per copy (the data-size override).",
        "A storage node serves about 50K replica operations a second (an LSM engine on NVMe, hot reads"
        " from memory); one replica set takes 20K writes a second.",
        "About 2 B distinct keys are read a day; the hottest 20% are kept in memory, answering 80% of reads.",
    ),
)
