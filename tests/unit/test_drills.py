"""Estimation drills: seeded questions, answers worked by the calculators, grades, messages for bad answers.

Worked examples carry figures done by hand; the chain checks rebuild each question's inputs from its
template and call ``evaluate`` stage by stage, so no expected figure comes from the drills module.
"""

from __future__ import annotations

import io
import json
import math

import pytest

from calculators import REGISTRY, evaluate, handle_json
from calculators.cli import main
from calculators.drills import (
    GRADE_BANDS,
    LEVELS,
    MAX_SEED,
    TEMPLATES,
    TOPICS,
    AnswerKind,
    Drill,
    Template,
    answer_for,
    grade_answer,
    grade_drill,
    make_drill,
    read_answer,
)
from calculators.units import SECONDS_PER_DAY

TEMPLATE_BY_ID = {template.id: template for template in TEMPLATES}
SIZE_OUTPUT = next(o for o in REGISTRY["storage"].outputs if o.key == "stored_bytes_per_year")
COUNT_OUTPUT = next(o for o in REGISTRY["servers"].outputs if o.key == "servers_total")
RATE_OUTPUT = next(o for o in REGISTRY["bandwidth"].outputs if o.key == "peak_total_bytes_per_s")
DURATION_OUTPUT = next(o for o in REGISTRY["availability"].outputs if o.key == "downtime_per_year_s")
YEAR_S = 365.25 * SECONDS_PER_DAY


def drill_with(template_id: str, **slots: str) -> Drill:
    return Drill(TEMPLATE_BY_ID[template_id], seed=0, level=None, topic=None, slots=slots)


def chain_by_hand(template: Template, slots: dict[str, str]) -> float:
    """The template's stages through ``evaluate``, each linked field fed the earlier stage's machine value."""
    values: list[dict[str, float]] = []
    for stage in template.stages:
        raw = {name: text.format(**slots) for name, text in stage.inputs.items()}
        raw.update({name: repr(values[index][key]) for name, (index, key) in stage.links.items()})
        result = evaluate(stage.calc_id, raw)
        assert result["ok"], (template.id, stage.calc_id, result["errors"])
        values.append(result["values"])
    return values[-1][template.answer_key]


# ---------------------------------------------------------------- worked examples, by hand


