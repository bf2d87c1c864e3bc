"""axe-core over every built page, in the light and the dark palette: no critical or serious violation.

axe comes from the pinned npm package (a test dependency, never shipped in the site); it is added
to every document as an init script, which the site's Content-Security-Policy does not govern (an
injected <script> tag would be refused). The same walk is the every-page check of that policy: the
test server sends the header, and any ``securitypolicyviolation`` or console refusal on any page
fails the chunk (tests/browser/test_csp.py covers live Python, workers and what must be refused).
The pages are split into chunks so pytest-xdist can spread them over its workers; each chunk
reuses one browser page.

Left out: ``/print_page/``, the print plugin's copy of every page on one 4 MB page (each of its
parts is checked on its own page), which alone would take longer than the rest together.

To stay cheap, each page is loaded once: every rule runs in the light palette, then the page is
switched to the dark one (the attribute Material's toggle sets) and the rules that depend on
colour run again. The first page of each chunk is checked whole and the others only where pages
differ: the content column and its table of contents. The header, the search dialog, the site
navigation and the footer are the same markup and styles on every page. The live calculator and
focus-ring tests run under each palette's own media query, which also shows that the dark
preference selects the dark palette.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route

from docs_build.runtime import PROJECT_ROOT
from tests.browser.test_csp import REFUSAL, VIOLATION_LISTENER

pytestmark = pytest.mark.browser

AXE_SCRIPT = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = ("critical", "serious")
# Browser colour scheme to emulate -> the Material scheme its media query must select.
PALETTES = {"light": "default", "dark": "slate"}
CHUNKS = 4
SKIPPED_PAGES = ("print_page/",)  # see the module docstring
TARGETS_SHOWN = 3

# No page is checked half-mounted: every diagram drawn, and every widget on screen past its start
# (a widget out of sight, e.g. in a folded answer, stays "static" until it is scrolled to).
_SETTLED = """() => {
    const mermaidDrawn = [...document.querySelectorAll('.mermaid')].every(block => block.tagName === 'DIV');
    const onScreen = form => {
        const box = form.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && box.top < innerHeight && box.bottom > 0;
    };
    const widgetsSettled = [...document.querySelectorAll('form[data-calculator]')].every(form =>
        form.dataset.state !== 'loading' && !(form.dataset.state === 'static' && onScreen(form)));
    return mermaidDrawn && widgetsSettled;
}"""


def site_pages(site_dir: Path) -> list[str]:
    """Every HTML page of the built site as a path below its root ("", "calculators/traffic/", "404.html")."""
    pages = []
    for html in sorted(site_dir.rglob("*.html")):
        relative = html.relative_to(site_dir).as_posix()
        path = relative.removesuffix("index.html")
        if not path.startswith(SKIPPED_PAGES) and not path.startswith("assets/"):
            pages.append(path)
    return pages


def violations_by_rule(results: list[dict[str, Any]]) -> Counter[str]:
    """Elements flagged per rule, for the blocking impacts only."""
    return Counter({violation["id"]: len(violation["nodes"]) for violation in results if violation["impact"] in BLOCKING_IMPACTS})


def describe(path: str, results: list[dict[str, Any]]) -> list[str]:
    lines = []
    for violation in results:
        if violation["impact"] not in BLOCKING_IMPACTS:
            continue
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:TARGETS_SHOWN]]
        more = len(violation["nodes"]) - len(targets)
        lines.append(
            f"/{path}: {violation['id']} ({violation['impact']}, {len(violation['nodes'])} elements): "
            + "; ".join(targets)
            + (f"; and {more} more" if more > 0 else "")
        )
    return lines


def without_python(route: Route) -> None:
    # Starting Pyodide on each of a hundred pages would cost minutes; with its files refused every
    # widget settles in its error state, whose notice is checked too. A live widget is checked below.
    route.abort()


def open_settled(page: Page, url: str, scheme: str) -> None:
    page.goto(url)
    page.wait_for_function(_SETTLED, timeout=60_000)
    actual = page.evaluate("() => document.body.dataset.mdColorScheme")
    assert actual == scheme, f"{url}: the palette is {actual!r}, not {scheme!r}"


# What differs from page to page (see the module docstring).
PAGE_OWN_PARTS = [[".md-content"], [".md-sidebar--secondary"]]


def run_axe(page: Page, *, whole_page: bool = True, rules: list[str] | None = None) -> list[dict[str, Any]]:
    return page.evaluate(
        """([include, rules]) => axe.run(include ? { include } : document,
             { resultTypes: ['violations'], ...(rules ? { runOnly: rules } : {}) }).then(r => r.violations)""",
        [None if whole_page else PAGE_OWN_PARTS, rules],
    )


def palette_context(browser: Browser, palette: str) -> BrowserContext:
    return browser.new_context(
        color_scheme="dark" if palette == "dark" else "light",
        viewport={"width": 1366, "height": 900},
        service_workers="block",
    )


_refusals: dict[int, list[str]] = {}  # id(page) -> what the policy refused on it


def watched_page(context: BrowserContext) -> Page:
    """A page with axe in every document and every CSP violation or refusal recorded."""
    context.add_init_script(path=str(AXE_SCRIPT))
    refusals: list[str] = []
    context.expose_function("reportCspViolation", lambda violation: refusals.append(repr(violation)))
    context.add_init_script(VIOLATION_LISTENER)
    page = context.new_page()
    _refusals[id(page)] = refusals
    page.on("console", lambda message: refusals.append(message.text) if REFUSAL.search(message.text) else None)
    page.set_default_timeout(60_000)
    return page


def page_refusals(page: Page) -> list[str]:
    return _refusals.get(id(page), [])


@pytest.fixture
def palette_page(browser: Browser, palette: str) -> Iterator[Page]:
    context = palette_context(browser, palette)
    page = watched_page(context)
    yield page
    context.close()
    assert page_refusals(page) == [], f"Content-Security-Policy refusals: {page_refusals(page)[:5]}"


def test_every_page_is_checked(built_site: Path) -> None:
    """The walk finds every page the sitemap lists (so a chunk can never come up empty by mistake)."""
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    pages = site_pages(built_site)
    assert sitemap.count("<loc>") == len([page for page in pages if page != "404.html"])
    assert "calculators/traffic/" in pages and "404.html" in pages


# Rules whose outcome depends on the palette's colours; every other rule checks markup (names, roles,
# labels, structure), which is the same in both palettes.
PALETTE_RULES = ["color-contrast", "link-in-text-block"]
# Material's colours change with a transition: finish every one before axe reads a colour.
_SWITCH_SCHEME = """scheme => {
    document.body.setAttribute('data-md-color-scheme', scheme);
    for (const animation of document.getAnimations()) animation.finish();
    return getComputedStyle(document.body).color;
}"""


@pytest.mark.parametrize("chunk", range(CHUNKS), ids=[f"{chunk + 1}of{CHUNKS}" for chunk in range(CHUNKS)])
def test_no_serious_axe_violations(browser: Browser, built_site: Path, site_url: str, chunk: int) -> None:
    """Each page once: every rule in the light palette, then the palette's own rules in the dark one
    (the attribute Material's toggle sets; the dark media query selecting it is checked below)."""
    context = palette_context(browser, "light")
    page = watched_page(context)
    page.route("**/assets/pyodide/**", without_python)
    page.route("**/assets/python/**", without_python)
    pages = site_pages(built_site)[chunk::CHUNKS]
    assert pages
    problems: list[str] = []
    try:
        for number, path in enumerate(pages):
            open_settled(page, f"{site_url}/{path}", PALETTES["light"])
            problems += describe(f"{path} (light)", run_axe(page, whole_page=number == 0))
            light_text = page.evaluate("() => getComputedStyle(document.body).color")
            assert page.evaluate(_SWITCH_SCHEME, PALETTES["dark"]) != light_text, f"{path}: the dark palette did not apply"
            problems += describe(f"{path} (dark)", run_axe(page, whole_page=number == 0, rules=PALETTE_RULES))
    finally:
        context.close()
    assert not problems, f"{len(problems)} critical or serious axe violations:\n" + "\n".join(problems)
    assert page_refusals(page) == [], f"Content-Security-Policy refusals: {page_refusals(page)[:5]}"


@pytest.mark.parametrize("palette", list(PALETTES))
def test_a_live_calculator_has_no_serious_axe_violations(palette_page: Page, site_url: str, palette: str) -> None:
    """The traffic widget once Python is live (ready state, outputs recomputed), in each palette."""
    page = palette_page
    page.goto(f"{site_url}/calculators/traffic/")
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == PALETTES[palette]
    page.wait_for_selector('form[data-calculator="traffic"][data-state="ready"]', state="attached")
    page.locator('form[data-calculator="traffic"] input[name]').first.focus()  # the focus ring is drawn too
    problems = describe("calculators/traffic/", run_axe(page))
    assert not problems, "\n".join(problems)


# --- Focus rings: at least 3:1 against what they sit on (axe does not measure non-text contrast) ---

FOCUS_RING_MIN_RATIO = 3.0
FOCUS_RING_MIN_WIDTH_PX = 2.0
FOCUS_PAGES = ("calculators/traffic/", "practice/study-plan/", "problems/url-shortener/")
MAX_TAB_STOPS = 200

_FOCUSED_RING = """() => {
    const element = document.activeElement;
    if (!element || !element.closest('.md-content')) return null;
    const style = getComputedStyle(element);
    // The backgrounds under the ring, innermost first, down to the first opaque one.
    const layers = [];
    for (let node = element.parentElement; node; node = node.parentElement) {
        const colour = getComputedStyle(node).backgroundColor;
        layers.push(colour);
        if (!colour.startsWith('rgba') || parseFloat(colour.split(',').pop()) === 1) break;
    }
    const label = element.tagName.toLowerCase() + (element.name ? `[name=${element.name}]` : '')
        + (element.className && typeof element.className === 'string' ? '.' + element.className.trim().split(/\\s+/)[0] : '')
        + ' "' + (element.textContent || element.value || '').trim().slice(0, 30) + '"';
    return {label, style: style.outlineStyle, width: parseFloat(style.outlineWidth), colour: style.outlineColor,
            layers, page: getComputedStyle(document.body).backgroundColor};
}"""

Rgba = tuple[float, float, float, float]


def parse_colour(css: str) -> Rgba:
    """A computed ``rgb()``/``rgba()`` colour as (red, green, blue 0–255, alpha 0–1)."""
    inside = css[css.index("(") + 1 : css.rindex(")")].replace("/", " ").replace(",", " ").split()
    if not css.startswith("rgb") or len(inside) not in (3, 4):
        raise ValueError(f"not a computed rgb() colour: {css!r}")
    red, green, blue = (float(part) for part in inside[:3])
    return red, green, blue, float(inside[3]) if len(inside) == 4 else 1.0


def over(top: Rgba, bottom: Rgba) -> Rgba:
    """``top`` painted over an opaque ``bottom``, rounded to 8 bits a channel as the screen shows it."""
    alpha = top[3]
    red, green, blue = (round(top[i] * alpha + bottom[i] * (1 - alpha)) for i in range(3))
    return red, green, blue, 1.0


def relative_luminance(colour: Rgba) -> float:
    """WCAG 2 relative luminance of an opaque sRGB colour."""

    def linear(channel: float) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour[0]) + 0.7152 * linear(colour[1]) + 0.0722 * linear(colour[2])


