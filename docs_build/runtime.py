"""Ship Python to the browser: build the calculators wheel, compile it for Pyodide, copy the runtime.

Used by the MkDocs hook (``docs_build/hooks.py``) and by the Pyodide parity tests.
"""

from __future__ import annotations

import fcntl
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

__all__ = [
    "PROJECT_ROOT",
    "PYODIDE_PACKAGE",
    "PYODIDE_RUNTIME_FILES",
    "SITE_PYODIDE_DIR",
    "SITE_WHEEL_PATH",
    "build_compiled_wheel",
    "install_runtime",
    "pyodide_version",
]

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PYODIDE_PACKAGE = PROJECT_ROOT / "node_modules" / "pyodide"
WHEEL_BUILD_DIR = PROJECT_ROOT / "build" / "wheel"

#: The only runtime files a page needs; console.html and friends point at a CDN and stay out.
PYODIDE_RUNTIME_FILES: tuple[str, ...] = (
    "pyodide.js",
    "pyodide.asm.js",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
#: Where they land inside the built site (relative to the site directory).
SITE_PYODIDE_DIR = Path("assets") / "pyodide"
SITE_WHEEL_PATH = Path("assets") / "python" / "calculators.whl"

# pyodide.js falls back to a CDN for packages when no packageBaseUrl is given. We always give
# one (and load no packages), so the copy points the fallback at its own folder instead; the
# build fails if a new Pyodide changes this text, rather than silently shipping a CDN address.
_PYODIDE_CDN_FALLBACK = re.compile(r"`https://[\w.-]+/pyodide/v\$\{(?P<version>\w+)\}/full/`")


class RuntimeSetupError(RuntimeError):
    """The runtime could not be prepared; the message says what to run."""


def pyodide_version() -> str:
    """The pinned Pyodide version, read from the installed npm package."""
    package_json = PYODIDE_PACKAGE / "package.json"
    if not package_json.exists():
        raise RuntimeSetupError("node_modules/pyodide is missing: run `npm ci` (or `make setup`)")
    return str(json.loads(package_json.read_text(encoding="utf-8"))["version"])


def _sources() -> list[Path]:
    return [*sorted((PROJECT_ROOT / "calculators").rglob("*.py")), PROJECT_ROOT / "pyproject.toml"]


def build_compiled_wheel() -> Path:
    """Build the calculators wheel and compile it to .pyc with ``pyodide py-compile``.

    Rebuilds only when a source is newer than the compiled wheel. Several builds may run at
    once (parallel tests, a dev server), so the work happens under a lock, in a scratch folder
    that replaces the old one only when complete. Returns the compiled wheel's path.
    """
    WHEEL_BUILD_DIR.parent.mkdir(parents=True, exist_ok=True)
    with (WHEEL_BUILD_DIR.parent / "wheel.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        existing = sorted(WHEEL_BUILD_DIR.glob("calculators-*-cp313-none-any.whl"))
        newest_source = max(path.stat().st_mtime for path in _sources())
        if len(existing) == 1 and existing[0].stat().st_mtime >= newest_source:
            return existing[0]
        with tempfile.TemporaryDirectory(dir=WHEEL_BUILD_DIR.parent, prefix="wheel-") as scratch_name:
            scratch = Path(scratch_name)
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "wheel",
                    str(PROJECT_ROOT),
                    "--no-deps",
                    "--no-build-isolation",
                    "--quiet",
                    "--wheel-dir",
                    str(scratch),
                ],
                check=True,
            )
            pure = sorted(scratch.glob("calculators-*-py3-none-any.whl"))
            if len(pure) != 1:
                raise RuntimeSetupError(f"expected one built wheel, found {pure}")
            pyodide_cli = Path(sys.executable).with_name("pyodide")
            subprocess.run([str(pyodide_cli), "py-compile", "--silent", str(pure[0])], check=True)
            compiled = sorted(scratch.glob("calculators-*-cp313-none-any.whl"))
            if len(compiled) != 1:
                raise RuntimeSetupError("pyodide py-compile left no compiled wheel")
            shutil.rmtree(WHEEL_BUILD_DIR, ignore_errors=True)
            WHEEL_BUILD_DIR.mkdir()
            return Path(shutil.move(compiled[0], WHEEL_BUILD_DIR / compiled[0].name))


def install_runtime(site_dir: Path) -> None:
    """Copy the Pyodide runtime and the compiled calculators wheel into a built site."""
    pyodide_version()  # fails with a clear message when npm dependencies are missing
    target = site_dir / SITE_PYODIDE_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_RUNTIME_FILES:
        shutil.copy2(PYODIDE_PACKAGE / name, target / name)
    loader = target / "pyodide.js"
    text = loader.read_text(encoding="utf-8")
    # In pyodide.js, `t` is the indexURL computed just before the fallback: packages resolve locally.
    text, count = _PYODIDE_CDN_FALLBACK.subn("t", text)
    if count != 1:
        raise RuntimeSetupError("pyodide.js no longer has the expected CDN fallback; review docs_build/runtime.py")
    loader.write_text(text, encoding="utf-8")
    wheel_target = site_dir / SITE_WHEEL_PATH
    wheel_target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(build_compiled_wheel(), wheel_target)