@pytest.mark.parametrize(
    ("template_id", "slots", "expected"),
    [
        # 1 M items × 100 kB × 2 copies × 365 days
        ("storage.per_year", {"items": "1 M", "size": "100 kB", "copies": "2"}, 1e6 * 100e3 * 2 * 365),
        # 50 M users × 2 photos × 2 MB × 3 copies × 365 days = 219 PB (200 TB of new photos a day)
        ("traffic-storage.photos", {"dau": "50 M", "photos": "2", "size": "2 MB", "copies": "3"}, 50e6 * 2 * 2e6 * 3 * 365),
        # (1 − 99.9%) of a 365.25-day year
        ("availability.budget", {"target": "99.9%"}, 0.001 * YEAR_S),
        # ⌈20,000 ÷ (1,000 × 50%)⌉ + 2 spares
        ("servers.total", {"rps": "20 K", "per_server": "1 K", "utilisation": "50%", "spares": "n+2"}, 42),
        # 10 M × 100 ÷ 86,400 × 2 = 23,148 req/s; ⌈23,148 ÷ 350⌉ = 67, plus 2
        (
            "traffic-servers.api",
            {"dau": "10 M", "requests": "100", "peak": "2", "per_server": "500", "utilisation": "70%"},
            69,
        ),
        # Little's law: 10,000 req/s × 0.2 s
        ("concurrency.in_flight", {"rps": "10 K", "latency": "200 ms"}, 2_000),
        # max(⌈50 TB ÷ 2 TB⌉, ⌈100 K ÷ 5 K⌉)
        ("sharding.count", {"data": "50 TB", "max_shard": "2 TB", "writes": "100 K", "max_writes": "5 K"}, 25),
        # 100 K reads × (1 − 90%)
        ("cache.backend", {"reads": "100 K", "hit": "90%"}, 10_000),
        # (100 K × 10 kB + 1 K × 1 kB) × 3
        (
            "bandwidth.peak",
            {"reads": "100 K", "response": "10 kB", "writes": "1 K", "request": "1 kB", "peak": "3"},
            (100e3 * 10e3 + 1e3 * 1e3) * 3,
        ),
        # 1 − 99.99% × 99.95% × 99.9% of a year, about 13.1 hours
        ("availability.series", {"lb": "99.99%", "app": "99.95%", "db": "99.9%"}, (1 - 0.9999 * 0.9995 * 0.999) * YEAR_S),
        # two replicas each: 1 − (1 − 0.1%²)(1 − 1%²)², about 1.8 hours a year
        (
            "availability.redundant_path",
            {"lb": "99.9%", "app": "99%", "db": "99%", "replicas": "2"},
            (1 - (1 - 0.001**2) * (1 - 0.01**2) ** 2) * YEAR_S,
        ),
        # 20 M users × 50 messages × 200 B × 1.3 × 365 × 3 years = 2.85 PB → ⌈2.85 PB ÷ 2 TB⌉ shards
        (
            "traffic-storage-sharding.messages",
            {"dau": "20 M", "messages": "50", "size": "200 B", "index": "30%", "years": "3", "max_shard": "2 TB"},
            math.ceil(20e6 * 50 * 200 * 1.3 * 365 * 3 / 2e12),
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_worked_examples_match_hand_arithmetic(template_id: str, slots: dict[str, str], expected: float) -> None:
    assert answer_for(drill_with(template_id, **slots)) == pytest.approx(expected, rel=1e-9)


# ---------------------------------------------------------------- the generator


def test_the_same_seed_and_filters_give_the_same_question() -> None:
    for seed in (0, 1, 42, 2**31, MAX_SEED):
        for level in (None, *LEVELS):
            first = make_drill(seed, level=level)
            assert first == make_drill(seed, level=level)
            assert first.as_json() == make_drill(seed, level=level).as_json()


def test_seeds_draw_many_templates_and_values() -> None:
    drills = [make_drill(seed) for seed in range(300)]
    assert len({d.template.id for d in drills}) == len(TEMPLATES)
    assert len({d.prompt for d in drills}) > 250


@pytest.mark.parametrize("level", list(LEVELS))
def test_level_filter_keeps_only_that_level(level: int) -> None:
    assert {make_drill(seed, level=level).template.level for seed in range(60)} == {level}


@pytest.mark.parametrize("topic", TOPICS)
def test_topic_filter_keeps_only_drills_on_that_topic(topic: str) -> None:
    drills = [make_drill(seed, topic=topic) for seed in range(60)]
    assert all(topic in d.template.topics for d in drills)
    assert {d.template.level for d in drills} >= {1, 2}


def test_every_topic_has_a_one_step_drill_and_every_level_a_template() -> None:
    assert {t for template in TEMPLATES if template.level == 1 for t in template.topics} == set(TOPICS)
    assert {template.level for template in TEMPLATES} == set(LEVELS)
    assert any(len(template.stages) == 3 for template in TEMPLATES)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.id)
def test_every_choice_of_every_slot_gives_a_valid_chain(template: Template) -> None:
    """Each slot at each of its values (the others at their first and last): the chain evaluates and the answer is positive."""
    for edge in (0, -1):
        base = {draw.slot: draw.choices[edge] for draw in template.draws}
        for draw in template.draws:
            for choice in draw.choices:
                slots = {**base, draw.slot: choice}
                assert chain_by_hand(template, slots) > 0


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.id)
def test_inputs_the_question_does_not_state_do_not_change_its_answer(template: Template) -> None:
    """A field neither drawn, fixed nor linked keeps its default; set to another value, the answer must not move.

    Optional fields are left out: empty means "derive it from the other stages", which is what the scenario says.
    """
    slots = {draw.slot: draw.choices[0] for draw in template.draws}
    expected = chain_by_hand(template, slots)
    for index, stage in enumerate(template.stages):
        calculator = REGISTRY[stage.calc_id]
        for declared in calculator.fields:
            if (
                declared.name in stage.inputs
                or declared.name in stage.links
                or declared.optional
                or declared.choices
                or declared.pattern
            ):
                continue
            other = declared.example.split(" or ")[-1]
            if other == declared.default or not evaluate(stage.calc_id, {declared.name: other})["ok"]:
                continue
            changed = Template(
                **{
                    **template.__dict__,
                    "stages": tuple(
                        s if i != index else type(s)(s.calc_id, {**s.inputs, declared.name: other}, s.steps, s.links)
                        for i, s in enumerate(template.stages)
                    ),
                }
            )
            assert chain_by_hand(changed, slots) == pytest.approx(expected), f"{stage.calc_id}.{declared.name} moves it"


@pytest.mark.parametrize(
    ("request_json", "field_name"),
    [
        ({"seed": -1}, "seed"),
        ({"seed": MAX_SEED + 1}, "seed"),
        ({"seed": "forty"}, "seed"),
        ({"seed": True}, "seed"),
        ({"seed": 4.5}, "seed"),
        ({}, "seed"),
        ({"seed": 1, "level": 9}, "level"),
        ({"seed": 1, "level": "hard"}, "level"),
        ({"seed": 1, "topic": "dns"}, "topic"),
        ({"seed": 1, "topic": 7}, "topic"),
        ({"seed": 1, "level": 3, "topic": "availability"}, "topic"),
    ],
)
def test_bad_requests_name_the_part_at_fault(request_json: dict[str, object], field_name: str) -> None:
    for request_type in ("drills.question", "drills.grade"):
        result = json.loads(handle_json(request_type, json.dumps({**request_json, "answer": "1"})))
        assert result["ok"] is False
        assert list(result["errors"]) == [field_name]
        assert "grade" not in result


@pytest.mark.parametrize("junk", ["not json", "[]", "null", '"seed"', "{"])
def test_broken_json_is_an_error_result(junk: str) -> None:
    for request_type in ("drills.question", "drills.grade"):
        assert json.loads(handle_json(request_type, junk))["errors"]["_"].startswith("The request")


def test_seed_and_level_may_come_as_text_from_a_url() -> None:
    as_text = json.loads(handle_json("drills.question", '{"seed": "42", "level": "2", "topic": "storage"}'))
    as_numbers = json.loads(handle_json("drills.question", '{"seed": 42, "level": 2, "topic": "storage"}'))
    assert as_text == as_numbers
    assert as_text["question"]["level"] == 2 and "storage" in as_text["question"]["topics"]


# ---------------------------------------------------------------- reading answers


@pytest.mark.parametrize(
    ("text", "value"),
    [("220 TB", 220e12), ("2.2e14", 2.2e14), ("2.2e14 B", 2.2e14), ("220,000 GB", 220e12), ("200 TiB", 200 * 2**40)],
)
def test_size_answers_in_the_forms_people_write(text: str, value: float) -> None:
    reading = read_answer(text, AnswerKind.SIZE, SIZE_OUTPUT)
    assert not isinstance(reading, str) and reading.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "kind", "output", "value"),
    [
        ("42", AnswerKind.COUNT, COUNT_OUTPUT, 42),
        ("42 servers", AnswerKind.COUNT, COUNT_OUTPUT, 42),
        ("1.2K", AnswerKind.COUNT, COUNT_OUTPUT, 1200),
        ("40 Gbit/s", AnswerKind.RATE, RATE_OUTPUT, 5e9),
        ("5 GB/s", AnswerKind.RATE, RATE_OUTPUT, 5e9),
        ("8 h 46 min", AnswerKind.DURATION, DURATION_OUTPUT, 8 * 3600 + 46 * 60),
        ("45 min", AnswerKind.DURATION, DURATION_OUTPUT, 2700),
    ],
)
def test_other_answers_in_the_forms_people_write(text: str, kind: AnswerKind, output: object, value: float) -> None:
    reading = read_answer(text, kind, output)  # type: ignore[arg-type]
    assert not isinstance(reading, str) and reading.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "kind", "output", "says"),
    [
        ("", AnswerKind.SIZE, SIZE_OUTPUT, "is empty"),
        ("   ", AnswerKind.COUNT, COUNT_OUTPUT, "is empty"),
        ("lots", AnswerKind.SIZE, SIZE_OUTPUT, "is not a number"),
        ("3 s", AnswerKind.SIZE, SIZE_OUTPUT, "that is a duration, not a size"),
        ("5 GB", AnswerKind.COUNT, COUNT_OUTPUT, "that is a size, not a count"),
        ("5 GB", AnswerKind.RATE, RATE_OUTPUT, "that is a size, not a bandwidth"),
        ("2 h", AnswerKind.RATE, RATE_OUTPUT, "that is a duration, not a bandwidth"),
        ("40", AnswerKind.RATE, RATE_OUTPUT, "give its unit"),
        ("8.8", AnswerKind.DURATION, DURATION_OUTPUT, "give its unit"),
        ("220 T", AnswerKind.SIZE, SIZE_OUTPUT, "give it a unit of the right kind"),
        ("0", AnswerKind.COUNT, COUNT_OUTPUT, "must be a positive figure"),
        ("-5 TB", AnswerKind.SIZE, SIZE_OUTPUT, "must be a positive figure"),
        ("1e999", AnswerKind.COUNT, COUNT_OUTPUT, "too large"),
    ],
)
def test_bad_answers_say_what_form_is_wanted(text: str, kind: AnswerKind, output: object, says: str) -> None:
    message = read_answer(text, kind, output)  # type: ignore[arg-type]
    assert isinstance(message, str)
    assert message.startswith("Answer: ") and says in message
    assert message.endswith({"count": "1.2e3", "size": "(bytes)", "rate": "5 GB/s", "duration": "8 h 46 min"}[kind.value])


