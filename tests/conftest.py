"""Shared fixtures: one strict site build per test run, a local static server, a real Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from docs_build.serve import serve_site

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Timing never decides a test: no per-example deadline anywhere, so a loaded machine cannot fail a
# property test. CI (any CI variable set) also prints the reproduction blob of a failing example.
settings.register_profile("handbook", deadline=None)
settings.register_profile("ci", parent=settings.get_profile("handbook"), print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "handbook")


@pytest.fixture(scope="session")
def _site_server() -> Iterator[tuple[str, Path]]:
    """This worker's address and the directory it serves (built by ``built_site``)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    site_dir = PROJECT_ROOT / "build" / f"test-site-{worker}"
    with serve_site(site_dir) as origin:
        yield origin, site_dir


@pytest.fixture(scope="session")
def site_url(_site_server: tuple[str, Path]) -> str:
    return _site_server[0]


@pytest.fixture(scope="session")
def built_site(_site_server: tuple[str, Path], site_url: str) -> Path:
    """``mkdocs build --strict`` once per worker, for the address it is served on.

    Material's instant navigation only follows links that match ``site_url``, so each worker
    builds for its own port rather than sharing one build.
    """
    _, site_dir = _site_server
    shutil.rmtree(site_dir, ignore_errors=True)
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url + "/"},
    )
    (site_dir.parent / f"{site_dir.name}.log").write_text(completed.stdout + completed.stderr)
    if completed.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{completed.stderr[-4000:]}")
    return site_dir