def contrast_ratio(first: Rgba, second: Rgba) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def flatten(layers: list[str]) -> Rgba:
    """Background layers, innermost first, composited down to one opaque colour (white canvas below)."""
    colour: Rgba = (255.0, 255.0, 255.0, 1.0)
    for layer in reversed(layers):
        colour = over(parse_colour(layer), colour)
    return colour


@pytest.mark.parametrize(
    ("css", "expected"),
    [
        ("rgb(0, 0, 0)", (0.0, 0.0, 0.0, 1.0)),
        ("rgba(0, 121, 107, 0.1)", (0.0, 121.0, 107.0, 0.1)),
        ("rgb(30 33 41 / 0.5)", (30.0, 33.0, 41.0, 0.5)),
    ],
)
def test_parse_colour(css: str, expected: Rgba) -> None:
    assert parse_colour(css) == expected


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ((0, 0, 0, 1), (255, 255, 255, 1), 21.0),  # the WCAG maximum
        ((118, 118, 118, 1), (255, 255, 255, 1), 4.54),  # #767676 on white: the lightest grey that passes AA
        ((113, 113, 113, 1), (245, 245, 245, 1), 4.48),  # issue 13's muted text on the widget (axe: 4.47)
        ((255, 255, 255, 1), (255, 255, 255, 1), 1.0),
    ],
    ids=["black-white", "767676-white", "717171-f5f5f5", "same"],
)
def test_contrast_ratio_known_values(first: Rgba, second: Rgba, expected: float) -> None:
    assert contrast_ratio(first, second) == pytest.approx(expected, abs=0.005)


