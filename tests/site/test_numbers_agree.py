"""Every page tells one story: industry figures come from the reference module, scenarios from the presets.

Two halves. The source scan reads every page outside ``docs/problems/`` (the problem pages have
their own contract and checks) and fails on a per-node or latency figure typed by hand instead of
quoted with the ``ref`` macros; what is left is an assumption of a worked example, listed below with
its reason. The built-site checks read the rendered numbers, latency and estimation pages and compare
what they show with ``calculators.reference`` and with ``evaluate("worksheet", preset)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from calculators import REGISTRY, evaluate
from calculators.reference import GROUPS, figure

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
# The problem pages are written to their own contract (and checked by its tests) by another writer.
SCANNED_PAGES = sorted(p for p in DOCS.rglob("*.md") if "problems" not in p.relative_to(DOCS).parts)

_NUMBER = r"(?<![\w.,])\d[\d,]*(?:\.\d+)?\s*(?:k|K|M|thousand|million)?"
# A figure with a unit that the reference module owns when it describes a component.
_RATE = re.compile(
    _NUMBER + r"\s*(?:writes|reads|ops|operations|queries|transactions|requests|req|docs|documents)"
    r"(?:/s|\s+(?:a|per|each)\s+second)"
)
_DURATION = re.compile(_NUMBER + r"\s*(?:ns|µs|μs|ms)\b")
_BANDWIDTH = re.compile(_NUMBER + r"\s*(?:kB|MB|GB|TB)/s|" + _NUMBER + r"\s*(?:Mbit|Gbit|Tbit)/s")
_CONNECTIONS = re.compile(_NUMBER + r"\s*(?:connections|WebSockets?)\b")
_PER_SECOND = re.compile(_NUMBER + r"\s+(?:a|per) second")
# A unit price typed in dollars ("$0.09/GB", "$0.023 per GB-month"): list prices live in the reference module.
_PRICE = re.compile(r"\$\d[\d,]*(?:\.\d+)?\s*(?:/|per|a|an)\s*(?:GB|GiB|TB|vCPU)")
# Figures said in words: "tens of thousands of transactions per second".
_WORDED = re.compile(r"(?:tens|hundreds) of thousands of (?:\w+ ){0,2}(?:writes|reads|transactions|operations)")
# Words that make a figure a claim about a component rather than a target or a workload.
_COMPONENT = re.compile(
    r"primary|database|\bdb\b|shard|replica|redis|memcached|kafka|partition|broker|cassandra|dynamodb"
    r"|elasticsearch|server|node|instance|round trip|\brtt\b|ssd|nvme|disk|seek|memory|\bl[12]\b|mutex"
    r"|zone|region|data centre|atlantic|fibre|nic|link|cdn|edge|compress",
    re.IGNORECASE,
)

# Figures that stay typed, each an assumption of a worked example (a workload, a target, a timeout),
# not a claim about what a component does. Keyed by page and the exact text matched.
_EXAMPLE = "an assumption of a worked example (its workload or query time); the results are computed by estimate()"
_TARGET = "a latency target or budget the candidate chooses, not a property of a component"
_HISTORY = "Colin Scott's extrapolated figure, quoted in order to reject it; the table prints it from LATENCY_HISTORY"
_PAPER = "a measured result quoted from Dean and Barroso, 'The Tail at Scale' (CACM, 2013)"
ALLOWED: dict[tuple[str, str], str] = {
    ("docs/calculators/concurrency.md", "5,000 queries a second"): "pool size ÷ hold time worked in the sentence",
    ("docs/calculators/concurrency.md", "10 ms"): _EXAMPLE,
    ("docs/calculators/concurrency.md", "50 connections"): _EXAMPLE,
    ("docs/patterns/connection-pooling.md", "25 ms"): _EXAMPLE,
    ("docs/patterns/connection-pooling.md", "200 ms"): "a checkout timeout the design chooses",
    ("docs/patterns/index.md", "30,000 queries a second"): _EXAMPLE,
    ("docs/patterns/index.md", "5 ms"): _EXAMPLE,
    ("docs/reference/latency.md", "825 µs"): _HISTORY,
    ("docs/reference/latency.md", "3 µs"): _HISTORY,
    ("docs/reference/latency.md", "300 GB/s"): "1 MB ÷ 3 µs, the bandwidth Scott's figure would need",
    ("docs/reference/latency.md", "200 ms"): _TARGET,
    ("docs/reference/numbers.md", "200 ms"): _TARGET,
    ("docs/reference/numbers.md", "50 ms"): _TARGET,
    ("docs/reference/numbers.md", "300 ms"): _TARGET,
    ("docs/reference/queueing.md", "4 ms"): _EXAMPLE,
    ("docs/reference/queueing.md", "1,000 requests a second"): "a round capacity chosen to make ρ = 700 ÷ 1,000 easy to read",
    ("docs/reference/queueing.md", "10 ms"): _PAPER,
    ("docs/reference/queueing.md", "1,800 ms"): _PAPER,
    ("docs/reference/queueing.md", "74 ms"): _PAPER,
}


def _prose(text: str) -> str:
    """The page without front matter, fenced code, inline code, HTML comments and macro calls."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)
    text = re.sub(r"^(```|~~~).*?^\1", "", text, flags=re.DOTALL | re.MULTILINE)
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", "", text, flags=re.DOTALL)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    return re.sub(r"`[^`\n]*`", "", text)


def _sentences(text: str) -> Iterator[str]:
    """Sentences and table rows: the context that decides whether a figure describes a component."""
    for line_block in re.split(r"\n\s*\n|\n(?=\|)|\n(?=\s*[-*] )|\n(?=\s*\d+\. )", text):
        yield from re.split(r"(?<=[.!?])\s+(?=[A-Z\"“(>])|\s\|\s", " ".join(line_block.split()))


def hand_typed_figures(path: Path) -> list[str]:
    """Component figures typed on a page, as "matched text — in: sentence"."""
    found = []
    for sentence in _sentences(_prose(path.read_text(encoding="utf-8"))):
        found += [(match.group(0).strip(), sentence) for match in _PRICE.finditer(sentence)]  # a price is one anywhere
        if not _COMPONENT.search(sentence):
            continue
        for pattern in (_RATE, _DURATION, _BANDWIDTH, _CONNECTIONS, _PER_SECOND, _WORDED):
            found += [(match.group(0).strip(), sentence) for match in pattern.finditer(sentence)]
    found = list(dict.fromkeys(found))  # "7,000 writes a second" matches two patterns
    page = str(path.relative_to(ROOT))
    return [f"{matched!r} — in: {sentence[:160]}" for matched, sentence in found if (page, matched) not in ALLOWED]


@pytest.mark.parametrize("page", SCANNED_PAGES, ids=[str(p.relative_to(DOCS)) for p in SCANNED_PAGES])
def test_no_page_types_a_reference_figure_by_hand(page: Path) -> None:
    typed = hand_typed_figures(page)
    assert not typed, (
        f"{page.relative_to(ROOT)} types figures the reference module owns; quote them with "
        "{{ ref(...) }} / {{ ref_number(...) }} or compute them with estimate(), or allow-list an "
        "assumption with its reason:\n" + "\n".join(typed)
    )


def test_allow_list_entries_still_match_something() -> None:
    """A stale exception hides nothing but misleads the next reader."""
    for page, matched in ALLOWED:
        prose = " ".join(_prose((ROOT / page).read_text(encoding="utf-8")).split())
        assert matched in prose, f"{page}: {matched!r} no longer appears"


def test_scanner_finds_a_typed_figure_and_ignores_a_macro(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "A primary takes 7,000 writes a second. A primary takes {{ ref('relational_primary_writes_per_s') }}.\n\n"
        "The p99 target is 200 ms.\n\n```\nredis 0.5 ms\n```\n",
        encoding="utf-8",
    )
    found = [line for line in _sentences(_prose(page.read_text())) if _COMPONENT.search(line)]
    matches = [m.group(0) for line in found for m in _RATE.finditer(line)]
    assert matches == ["7,000 writes a second"]
    worded = "One primary handles tens of thousands of simple writes per second."
    assert [m.group(0) for m in _WORDED.finditer(worded)] == ["tens of thousands of simple writes"]
    assert not any(_DURATION.search(line) for line in found)
    prices = "Egress is $0.09/GB, storage $0.023 per GB-month; {{ ref('internet_egress_usd_per_gb') }} is quoted."
    assert [m.group(0) for m in _PRICE.finditer(_prose(prices))] == ["$0.09/GB", "$0.023 per GB"]


# ------------------------------------------------------------------ the built site


def _page_text(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def _table_rows(document: BeautifulSoup) -> list[list[str]]:
    return [[" ".join(cell.get_text().split()) for cell in row.select("td")] for row in document.select("table tr")]


GROUP_PAGES: list[tuple[str, str]] = [
    ("reference/numbers", "capacity"),
    ("reference/numbers", "disk_network"),
    ("reference/numbers", "sizes"),
    ("reference/numbers", "technologies"),
    ("reference/numbers", "coordination"),
    ("reference/numbers", "wide_area_and_security"),
    ("reference/numbers", "prices"),
    ("reference/latency", "latency"),
    ("concepts/cost", "prices"),
]


def test_every_figure_group_is_shown_on_a_reference_page() -> None:
    assert set(GROUPS) <= {group for page, group in GROUP_PAGES if page.startswith("reference/")}


@pytest.mark.parametrize(("page", "group"), GROUP_PAGES)
def test_reference_pages_show_each_figure_as_the_module_has_it(built_site: Path, page: str, group: str) -> None:
    rows = _table_rows(_page_text(built_site, page))
    for key in GROUPS[group]:
        quoted = figure(key)
        matching = [row for row in rows if row and row[0] == quoted.label]
        assert matching, f"{page}: no row for {key} ({quoted.label!r})"
        row = matching[0]
        assert quoted.format() in row, f"{page}: {key} shows {row}, the module says {quoted.format()}"
        assert quoted.range_text() in row, f"{page}: {key} range differs from {quoted.range_text()}"


def test_numbers_page_has_the_per_node_capacity_section_wrap_up_points_to(built_site: Path) -> None:
    numbers = _page_text(built_site, "reference/numbers")
    assert numbers.select_one("#per-node-capacity") is not None
    wrap_up = _page_text(built_site, "interview/wrap-up")
    assert wrap_up.select_one('a[href$="numbers/#per-node-capacity"]') is not None


_BYTE_FIGURE = re.compile(r"\d[\d,.]*\s*(?:PB|TB|PiB|TiB)\b")


def test_estimation_example_quotes_the_news_feed_preset(built_site: Path) -> None:
    """The worked example is the news-feed scenario: its totals are the worksheet's for that preset."""
    preset = evaluate("worksheet", REGISTRY["worksheet"].preset_inputs("news-feed"))
    assert preset["ok"]
    shown = preset["display"]
    article = _page_text(built_site, "interview/estimation").select_one("article")
    assert article is not None
    for widget in article.select("form.calculator"):
        widget.decompose()  # live calculators start from their own defaults, which the page explains
    text = " ".join(article.get_text().split())
    for key in ("daily_active_users", "peak_write_rps", "peak_read_rps", "stored_bytes_at_horizon"):
        assert shown[key] in text, f"estimation page does not show the news-feed preset's {key}: {shown[key]}"
    # Any petabyte figure on the page is the preset's, or the storage widget's default that the page
    # sets beside it and explains; a third, typed total could disagree with both.
    storage_defaults = evaluate("storage", {})["display"]
    preset_figures = " ".join([*shown.values(), *storage_defaults.values()])
    for quoted in re.findall(r"\d[\d,.]*\s*PB\b", text):
        assert quoted in preset_figures, f"estimation page quotes {quoted}, which is not the preset's"


_DAY_CLAIM = re.compile(r"(\d+(?:\.\d+)?)% (low|high|long|short|too long|too short)")


def test_every_page_states_the_rounded_day_the_same_way() -> None:
    """10⁵ s is 15.7% longer than 86,400 s, so rates divided by it are 13.6% low: one wording everywhere."""
    claims = set()
    for page in SCANNED_PAGES:
        text = page.read_text(encoding="utf-8")
        for near in re.finditer(r"10⁵[ -]?s", text):
            window = text[max(0, near.start() - 250) : near.end() + 250]
            claims |= {f"{number}% {word}" for number, word in _DAY_CLAIM.findall(window)}
    assert claims <= {"14% low", "16% too long"}, claims


def test_no_page_uses_a_second_month_length() -> None:
    """Months are 30.44 days (365.25 ÷ 12) in the availability and bandwidth calculators: 2.63 × 10⁶ s."""
    for page in SCANNED_PAGES:
        assert "2.5 × 10⁶" not in page.read_text(encoding="utf-8"), page


def _paragraph_after(document: BeautifulSoup, opening: str) -> str:
    """The text of the first paragraph or admonition that starts with ``opening``."""
    for block in document.select("article p, article .admonition"):
        text = " ".join(block.get_text().split())
        if text.startswith(opening):
            return text
    raise AssertionError(f"no paragraph opens with {opening!r}")


def test_concurrent_users_are_the_traffic_calculators_littles_law_figures(built_site: Path) -> None:
    """The numbers page explains the default the calculator uses, with the calculator's own figures."""
    defaults = evaluate("traffic", {})
    assert defaults["ok"]
    minutes_online = REGISTRY["traffic"].field_index["minutes_online_per_day"].default
    paragraph = _paragraph_after(_page_text(built_site, "reference/numbers"), "Concurrent users.")
    for key in ("daily_active_users", "average_concurrent_users", "peak_concurrent_users"):
        assert defaults["display"][key] in paragraph, f"numbers page lacks the traffic default's {key}"
    assert f"for {minutes_online} minutes" in paragraph
    values = defaults["values"]
    for share in (values["average_concurrent_users"], values["peak_concurrent_users"]):
        assert f"{share / values['daily_active_users'] * 100:.1f}% of DAU" in paragraph or (
            f"({share / values['daily_active_users'] * 100:.1f}%)" in paragraph
        )
