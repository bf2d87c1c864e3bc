"""``make bench``: timings measured side by side in one run, printed as ratios. Never pass/fail.

- page load → first live result on a calculator page, against a bare Pyodide start in a worker;
- the memory snapshot: first live result from it and from a plain start, its size raw and gzipped;
- a first visit to a calculator page with the service worker on: bytes, and files downloaded twice;
- evaluate() p50 and p95 per call, natively and inside Pyodide (Node), per calculator and preset;
- bytes a page downloads with and without a calculator widget;
- Lighthouse's four scores for the home page and a calculator page.
"""

from __future__ import annotations

import gzip
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Request, sync_playwright

from calculators import REGISTRY, evaluate_json
from docs_build.chromium import CHROMIUM_ARGS, chromium_executable
from docs_build.runtime import PYODIDE_PACKAGE, build_compiled_wheel
from docs_build.serve import serve_site
from docs_build.snapshot import SITE_SNAPSHOT_MANIFEST
from tests.download_log import logging_site_server
from tests.helpers import calculator_page

ROOT = Path(__file__).resolve().parent.parent
RUNS = 3

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


def _bare_pyodide_ms(browser: Browser, url: str) -> float:
    """A bare Pyodide start in a worker, from a page without a widget: the yardstick for every ratio."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(f"{url}/reference/glossary/")
    elapsed_ms: float = page.evaluate(_BARE_PYODIDE_WORKER, f"{url}/assets/pyodide/")
    context.close()
    return elapsed_ms


def browser_timings(url: str) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {"bare_pyodide_ms": [], "runtime_start_ms": [], "first_live_ms": []}
    bytes_by_page: dict[str, int] = {}
    chromium = chromium_executable()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=list(CHROMIUM_ARGS))
        for _ in range(RUNS):
            timings["bare_pyodide_ms"].append(_bare_pyodide_ms(browser, url))

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
            runs["bare"].append(_bare_pyodide_ms(browser, url))
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


CALL_TIMER = ROOT / "tests" / "pyodide" / "time_calls.mjs"
FRAME_MS = 16.0  # one frame at 60 Hz: the budget for one evaluate() call (issue 12, item 5)


@dataclass(frozen=True)
class CallRow:
    label: str
    requests: tuple[str, ...]
    repeats: int
    warm: bool  # called once untimed first: a repeated call, caches warm


def _request(calc_id: str, inputs: dict[str, str]) -> str:
    return json.dumps({"id": calc_id, "inputs": inputs})


def _sharding_edits() -> tuple[str, ...]:
    """Distinct sharding inputs, each evaluated once: what a reader typing into the form sends,
    every field moved (sample size and ring size included), so no call finds its work cached."""
    edits = [
        {"sample_keys": keys, "virtual_nodes": virtual, "current_shards": old, "new_shards": new}
        for keys, virtual, old, new in (
            ("100", "100", "4", "5"),
            ("1000", "100", "4", "5"),
            ("2000", "10", "4", "8"),
            ("5000", "50", "10", "11"),
            ("9999", "200", "12", "9"),
            ("7777", "1000", "5", "4"),
            ("10000", "50", "99", "100"),
            ("3000", "1", "100", "1"),
            ("10000", "500", "7", "10"),
            ("8000", "25", "30", "31"),
        )
    ]
    return tuple(_request("sharding", edit) for edit in edits)


def call_rows(repeats: int = 100) -> tuple[CallRow, ...]:
    """Every calculator on its defaults, each preset, and the sharding form edited field by field."""
    rows = [CallRow(calc_id, (_request(calc_id, {}),), repeats, True) for calc_id in REGISTRY]
    for calc_id, calculator in REGISTRY.items():
        rows.extend(
            CallRow(f"{calc_id}:{preset.id}", (_request(calc_id, calculator.preset_inputs(preset.id)),), 10, True)
            for preset in calculator.presets
        )
    rows.append(CallRow("sharding, each edit new", _sharding_edits(), 1, False))
    return tuple(rows)


def _percentile(samples: list[float], share: float) -> float:
    """Nearest-rank percentile: the smallest sample with at least ``share`` of them at or below it."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def _time_natively(row: CallRow) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of each call, as time_calls.mjs measures them inside Pyodide."""
    if row.warm:
        for request in row.requests:
            evaluate_json(request)
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(row.repeats):
        for request in row.requests:
            cpu_start, start = time.process_time(), time.perf_counter()
            evaluate_json(request)
            wall.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - cpu_start) * 1000)
    return wall, cpu


def call_timings() -> dict[str, dict[str, list[float]]]:
    """One evaluate() call at a time, natively and inside Pyodide under Node (the same wasm and
    wheel the browser's worker runs, driven from Node's V8 rather than Chromium's): wall and CPU
    milliseconds per call."""
    rows = call_rows()
    with tempfile.TemporaryDirectory() as scratch:
        rows_file = Path(scratch) / "rows.json"
        rows_file.write_text(json.dumps([{**asdict(row), "requests": list(row.requests)} for row in rows]))
        node = shutil.which("node") or "node"
        completed = subprocess.run(
            [node, str(CALL_TIMER), str(PYODIDE_PACKAGE), str(build_compiled_wheel()), str(rows_file)],
            capture_output=True,
            text=True,
            check=True,
        )
    in_pyodide = {row["label"]: row for row in json.loads(completed.stdout)["rows"]}
    timings = {}
    for row in rows:
        native_wall, native_cpu = _time_natively(row)
        timings[row.label] = {
            "native": native_wall,
            "native_cpu": native_cpu,
            "pyodide": in_pyodide[row.label]["ms"],
            "pyodide_cpu": in_pyodide[row.label]["cpuMs"],
        }
    return timings


