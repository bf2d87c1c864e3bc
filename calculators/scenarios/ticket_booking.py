"""Worksheet preset: ticket-booking."""

from calculators.fields import Preset

PRESET = Preset(
    "ticket-booking",
    "Ticket booking",
    {
        "monthly_active_users": "100M",
        "daily_active_fraction": "10%",
        "requests_per_user_per_day": "20",
        "read_write_ratio": "19",
        "peak_multiplier": "5x",
        "item_bytes": "1 kB",
        "overhead": "50%",
        "replication_factor": "3",
        "retention_days": "2555",
        "yearly_growth": "20%",
        "horizon_years": "5",
        "response_bytes": "10 kB",
        "rps_per_server": "1K",
        "target_utilisation": "60%",
        "cache_hit_ratio": "90%",
        "hot_share": "20%",
        "max_shard_bytes": "2 TB",
        "max_shard_write_rps": "2K",
    },
    (
        "A ticketing site with 100 M monthly users; 10% visit on a given day: 10 M daily users.",
        "A daily user makes 20 requests: 19 reads (event pages, seat maps, order status) and one write.",
        "The write is a hold, an order or a cancellation.",
        "Peak is 5× the daily average on an ordinary day; a hot on-sale is modelled separately on the page.",
        "A hold or order record is about 1 kB; indexes add 50%; three replicas.",
        "Orders are kept seven years (2,555 days) for tax and refunds.",
        "Orders grow 20% a year over a five-year horizon. A read returns about 10 kB (an event page or a section's seat map).",
        "API servers do 1K req/s each at 60% at peak.",
        "A cache answers 90% of reads: event pages and seat maps, a second or two stale.",
        "One inventory shard primary takes 2K conditional seat updates a second with headroom.",
    ),
)
