"""The Pyodide memory snapshot the worker restores instead of starting Python from scratch.

``docs_build/make_snapshot.mjs`` makes it under Node from the very files the site ships; this
module names it after its inputs, caches it under ``build/snapshot/`` so an unchanged rebuild only
copies it, and writes it into the site with ``snapshot.json`` beside the wheels.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from docs_build.runtime import (
    PROJECT_ROOT,
    PYODIDE_PACKAGE,
    SITE_WHEEL_PATH,
    RuntimeSetupError,
    build_compiled_wheel,
    compiled_dependency_wheels,
    pyodide_version,
)

__all__ = [
    "SITE_SNAPSHOT_MANIFEST",
    "Snapshot",
    "ensure_snapshot",
    "install_snapshot",
    "pyodide_build_id",
    "shipped_wheels",
    "snapshot_name",
]

SNAPSHOT_CACHE_DIR = PROJECT_ROOT / "build" / "snapshot"
MAKE_SNAPSHOT_SCRIPT = Path(__file__).with_name("make_snapshot.mjs")
#: Everything besides the wheels and Pyodide that decides the snapshot's bytes: part of its name.
_SNAPSHOT_RECIPE = (
    MAKE_SNAPSHOT_SCRIPT,
    Path(__file__).with_name("snapshot_warmup.py"),
    PROJECT_ROOT / "docs" / "assets" / "javascripts" / "pyodide-snapshot.js",
)
#: Beside the wheels in the site: which snapshot to fetch, its size, and whether it needs the wheels.
SITE_SNAPSHOT_MANIFEST = SITE_WHEEL_PATH.with_name("snapshot.json")
_log = logging.getLogger("mkdocs.hooks.snapshot")
# The loader carries the build id of pyodide.asm.js/.wasm; a snapshot records it and Pyodide refuses another.
_BUILD_ID = re.compile(r'BUILD_ID:"(?P<build_id>[0-9a-f]{64})"')


@dataclass(frozen=True)
class Snapshot:
    """A made snapshot in the cache and what the build learnt making it."""

    path: Path
    build_id: str
    unpack_wheels: bool  # true when a module or file in the wheels was left out of memory
    make_ms: float | None  # None when it came from the cache

    @property
    def name(self) -> str:
        return self.path.name


def pyodide_build_id() -> str:
    """The build id in the pinned Pyodide's loader (the one the site ships and Node loads)."""
    found = {
        match["build_id"]
        for name in ("pyodide.js", "pyodide.mjs")
        for match in _BUILD_ID.finditer((PYODIDE_PACKAGE / name).read_text(encoding="utf-8"))
    }
    if len(found) != 1:
        raise RuntimeSetupError(
            f"expected one Pyodide BUILD_ID in pyodide.js and pyodide.mjs, found {sorted(found)}; review docs_build/snapshot.py"
        )
    return found.pop()


def shipped_wheels() -> list[Path]:
    """The compiled wheels in the order the worker unpacks them: dependencies first."""
    return [path for _, path in compiled_dependency_wheels()] + [build_compiled_wheel()]


def snapshot_name(wheels: list[Path]) -> str:
    """``pyodide-<version>-<build id>-wheels-<digest>.snapshot``: the digest covers the wheels' bytes
    in unpack order and the scripts that make the snapshot, so any change gives a new name."""
    digest = hashlib.sha256()
    for path in [*wheels, *_SNAPSHOT_RECIPE]:
        digest.update(path.name.encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return f"pyodide-{pyodide_version()}-{pyodide_build_id()[:16]}-wheels-{digest.hexdigest()[:16]}.snapshot"


def ensure_snapshot(wheels: list[Path] | None = None) -> Snapshot:
    """The snapshot for these wheels (default: the shipped ones), made under Node unless cached.

    Several builds may run at once (one per test worker), so making it happens under a lock; the
    cache keeps only the current snapshot (25 MB each).
    """
    wheels = shipped_wheels() if wheels is None else wheels
    name = snapshot_name(wheels)
    target = SNAPSHOT_CACHE_DIR / name
    report_path = target.with_suffix(".json")
    SNAPSHOT_CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with (SNAPSHOT_CACHE_DIR / "snapshot.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        make_ms: float | None = None
        if not (target.is_file() and report_path.is_file()):
            node = shutil.which("node")
            if node is None:
                raise RuntimeSetupError("Node.js is required to make the Pyodide snapshot (the build runs Pyodide under Node)")
            completed = subprocess.run(
                [node, str(MAKE_SNAPSHOT_SCRIPT), str(PYODIDE_PACKAGE), os.pathsep.join(map(str, wheels)), str(target)],
                capture_output=True,
                text=True,
                timeout=600,
            )
            if completed.returncode != 0:
                raise RuntimeSetupError(f"making the Pyodide snapshot failed:\n{completed.stderr[-3000:]}")
            report_path.write_text(completed.stdout, encoding="utf-8")
            make_ms = float(json.loads(completed.stdout)["makeMs"])
            for stale in SNAPSHOT_CACHE_DIR.glob("*.snapshot"):
                if stale != target:
                    stale.unlink()
                    stale.with_suffix(".json").unlink(missing_ok=True)
        report = json.loads(report_path.read_text(encoding="utf-8"))
    if report["buildId"] != pyodide_build_id():
        raise RuntimeSetupError(f"the snapshot was made by Pyodide build {report['buildId'][:16]}, not the pinned one")
    return Snapshot(
        path=target, build_id=report["buildId"], unpack_wheels=bool(report["warmUp"]["files_needed"]), make_ms=make_ms
    )


def install_snapshot(site_dir: Path) -> Snapshot:
    """Copy the snapshot beside the wheels in a built site and write ``snapshot.json`` for the worker."""
    snapshot = ensure_snapshot()
    target = site_dir / SITE_WHEEL_PATH.with_name(snapshot.name)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(snapshot.path, target)
    size_bytes = snapshot.path.stat().st_size
    manifest = {
        "file": snapshot.name,
        "bytes": size_bytes,
        "pyodideVersion": pyodide_version(),
        "buildId": snapshot.build_id,
        "unpackWheels": snapshot.unpack_wheels,
    }
    (site_dir / SITE_SNAPSHOT_MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    how = "copied from build/snapshot/" if snapshot.make_ms is None else f"made in {snapshot.make_ms / 1000:.1f} s"
    _log.info("Pyodide snapshot %s (%.1f MB), %s", snapshot.name, size_bytes / 1e6, how)
    return snapshot
