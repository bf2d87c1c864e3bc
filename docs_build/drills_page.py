"""The Drills page's markup, pre-rendered at build time through the same bridge handler the page calls live.

``docs/assets/javascripts/drills.js`` mounts on ``[data-drill]``; it reads and writes only the
elements named here by their ``data-drill-*`` attributes and sets text with ``textContent``.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from calculators.drills import GRADE_BANDS, LEVELS, TOPICS, drill_question_json

__all__ = ["FIRST_SEED", "drill_band", "render_drill"]

#: The question a first visit shows before Python starts (and without JavaScript): a two-step
#: traffic-to-servers chain that fits a phone screen, rather than the full worksheet's paragraph.
FIRST_SEED = 9


def _question(seed: int) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(drill_question_json(json.dumps({"seed": seed})))
    if not result["ok"]:
        raise ValueError(f"drill seed {seed} failed: {result['errors']}")
    question: dict[str, Any] = result["question"]
    return question


def _options(name: str, choices: list[tuple[str, str]]) -> str:
    options = "".join(f'<option value="{escape(value)}">{escape(label)}</option>' for value, label in choices)
    return f'<select name="{name}" data-drill-filter="{name}">{options}</select>'


def drill_band(band: str) -> str:
    """A grade band's threshold as the page quotes it, e.g. ``×1.25``, from :data:`GRADE_BANDS`."""
    within = next(b.within for b in GRADE_BANDS if b.band == band)
    return f"×{within:g}"


def render_drill() -> str:
    """The drill panel: filters, the first question, the answer box, the result slots and the session summary."""
    question = _question(FIRST_SEED)
    meta = f"Drill {question['seed']} · {question['level_label']} · {', '.join(question['topics'])}"
    givens = "".join(
        f"<li><span>{escape(given['label'])}</span> <strong>{escape(given['text'])}</strong></li>" for given in question["givens"]
    )
    levels = _options("level", [("", "Any level"), *((str(k), f"{k}: {v}") for k, v in LEVELS.items())])
    topics = _options("topic", [("", "Any topic"), *((t, t.capitalize()) for t in TOPICS)])
    return (
        f'<section class="drill" data-drill data-state="static" data-seed="{question["seed"]}" aria-label="Estimation drill">'
        '<div class="drill__filters">'
        f"<label>Level {levels}</label> <label>Topic {topics}</label> "
        '<button type="button" class="md-button" data-drill-new>New question</button></div>'
        f'<p class="drill__meta" data-drill-meta>{escape(meta)}</p>'
        f'<p class="drill__prompt" data-drill-prompt>{escape(question["prompt"])}</p>'
        f'<p class="drill__ask" data-drill-ask><strong>{escape(question["ask"])}</strong></p>'
        f'<ul class="drill__givens" data-drill-givens>{givens}</ul>'
        '<form class="drill__answer" data-drill-answer autocomplete="off">'
        '<label for="drill-answer">Your answer</label> '
        '<input id="drill-answer" name="answer" type="text" inputmode="text" spellcheck="false" '
        'aria-describedby="drill-form drill-error"> '
        '<button type="submit" class="md-button md-button--primary">Check</button>'
        f'<small id="drill-form" class="drill__form" data-drill-form>Enter {escape(question["answer_form"])}.</small>'
        '<span id="drill-error" class="drill__error" data-drill-error role="alert"></span></form>'
        '<p class="drill__status" data-drill-status role="status">Work it on paper, then type the figure you would say.</p>'
        '<div class="drill__result" data-drill-result hidden>'
        '<p class="drill__grade" data-drill-grade></p>'
        "<p data-drill-expected></p>"
        "<h3>Working</h3><ol data-drill-working></ol>"
        "<h3>What moved the answer most</h3><p data-drill-most></p><ul data-drill-sensitivity></ul></div>"
        # The link gets its href (#seed=…) from the script: a fragment that names no element is not a link without it.
        '<p class="drill__link"><a data-drill-link>Link to this question</a></p>'
        '<aside class="drill__summary" data-drill-summary aria-label="This session">'
        "<h3>Your drills</h3><dl>"
        '<dt>Answered</dt><dd data-summary="answered">0</dd>'
        '<dt>Median error</dt><dd data-summary="median">none yet</dd>'
        '<dt>Streak (close enough in a row)</dt><dd data-summary="streak">0</dd></dl>'
        '<button type="button" class="md-button" data-drill-reset>Reset the summary</button>'
        "<small>Kept in this browser only.</small></aside>"
        "</section>"
    )
