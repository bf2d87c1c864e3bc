"""Worksheet preset: notifications."""

from calculators.fields import Preset

PRESET = Preset(
    "notifications",
    "Notification system",
    {
        "monthly_active_users": "200M",
        "daily_active_fraction": "50%",
        "requests_per_user_per_day": "30",
        "read_write_ratio": "2",
        "peak_multiplier": "3x",
        "item_bytes": "1 kB",
        "overhead": "30%",
        "replication_factor": "3",
        "retention_days": "30",
        "yearly_growth": "20%",
        "horizon_years": "3",
        "response_bytes": "10 kB",
        "rps_per_server": "2K",
        "cache_hit_ratio": "90%",
        "hot_share": "20%",
        "max_shard_write_rps": "5K",
    },
    (
        "200 M monthly users, half of them daily: 100 M DAU.",
        "Each daily user is sent 10 notifications a day (a write each: the record and its delivery log) and opens the "
        "in-app inbox 20 times: 2 reads per write.",
        "A notification record with its rendered text, channels and delivery attempts is about 1 kB, plus 30% for "
        "indexes; 3 replicas; kept 30 days in the serving store (older ones go to the warehouse); 20% yearly growth "
        "over 3 years.",
        "An inbox page returns 20 notifications: about 10 kB. Peak is 3× average; campaigns are throttled so they do "
        "not raise it.",
        "An API or worker node handles 2K requests a second; 90% of inbox reads hit a cache holding the hottest 20% "
        "of a day's notifications.",
        "A store shard takes 5K writes a second.",
    ),
)
