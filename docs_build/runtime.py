"""Ship Python to the browser: build the calculators wheel, compile it for Pyodide, copy the runtime.

Used by the MkDocs hook (``docs_build/hooks.py``) and by the Pyodide parity tests.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "PROJECT_ROOT",
    "PYODIDE_PACKAGE",
    "PYODIDE_REQUIREMENTS",
    "PYODIDE_RUNTIME_FILES",
    "SITE_DEPENDENCIES_MANIFEST",
    "SITE_PYODIDE_DIR",
    "SITE_WHEEL_PATH",
    "PinnedWheel",
    "build_compiled_wheel",
    "compiled_dependency_wheels",
    "install_runtime",
    "pinned_wheels",
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
#: The calculators' own dependencies (pure-Python wheels, pinned with hashes) that the browser needs.
PYODIDE_REQUIREMENTS = PROJECT_ROOT / "requirements-pyodide.txt"
DEPENDENCY_BUILD_DIR = PROJECT_ROOT / "build" / "pyodide-wheels"
#: Beside the calculators wheel: the names of the dependency wheels, which the worker unpacks first.
SITE_DEPENDENCIES_MANIFEST = SITE_WHEEL_PATH.with_name("dependencies.json")
_REQUIREMENT = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[\w.]+)\s+--hash=sha256:(?P<sha256>[0-9a-f]{64})$")

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


@dataclass(frozen=True)
class PinnedWheel:
    """One line of requirements-pyodide.txt: a pure-Python wheel at an exact version and hash."""

    name: str  # as PyPI spells it, e.g. "typing-extensions"
    version: str
    sha256: str

    @property
    def module_name(self) -> str:
        """The wheel file's name part, e.g. ``typing_extensions``; also the file name in the site."""
        return re.sub(r"[-_.]+", "_", self.name).lower()

    @property
    def file_name(self) -> str:
        return f"{self.module_name}-{self.version}-py3-none-any.whl"


def pinned_wheels(path: Path = PYODIDE_REQUIREMENTS) -> list[PinnedWheel]:
    """The pins, in file order; a malformed line fails the build."""
    pins = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        match = _REQUIREMENT.match(line)
        if match is None:
            raise RuntimeSetupError(f"{path.name}:{number}: expected `name==version --hash=sha256:<64 hex>`, got {line!r}")
        pins.append(PinnedWheel(match["name"], match["version"], match["sha256"]))
    return pins


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _is_pinned_download(path: Path, pin: PinnedWheel) -> bool:
    return path.exists() and _sha256(path) == pin.sha256


def compiled_dependency_wheels() -> list[tuple[PinnedWheel, Path]]:
    """Each pinned dependency wheel, checked against its hash and compiled for Pyodide, in pin order.

    Downloads (pip, hashes required) only what is not already here with the right hash, so a
    second build needs no network.
    """
    pins = pinned_wheels()
    downloads = DEPENDENCY_BUILD_DIR / "download"
    compiled_dir = DEPENDENCY_BUILD_DIR / "compiled"
    DEPENDENCY_BUILD_DIR.parent.mkdir(parents=True, exist_ok=True)
    with (DEPENDENCY_BUILD_DIR.parent / "pyodide-wheels.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not all(_is_pinned_download(downloads / pin.file_name, pin) for pin in pins):
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "download",
                    "--quiet",
                    "--disable-pip-version-check",
                    "--no-deps",
                    "--only-binary=:all:",
                    "--require-hashes",
                    "--dest",
                    str(downloads),
                    "--requirement",
                    str(PYODIDE_REQUIREMENTS),
                ],
                check=True,
            )
        result = []
        for pin in pins:
            source = downloads / pin.file_name
            if not _is_pinned_download(source, pin):
                raise RuntimeSetupError(f"{pin.file_name}: missing or not the pinned hash after download")
            compiled = compiled_dir / f"{pin.module_name}-{pin.version}-cp313-none-any.whl"
            if not compiled.exists() or compiled.stat().st_mtime < source.stat().st_mtime:
                compiled_dir.mkdir(parents=True, exist_ok=True)
                with tempfile.TemporaryDirectory(dir=DEPENDENCY_BUILD_DIR, prefix="compile-") as scratch_name:
                    scratch_copy = Path(shutil.copy2(source, Path(scratch_name) / source.name))
                    pyodide_cli = Path(sys.executable).with_name("pyodide")
                    subprocess.run([str(pyodide_cli), "py-compile", "--silent", str(scratch_copy)], check=True)
                    shutil.move(scratch_copy.with_name(compiled.name), compiled)
            result.append((pin, compiled))
        return result


def install_runtime(site_dir: Path) -> None:
    """Copy the Pyodide runtime, the compiled calculators wheel and its dependencies into a built site."""
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
    shipped = []
    for pin, compiled in compiled_dependency_wheels():
        shutil.copy2(compiled, wheel_target.with_name(f"{pin.module_name}.whl"))
        shipped.append(f"{pin.module_name}.whl")
    (site_dir / SITE_DEPENDENCIES_MANIFEST).write_text(json.dumps(shipped), encoding="utf-8")
