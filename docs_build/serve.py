"""Serve a built site on 127.0.0.1 as a static host would: for the PDF export, the tests and the benchmark.

Like Netlify or Cloudflare Pages it sends the headers the site's ``_headers`` file lists (the
Content-Security-Policy, written by docs_build/csp.py), so pages and workers run under them."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["serve_site"]


def site_headers(site_dir: Path, url_path: str) -> list[tuple[str, str]]:
    """The headers ``site_dir/_headers`` gives ``url_path``: blocks of a path line (``/*`` or an
    exact path) followed by indented ``Name: value`` lines. None when the site has no such file."""
    try:
        lines = (site_dir / "_headers").read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    headers: list[tuple[str, str]] = []
    applies = False
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            pattern = line.strip()
            applies = url_path.startswith(pattern[:-1]) if pattern.endswith("*") else url_path == pattern
        elif applies:
            name, _, value = line.strip().partition(":")
            headers.append((name.strip(), value.strip()))
    return headers


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, quietly, with the MIME type a host gives WebAssembly and the site's own headers."""

    def end_headers(self) -> None:
        for name, value in site_headers(Path(self.directory), self.path.split("?", 1)[0]):
            self.send_header(name, value)
        super().end_headers()

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return "application/wasm" if os.fspath(path).endswith(".wasm") else super().guess_type(path)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _SiteServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any) -> None:
        # Chromium drops connections it no longer needs (the search index, when the browser
        # closes); that is not worth a traceback. Anything else still gets one.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve_site(site_dir: Path) -> Iterator[str]:
    """Serve ``site_dir`` on a free port of 127.0.0.1 and yield its origin, e.g. ``http://127.0.0.1:41234``.

    Files are read per request, so the directory may be built after the server starts: a build
    for this exact address (``SITE_URL``) needs the port first.
    """
    server = _SiteServer(("127.0.0.1", 0), functools.partial(_SiteHandler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
