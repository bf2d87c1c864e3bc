"""Worksheet preset: job-scheduler."""

from calculators.fields import Preset

PRESET = Preset(
    "job-scheduler",
    "Job scheduler",
    {
        "monthly_active_users": "2M",
        "daily_active_fraction": "50%",
        "requests_per_user_per_day": "1100",
        "read_write_ratio": "0.1",
        "peak_multiplier": "5x",
        "item_bytes": "500 B",
        "overhead": "50%",
        "replication_factor": "3",
        "retention_days": "30",
        "yearly_growth": "20%",
        "horizon_years": "3",
        "response_bytes": "1 kB",
        "rps_per_server": "2K",
        "target_utilisation": "70%",
        "redundancy": "n+2",
        "cache_hit_ratio": "90%",
        "distinct_items_read_per_day": "100M",
        "hot_share": "100%",
        "cache_node_bytes": "64 GiB",
        "max_shard_bytes": "2 TB",
        "max_shard_write_rps": "5K",
    },
    (
        "2 M accounts (teams and services), half of them active on a given day: 1 M.",
        "An active account causes 1,000 job runs a day and makes 100 status or API reads: 1,100 requests,"
        " 0.1 reads per write, so about a billion runs a day.",
        "Cron schedules bunch at the top of the hour and minute: the busiest minutes run at 5× the daily average.",
        "A run record (job, scheduled time, state, attempts, lease owner, timestamps) is 500 bytes; its indexes"
        " add 50%; 3 replicas; run history kept 30 days, planned 3 years ahead with 20% yearly growth.",
        "A status read returns about 1 kB. One dispatcher or API server handles about 2K runs or requests a"
        " second (each run is several state writes), at 70% busy with n+2 spares.",
        "100 M job definitions fire on a given day; all of them are cached (about 500 bytes each, like a run"
        " record), and the cache answers 90% of reads.",
        "64 GiB cache nodes; database shards hold at most 2 TB and take at most 5K writes/s.",
    ),
)