def test_flatten_composites_translucent_layers() -> None:
    # 54% black on white is #757575; on #f5f5f5 it is #717171, the colour axe reported.
    assert flatten(["rgba(0, 0, 0, 0.54)", "rgb(245, 245, 245)"]) == (113, 113, 113, 1.0)


def ring_problems(ring: dict[str, Any]) -> list[str]:
    label = ring["label"]
    if ring["style"] in ("none", "hidden") or ring["width"] < FOCUS_RING_MIN_WIDTH_PX:
        return [f"{label}: no visible ring (outline {ring['style']} {ring['width']}px)"]
    problems = []
    under = flatten(ring["layers"])
    for name, background in (("the background under it", under), ("the page background", flatten([ring["page"]]))):
        ratio = contrast_ratio(over(parse_colour(ring["colour"]), background), background)
        if ratio < FOCUS_RING_MIN_RATIO:
            problems.append(f"{label}: ring {ring['colour']} is {ratio:.2f}:1 against {name}")
    return problems


@pytest.mark.parametrize("palette", list(PALETTES))
def test_focus_rings_contrast_with_their_backgrounds(palette_page: Page, site_url: str, palette: str) -> None:
    """Tab through every control and link in the content of a widget page, the study plan and a
    problem page: each focused element draws a ring of 2 px or more at 3:1 or better."""
    page = palette_page
    page.route("**/assets/pyodide/**", without_python)
    problems: list[str] = []
    visited = 0
    for path in FOCUS_PAGES:
        open_settled(page, f"{site_url}/{path}", PALETTES[palette])
        page.locator(".md-content h1").first.click()  # start the Tab order at the content, by mouse
        for _ in range(MAX_TAB_STOPS):
            page.keyboard.press("Tab")
            ring = page.evaluate(_FOCUSED_RING)
            if ring is None:
                break
            visited += 1
            problems += [f"/{path}: {problem}" for problem in ring_problems(ring)]
    assert visited > 30, f"only {visited} elements took focus: the walk did not reach the content"
    assert not problems, f"{len(problems)} focus rings too faint:\n" + "\n".join(dict.fromkeys(problems))
