"""Worksheet preset: file-sync."""

from calculators.fields import Preset

PRESET = Preset(
    "file-sync",
    "File sync and storage",
    {
        "monthly_active_users": "100M",
        "daily_active_fraction": "30%",
        "requests_per_user_per_day": "30",
        "read_write_ratio": "2",
        "peak_multiplier": "3x",
        "item_bytes": "500 kB",
        "overhead": "50%",
        "replication_factor": "1",
        "retention_days": "3650",
        "yearly_growth": "20%",
        "horizon_years": "5",
        "response_bytes": "500 kB",
        "rps_per_server": "2K",
        "cache_hit_ratio": "80%",
        "hot_share": "10%",
        "cache_node_bytes": "4 TB",
        "data_bytes_override": "125 TB",
        "max_shard_write_rps": "5K",
    },
    (
        "100 M monthly users, 30% of them on a given day: 30 M DAU.",
        "A daily user saves 10 changed files a day (the writes); each change is downloaded by 2 other devices (the reads).",
        "After chunking and deduplication a change adds about 500 kB of new blocks; a download moves about 500 kB of "
        "changed blocks.",
        "Blocks are erasure-coded rather than copied: a 6 data + 3 parity Reed–Solomon code stores 9 fragments for 6 "
        "of data, so one logical copy plus 50% parity (entered as overhead).",
        "Blocks are kept up to 10 years (an upper bound: it ignores what garbage collection reclaims from superseded "
        "versions), 20% yearly growth, 5 years out.",
        "A block server moves 2K block requests a second; peak is 3× average.",
        "80% of downloads hit an SSD cache of the newest 10% of a day's blocks (other devices fetch a change within "
        "minutes); cache nodes hold 4 TB each.",
        "The metadata database, not the block store, is what gets sharded: 100 M users × 2,500 files × 500 B of "
        "metadata each = 125 TB; a shard takes 5K writes a second.",
    ),
)
