"""Drill properties over any seed and filter: reproducible, answered by the calculators, graded monotonically and unit-blind."""

from __future__ import annotations

import json

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from calculators import evaluate, handle_json
from calculators.drills import GRADE_BANDS, LEVELS, MAX_SEED, TEMPLATES, TOPICS, AnswerKind, answer_for, make_drill

seeds = st.integers(min_value=0, max_value=MAX_SEED)
levels = st.sampled_from([None, *LEVELS])
#: Topics that have a drill at every level (availability and concurrency have none at level 3).
topics = st.sampled_from([None, *TOPICS])
BAND_RANK = {band.band: rank for rank, band in enumerate(GRADE_BANDS)} | {"off": len(GRADE_BANDS)}
TEMPLATE_BY_ID = {template.id: template for template in TEMPLATES}


def grade(seed: int, answer: str, level: int | None = None, topic: str | None = None) -> dict[str, object]:
    request = {"seed": seed, "level": level, "topic": topic, "answer": answer}
    result: dict[str, object] = json.loads(handle_json("drills.grade", json.dumps(request)))
    return result


@settings(max_examples=150)
@given(seed=seeds, level=levels, topic=topics)
def test_the_same_seed_and_filters_give_byte_identical_questions(seed: int, level: int | None, topic: str | None) -> None:
    request = json.dumps({"seed": seed, "level": level, "topic": topic})
    first = handle_json("drills.question", request)
    assert first == handle_json("drills.question", request)
    parsed = json.loads(first)
    if parsed["ok"]:
        assert (level is None or parsed["question"]["level"] == level) and (
            topic is None or topic in parsed["question"]["topics"]
        )
    else:
        assert level == 3 and topic in ("availability", "concurrency") and list(parsed["errors"]) == ["topic"]


@settings(max_examples=150)
@given(seed=seeds, level=levels)
def test_every_answer_is_its_calculators_result_on_the_same_inputs(seed: int, level: int | None) -> None:
    """Rebuild the question's stage inputs from its template and slots, evaluate each stage, compare the last."""
    drill = make_drill(seed, level=level)
    values: list[dict[str, float]] = []
    for stage in drill.template.stages:
        raw = {name: text.format(**drill.slots) for name, text in stage.inputs.items()}
        raw.update({name: repr(values[index][key]) for name, (index, key) in stage.links.items()})
        result = evaluate(stage.calc_id, raw)
        assert result["ok"], result["errors"]
        values.append(result["values"])
    assert answer_for(drill) == values[-1][drill.template.answer_key]
    assert answer_for(drill) > 0


@settings(max_examples=100)
@given(seed=seeds, factors=st.lists(st.floats(min_value=1.0, max_value=1e4), min_size=2, max_size=2), low=st.booleans())
def test_the_grade_never_improves_as_the_error_grows(seed: int, factors: list[float], low: bool) -> None:
    drill = make_drill(seed, level=1)
    assume(drill.template.answer_kind in (AnswerKind.COUNT, AnswerKind.SIZE))  # bare figures are read as these
    exact = answer_for(drill)
    smaller, larger = sorted(factors)
    ranks = []
    for factor in (smaller, larger):
        answer = exact / factor if low else exact * factor
        graded = grade(seed, repr(answer), level=1)
        assert graded["ok"], graded
        ranks.append(BAND_RANK[graded["grade"]["band"]])  # type: ignore[index]
    assert ranks[0] <= ranks[1]


def _size_forms(value_bytes: float) -> list[str]:
    return [
        repr(value_bytes),
        f"{value_bytes!r} B",
        f"{value_bytes / 1e12!r} TB",
        f"{value_bytes / 2**40!r} TiB",
        f"{value_bytes / 1e9!r} GB",
    ]


@settings(max_examples=100)
@given(seed=seeds, factor=st.floats(min_value=0.01, max_value=100))
def test_the_same_answer_in_any_unit_form_gets_the_same_grade(seed: int, factor: float) -> None:
    drill = make_drill(seed, topic="storage")
    assume(drill.template.answer_kind is AnswerKind.SIZE)
    exact = answer_for(drill)
    ratio = max(factor, 1 / factor)
    assume(all(abs(ratio - band.within) > 1e-6 for band in GRADE_BANDS))  # a form's last-digit rounding cannot cross a band
    request = {"level": drill.level, "topic": "storage"}
    graded = [grade(seed, form, **request)["grade"] for form in _size_forms(exact * factor)]  # type: ignore[arg-type]
    assert len({g["band"] for g in graded}) == 1  # type: ignore[index]
    assert len({g["direction"] for g in graded}) == 1  # type: ignore[index]


@settings(max_examples=100)
@given(seed=seeds, minutes=st.floats(min_value=0.5, max_value=5_000))
def test_durations_in_any_unit_get_the_same_grade(seed: int, minutes: float) -> None:
    drill = make_drill(seed, topic="availability")
    exact = answer_for(drill)
    ratio = max(minutes * 60 / exact, exact / (minutes * 60))
    assume(all(abs(ratio - band.within) > 1e-6 for band in GRADE_BANDS))
    forms = [f"{minutes!r} min", f"{minutes * 60!r} s", f"{minutes / 60!r} h", f"{minutes * 60_000!r} ms"]
    bands = {grade(seed, form, topic="availability")["grade"]["band"] for form in forms}  # type: ignore[index]
    assert len(bands) == 1


answers = st.one_of(
    st.text(max_size=40),
    st.from_regex(r"-?[0-9.,]{0,8}\s?(TB|TiB|B|s|ms|min|h|Gbit/s|GB/s|req/s|servers|x|%|K|M)?", fullmatch=True),
    st.sampled_from(["", " ", "NaN", "inf", "-inf", "1e999", "0", "-3 TB", "<b>1</b>", "1 2", "3 h", "5 GB", "40"]),
)


@settings(max_examples=200)
@given(seed=seeds, level=levels, answer=answers)
def test_any_answer_gets_a_grade_or_a_message_never_both_never_a_crash(seed: int, level: int | None, answer: str) -> None:
    graded = grade(seed, answer, level=level)
    json.dumps(graded, allow_nan=False)
    if graded["ok"]:
        assert graded["grade"]["band"] in BAND_RANK and graded["answer"]["value"] > 0  # type: ignore[index]
        assert graded["working"]
    else:
        assert set(graded["errors"]) == {"answer"}  # type: ignore[arg-type]
        message = graded["errors"]["answer"]  # type: ignore[index]
        assert message.startswith("Answer: ") and graded["question"]["answer_form"] in message  # type: ignore[index]
        assert "grade" not in graded and "expected" not in graded
