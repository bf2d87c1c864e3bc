"""Worksheet presets, one module per interview problem, each stating the assumptions behind its figures.

A problem page quotes its preset's numbers through ``estimate("worksheet", preset=...)``, so the page and
the live widget tell one story.
"""

from __future__ import annotations

from calculators.fields import Preset
from calculators.scenarios import (
    chat,
    news_feed,
    paste_service,
    url_shortener,
    video_streaming,
)

__all__ = ["PRESETS"]

#: Every worksheet preset, in the order the page's preset menu lists them.
PRESETS: tuple[Preset, ...] = (
    news_feed.PRESET,
    url_shortener.PRESET,
    paste_service.PRESET,
    chat.PRESET,
    video_streaming.PRESET,
)
