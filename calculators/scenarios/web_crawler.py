"""Worksheet preset: web-crawler.

A crawler has no users: the traffic stage is read as pages instead. "Monthly active users" is
the crawl set (pages we keep fresh), the daily fraction is the share due for a fetch each day,
and each due page is one fetch, which is a write of the page to storage.
"""

from calculators.fields import Preset

PRESET = Preset(
    "web-crawler",
    "Web crawler",
    {
        "monthly_active_users": "5B",
        "daily_active_fraction": "10%",
        "requests_per_user_per_day": "1",
        "read_write_ratio": "0",
        "peak_multiplier": "1.5x",
        "item_bytes": "60 kB",
        "overhead": "65%",
        "replication_factor": "1",
        "retention_days": "10",
        "yearly_growth": "20%",
        "response_bytes": "1 kB",
        "rps_per_server": "250",
        "hot_share": "0%",
        "data_bytes_override": "5 TB",
    },
    (
        "The 'users' are pages: a crawl set of 5 B pages, each due on average every 10 days, so 10%"
        " (500 M pages) are fetched a day, one fetch per page.",
        "Write-only: a fetch stores the page; the indexer reads pages in another system, so reads are 0.",
        "Peak 1.5x average: the crawler sets its own pace, but needs headroom to catch up after an outage.",
        "A page is stored compressed at about 60 kB, plus 10% for headers and extracted links, erasure-coded"
        " rather than copied (say 6 data + 3 parity fragments, 1.5x): one logical copy, and 1.1 x 1.5 = 1.65,"
        " so 65% overhead.",
        "Only the latest copy of a page is kept: 10 days of fetches is about one copy of every page.",
        "A fetcher handles 250 pages a second (network-bound: ~1 s per fetch, a few hundred open connections).",
        "No read cache (hot share 0%): nothing is read twice; the memory that matters is the URL-seen set, sized separately.",
        "Database shards size the URL table, not the pages: ~20 B known URLs × ~250 B a row ≈ 5 TB.",
    ),
)
