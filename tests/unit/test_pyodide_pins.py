"""The browser runs the same dependency versions as the native tests: requirements-pyodide.txt
(version and hash, what the build ships) and pyproject.toml (what pip installs here) agree."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from docs_build.runtime import PROJECT_ROOT, RuntimeSetupError, pinned_wheels


def test_every_runtime_dependency_is_shipped_to_the_browser_at_the_same_version() -> None:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    installed = sorted(project["dependencies"])
    shipped = sorted(f"{pin.name}=={pin.version}" for pin in pinned_wheels())
    assert installed == shipped


def test_a_pin_without_a_hash_fails_the_build_clearly(tmp_path: Path) -> None:
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("fsrs==6.3.2\n", encoding="utf-8")
    with pytest.raises(RuntimeSetupError, match=r"requirements.txt:1: expected `name==version --hash=sha256"):
        pinned_wheels(requirements)
