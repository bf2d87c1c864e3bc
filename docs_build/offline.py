"""The whole handbook offline and installable: after every build, write the web app manifest and its
icons, then the service worker (Workbox, ``docs_build/service_worker.mjs``) over the finished site."""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import struct
import subprocess
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from docs_build.runtime import PROJECT_ROOT, SITE_PYODIDE_DIR, SITE_WHEEL_PATH, RuntimeSetupError

__all__ = [
    "ICONS",
    "MANIFEST_NAME",
    "PYTHON_CACHE_PREFIX",
    "PrecacheSummary",
    "python_cache_name",
    "write_manifest",
    "write_offline_support",
]

log = logging.getLogger("mkdocs.hooks.offline")

SERVICE_WORKER_SCRIPT = Path(__file__).with_name("service_worker.mjs")
WORKBOX_PACKAGE = PROJECT_ROOT / "node_modules" / "workbox-build"
MANIFEST_NAME = "site.webmanifest"
ICON_DIR = Path("assets") / "images"
PYTHON_CACHE_PREFIX = "handbook-python-"

# Material's indigo primary (--md-primary-fg-color) and white: the installed app's colours.
INDIGO_RGB = (0x3F, 0x51, 0xB5)
WHITE_RGB = (0xFF, 0xFF, 0xFF)
THEME_COLOUR = "#3f51b5"


@dataclass(frozen=True)
class Icon:
    size_px: int
    purpose: str  # "any" or "maskable"

    @property
    def file_name(self) -> str:
        return f"icon-{self.size_px}{'-maskable' if self.purpose == 'maskable' else ''}.png"


ICONS = (Icon(192, "any"), Icon(512, "any"), Icon(512, "maskable"))


@dataclass(frozen=True)
class PrecacheSummary:
    """What the service worker fetches when it installs."""

    entries: int
    size_bytes: int


def _png(width_px: int, height_px: int, pixel: Callable[[float, float], tuple[int, int, int]]) -> bytes:
    """An 8-bit RGB PNG; ``pixel`` takes coordinates in [0, 1) across and down."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = bytearray()
    for y in range(height_px):
        rows.append(0)  # filter type: none
        for x in range(width_px):
            rows.extend(pixel((x + 0.5) / width_px, (y + 0.5) / height_px))
    header = struct.pack(">IIBBBBB", width_px, height_px, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")


def _open_book(glyph_scale: float) -> Callable[[float, float], tuple[int, int, int]]:
    """A white open book on indigo, centred, the book spanning ``glyph_scale`` of the width.

    Two pages, each a parallelogram whose outer edge dips, with a gap for the spine: legible at
    48 px on a home screen and simple enough to draw without an image library.
    """
    half = glyph_scale / 2

    def pixel(x: float, y: float) -> tuple[int, int, int]:
        u, v = (x - 0.5) / half, (y - 0.5) / half  # -1 … 1 across the glyph
        outer = abs(u)
        on_page = 0.08 < outer < 1.0 and -0.55 + 0.25 * outer < v < 0.55 + 0.1 * outer
        return WHITE_RGB if on_page else INDIGO_RGB

    return pixel


def _write_icons(site_dir: Path) -> list[dict[str, str]]:
    target = site_dir / ICON_DIR
    target.mkdir(parents=True, exist_ok=True)
    entries = []
    for icon in ICONS:
        # A maskable icon may be cropped to a circle: its glyph stays inside the central 80 % safe zone.
        glyph_scale = 0.6 if icon.purpose == "maskable" else 0.8
        (target / icon.file_name).write_bytes(_png(icon.size_px, icon.size_px, _open_book(glyph_scale)))
        entries.append(
            {
                "src": (ICON_DIR / icon.file_name).as_posix(),
                "sizes": f"{icon.size_px}x{icon.size_px}",
                "type": "image/png",
                "purpose": icon.purpose,
            }
        )
    return entries


def write_manifest(site_dir: Path, name: str, description: str) -> None:
    """Every address is relative to the manifest at the site root, so any base path works."""
    manifest = {
        "name": name,
        "short_name": "SD Handbook",
        "description": description,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": _write_icons(site_dir),
    }
    (site_dir / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def python_cache_name(site_dir: Path) -> str:
    """The runtime cache's name: a digest of every file the Python worker may fetch (Pyodide, the
    wheels and their list, any snapshot beside them), so a deploy that changes one renames it."""
    digest = hashlib.sha256()
    for folder in (SITE_PYODIDE_DIR, SITE_WHEEL_PATH.parent):
        for path in sorted((site_dir / folder).rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(site_dir).as_posix().encode() + b"\0")
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return PYTHON_CACHE_PREFIX + digest.hexdigest()[:16]


def _write_service_worker(site_dir: Path) -> PrecacheSummary:
    node = shutil.which("node")
    if node is None or not WORKBOX_PACKAGE.exists():
        raise RuntimeSetupError("node and node_modules/workbox-build are needed: run `npm ci` (or `make setup`)")
    completed = subprocess.run(
        [node, str(SERVICE_WORKER_SCRIPT), str(site_dir), python_cache_name(site_dir)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeSetupError(f"the service worker could not be generated:\n{completed.stderr[-2000:]}")
    report = json.loads(completed.stdout.strip().splitlines()[-1])
    if report["warnings"]:
        # A file too large to precache would silently be missing offline: fail the build instead.
        raise RuntimeSetupError("service worker: " + "; ".join(report["warnings"]))
    return PrecacheSummary(entries=int(report["count"]), size_bytes=int(report["size"]))


def write_offline_support(site_dir: Path, site_name: str, site_description: str) -> PrecacheSummary:
    """Manifest and icons first (they are precached too), then sw.js. Call last in on_post_build."""
    write_manifest(site_dir, site_name, " ".join(site_description.split()))
    summary = _write_service_worker(site_dir)
    log.info("service worker: %d files precached, %.1f MB", summary.entries, summary.size_bytes / 1e6)
    return summary
