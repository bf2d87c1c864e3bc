"""Worksheet preset: ride-hailing."""

from calculators.fields import Preset

PRESET = Preset(
    "ride-hailing",
    "Ride hailing and proximity search",
    {
        "monthly_active_users": "5M",
        "daily_active_fraction": "40%",
        "requests_per_user_per_day": "5670",
        "read_write_ratio": "0.05",
        "peak_multiplier": "2x",
        "item_bytes": "100 B",
        "overhead": "30%",
        "replication_factor": "3",
        "retention_days": "30",
        "yearly_growth": "20%",
        "horizon_years": "3",
        "response_bytes": "2 kB",
        "rps_per_server": "20K",
        "cache_hit_ratio": "100%",
        "distinct_items_read_per_day": "2M",
        "hot_share": "100%",
        "max_shard_write_rps": "20K",
    },
    (
        "The users here are drivers: 5 M signed up, 40% drive on a given day (2 M drivers).",
        "A driver is online 6 hours and sends a location every 4 s: 5,400 writes a day.",
        "Riders' proximity searches (nearby cars, matching) add 5% of that: 270 reads per driver per day.",
        "Peak is 2× average: on average a quarter of the day's drivers are online, at peak half of them.",
        "A location ping (driver, lat/lng, heading, speed, status, time) is about 100 B; history kept 30 days, 3 "
        "replicas, 30% index overhead, 20% yearly growth, 3 years out.",
        "A search returns about 2 kB (up to 20 nearby drivers); ingest servers take 20K small requests a second each.",
        "Proximity reads are answered from the in-memory index (hit ratio 100%), which holds every driver seen today.",
        "The history store is a wide-column store taking 20K batched writes a second per shard.",
    ),
)
