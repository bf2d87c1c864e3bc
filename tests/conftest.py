"""Shared fixtures: one strict site build per test run, a local static server, a real Chromium."""

from __future__ import annotations

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


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def _site_server() -> Iterator[tuple[http.server.ThreadingHTTPServer, Path]]:
    """A static server on 127.0.0.1 for this worker's own build (the wasm MIME type set, as on a host)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    site_dir = PROJECT_ROOT / "build" / f"test-site-{worker}"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_SiteHandler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, site_dir
    server.shutdown()


@pytest.fixture(scope="session")
def site_url(_site_server: tuple[http.server.ThreadingHTTPServer, Path]) -> str:
    server, _ = _site_server
    return f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def built_site(_site_server: tuple[http.server.ThreadingHTTPServer, Path], site_url: str) -> Path:
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
