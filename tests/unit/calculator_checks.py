"""Checks every calculator module's own tests share: hostile text in each field, and arbitrary text never breaking evaluate."""

from __future__ import annotations

import json
import math
from typing import Any

from hypothesis import strategies as st

from calculators import REGISTRY, evaluate
from tests.helpers import HOSTILE_INPUTS

#: Hostile inputs, plus a negative number and a script tag.
BAD_INPUTS: dict[str, str] = {**HOSTILE_INPUTS, "negative": "-5", "script": "<script>alert(1)</script>"}

#: Text a user might type, near-misses, and junk.
typed_text = st.one_of(
    st.text(max_size=300),
    st.from_regex(r"-?[0-9,._]{0,14}(e-?[0-9]{1,4})?\s?(k|K|M|B|x|%|KB|GiB|ms|s|min|h)?", fullmatch=True),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["NaN", "inf", "-inf", "1e400", "1e-400", "0", "-0", "9" * 10_000, "<script>", "", " ", "SSFF", "1-10=a"]),
)


def bad_input_cases(calc_id: str) -> list[tuple[str, str, str]]:
    """(field name, case id, raw text) for every text field of ``calc_id``."""
    fields = [f for f in REGISTRY[calc_id].fields if not f.choices]
    return [(f.name, case, raw) for f in fields for case, raw in BAD_INPUTS.items()]


def assert_rejected_clearly(calc_id: str, field_name: str, raw: str) -> None:
    """The field is refused with a message that names it and shows an accepted form; no output is shown."""
    declared = REGISTRY[calc_id].field_index[field_name]
    result = evaluate(calc_id, {field_name: raw})
    assert result["ok"] is False, f"{calc_id}.{field_name} accepted {raw[:40]!r}"
    message = result["errors"][field_name]
    assert message.startswith(f"{declared.label}: ")
    assert "such as" in message
    assert result["values"] == {} and result["display"] == {}


def assert_sound(result: dict[str, Any]) -> None:
    """Either a result of finite numbers, or errors and nothing else."""
    json.dumps(result, allow_nan=False)
    if result["ok"]:
        assert all(math.isfinite(value) for value in result["values"].values())
        assert not any("nan" in text.lower() or "inf" in text.lower() for text in result["display"].values())
    else:
        assert result["errors"] and result["values"] == {} and result["display"] == {}
