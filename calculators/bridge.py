"""The JSON bridge the browser's worker calls: request type → function from a JSON string to a JSON string.

The worker knows no function by name; it looks the type up here, so a new feature (drills,
flashcards) adds one entry in Python instead of editing the worker.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from types import MappingProxyType

from calculators.drills import drill_grade_json, drill_question_json
from calculators.evaluation import evaluate_json
from calculators.summary import markdown_json

__all__ = ["HANDLERS", "handle_json"]

#: Request type → handler. Every handler takes and returns a JSON string and never raises for bad input.
HANDLERS: Mapping[str, Callable[[str], str]] = MappingProxyType(
    {
        "evaluate": evaluate_json,
        "markdown": markdown_json,
        "drill_question": drill_question_json,
        "drill_grade": drill_grade_json,
    }
)


def handle_json(request_type: str, request: str) -> str:
    """Run the handler for ``request_type`` on ``request``; an unknown type is an error result, not an exception.

    >>> import json
    >>> json.loads(handle_json("evaluate", '{"id": "traffic", "inputs": {}}'))["ok"]
    True
    >>> json.loads(handle_json("nope", "{}"))["errors"]["_"]
    'Unknown request type "nope"; known: drill_grade, drill_question, evaluate, markdown.'
    """
    handler = HANDLERS.get(request_type)
    if handler is None:
        known = ", ".join(sorted(HANDLERS))
        return json.dumps({"ok": False, "errors": {"_": f'Unknown request type "{request_type}"; known: {known}.'}})
    return handler(request)
