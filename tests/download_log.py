"""A static host that records every file it sends: what a first visit really downloads, counted on
the server side, so requests the browser answers itself (HTTP cache, service worker) never count."""

from __future__ import annotations

import functools
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from docs_build.serve import _SiteHandler, _SiteServer

__all__ = ["DownloadLog", "logging_site_server"]


@dataclass
class DownloadLog:
    """Paths sent with a body (status 200) and with none (304, revalidated), in order."""

    site_dir: Path
    downloaded: list[str] = field(default_factory=list)
    revalidated: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, path: str, status: int) -> None:
        with self._lock:
            if status == 200:
                self.downloaded.append(path)
            elif status == 304:
                self.revalidated.append(path)

    def clear(self) -> None:
        with self._lock:
            self.downloaded.clear()
            self.revalidated.clear()

    def downloaded_more_than_once(self) -> dict[str, int]:
        with self._lock:
            return {path: count for path, count in Counter(self.downloaded).items() if count > 1}

    def bytes_downloaded(self) -> int:
        """The files' sizes on disk: this host sends them uncompressed, whole."""
        total = 0
        with self._lock:
            for path in self.downloaded:
                file = self.site_dir / path.lstrip("/")
                total += (file / "index.html" if file.is_dir() else file).stat().st_size
        return total


class _LoggingHandler(_SiteHandler):
    log: DownloadLog  # set per server, on a subclass
    delays_s: dict[str, float]

    def do_GET(self) -> None:
        # A slow file stands for a slow network, on purpose: it holds back whoever waits for it.
        time.sleep(self.delays_s.get(unquote(urlsplit(self.path).path), 0.0))
        super().do_GET()

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self.log.record(unquote(urlsplit(self.path).path), int(code) if str(code).isdigit() else 0)


@contextmanager
def logging_site_server(site_dir: Path, delays_s: dict[str, float] | None = None) -> Iterator[tuple[str, DownloadLog]]:
    """Serve ``site_dir`` as ``docs_build.serve.serve_site`` does (same handler) and log every response.
    ``delays_s`` holds back the named paths (e.g. ``{"/404.html": 5}``) by that many seconds."""
    log = DownloadLog(site_dir)
    handler = type("Logged", (_LoggingHandler,), {"log": log, "delays_s": delays_s or {}})
    server = _SiteServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, name="logging-site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", log
    finally:
        server.shutdown()
        server.server_close()
