"""Checks shared by the calculator modules' own tests: a result is either finite numbers, or errors and nothing else.

The per-field bad-input check lives once, in ``tests/unit/test_evaluate_contract.py``; arbitrary text in
every calculator's fields is the property test's (``tests/property/test_properties.py``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping


def assert_sound(result: Mapping[str, object]) -> None:
    """Either a result of finite numbers, or errors and nothing else."""
    json.dumps(result, allow_nan=False)
    values, display = result["values"], result["display"]
    assert isinstance(values, dict) and isinstance(display, dict)
    if result["ok"]:
        assert all(math.isfinite(value) for value in values.values())
        assert not any("nan" in text.lower() or "inf" in text.lower() for text in display.values())
    else:
        assert result["errors"] and values == {} and display == {}
