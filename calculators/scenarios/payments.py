"""Worksheet preset: payments."""

from calculators.fields import Preset

PRESET = Preset(
    "payments",
    "Payments and a wallet ledger",
    {
        "monthly_active_users": "50M",
        "daily_active_fraction": "40%",
        "requests_per_user_per_day": "10",
        "read_write_ratio": "9",
        "peak_multiplier": "5x",
        "item_bytes": "2 kB",
        "overhead": "50%",
        "replication_factor": "3",
        "retention_days": "2555",
        "yearly_growth": "30%",
        "horizon_years": "5",
        "response_bytes": "2 kB",
        "rps_per_server": "1K",
        "target_utilisation": "60%",
        "cache_hit_ratio": "0",
        "hot_share": "100%",
        "max_shard_bytes": "2 TB",
        "max_shard_write_rps": "1K",
    },
    (
        "A wallet with 50 M monthly users, 40% of them active on a given day: 20 M daily users.",
        "Each daily user makes one payment and nine reads (balance, history, status polls): 10 requests a day, 9:1.",
        "Peak is 5× the daily average: payday, sales events and evening shopping bunch up.",
        "One payment writes about 2 kB: the payment row, its ledger entries, the idempotency record and an outbox event.",
        "Indexes add 50%; three synchronous-quorum replicas; records kept seven years (2,555 days) for audit and regulation.",
        "Payments grow 30% a year; capacity is planned five years ahead. A read returns about 2 kB.",
        "API servers do 1K req/s each (they call fraud checks and the processor), run at 60% at peak.",
        "No cache in front of money: balances come from the ledger, history from read replicas (hit ratio 0).",
        "One ledger shard primary takes 1K payment transactions a second, each several row writes, with headroom.",
    ),
)
