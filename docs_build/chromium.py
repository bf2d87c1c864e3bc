"""How this project starts Chromium: one place for the PDF export, the browser tests and the benchmark."""

from __future__ import annotations

import os
import shutil

__all__ = ["CHROMIUM_ARGS", "ChromiumNotFoundError", "chromium_executable"]

# Flags for a sandboxed, offline machine: no background calls to Google services.
CHROMIUM_ARGS: tuple[str, ...] = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
)


class ChromiumNotFoundError(RuntimeError):
    """No Chromium to drive; the message says how to get one."""


def chromium_executable() -> str:
    """$CHROMIUM, else Debian's chromium on the PATH (``playwright install`` cannot download here)."""
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise ChromiumNotFoundError(
            "no Chromium found: install Debian's `chromium` (apt-get install chromium) or set CHROMIUM=/path"
        )
    return path
