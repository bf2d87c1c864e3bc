"""Key results kept in view: a compact strip of a few headline outputs, for widgets whose results
sit far below their first input (the worksheet: 29 inputs, then 24 results).

The strip is pre-rendered from the same ``evaluate`` result as the outputs and mirrored from them
by ``result-summary.js``; ``phone.css`` keeps it stuck to the bottom of the screen while the
inputs are edited. It repeats what the outputs say, so it is hidden from assistive technology.
"""

from __future__ import annotations

from html import escape

from calculators.evaluation import Result

__all__ = ["HEADLINE_OUTPUTS", "render_summary"]

# calculator id -> (output key, short label); the keys are checked against the registry in tests.
HEADLINE_OUTPUTS: dict[str, tuple[tuple[str, str], ...]] = {
    "worksheet": (
        ("peak_read_rps", "Peak reads"),
        ("peak_write_rps", "Peak writes"),
        ("stored_bytes_at_horizon", "Stored"),
        ("app_servers", "App servers"),
        ("shards", "DB shards"),
        ("total_usd_per_month", "Cost"),
    ),
}


def render_summary(calc_id: str, result: Result) -> str:
    """The strip's HTML for ``calc_id``, or nothing when it has no headline outputs."""
    headlines = HEADLINE_OUTPUTS.get(calc_id)
    if not headlines:
        return ""
    items = "".join(
        f'<span class="calculator__summary-item"><span class="calculator__summary-label">{escape(label)}</span> '
        f'<span data-summary-of="{key}">{escape(result["display"][key])}</span></span>'
        for key, label in headlines
    )
    return f'<div class="calculator__summary" data-result-summary aria-hidden="true">{items}</div>'
