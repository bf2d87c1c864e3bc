"""MkDocs hooks: "Where this comes up" on concept pages; after every build, ship the Python
runtime and keep every byte on our origin."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

from docs_build.csp import apply_to_site as write_content_security_policy
from docs_build.csp import on_startup as on_startup  # an MkDocs event: notes `mkdocs serve`
from docs_build.flashcards import SITE_ANKI_PATH, write_anki_deck
from docs_build.lean import lean_page
from docs_build.offline import write_offline_support
from docs_build.pdf import PDF_NAME
from docs_build.problems import Problem, concept_pages, load_problems, render_concepts_behind, render_used_by
from docs_build.runtime import PROJECT_ROOT, RuntimeSetupError, install_runtime
from docs_build.search_exclude import fold_calculator_sources
from docs_build.snapshot import install_snapshot

MERMAID_FILE = PROJECT_ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
SITE_MERMAID_PATH = Path("assets") / "mermaid" / "mermaid.min.js"

# Material's bundle fetches these from a CDN on demand. Mermaid is served from our own site
# instead, resolved against the bundle's own address so it works under any base path; the
# ResizeObserver polyfill is only for browsers older than anything that can run Pyodide.
_BUNDLE_LOCAL_URL = (
    'new URL("../mermaid/mermaid.min.js",document.querySelector(\'script[src*="assets/javascripts/bundle."]\').src).href'
)
# Patterns match any absolute address, whatever the host: the point is that none survives.
_BUNDLE_REWRITES: dict[re.Pattern[str], str] = {
    re.compile(r'"https://[\w.-]+/mermaid@\d+/dist/mermaid\.min\.js"'): _BUNDLE_LOCAL_URL,
    re.compile(r'"https://[\w.-]+/resize-observer-polyfill"'): '"data:text/javascript,"',
}


def _localise_material_bundle(site_dir: Path) -> None:
    bundles = sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise RuntimeSetupError(f"expected one Material bundle, found {[b.name for b in bundles]}")
    text = bundles[0].read_text(encoding="utf-8")
    for remote, local in _BUNDLE_REWRITES.items():
        pieces = remote.split(text)  # the replacement is literal text: no regex escapes to worry about
        text, count = local.join(pieces), len(pieces) - 1
        if count != 1:
            raise RuntimeSetupError(f"Material bundle no longer matches {remote.pattern}; review docs_build/hooks.py")
    bundles[0].write_text(text, encoding="utf-8")
    if not MERMAID_FILE.exists():
        raise RuntimeSetupError("node_modules/mermaid is missing: run `npm ci` (or `make setup`)")
    target = site_dir / SITE_MERMAID_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(MERMAID_FILE, target)


# This build's concept pages and the problems that name each one, and each problem page's list
# of its concepts; set by on_files, every build.
_problems_by_concept: dict[str, list[Problem]] = {}
_concepts_behind: dict[str, str] = {}  # problem page path -> its rendered "concepts behind it" section


def on_files(files: Any, config: Any) -> Any:
    """Read every problem page's front matter before any page is rendered."""
    docs_dir = Path(config["docs_dir"])
    problems = load_problems(docs_dir, config["nav"])
    _problems_by_concept.clear()
    _problems_by_concept.update(concept_pages(docs_dir, problems))
    _concepts_behind.clear()
    _concepts_behind.update({problem.src_uri: render_concepts_behind(docs_dir, problem) for problem in problems})
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, **_: Any) -> str:
    """Append "Where this comes up" to concept pages (and any page a problem names), and "The
    concepts behind it" to problem pages, so neither side is ever edited by hand to link the other."""
    markdown = fold_calculator_sources(markdown, page, config)
    src_uri = page.file.src_uri
    if src_uri in _concepts_behind:
        return markdown + _concepts_behind[src_uri]
    if src_uri not in _problems_by_concept:
        return markdown
    return markdown + render_used_by(src_uri, _problems_by_concept[src_uri])


def on_post_page(output: str, **_: Any) -> str:
    """Keep print-only assets off every page's critical path (docs_build/lean.py)."""
    return lean_page(output)


def on_post_template(output_content: str, template_name: str, **_: Any) -> str:
    """The same for the theme's own pages (404.html)."""
    return lean_page(output_content) if template_name.endswith(".html") else output_content


def _copy_prebuilt_pdf(site_dir: Path) -> None:
    """Under ``make serve``, put the PDF ``make build`` wrote into the dev server's site, so the
    Start here link resolves there too (``HANDBOOK_PDF`` names it; unset for ``mkdocs build``)."""
    prebuilt = os.environ.get("HANDBOOK_PDF")
    if prebuilt and Path(prebuilt).is_file() and Path(prebuilt).resolve() != (site_dir / PDF_NAME).resolve():
        shutil.copy2(prebuilt, site_dir / PDF_NAME)


def on_post_build(config: Any, **_: Any) -> None:
    """Copy Pyodide and the compiled wheel into the site; write the flashcards' Anki deck; point
    Material's CDN loads at local files; write the offline service worker last, over the finished build."""
    site_dir = Path(config["site_dir"])
    install_runtime(site_dir)
    install_snapshot(site_dir)  # after the wheels: it is made from them
    write_anki_deck(site_dir / SITE_ANKI_PATH)
    _localise_material_bundle(site_dir)
    _copy_prebuilt_pdf(site_dir)
    write_content_security_policy(site_dir)  # it hashes the inline scripts of the finished pages
    write_offline_support(site_dir, config["site_name"], config["site_description"] or "")  # last: revisions of final files
