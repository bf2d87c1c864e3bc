"""Export the whole handbook to one PDF: Chromium prints mkdocs-print-site-plugin's combined page.

``python -m docs_build.pdf SITE_DIR`` serves a built site on 127.0.0.1, opens ``print_page/``
in headless Chromium (through Playwright), waits for every Mermaid diagram, and writes
``SITE_DIR/handbook.pdf``. Nothing outside the local build is fetched, and Pyodide never
starts: the calculator widgets print the results pre-rendered at build time.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import html
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, PdfMargins, Route, sync_playwright

from docs_build.chromium import CHROMIUM_ARGS, ChromiumNotFoundError, chromium_executable
from docs_build.serve import serve_site

__all__ = ["ExportError", "ExportResult", "export_pdf", "main"]

PDF_NAME = "handbook.pdf"
PRINT_PAGE_PATH = "print_page/"

# Local paths the export refuses to load: the Python runtime would only recompute the
# defaults the widgets already show, at the cost of seconds and megabytes.
RUNTIME_PATH_PREFIXES = (
    "/assets/javascripts/calculators-worker.js",
    "/assets/pyodide/",
    "/assets/python/",
)

# The same margins as the @page rule in docs/assets/stylesheets/print.css.
PAGE_MARGINS: PdfMargins = {"top": "18mm", "bottom": "16mm", "left": "14mm", "right": "14mm"}
_TEMPLATE_STYLE = "font-family: sans-serif; font-size: 8px; color: #555; width: 100%; margin: 0 14mm; display: flex;"

# Runs before the page's own scripts. Records the shadow roots Material attaches (closed) for
# Mermaid diagrams, so the export can check each one holds an SVG; the page's code sees no
# difference. Opens collapsible blocks (??? example, the problem pages' folded answers) before any
# diagram inside one is laid out.
_INIT_SCRIPT = """
(() => {
  document.addEventListener("DOMContentLoaded", () => {
    for (const details of document.querySelectorAll("details")) details.open = true;
    // Each problem's timer carries id="practice" (so #practice starts it on the site); twenty of
    // them on one combined page would shadow the Practice section's own anchor, so links to that
    // section would have no destination in the PDF.
    for (const timer of document.querySelectorAll("[data-practice-timer][id]")) timer.removeAttribute("id");
  });
  const roots = new WeakMap();
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  };
  Object.defineProperty(window, "__printShadowRoots", { value: roots });
})();
"""

# Counts rendered diagrams; Material swaps each <pre class="mermaid"> for a <div class="mermaid">
# whose shadow root holds Mermaid's SVG.
_DIAGRAM_STATE = """
() => {
  const hosts = [...document.querySelectorAll("div.mermaid")];
  const roots = window.__printShadowRoots;
  const svgs = hosts.map((host) => roots && roots.get(host)).filter((root) => root && root.querySelector("svg"));
  const failed = svgs.filter((root) => /syntax error/i.test(root.textContent || "")).length;
  return { rendered: svgs.length, failed, hosts: hosts.length };
}
"""

# Gives headings the outline level of the nav: a nav section is level 1, a page inside it
# level 2, that page's h2 level 3. A section's index page whose title repeats the section's
# (navigation.indexes) stands for the section itself, as on the site, so the plugin's
# generated section heading (and its entry in the printed contents) is dropped rather than
# printed twice.
_PREPARE_PRINT_PAGE = """
(title) => {
  document.title = title;
  const root = document.getElementById("print-site-page");
  if (!root) throw new Error("no #print-site-page: is mkdocs-print-site-plugin enabled?");
  const depthOf = (element) => {
    let depth = 0;
    for (let node = element.parentElement; node && node !== root; node = node.parentElement) {
      if (node.matches("section.md-section")) depth += 1;
    }
    return depth;
  };
  const text = (element) => (element ? element.textContent.replace(/\\s+/g, " ").replace(/¶/g, "").trim() : "");
  const merged = new Set();
  for (const section of root.querySelectorAll("section.md-section")) {
    const heading = section.querySelector(":scope > h1");
    const first = section.querySelector(":scope > section.print-page");
    const firstTitle = first && first.querySelector("h1");
    if (heading && firstTitle && text(heading) === text(firstTitle)) {
      heading.remove();
      first.classList.add("print-section-opener");
      merged.add(first);
      // Material makes the links absolute, so match on the fragment alone.
      for (const link of root.querySelectorAll("#print-page-toc a")) {
        if (link.hash === `#${first.id}`) link.closest("li").remove();
      }
    }
  }
  for (const heading of root.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
    if (heading.closest("#print-site-cover-page")) continue;
    const page = heading.closest("section.print-page");
    // A section's own heading (kept when its index page has another title) is at the section's depth,
    // not one below it, or it would nest under the previous section.
    const ownsSection = heading.parentElement.matches("section.md-section");
    const offset = (page && merged.has(page)) || ownsSection ? -1 : 0;
    const level = Number(heading.tagName.slice(1)) + depthOf(heading) + offset;
    heading.setAttribute("aria-level", String(Math.max(1, level)));
  }
  return {
    widgets: root.querySelectorAll("form[data-calculator]").length,
    toc: root.querySelectorAll("#print-page-toc a").length,
  };
}
"""


class ExportError(RuntimeError):
    """The PDF could not be made the way it must be: offline, complete and with every diagram."""


@dataclass(frozen=True)
class ExportResult:
    """What one export did: the file, its cost, and every request it refused."""

    pdf_path: Path
    seconds: float
    size_bytes: int
    widgets: int
    diagrams: int
    outside_requests: tuple[str, ...]  # any origin but the local server: must stay empty
    runtime_requests: tuple[str, ...]  # local Pyodide or worker loads, refused on purpose


def _count_diagrams(print_page_html: str) -> int:
    return len(re.findall(r'<pre class="mermaid"', print_page_html))


def _header_template(title: str) -> str:
    return f'<div style="{_TEMPLATE_STYLE} justify-content: flex-end;"><span>{html.escape(title)}</span></div>'


def _footer_template() -> str:
    return (
        f'<div style="{_TEMPLATE_STYLE} justify-content: flex-end;">'
        '<span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>'
    )


def _wait_for_diagrams(page: Page, expected: int, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    state: dict[str, int] = {}
    while time.monotonic() < deadline:
        state = page.evaluate(_DIAGRAM_STATE)
        if state["failed"]:
            raise ExportError(f"{state['failed']} Mermaid diagram(s) rendered a syntax error")
        if state["rendered"] >= expected:
            return
        page.wait_for_timeout(100)
    raise ExportError(
        f"only {state.get('rendered', 0)} of {expected} Mermaid diagrams rendered in {timeout_s:.0f} s"
        f" ({state.get('hosts', 0)} swapped in by Material): see the browser console on print_page/"
    )


def _wait_for_widgets_to_settle(page: Page, timeout_s: float) -> None:
    """With the worker refused, each widget leaves ``loading`` for ``error`` and keeps its values."""
    page.wait_for_function(
        "() => !document.querySelector('form[data-calculator][data-state=\"loading\"]')",
        timeout=timeout_s * 1000,
    )


def _export(site_dir: Path, output: Path, chromium: str, timeout_s: float) -> ExportResult:
    started = time.perf_counter()
    print_page = site_dir / PRINT_PAGE_PATH / "index.html"
    if not print_page.is_file():
        raise ExportError(f"{print_page} is missing: build the site with the print-site plugin enabled")
    expected_diagrams = _count_diagrams(print_page.read_text(encoding="utf-8"))
    outside: list[str] = []
    runtime: list[str] = []

    with serve_site(site_dir) as origin, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=list(CHROMIUM_ARGS))
        try:
            context = browser.new_context(color_scheme="light", reduced_motion="reduce", service_workers="block")

            def guard(route: Route) -> None:
                url = route.request.url
                parts = urlsplit(url)
                if f"{parts.scheme}://{parts.netloc}" != origin:
                    outside.append(url)
                    route.abort("blockedbyclient")
                elif parts.path.startswith(RUNTIME_PATH_PREFIXES):
                    runtime.append(url)
                    route.abort("blockedbyclient")
                else:
                    route.continue_()

            context.route("**/*", guard)
            context.add_init_script(_INIT_SCRIPT)
            page = context.new_page()
            page.on("websocket", lambda socket: outside.append(socket.url))  # not routable: record it
            page.set_default_timeout(timeout_s * 1000)
            page.emulate_media(media="print", color_scheme="light")
            page.goto(f"{origin}/{PRINT_PAGE_PATH}", wait_until="load")
            _wait_for_diagrams(page, expected_diagrams, timeout_s)
            _wait_for_widgets_to_settle(page, timeout_s)
            title = page.evaluate(
                "() => (document.querySelector('.print-cover__title') || {}).textContent || document.title"
            ).strip()
            prepared = page.evaluate(_PREPARE_PRINT_PAGE, title)
            if not prepared["toc"]:
                raise ExportError("the print page has no table of contents: did print-site.js run?")
            # Problem pages fold their answers; paper has no click to open them.
            closed = page.evaluate("() => document.querySelectorAll('details:not([open])').length")
            if closed:
                raise ExportError(f"{closed} folded blocks are still closed on the print page: their text would be lost")
            page.evaluate("() => document.fonts.ready.then(() => true)")
            output.parent.mkdir(parents=True, exist_ok=True)
            page.pdf(
                path=output,
                format="A4",
                print_background=True,
                margin=PAGE_MARGINS,
                display_header_footer=True,
                header_template=_header_template(title),
                footer_template=_footer_template(),
                outline=True,
                tagged=True,
            )
        finally:
            browser.close()

    return ExportResult(
        pdf_path=output,
        seconds=time.perf_counter() - started,
        size_bytes=output.stat().st_size,
        widgets=int(prepared["widgets"]),
        diagrams=expected_diagrams,
        outside_requests=tuple(outside),
        runtime_requests=tuple(runtime),
    )


def export_pdf(
    site_dir: Path,
    output: Path | None = None,
    *,
    chromium: str | None = None,
    timeout_s: float = 120.0,
    fail_on_outside_requests: bool = True,
) -> ExportResult:
    """Print ``site_dir``'s combined page to ``output`` (default ``site_dir/handbook.pdf``).

    Raises :class:`ExportError` when a diagram does not render or, unless told otherwise, when
    the page tried to reach anything but the local build (the file is then removed).
    Playwright's sync API refuses to start inside a running event loop (or another sync
    session, as in a test run), so the browser is driven from a thread of its own.
    """
    site_dir = Path(site_dir).resolve()
    target = Path(output) if output is not None else site_dir / PDF_NAME
    try:
        executable = chromium or chromium_executable()
    except ChromiumNotFoundError as error:
        raise ExportError(str(error)) from None
    with concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="pdf-export") as pool:
        try:
            result = pool.submit(_export, site_dir, target, executable, timeout_s).result()
        except PlaywrightError as error:
            raise ExportError(f"Chromium failed while printing: {error}") from error
    if fail_on_outside_requests and result.outside_requests:
        target.unlink(missing_ok=True)
        listed = "\n  ".join(result.outside_requests)
        raise ExportError(f"the print page tried to leave the local build; refused:\n  {listed}")
    return result


def _megabytes(size_bytes: int) -> str:
    return f"{size_bytes / 1_000_000:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m docs_build.pdf", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("site_dir", type=Path, help="a built site (mkdocs build) with the print-site plugin")
    parser.add_argument("-o", "--output", type=Path, default=None, help=f"where to write the PDF (default SITE_DIR/{PDF_NAME})")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for the page and its diagrams")
    args = parser.parse_args(argv)
    try:
        result = export_pdf(args.site_dir, args.output, timeout_s=args.timeout)
    except ExportError as error:
        print(f"PDF export failed: {error}", file=sys.stderr)
        return 1
    print(
        f"wrote {result.pdf_path} ({_megabytes(result.size_bytes)}) in {result.seconds:.1f} s: "
        f"{result.widgets} calculator widgets, {result.diagrams} diagrams; "
        f"refused {len(result.runtime_requests)} Pyodide request(s), no request left the local build"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
