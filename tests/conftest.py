"""Shared fixtures: one strict site build per test run, a local static server, a real Chromium."""

from __future__ import annotations

import fcntl
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TEST_SITE = PROJECT_ROOT / "build" / "test-site"
_BUILD_LOCK = PROJECT_ROOT / "build" / "test-site.lock"
_BUILD_LOG = PROJECT_ROOT / "build" / "test-site.log"


def _run_id() -> str:
    # Every xdist worker of one run shares the controller's testrunuid; a plain run uses its pid.
    return os.environ.get("PYTEST_XDIST_TESTRUNUID") or f"pid-{os.getpid()}"


@pytest.fixture(scope="session")
def built_site() -> Path:
    """Build the site once per test run with ``mkdocs build --strict`` (shared across xdist workers)."""
    _BUILD_LOCK.parent.mkdir(parents=True, exist_ok=True)
    stamp = TEST_SITE / ".built-for"
    with _BUILD_LOCK.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (stamp.exists() and stamp.read_text() == _run_id()):
            shutil.rmtree(TEST_SITE, ignore_errors=True)
            completed = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(TEST_SITE)],
                cwd=PROJECT_ROOT,
                capture_output=True,
                text=True,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            )
            _BUILD_LOG.write_text(completed.stdout + completed.stderr)
            if completed.returncode != 0:
                pytest.fail(f"mkdocs build --strict failed:\n{completed.stderr[-4000:]}")
            stamp.write_text(_run_id())
    return TEST_SITE


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Serve the built site on 127.0.0.1 with the wasm MIME type, as a static host would."""
    handler = functools.partial(_SiteHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
