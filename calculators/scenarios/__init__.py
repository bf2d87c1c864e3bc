"""Worksheet presets, one module per interview problem, each stating the assumptions behind its figures.

A problem page quotes its preset's numbers through ``estimate("worksheet", preset=...)``, so the page and
the live widget tell one story.
"""

from __future__ import annotations

from calculators.fields import Preset
from calculators.scenarios import (
    ad_click_aggregation,
    chat,
    collaborative_editing,
    file_sync,
    job_scheduler,
    key_value_store,
    leaderboard,
    news_feed,
    notifications,
    paste_service,
    payments,
    photo_sharing,
    rate_limiter,
    ride_hailing,
    ticket_booking,
    top_k,
    typeahead,
    unique_ids,
    url_shortener,
    video_streaming,
    web_crawler,
)

__all__ = ["PRESETS"]

#: Every worksheet preset, in the order the page's preset menu lists them.
PRESETS: tuple[Preset, ...] = (
    news_feed.PRESET,
    chat.PRESET,
    url_shortener.PRESET,
    web_crawler.PRESET,
    typeahead.PRESET,
    video_streaming.PRESET,
    key_value_store.PRESET,
    photo_sharing.PRESET,
    collaborative_editing.PRESET,
    file_sync.PRESET,
    ride_hailing.PRESET,
    rate_limiter.PRESET,
    notifications.PRESET,
    top_k.PRESET,
    ad_click_aggregation.PRESET,
    payments.PRESET,
    ticket_booking.PRESET,
    unique_ids.PRESET,
    leaderboard.PRESET,
    job_scheduler.PRESET,
    paste_service.PRESET,
)
