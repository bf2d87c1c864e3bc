"""A Python restored from the build's memory snapshot answers every parity vector byte for byte as a
plain start does, holds every module the pages need without the wheels' files, and re-seeds `random`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from docs_build.runtime import PYODIDE_PACKAGE
from docs_build.snapshot import ensure_snapshot, shipped_wheels
from tests.pyodide.test_drills_parity import drill_vectors
from tests.pyodide.test_flashcards_parity import flashcard_vectors
from tests.pyodide.test_parity import request_vectors

pytestmark = pytest.mark.pyodide
RUNNER = Path(__file__).with_name("run_vectors.mjs")


def _run(vectors_file: Path, wheels: list[Path], snapshot: Path | None = None) -> dict[str, Any]:
    node = shutil.which("node")
    assert node, "Node.js is required for the Pyodide parity test"
    start = ["--snapshot", str(snapshot)] if snapshot else []
    completed = subprocess.run(
        [node, str(RUNNER), *start, str(PYODIDE_PACKAGE), os.pathsep.join(map(str, wheels)), str(vectors_file)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    report: dict[str, Any] = json.loads(completed.stdout)
    return report


def test_restored_snapshot_answers_byte_for_byte_as_a_plain_start(tmp_path: Path) -> None:
    vectors: list[object] = [*request_vectors(), *drill_vectors(), *flashcard_vectors()]
    vectors_file = tmp_path / "vectors.json"
    vectors_file.write_text(json.dumps(vectors), encoding="utf-8")
    snapshot = ensure_snapshot()
    # As the worker does: the wheels' files only when the build found something the snapshot lacks.
    restored = _run(vectors_file, shipped_wheels() if snapshot.unpack_wheels else [], snapshot.path)
    plain = _run(vectors_file, shipped_wheels())
    assert (restored["startedFrom"], plain["startedFrom"]) == ("snapshot", "plain")
    assert restored["python"] == plain["python"]
    mismatches = [(v, p, r) for v, p, r in zip(vectors, plain["results"], restored["results"], strict=True) if p != r]
    assert not mismatches, f"{len(mismatches)} of {len(vectors)} differ; first: {mismatches[0]}"
    kinds = {vector[0] if isinstance(vector, list | tuple) else "evaluate" for vector in vectors}
    assert {"evaluate", "drills.grade", "flashcards.review"} <= kinds


def test_each_restore_draws_fresh_random_numbers(tmp_path: Path) -> None:
    vectors_file = tmp_path / "vectors.json"
    vectors_file.write_text("[]", encoding="utf-8")
    snapshot = ensure_snapshot()
    draws = {_run(vectors_file, [], snapshot.path)["randomAfterStart"] for _ in range(2)}
    assert len(draws) == 2, "two restores of one snapshot drew the same random number: it was not re-seeded"
