"""The flashcard schedule inside Pyodide, with the FSRS wheels the site ships, gives byte-identical
JSON to native CPython: a schedule exported from the browser means the same thing everywhere."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from calculators import handle_json
from calculators.flashcard_schedule import GRADES
from calculators.flashcards import DECK
from docs_build.runtime import PYODIDE_PACKAGE, build_compiled_wheel, compiled_dependency_wheels

pytestmark = pytest.mark.pyodide
RUNNER = Path(__file__).with_name("run_vectors.mjs")  # the loader the other parity tests use


def flashcard_vectors() -> list[tuple[str, str]]:
    """Every card graded every way from new and at its due time, a long history, and broken requests."""
    start = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
    vectors: list[tuple[str, str]] = [("flashcards.session", json.dumps({"state": None, "now": start.isoformat()}))]
    for card in DECK:
        for grade in GRADES:
            vectors.append(
                ("flashcards.review", json.dumps({"state": None, "now": start.isoformat(), "card_id": card.id, "grade": grade}))
            )
    # One card through a year of reviews, each at (or a day after) its due time: stability and difficulty
    # go through many float operations, where a difference between the two Pythons would show.
    state: object = None
    now = start
    grades = list(GRADES)
    for step in range(40):
        request = {"state": state, "now": now.isoformat(), "card_id": DECK[step % 3].id, "grade": grades[(step * 7) % 4]}
        vectors.append(("flashcards.review", json.dumps(request)))
        result = json.loads(handle_json("flashcards.review", json.dumps(request)))
        state = result["state"]
        now = datetime.fromisoformat(result["next_due"]) + timedelta(days=step % 2)
        vectors.append(("flashcards.session", json.dumps({"state": state, "now": now.isoformat()})))
    broken = [
        "not json",
        "[]",
        json.dumps({"state": {"version": 1, "cards": {"x": {"state": "review"}}}, "now": start.isoformat()}),
    ]
    vectors += [(kind, text) for kind in ("flashcards.session", "flashcards.review") for text in broken]
    return vectors


def test_flashcards_in_pyodide_and_native_agree_byte_for_byte(tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node, "Node.js is required for the Pyodide parity test"
    vectors = flashcard_vectors()
    vectors_file = tmp_path / "vectors.json"
    vectors_file.write_text(json.dumps(vectors), encoding="utf-8")
    wheels = [str(path) for _, path in compiled_dependency_wheels()] + [str(build_compiled_wheel())]
    completed = subprocess.run(
        [node, str(RUNNER), str(PYODIDE_PACKAGE), os.pathsep.join(wheels), str(vectors_file)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    report = json.loads(completed.stdout)
    assert report["python"].split(".")[:2] == [str(v) for v in sys.version_info[:2]], "Pyodide and native CPython minors differ"
    native = [handle_json(kind, request) for kind, request in vectors]
    mismatches = [(v, n, p) for v, n, p in zip(vectors, native, report["results"], strict=True) if n != p]
    assert not mismatches, f"{len(mismatches)} of {len(vectors)} differ; first: {mismatches[0]}"
    assert sum(json.loads(result)["ok"] for result in native) > len(DECK) * len(GRADES)