def test_a_bad_answer_gets_the_message_and_no_grade() -> None:
    request = {"seed": 42, "level": 1, "topic": "storage", "answer": "3 s"}
    result = json.loads(handle_json("drills.grade", json.dumps(request)))
    assert result["ok"] is False
    assert "duration, not a size" in result["errors"]["answer"]
    assert {"grade", "expected", "working", "sensitivity"}.isdisjoint(result)
    assert result["question"] == json.loads(handle_json("drills.question", json.dumps(request)))["question"]


# ---------------------------------------------------------------- grading


@pytest.mark.parametrize(
    ("answer", "exact", "band"),
    [
        (100, 100, "close"),
        (125, 100, "close"),
        (80, 100, "close"),
        (126, 100, "order"),
        (79, 100, "order"),
        (300, 100, "order"),
        (34, 100, "order"),
        (301, 100, "off"),
        (33, 100, "off"),
    ],
)
def test_bands_follow_the_declared_thresholds(answer: float, exact: float, band: str) -> None:
    assert [b.within for b in GRADE_BANDS] == [1.25, 3.0]
    assert grade_answer(answer, exact).band == band


def test_off_by_names_the_factor_and_the_direction() -> None:
    assert grade_answer(1_400, 100).summary == "Off by ×14 (too high)"
    assert grade_answer(1, 250).summary == "Off by ×250 (too low)"
    assert grade_answer(100, 100).summary == "Close enough: exact"


