"""Worksheet preset: rate-limiter."""

from calculators.fields import Preset

PRESET = Preset(
    "rate-limiter",
    "Distributed rate limiter",
    {
        "monthly_active_users": "100M",
        "daily_active_fraction": "50%",
        "requests_per_user_per_day": "201",
        "read_write_ratio": "200",
        "peak_multiplier": "3x",
        "item_bytes": "150 B",
        "overhead": "0",
        "replication_factor": "2",
        "retention_days": "1",
        "yearly_growth": "0",
        "horizon_years": "1",
        "response_bytes": "200 B",
        "rps_per_server": "10K",
        "cache_hit_ratio": "0",
        "hot_share": "100%",
        "max_shard_write_rps": "50K",
    },
    (
        "An API used by 100 M monthly users, half of them on a given day: 50 M client keys to limit.",
        "Each user makes 200 API calls a day; every call is one limiter check (counted as a read here).",
        "The first call of the day creates the user's bucket (counted as the one write); buckets expire within a day.",
        "A bucket in Redis (key, token count, last-refill time) takes about 150 B, per-key overhead included (no extra); "
        "one replica: 2 copies. No growth and a one-year horizon: the state is rebuilt every day.",
        "A check's round trip to the counter store carries about 200 B; peak is 3× the daily average.",
        "Gateway nodes run the check in-process and forward 10K req/s each; no cache sits in front of the counters "
        "(hit ratio 0).",
        "All of a day's buckets stay in memory (hot share 100%); one Redis shard runs about 50K Lua checks a second.",
    ),
)
