"""Worksheet preset: news-feed."""

from calculators.fields import Preset

PRESET = Preset(
    "news-feed",
    "News feed",
    {},
    (
        "200 M monthly users, half of them daily: 100 M DAU.",
        "Each posts twice a day and reads 100 posts per post written: 202 requests a day, 100:1.",
        "Posts are 1 kB; a read returns 5 KiB (a post with its metadata and counters). Peak is 3× average.",
    ),
)
