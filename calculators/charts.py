"""Small SVG charts drawn by Python, so the same picture appears live, pre-rendered and in the PDF.

Text and axes use ``currentColor`` and bars a mid-tone blue, legible on light and dark pages and
in print. Every chart carries a title and a description for screen readers. No text is smaller
than 12 viewBox units: shown at ``WIDTH_PX`` CSS pixels or wider (``phone.css`` scrolls it sideways
on a phone rather than shrink it), no label falls under 12 px.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

__all__ = ["Bar", "bar_chart"]

WIDTH_PX = 640
BAR_COLOUR = "#4a7bd0"
RANGE_COLOUR = "#9bb8ea"
_LEFT_PX, _RIGHT_PX, _TOP_PX, _BOTTOM_PX = 12, 12, 46, 46


@dataclass(frozen=True)
class Bar:
    """One bar: a label under it, its value, and optionally a lower end for a range bar."""

    label: str
    value: float
    low: float | None = None  # draws a pale bar from 0 to ``low`` under the full one, for ranges


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def bar_chart(
    title: str,
    description: str,
    bars: Sequence[Bar],
    format_value: Callable[[float], str],
    *,
    height_px: int = 240,
    log_scale: bool = False,
) -> str:
    """An SVG bar chart with the value printed above each bar.

    ``log_scale`` suits values spanning several orders of magnitude (downtime per nines).

    >>> svg = bar_chart("Moves", "Keys moved", [Bar("mod", 0.9), Bar("ring", 0.1)], lambda v: f"{v:.0%}")
    >>> svg.startswith("<svg") and "<title>Moves</title>" in svg and "90%" in svg
    True
    """
    plot_width = WIDTH_PX - _LEFT_PX - _RIGHT_PX
    plot_height = height_px - _TOP_PX - _BOTTOM_PX
    values = [max(bar.value, 0.0) for bar in bars]
    positive = [v for v in values if v > 0]

    def scale(value: float) -> float:
        """Bar height in pixels for a value."""
        if not positive or value <= 0:
            return 0.0
        if log_scale:
            low, high = math.log10(min(positive)) - 1, math.log10(max(positive))
            return plot_height * (math.log10(value) - low) / max(high - low, 1e-9)
        return plot_height * value / max(positive)

    slot = plot_width / max(len(bars), 1)
    bar_width = min(slot * 0.6, 80.0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH_PX} {height_px}" role="img"'
        f' aria-label="{escape(title)}" font-family="system-ui, sans-serif" font-size="12" fill="currentColor">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(description)}</desc>",
        f'<text x="{_LEFT_PX}" y="18" font-size="14" font-weight="600">{escape(title)}</text>',
    ]
    baseline = _TOP_PX + plot_height
    for index, bar in enumerate(bars):
        centre = _LEFT_PX + slot * (index + 0.5)
        x = centre - bar_width / 2
        height = scale(bar.value)
        if bar.low is not None and bar.low < bar.value:
            low_height = scale(bar.low)
            parts.append(
                f'<rect x="{_number(x)}" y="{_number(baseline - height)}" width="{_number(bar_width)}"'
                f' height="{_number(height - low_height)}" fill="{RANGE_COLOUR}"/>'
            )
            height = low_height
        parts.append(
            f'<rect x="{_number(x)}" y="{_number(baseline - height)}" width="{_number(bar_width)}"'
            f' height="{_number(height)}" fill="{BAR_COLOUR}"/>'
        )
        top = baseline - scale(bar.value)
        parts.append(
            f'<text x="{_number(centre)}" y="{_number(top - 5)}" text-anchor="middle">{escape(format_value(bar.value))}</text>'
        )
        parts.append(f'<text x="{_number(centre)}" y="{baseline + 16}" text-anchor="middle">{escape(bar.label)}</text>')
    parts.append(
        f'<line x1="{_LEFT_PX}" y1="{baseline}" x2="{WIDTH_PX - _RIGHT_PX}" y2="{baseline}"'
        ' stroke="currentColor" stroke-width="1"/>'
    )
    if log_scale:
        parts.append(f'<text x="{WIDTH_PX - _RIGHT_PX}" y="{height_px - 8}" text-anchor="end">log scale</text>')
    parts.append("</svg>")
    return "".join(parts)
