"""The site's Content-Security-Policy, declared once in ``DIRECTIVES``.

After every other step of the build has written its HTML, ``apply_to_site`` hashes each page's
inline scripts and styles, writes the policy into every page as a ``<meta http-equiv>`` tag and
writes the full header a host should send into ``site/_headers`` (the Netlify / Cloudflare Pages
format; ``docs_build.serve`` sends it too). ``python -m docs_build.csp header SITE_DIR`` prints it.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

__all__ = [
    "DIRECTIVES",
    "HEADERS_FILE",
    "apply_to_site",
    "header_policy",
    "inline_hashes",
    "meta_policy",
    "site_hashes",
    "with_policy_meta",
]

HEADER_NAME = "Content-Security-Policy"
HEADERS_FILE = "_headers"


@dataclass(frozen=True)
class Directive:
    """One directive: its name and sources.

    ``header_only`` directives have no effect in a ``<meta>`` policy (CSP 3 ignores
    frame-ancestors, report-uri and sandbox there), so only the host's header carries them.
    ``worker_sources`` are needed only by our Web Workers, whose policy is the one sent with the
    worker script's own response, never the page's ``<meta>``: the header carries them, pages do not.
    """

    name: str
    sources: tuple[str, ...]
    header_only: bool = False
    worker_sources: tuple[str, ...] = ()
    hashed: bool = False  # the build adds the sha256 of every inline <script> / <style> in the site


DIRECTIVES: tuple[Directive, ...] = (
    Directive("default-src", ("'none'",)),
    # Pyodide compiles its WebAssembly in the Python worker; no page compiles any.
    Directive("script-src", ("'self'",), worker_sources=("'wasm-unsafe-eval'",), hashed=True),
    # Mermaid writes each diagram's <style> element and style attributes while the page runs, so no
    # build-time hash can cover them (tests/browser/test_csp.py shows the refusals without it). Not
    # hashed: a hash in the list would make browsers ignore 'unsafe-inline'.
    Directive("style-src", ("'self'", "'unsafe-inline'")),
    # Material's stylesheet draws admonition and list icons as data: SVG masks.
    Directive("img-src", ("'self'", "data:")),
    Directive("font-src", ("'self'",)),
    Directive("connect-src", ("'self'",)),
    Directive("worker-src", ("'self'",)),
    Directive("manifest-src", ("'self'",)),
    Directive("base-uri", ("'none'",)),
    Directive("form-action", ("'self'",)),
    Directive("frame-ancestors", ("'none'",), header_only=True),
)

_HASHED_ELEMENT = {"script-src": "script", "style-src": "style"}
# A <script> whose type is one of these runs; any other type (application/json, ...) is data.
_SCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript"}
_INLINE_ELEMENT = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
_EXISTING_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*', re.IGNORECASE)
_CHARSET_META = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
_HEAD_START = re.compile(r"<head\b[^>]*>", re.IGNORECASE)


class _StartTag(HTMLParser):
    """The attributes of one start tag, as the browser reads them."""

    def __init__(self, tag_text: str) -> None:
        super().__init__()
        self.attributes: dict[str, str] = {}
        self.feed(tag_text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes = {name: value or "" for name, value in attrs}


def _sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_hashes(page_html: str) -> dict[str, set[str]]:
    """The CSP hash source of every inline script that runs and every inline style in a page,
    keyed by the directive that must list it. The hash is over the element's text exactly as
    written, which is what a browser hashes."""
    found: dict[str, set[str]] = {name: set() for name in _HASHED_ELEMENT}
    for match in _INLINE_ELEMENT.finditer(page_html):
        element, tag_attributes, body = match.group(1).lower(), match.group(2), match.group(3)
        attributes = _StartTag(f"<{element}{tag_attributes}>").attributes
        if element == "script" and ("src" in attributes or attributes.get("type", "").lower() not in _SCRIPT_TYPES):
            continue
        found["script-src" if element == "script" else "style-src"].add(_sha256_source(body))
    return found


def _html_pages(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


def site_hashes(site_dir: Path) -> dict[str, set[str]]:
    """The union of ``inline_hashes`` over every page of a built site."""
    union: dict[str, set[str]] = {name: set() for name in _HASHED_ELEMENT}
    for page in _html_pages(site_dir):
        for name, sources in inline_hashes(page.read_text(encoding="utf-8")).items():
            union[name] |= sources
    return union


def _render(directives: Iterable[tuple[str, Iterable[str]]]) -> str:
    return "; ".join(" ".join((name, *sources)) for name, sources in directives)


def _policy(hashes: dict[str, set[str]], *, for_header: bool) -> str:
    rendered: list[tuple[str, tuple[str, ...]]] = []
    for directive in DIRECTIVES:
        if directive.header_only and not for_header:
            continue
        sources = directive.sources + (directive.worker_sources if for_header else ())
        if directive.hashed:
            sources += tuple(sorted(hashes.get(directive.name, ())))
        rendered.append((directive.name, sources))
    return _render(rendered)


def meta_policy(hashes: dict[str, set[str]]) -> str:
    """The policy each page carries in its ``<meta>`` tag."""
    return _policy(hashes, for_header=False)


def header_policy(hashes: dict[str, set[str]]) -> str:
    """The policy a host sends with every response: the pages' policy plus what only a header can
    say (frame-ancestors) and what only the workers need."""
    return _policy(hashes, for_header=True)


def with_policy_meta(page_html: str, policy: str) -> str:
    """The page with exactly one CSP ``<meta>``, right after its charset declaration (before any
    script or style: a ``<meta>`` policy covers only what follows it)."""
    page_html = _EXISTING_META.sub("", page_html)
    tag = f'<meta http-equiv="{HEADER_NAME}" content="{html.escape(policy, quote=False)}">'
    anchor = _CHARSET_META.search(page_html) or _HEAD_START.search(page_html)
    if anchor is None:
        raise ValueError("no <head> to put the Content-Security-Policy into")
    first_inline = _INLINE_ELEMENT.search(page_html)
    if first_inline is not None and first_inline.start() < anchor.end():
        raise ValueError("an inline script or style comes before the charset declaration")
    return page_html[: anchor.end()] + tag + page_html[anchor.end() :]


def headers_file_text(policy: str) -> str:
    """``_headers`` for Netlify and Cloudflare Pages: the header on every path."""
    return f"/*\n  {HEADER_NAME}: {policy}\n"


# Set by on_startup: `mkdocs serve` injects a live-reload <script> into every page it serves, with
# a time stamp in it that changes per request, so no build-time hash could allow it.
_serving_with_live_reload = False


def on_startup(*, command: str, **_: object) -> None:
    """MkDocs event (docs_build/hooks.py re-exports it): note whether this is ``mkdocs serve``."""
    global _serving_with_live_reload
    _serving_with_live_reload = command == "serve"


def apply_to_site(site_dir: Path) -> str:
    """Write the policy into every page of a finished build and ``_headers`` beside them; return
    the header's policy. Run it last: a page changed afterwards may carry an unhashed script.
    Under ``mkdocs serve`` pages get no ``<meta>`` (it would refuse the live-reload script)."""
    pages = [] if _serving_with_live_reload else _html_pages(site_dir)
    hashes = site_hashes(site_dir)
    # One policy for every page, with the whole site's hashes: instant navigation swaps pages
    # under the first page's policy, so each page's policy must allow every other page's scripts.
    page_policy = meta_policy(hashes)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        page.write_text(with_policy_meta(text, page_policy), encoding="utf-8")
    policy = header_policy(hashes)
    (site_dir / HEADERS_FILE).write_text(headers_file_text(policy), encoding="utf-8")
    return policy


def main(arguments: list[str]) -> int:
    if len(arguments) != 2 or arguments[0] != "header":
        print("usage: python -m docs_build.csp header SITE_DIR", file=sys.stderr)
        return 2
    site_dir = Path(arguments[1])
    if not any(site_dir.glob("*.html")):
        print(f"{site_dir} holds no built pages: run `make build` first", file=sys.stderr)
        return 2
    print(f"{HEADER_NAME}: {header_policy(site_hashes(site_dir))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
