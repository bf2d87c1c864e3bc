"""``make bench``: timings measured side by side in one run, printed as ratios. Never pass/fail.

- page load → first live result on a calculator page, against a bare Pyodide start in a worker;
- one evaluate() call natively and inside Pyodide (Node), per calculator;
- bytes a page downloads with and without a calculator widget;
- the memory snapshot: first live result from it and from a plain start, its size raw and gzipped.
- a first visit to a calculator page with the service worker on: bytes, and files downloaded twice.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, sync_playwright

from calculators import REGISTRY, evaluate_json
from docs_build.chromium import CHROMIUM_ARGS, chromium_executable
from docs_build.runtime import PYODIDE_PACKAGE, build_compiled_wheel
from docs_build.serve import serve_site
from docs_build.snapshot import SITE_SNAPSHOT_MANIFEST
from tests.download_log import logging_site_server
from tests.helpers import calculator_page

ROOT = Path(__file__).resolve().parent.parent
RUNS = 3
PARITY_RUNNER = ROOT / "tests" / "pyodide" / "run_vectors.mjs"  # one Node loader for parity and timing

_BARE_PYODIDE_WORKER = """
async (base) => {
  const source = `importScripts(${JSON.stringify(base)} + "pyodide.js");
    loadPyodide({ indexURL: ${JSON.stringify(base)} }).then(() => postMessage("ready"));`;
  const worker = new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
  const start = performance.now();
  await new Promise((resolve) => (worker.onmessage = resolve));
  worker.terminate();
  return performance.now() - start;
}
"""


def _build_for(url: str) -> None:
    site = ROOT / "build" / "bench-site"
    shutil.rmtree(site, ignore_errors=True)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        check=True,
        env={**os.environ, "SITE_URL": url + "/", "NO_MKDOCS_2_WARNING": "1"},
    )


def browser_timings(url: str) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {"bare_pyodide_ms": [], "runtime_start_ms": [], "first_live_ms": []}
    bytes_by_page: dict[str, int] = {}
    chromium = chromium_executable()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=list(CHROMIUM_ARGS))
        for _ in range(RUNS):
            context = browser.new_context(service_workers="block")
            page = context.new_page()
            page.goto(f"{url}/reference/glossary/")
            timings["bare_pyodide_ms"].append(page.evaluate(_BARE_PYODIDE_WORKER, f"{url}/assets/pyodide/"))
            context.close()

            context = browser.new_context(service_workers="block")
            page = context.new_page()
            page.goto(f"{url}/{calculator_page('traffic')}")
            page.wait_for_function(
                "() => window.calculatorsTiming && window.calculatorsTiming.firstLiveMs !== undefined", timeout=120_000
            )
            measured = page.evaluate("window.calculatorsTiming")
            timings["runtime_start_ms"].append(measured["runtimeStartupMs"])
            timings["first_live_ms"].append(measured["firstLiveMs"])
            context.close()
        for label, path in (("without a widget", "reference/glossary/"), ("with a widget", calculator_page("traffic"))):
            context = browser.new_context(service_workers="block")
            page = context.new_page()
            sizes: list[int] = []
            # On the context, so the Web Worker's downloads (Pyodide, the wheel) count too.
            context.on("requestfinished", lambda request, sizes=sizes: sizes.append(request.sizes()["responseBodySize"]))
            page.goto(f"{url}/{path}")
            if "widget" in label and "without" not in label:
                page.wait_for_selector('form[data-state="ready"]', timeout=120_000)
            page.wait_for_load_state("networkidle")
            bytes_by_page[label] = sum(sizes)
            context.close()
        browser.close()
    timings["bytes_without_widget"] = [float(bytes_by_page["without a widget"])]
    timings["bytes_with_widget"] = [float(bytes_by_page["with a widget"])]
    return timings


def _first_live(browser: Browser, page_url: str, without_snapshot: bool = False) -> dict[str, Any]:
    """Load a calculator page in a fresh context; window.calculatorsTiming once its first result is live."""
    context = browser.new_context(service_workers="block")
    if without_snapshot:
        context.route("**/*.snapshot", lambda route: route.fulfill(status=404, body="left out for the bench"))
    page = context.new_page()
    page.goto(page_url)
    page.wait_for_function(
        "() => window.calculatorsTiming && window.calculatorsTiming.firstLiveMs !== undefined", timeout=300_000
    )
    measured: dict[str, Any] = page.evaluate("window.calculatorsTiming")
    context.close()
    return measured


def snapshot_timings(url: str, site_dir: Path) -> None:
    """Page load → first live result from the build's memory snapshot and from a plain start, against a
    bare Pyodide start in a worker: the same files, side by side in one run (target: at most 0.2×)."""
    manifest = json.loads((site_dir / SITE_SNAPSHOT_MANIFEST).read_text(encoding="utf-8"))
    snapshot_bytes = (site_dir / SITE_SNAPSHOT_MANIFEST).with_name(manifest["file"]).read_bytes()
    runs: dict[str, list[float]] = {key: [] for key in ("bare", "snapshot_live", "snapshot_start", "plain_live", "plain_start")}
    page_url = f"{url}/{calculator_page('traffic')}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=list(CHROMIUM_ARGS))
        for _ in range(RUNS):
            context = browser.new_context(service_workers="block")
            page = context.new_page()
            page.goto(f"{url}/reference/glossary/")
            runs["bare"].append(page.evaluate(_BARE_PYODIDE_WORKER, f"{url}/assets/pyodide/"))
            context.close()
            for label, without_snapshot in (("snapshot", False), ("plain", True)):
                measured = _first_live(browser, page_url, without_snapshot)
                assert measured["startedFrom"] == label, measured  # the bench measures what it says
                runs[f"{label}_live"].append(measured["firstLiveMs"])
                runs[f"{label}_start"].append(measured["runtimeStartupMs"])
        browser.close()
    median = {key: statistics.median(values) for key, values in runs.items()}
    print(f"Memory snapshot, median of {RUNS} fresh loads of {calculator_page('traffic')} (ms):")
    print(f"  bare Pyodide start in a worker                 {median['bare']:8.0f}")
    for label in ("snapshot", "plain"):
        print(
            f"  page load → first live result, {label + ' start':<15} {median[label + '_live']:8.0f}"
            f"   ratio to bare start: {median[label + '_live'] / median['bare']:.2f}"
            f"   (worker start {median[label + '_start']:.0f})"
        )
    print(
        f"  snapshot {manifest['file']}: {len(snapshot_bytes) / 1e6:.1f} MB raw, "
        f"{len(gzip.compress(snapshot_bytes, compresslevel=6)) / 1e6:.1f} MB gzip -6"
    )

@dataclass(frozen=True)
class FirstVisit:
    bytes_downloaded: int
    files_downloaded: int
    revalidated: int  # conditional requests answered 304: no body sent
    downloaded_twice: dict[str, int]
    precache_entries: int
    precache_bytes: int


def first_visit_downloads(site: Path) -> FirstVisit:
    """A first visit to a calculator page with the service worker allowed, counted by the host:
    the page, Python started through the worker, and the worker's precache of the whole site."""
    chromium = chromium_executable()
    with logging_site_server(site) as (origin, log), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=list(CHROMIUM_ARGS))
        context = browser.new_context(service_workers="allow")
        page = context.new_page()
        page.goto(f"{origin}/{calculator_page('traffic')}")
        page.wait_for_selector('form[data-state="ready"]', timeout=120_000)
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=120_000)
        page.wait_for_load_state("networkidle")
        browser.close()
        precached = re.findall(r'\{url:"([^"]+)",revision:', (site / "sw.js").read_text(encoding="utf-8"))
        return FirstVisit(
            bytes_downloaded=log.bytes_downloaded(),
            files_downloaded=len(log.downloaded),
            revalidated=len(log.revalidated),
            downloaded_twice=log.downloaded_more_than_once(),
            precache_entries=len(precached),
            precache_bytes=sum((site / url).stat().st_size for url in precached),
        )