def test_a_graded_answer_carries_the_calculators_working_and_the_sensitivity() -> None:
    request = {"seed": 42, "level": 1, "topic": "storage"}
    question = json.loads(handle_json("drills.question", json.dumps(request)))["question"]
    slots = {
        draw.slot: given["text"]
        for draw, given in zip(TEMPLATE_BY_ID[question["template"]].draws, question["givens"], strict=True)
    }
    stated = {"items_per_day": slots["items"], "item_bytes": slots["size"], "replication_factor": slots["copies"]}
    result = evaluate("storage", {**stated, "metadata_overhead": "0%", "index_overhead": "0%", "backup_copies": "0"})
    exact = result["values"]["stored_bytes_per_year"]
    graded = json.loads(handle_json("drills.grade", json.dumps({**request, "answer": repr(exact * 2)})))
    assert graded["ok"] and graded["grade"]["band"] == "order" and graded["grade"]["direction"] == "high"
    assert graded["expected"]["display"] == result["display"]["stored_bytes_per_year"]
    assert graded["working"] == [
        f"Storage: {result['working'][key]}" for key in ("raw_bytes_per_day", "stored_bytes_per_day", "stored_bytes_per_year")
    ]
    # Every input is a factor of the answer: +10% on any of them is +10% on the answer.
    for row in graded["sensitivity"]:
        assert row["up"] == pytest.approx(0.10) and row["down"] == pytest.approx(-0.10)


def test_sensitivity_names_the_input_that_moves_the_answer_most() -> None:
    """Backend reads = reads × (1 − hit): at a 90% hit ratio, +10% on it (99%) cuts the misses by 90%."""
    drill = drill_with("cache.backend", reads="100 K", hit="90%")
    graded = grade_drill(drill, "10 K")
    assert graded["grade"]["band"] == "close"
    assert graded["most_sensitive"] == "Cache hit ratio"
    by_label = {row["label"]: row for row in graded["sensitivity"]}
    assert by_label["Cache hit ratio"]["up"] == pytest.approx(-0.9)
    assert by_label["Reads per second"]["up"] == pytest.approx(0.1)


# ---------------------------------------------------------------- the CLI


def test_cli_drill_prints_the_question_reads_stdin_and_grades(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    question = json.loads(handle_json("drills.question", '{"seed": 7, "level": 1}'))["question"]
    monkeypatch.setattr("sys.stdin", io.StringIO("1 h\n"))
    status = main(["drill", "--seed", "7", "--level", "1"])
    printed = capsys.readouterr()
    assert question["prompt"] in printed.out and question["ask"] in printed.out
    graded = json.loads(handle_json("drills.grade", json.dumps({"seed": 7, "level": 1, "answer": "1 h"})))
    assert question["answer_kind"] == "duration" and graded["ok"]  # seed 7 at level 1 asks for a downtime
    assert status == 0 and graded["grade"]["summary"] in printed.out
    assert all(line in printed.out for line in graded["working"])


def test_cli_drill_answer_option_gives_the_bridge_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["drill", "--seed", "42", "--topic", "storage", "--level", "1", "--answer", "70 TB", "--json"]) == 0
    printed = capsys.readouterr().out.strip()
    assert printed == handle_json("drills.grade", json.dumps({"seed": 42, "level": 1, "topic": "storage", "answer": "70 TB"}))


def test_cli_drill_bad_answer_exits_2_with_the_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["drill", "--seed", "42", "--topic", "storage", "--level", "1", "--answer", "soon"]) == 2
    assert "Answer: is not a number; enter a size" in capsys.readouterr().err
