"""The compiled wheel inside Pyodide gives byte-identical JSON to native CPython for every vector."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from calculators import REGISTRY, evaluate_json
from docs_build.runtime import PYODIDE_PACKAGE, build_compiled_wheel
from tests.helpers import HOSTILE_INPUTS, edited_value

pytestmark = pytest.mark.pyodide
RUNNER = Path(__file__).with_name("run_vectors.mjs")


def request_vectors() -> list[str]:
    """Defaults, every field edited, every field hostile, both unit systems, and broken requests."""
    requests: list[dict[str, object]] = []
    for calc_id, calculator in REGISTRY.items():
        requests.append({"id": calc_id, "inputs": {}})
        requests.append({"id": calc_id, "inputs": {}, "sizes": "binary", "rates": "bytes"})
        requests += [{"id": calc_id, "inputs": calculator.preset_inputs(preset.id)} for preset in calculator.presets]
        edits: dict[str, str] = {}
        for declared in calculator.fields:
            edits[declared.name] = edited_value(calc_id, declared.name)
            requests.append({"id": calc_id, "inputs": dict(edits)})
            for hostile in HOSTILE_INPUTS.values():
                requests.append({"id": calc_id, "inputs": {declared.name: hostile}})
    lines = [json.dumps(request) for request in requests]
    return [*lines, "not json", "[]", json.dumps({"id": "nope"}), json.dumps({"id": "traffic", "inputs": 5})]


def test_pyodide_and_native_agree_byte_for_byte(tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node, "Node.js is required for the Pyodide parity test"
    vectors = request_vectors()
    vectors_file = tmp_path / "vectors.json"
    vectors_file.write_text(json.dumps(vectors), encoding="utf-8")
    completed = subprocess.run(
        [node, str(RUNNER), str(PYODIDE_PACKAGE), str(build_compiled_wheel()), str(vectors_file)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    report = json.loads(completed.stdout)
    assert report["python"].split(".")[:2] == [str(v) for v in sys.version_info[:2]], "Pyodide and native CPython minors differ"
    native = [evaluate_json(vector) for vector in vectors]
    mismatches = [(v, n, p) for v, n, p in zip(vectors, native, report["results"], strict=True) if n != p]
    assert not mismatches, f"{len(mismatches)} of {len(vectors)} differ; first: {mismatches[0]}"
    assert len(vectors) > 100