def call_timings(repeats: int = 200) -> tuple[dict[str, float], dict[str, float]]:
    requests = {calc_id: json.dumps({"id": calc_id, "inputs": {}}) for calc_id in REGISTRY}
    native: dict[str, float] = {}
    for calc_id, request in requests.items():
        evaluate_json(request)
        start = time.perf_counter()
        for _ in range(repeats):
            evaluate_json(request)
        native[calc_id] = (time.perf_counter() - start) / repeats * 1000
    with tempfile.TemporaryDirectory() as scratch:
        requests_file = Path(scratch) / "requests.json"
        requests_file.write_text(json.dumps(list(requests.values())))
        node = shutil.which("node") or "node"
        completed = subprocess.run(
            [node, str(PARITY_RUNNER), str(PYODIDE_PACKAGE), str(build_compiled_wheel()), str(requests_file), str(repeats)],
            capture_output=True,
            text=True,
            check=True,
        )
    in_pyodide = dict(zip(requests, json.loads(completed.stdout)["perCallMs"], strict=True))
    return native, in_pyodide


def main() -> int:
    with serve_site(ROOT / "build" / "bench-site") as url:
        _build_for(url)
        browser = browser_timings(url)
        snapshot_timings(url, ROOT / "build" / "bench-site")

    first_visit = first_visit_downloads(ROOT / "build" / "bench-site")
    native, in_pyodide = call_timings()
    median = {key: statistics.median(values) for key, values in browser.items()}
    print(f"Browser, median of {RUNS} fresh loads (ms):")
    print(f"  bare Pyodide start in a worker        {median['bare_pyodide_ms']:8.0f}")
    print(
        f"  our runtime start (Pyodide + wheel)   {median['runtime_start_ms']:8.0f}"
        f"   ratio to bare start: {median['runtime_start_ms'] / median['bare_pyodide_ms']:.2f}"
    )
    print(
        f"  page load → first live result         {median['first_live_ms']:8.0f}"
        f"   ratio to bare start: {median['first_live_ms'] / median['bare_pyodide_ms']:.2f}"
    )
    print(
        f"Bytes downloaded: page without a widget {median['bytes_without_widget'] / 1e3:,.0f} kB, "
        f"with a live widget {median['bytes_with_widget'] / 1e6:,.1f} MB "
        f"(ratio {median['bytes_with_widget'] / max(median['bytes_without_widget'], 1):.0f})"
    )
    print(
        f"First visit to a calculator page, service worker on: {first_visit.bytes_downloaded / 1e6:.1f} MB in "
        f"{first_visit.files_downloaded} files ({first_visit.revalidated} more revalidated, no body); "
        f"precache {first_visit.precache_entries} files, {first_visit.precache_bytes / 1e6:.1f} MB; "
        f"downloaded more than once: {len(first_visit.downloaded_twice)} {first_visit.downloaded_twice or ''}"
    )
    print("One evaluate() call (ms): native vs Pyodide in Node, and the ratio")
    for calc_id in REGISTRY:
        print(f"  {calc_id:<16} {native[calc_id]:8.3f} {in_pyodide[calc_id]:8.3f}   ×{in_pyodide[calc_id] / native[calc_id]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
