"""Worksheet preset: collaborative-editing."""

from calculators.fields import Preset

PRESET = Preset(
    "collaborative-editing",
    "Collaborative editing",
    {
        "monthly_active_users": "50M",
        "daily_active_fraction": "30%",
        "requests_per_user_per_day": "1800",
        "read_write_ratio": "2",
        "peak_multiplier": "3x",
        "item_bytes": "200 B",
        "overhead": "30%",
        "replication_factor": "3",
        "retention_days": "30",
        "yearly_growth": "20%",
        "horizon_years": "3",
        "response_bytes": "200 B",
        "rps_per_server": "20K",
        "cache_hit_ratio": "100%",
        "hot_share": "1%",
        "max_shard_write_rps": "10K",
    },
    (
        "50 M monthly users, 30% of them on a given day: 15 M DAU.",
        "A daily user types for about 5 minutes in all; the editor sends a batch of operations every 0.5 s while "
        "typing: 600 writes a day.",
        "Each batch is relayed to 2 other open sessions on average (2 reads per write): 1,800 messages a user a day.",
        "An operation batch with document id, revision, author and time is about 200 B, sent and relayed; peak is 3× average.",
        "The op log keeps 30 days of operations (older history lives in snapshots), 30% index overhead, 3 replicas, "
        "20% yearly growth over 3 years.",
        "A collaboration server relays 20K small messages a second over WebSockets.",
        "Relays come from server memory, never the database (hit ratio 100%); memory keeps the last 1% of a day's "
        "operations (about 15 minutes) for clients that reconnect.",
        "An op-log shard (a wide-column store) takes 10K appends a second.",
    ),
)
