"""The JSON bridge the browser's worker calls: request type → function from a JSON string to a JSON string.

The worker knows no function by name; it looks the type up here, so a new feature (drills,
flashcards) adds one entry in Python instead of editing the worker.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Mapping
from types import MappingProxyType

from calculators.drills import drill_grade_json, drill_question_json
from calculators.evaluation import evaluate_json
from calculators.summary import markdown_json

__all__ = ["HANDLERS", "handle_json"]


def _on_first_call(module: str, function: str) -> Callable[[str], str]:
    """A handler whose module is imported when first called: a page that never asks for flashcards
    never imports FSRS, so calculator pages start no slower for it."""

    def handler(request: str) -> str:
        loaded: Callable[[str], str] = getattr(importlib.import_module(module), function)
        return loaded(request)

    handler.__name__ = function
    return handler


#: Request type → handler. Every handler takes and returns a JSON string and never raises for bad input.
HANDLERS: Mapping[str, Callable[[str], str]] = MappingProxyType(
    {
        "evaluate": evaluate_json,
        "markdown": markdown_json,
        "flashcards.session": _on_first_call("calculators.flashcard_schedule", "session_json"),
        "flashcards.review": _on_first_call("calculators.flashcard_schedule", "review_json"),
        "drills.question": drill_question_json,
        "drills.grade": drill_grade_json,
    }
)


def handle_json(request_type: str, request: str) -> str:
    """Run the handler for ``request_type`` on ``request``; an unknown type is an error result, not an exception.

    >>> import json
    >>> json.loads(handle_json("evaluate", '{"id": "traffic", "inputs": {}}'))["ok"]
    True
    >>> json.loads(handle_json("nope", "{}"))["errors"]["_"].split(";")[0]
    'Unknown request type "nope"'
    >>> sorted(HANDLERS)
    ['drills.grade', 'drills.question', 'evaluate', 'flashcards.review', 'flashcards.session', 'markdown']
    """
    handler = HANDLERS.get(request_type)
    if handler is None:
        known = ", ".join(sorted(HANDLERS))
        return json.dumps({"ok": False, "errors": {"_": f'Unknown request type "{request_type}"; known: {known}.'}})
    return handler(request)
