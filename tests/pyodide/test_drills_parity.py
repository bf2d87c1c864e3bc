"""Drills inside Pyodide give byte-identical JSON to native CPython: 200 seeds, their questions and graded answers."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from calculators import handle_json
from calculators.drills import LEVELS, TOPICS, AnswerKind, answer_for, make_drill
from docs_build.runtime import PYODIDE_PACKAGE, build_compiled_wheel

pytestmark = pytest.mark.pyodide
RUNNER = Path(__file__).with_name("run_vectors.mjs")
SEEDS = 200


def _answers(seed: int, level: int | None, topic: str | None) -> list[str]:
    """The worked answer, one off by ×7, and a malformed one, in the forms the answer's kind takes."""
    drill = make_drill(seed, level=level, topic=topic)
    exact = answer_for(drill)
    unit = {AnswerKind.RATE: " B/s", AnswerKind.DURATION: " s"}.get(drill.template.answer_kind, "")
    return [f"{exact!r}{unit}", f"{exact * 7!r}{unit}", ["", "lots", "3 parsecs", "1 2"][seed % 4]]


def drill_vectors() -> list[list[str]]:
    """For each seed (levels and topics in turn): its question and three graded answers; then broken requests."""
    vectors: list[list[str]] = []
    levels = [None, *LEVELS]
    topics = [None, *TOPICS]
    for seed in range(SEEDS):
        level, topic = levels[seed % len(levels)], topics[seed % len(topics)]
        if level == 3 and topic in ("availability", "concurrency"):
            topic = None  # no level-3 drill covers these; the broken requests below ask for that on purpose
        request = {"seed": seed * 2_654_435_761 % 2**32, "level": level, "topic": topic}
        vectors.append(["drills.question", json.dumps(request)])
        vectors += [["drills.grade", json.dumps({**request, "answer": a})] for a in _answers(request["seed"], level, topic)]  # type: ignore[arg-type]
    broken = ["not json", "[]", json.dumps({"seed": -1}), json.dumps({"seed": 1, "level": 3, "topic": "availability"})]
    return vectors + [[kind, text] for text in broken for kind in ("drills.question", "drills.grade")]


def test_drills_in_pyodide_and_native_agree_byte_for_byte(tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node, "Node.js is required for the Pyodide parity test"
    vectors = drill_vectors()
    vectors_file = tmp_path / "vectors.json"
    vectors_file.write_text(json.dumps(vectors), encoding="utf-8")
    completed = subprocess.run(
        [node, str(RUNNER), str(PYODIDE_PACKAGE), str(build_compiled_wheel()), str(vectors_file)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    results = json.loads(completed.stdout)["results"]
    native = [handle_json(kind, request) for kind, request in vectors]
    mismatches = [(v, n, p) for v, n, p in zip(vectors, native, results, strict=True) if n != p]
    assert not mismatches, f"{len(mismatches)} of {len(vectors)} differ; first: {mismatches[0]}"
    questions = [
        json.loads(n)["question"]["seed"]
        for (kind, _), n in zip(vectors, native, strict=True)
        if kind == "drills.question" and json.loads(n)["ok"]
    ]
    assert len(set(questions)) == SEEDS
    graded = [json.loads(n) for (kind, _), n in zip(vectors, native, strict=True) if kind == "drills.grade"]
    assert {g["grade"]["band"] for g in graded if g["ok"]} >= {"close", "off"}
    assert sum(not g["ok"] for g in graded) >= SEEDS  # a malformed answer per seed, plus the broken requests