def print_call_timings() -> None:
    timings = call_timings()
    load = os.getloadavg()[0]
    print(
        f"evaluate() per call (ms), p50 / p95: natively and inside Pyodide under Node, wall and CPU time;"
        f" budget {FRAME_MS:.0f} ms (load average {load:.1f} on {os.cpu_count()} cores: wall times include waiting for a core)"
    )
    headings = ("native wall", "native CPU", "Pyodide wall", "Pyodide CPU")
    print(f"  {'calculator / preset':<34} {'calls':>5} " + " ".join(f"{heading:>13}" for heading in headings))
    for label, samples in timings.items():
        cells = [
            f"{_percentile(samples[key], 0.5):>6.2f}/{_percentile(samples[key], 0.95):<6.2f}"
            for key in ("native", "native_cpu", "pyodide", "pyodide_cpu")
        ]
        over = [
            name for name, key in (("wall", "pyodide"), ("CPU", "pyodide_cpu")) if _percentile(samples[key], 0.95) >= FRAME_MS
        ]
        flag = f"   Pyodide p95 over budget ({', '.join(over)})" if over else ""
        print(f"  {label:<34} {len(samples['pyodide']):>5} " + " ".join(cells) + flag)


LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE_PAGES = ("", calculator_page("traffic"))  # the home page and a calculator page


def lighthouse_report(url: str) -> dict[str, Any]:
    """Lighthouse's JSON report for one page: its default mobile emulation and simulated throttling,
    driving the Chromium the tests use (chrome-launcher reads CHROME_PATH)."""
    flags = " ".join(arg for arg in CHROMIUM_ARGS if arg != "--headless=new")
    completed = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
            f"--chrome-flags=--headless=new {flags}",
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "CHROME_PATH": chromium_executable()},
    )
    report: dict[str, Any] = json.loads(completed.stdout)
    return report


def _failing_audits(report: dict[str, Any], category: str) -> list[str]:
    """What ``category`` flags, in Lighthouse's own titles: scored audits below 1 and, for
    performance, the opportunities it says would save time (the metrics alone say little)."""
    audits = report["audits"]
    flagged = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        score = audit.get("score")
        opportunity = (audit.get("details") or {}).get("type") == "opportunity"
        if score is not None and score < 1 and (ref.get("weight", 0) > 0 or opportunity):
            saving = audit.get("displayValue", "")
            flagged.append(f"{audit['title']}{f' ({saving})' if saving else ''}")
    return flagged


def print_lighthouse(url: str) -> None:
    print("Lighthouse, mobile emulation, served uncompressed (score out of 100; below 100: what it flags)")
    for path in LIGHTHOUSE_PAGES:
        report = lighthouse_report(f"{url}/{path}")
        scores = {name: round(report["categories"][name]["score"] * 100) for name in LIGHTHOUSE_CATEGORIES}
        metrics = report["audits"]
        print(
            f"  /{path:<22} "
            + "  ".join(f"{name} {score}" for name, score in scores.items())
            + f"   (FCP {metrics['first-contentful-paint']['displayValue']},"
            + f" LCP {metrics['largest-contentful-paint']['displayValue']})"
        )
        for name, score in scores.items():
            if score < 100:
                print(f"      {name}: " + "; ".join(_failing_audits(report, name)))


RUNTIME_PATHS = ("/assets/pyodide/", "/assets/python/", "/assets/javascripts/calculators-worker.js")
PAGE_RESOURCE_TYPES = ("document", "stylesheet", "script", "image", "font")  # not the search index (xhr)


def print_page_bytes(url: str, site_dir: Path) -> None:
    """Bytes of what the home page and a calculator page request up to the load event (HTML, CSS,
    JS, images), counted from the files served, so the figure does not depend on timing; the Python
    runtime and the search index left out (bytes_with_widget above counts the runtime)."""
    print("Page bytes up to the load event, runtime and search index excluded, uncompressed (kB)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=list(CHROMIUM_ARGS))
        for path in LIGHTHOUSE_PAGES:
            context = browser.new_context(service_workers="block")
            page = context.new_page()
            requested: list[tuple[str, str]] = []

            def remember(request: Request, requested: list[tuple[str, str]] = requested) -> None:
                requested.append((request.url, request.resource_type))

            context.on("request", remember)
            page.goto(f"{url}/{path}", wait_until="load")
            context.close()
            by_type: dict[str, int] = {}
            for address, kind in dict.fromkeys(requested):
                local = urlsplit(address).path
                if kind not in PAGE_RESOURCE_TYPES or any(local.startswith(prefix) for prefix in RUNTIME_PATHS):
                    continue
                served = site_dir / local.lstrip("/")
                served = served / "index.html" if served.is_dir() else served
                by_type[kind] = by_type.get(kind, 0) + served.stat().st_size
            detail = ", ".join(f"{kind} {size / 1e3:,.1f}" for kind, size in sorted(by_type.items()))
            print(f"  /{path:<22} {sum(by_type.values()) / 1e3:8,.1f}   ({detail})")
        browser.close()


def main() -> int:
    site_dir = ROOT / "build" / "bench-site"
    with serve_site(site_dir) as url:
        _build_for(url)
        browser = browser_timings(url)
        snapshot_timings(url, site_dir)
        print_lighthouse(url)
        print_page_bytes(url, site_dir)
    first_visit = first_visit_downloads(site_dir)
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
    print_call_timings()
    return 0


if __name__ == "__main__":
    sys.exit(main())
