"""Run inside Pyodide (by ``docs_build/make_snapshot.mjs``) just before the memory snapshot is saved.

It imports every module the shipped wheels hold and answers every request the pages send once, so
the restored interpreter imports nothing and the first real call finds its caches warm. It needs the
standard library and the wheels only: it runs in Pyodide, where ``docs_build`` is not installed.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import sys
from collections.abc import Iterator

import calculators
from calculators import REGISTRY, evaluate, handle_json
from calculators.bridge import HANDLERS

__all__ = ["warm_up"]

#: Packages unpacked from the wheels whose every module the snapshot should hold.
_PACKAGES = ("calculators", "fsrs")
#: Run only as ``python -m``; importing one would run the CLI.
_NEVER_IMPORTED = "__main__"
#: Marker files no running code reads (PEP 561).
_MARKERS = ("py.typed",)
_NOW = "2026-01-01T12:00:00+00:00"  # any fixed time: only the code paths matter, not the answers


def _all_modules(package_name: str) -> Iterator[str]:
    package = importlib.import_module(package_name)
    yield package_name
    for module in pkgutil.walk_packages(package.__path__, prefix=package_name + "."):
        if module.name.rsplit(".", 1)[-1] != _NEVER_IMPORTED:
            yield module.name


def _requests() -> Iterator[tuple[str, str]]:
    """One request of every type the pages send; the default calculator inputs for each id."""
    from calculators.flashcards import DECK

    for calc_id in REGISTRY:
        request = json.dumps({"id": calc_id, "inputs": {}})
        yield "evaluate", request
        yield "evaluate", json.dumps({"id": calc_id, "inputs": {}, "sizes": "binary", "rates": "bytes"})
        yield "markdown", request
    yield "flashcards.session", json.dumps({"state": None, "now": _NOW})
    yield "flashcards.review", json.dumps({"state": None, "now": _NOW, "card_id": DECK[0].id, "grade": "good"})
    yield "drills.question", json.dumps({"seed": 9})
    yield "drills.grade", json.dumps({"seed": 9, "answer": "1 k"})
    for request_type in HANDLERS:  # a handler added later without its own request above still runs once
        yield request_type, "{}"


def _is_ok(answer: str) -> bool:
    """A JSON answer with ``ok`` true, or a markdown answer (plain text, no ``ok``)."""
    return not answer.startswith("{") or bool(json.loads(answer).get("ok"))


def _files_outside_modules(site_packages: str) -> list[str]:
    """Files in the unpacked wheels that no imported module accounts for: a lazy import or a data
    file would need them, and a restored snapshot has none of the build's files."""
    files = [getattr(module, "__file__", None) for module in list(sys.modules.values())]
    loaded = {os.path.realpath(file) for file in files if isinstance(file, str)}
    needed = []
    for folder, _, names in os.walk(site_packages):
        if ".dist-info" in folder or "__pycache__" in folder:
            continue
        for name in names:
            path = os.path.realpath(os.path.join(folder, name))
            if path not in loaded and os.path.splitext(name)[0] != _NEVER_IMPORTED and name not in _MARKERS:
                needed.append(os.path.relpath(path, site_packages))
    return sorted(needed)


def warm_up() -> dict[str, object]:
    """Import and run everything once; report what a restored interpreter would still need from files."""
    modules = [name for package in _PACKAGES for name in _all_modules(package)]
    for name in modules:
        importlib.import_module(name)
    for calc_id in REGISTRY:
        evaluate(calc_id, {})
    answered = [handle_json(request_type, request) for request_type, request in _requests()]
    site_packages = os.path.dirname(os.path.dirname(os.path.realpath(calculators.__file__)))
    return {
        "modules": len(modules),
        "requests": len(answered),
        "answered_ok": sum(_is_ok(answer) for answer in answered),
        "files_needed": _files_outside_modules(site_packages),
    }
