"""The pre-rendered widget carries exactly what evaluate() says: spoken figures (blank where left out) and read-as notes."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from calculators import REGISTRY, evaluate
from docs_build.widget import render_calculator


@pytest.mark.parametrize("calc_id", list(REGISTRY))
def test_prerendered_say_and_read_as_slots_equal_evaluate(calc_id: str) -> None:
    form = BeautifulSoup(render_calculator(calc_id), "html.parser").select_one(f'form[data-calculator="{calc_id}"]')
    assert form is not None
    expected = evaluate(calc_id, REGISTRY[calc_id].defaults())
    rough = {str(slot["data-rough-for"]): slot.get_text() for slot in form.select("[data-rough-for]")}
    assert rough == {o.key: expected["rough"].get(o.key, "") for o in REGISTRY[calc_id].outputs}
    read_as = {str(slot["data-read-as-for"]): slot.get_text() for slot in form.select("[data-read-as-for]")}
    assert read_as == {f.name: expected["read_as"].get(f.name, "") for f in REGISTRY[calc_id].fields}
