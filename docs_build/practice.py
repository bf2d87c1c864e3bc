"""The Practice section's generated parts: the 14-day study plan and the cheat sheet's constants.

The study plan is declared once, in ``STUDY_PLAN``: days in order, each with a goal and the pages
to work through. ``render_study_plan()`` turns it into the page's checklist, and the tests read
the same declaration to check that every page it links exists and every problem appears. A
reader's ticks are kept in the browser (localStorage, under ``STUDY_PLAN_STORAGE_KEY``) by
``docs/assets/javascripts/study-plan.js``; each item is stored by its target, so reordering the
plan keeps them.
"""

from __future__ import annotations

import math
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from calculators import evaluate
from calculators.units import (
    DAYS_PER_CALENDAR_YEAR,
    DAYS_PER_MONTH,
    SECONDS_PER_DAY,
    SECONDS_PER_YEAR,
    format_bit_rate,
    format_byte_rate,
    format_number,
    format_percent,
    scientific,
)
from docs_build.problems import page_title

__all__ = [
    "PRACTICE_ANCHOR",
    "STUDY_PLAN",
    "STUDY_PLAN_PAGE",
    "STUDY_PLAN_STORAGE_KEY",
    "StudyDay",
    "StudyItem",
    "estimation_constants",
    "plan_items",
    "render_study_plan",
]

STUDY_PLAN_PAGE = "practice/study-plan.md"
#: localStorage key for the plan's ticks: {"done": [item targets], "savedAt": ISO time}.
STUDY_PLAN_STORAGE_KEY = "handbook.study-plan"
#: A problem page's timed practice mode starts on arrival at this anchor (practice-timer.js).
PRACTICE_ANCHOR = "practice"


@dataclass(frozen=True)
class StudyItem:
    """One thing to do: read or work a page, or (``mock``) sit it as a timed mock interview."""

    page: str  # a docs path, e.g. "problems/chat.md"
    why: str  # what to take from it, in a few words
    mock: bool = False  # open at #practice: the timer starts and the answers stay folded

    @property
    def target(self) -> str:
        """The docs path and anchor the item links to; also its identity in the reader's storage."""
        return f"{self.page}#{PRACTICE_ANCHOR}" if self.mock else self.page


@dataclass(frozen=True)
class StudyDay:
    goal: str
    items: tuple[StudyItem, ...]


# Fundamentals and estimation first, then the classic problems with the ideas each leans on, then
# the hard ones; the flashcards start on day 2 so spaced repetition has twelve days to work; the
# last day is review and two mock interviews on problems not yet read.
STUDY_PLAN: tuple[StudyDay, ...] = (
    StudyDay(
        "Know the shape of the hour before any design",
        (
            StudyItem("interview/index.md", "the five phases and what interviewers assess"),
            StudyItem("interview/requirements.md", "scope, scale and targets in the first minutes"),
            StudyItem("interview/time-management.md", "time checks out loud at each boundary"),
        ),
    ),
    StudyDay(
        "Estimate out loud, to one figure",
        (
            StudyItem("interview/estimation.md", "traffic, storage, bandwidth, and what each decides"),
            StudyItem("reference/numbers.md", "the per-node figures you will divide by"),
            StudyItem("calculators/worksheet.md", "run one preset, then change an input and predict the result"),
            StudyItem("practice/flashcards.md", "start the deck; ten minutes of due cards every day from here on"),
        ),
    ),
    StudyDay(
        "Choose the store and shape the data",
        (
            StudyItem("building-blocks/databases.md", "relational by default, and what moves you off it"),
            StudyItem("building-blocks/consistency.md", "CAP, PACELC, and which reads may be stale"),
            StudyItem("building-blocks/data-modeling.md", "entities, keys, and the index each query needs"),
            StudyItem("technologies/postgresql.md", "what one primary guarantees and sustains"),
        ),
    ),
    StudyDay(
        "Scale reads, then writes",
        (
            StudyItem("building-blocks/caching.md", "cache-aside, TTLs, and what a miss costs"),
            StudyItem("technologies/redis.md", "the cache and counter store in most answers"),
            StudyItem("building-blocks/replication.md", "replicas for reads, quorums for durability"),
            StudyItem("building-blocks/sharding.md", "the shard key and the shard count from the numbers"),
        ),
    ),
    StudyDay(
        "Work the first full designs",
        (
            StudyItem("problems/url-shortener.md", "the whole hour on an easy prompt"),
            StudyItem("concepts/unique-ids.md", "UUIDv4, v7 and Snowflake IDs, and their ordering"),
            StudyItem("problems/unique-ids.md", "a short problem that is all trade-offs"),
            StudyItem("problems/leaderboard.md", "Redis sorted sets and the hot key at the top"),
        ),
    ),
    StudyDay(
        "Take work off the request path",
        (
            StudyItem("building-blocks/message-queues.md", "when a queue earns its latency"),
            StudyItem("technologies/kafka.md", "partitions, ordering and acknowledgements"),
            StudyItem("patterns/idempotency.md", "at-least-once delivery made safe"),
            StudyItem("problems/notifications.md", "queues, retries and providers in one design"),
        ),
    ),
    StudyDay(
        "Feeds and media",
        (
            StudyItem("patterns/fan-out.md", "push, pull, and the hybrid for large accounts"),
            StudyItem("problems/news-feed.md", "the most asked problem, worked end to end"),
            StudyItem("building-blocks/storage-and-cdn.md", "bytes in object storage, served from the edge"),
            StudyItem("problems/photo-sharing.md", "uploads, thumbnails and a read-heavy feed"),
        ),
    ),
    StudyDay(
        "Connections, limits and abuse",
        (
            StudyItem("problems/chat.md", "long-lived connections and delivery order"),
            StudyItem("technologies/cassandra.md", "the wide-column store chat history usually lands in"),
            StudyItem("problems/rate-limiter.md", "token buckets shared across servers"),
            StudyItem("concepts/security.md", "tokens, secrets and abuse controls"),
        ),
    ),
    StudyDay(
        "Search and crawl",
        (
            StudyItem("concepts/search.md", "inverted indexes, ranking and refresh"),
            StudyItem("problems/typeahead.md", "prefix lookups under a tight latency budget"),
            StudyItem("concepts/probabilistic-structures.md", "Bloom filters, count-min sketch, HyperLogLog"),
            StudyItem("problems/web-crawler.md", "politeness, deduplication and a frontier"),
        ),
    ),
    StudyDay(
        "Count a stream",
        (
            StudyItem("concepts/stream-processing.md", "windows, watermarks and late events"),
            StudyItem("problems/top-k.md", "approximate counts, exact enough"),
            StudyItem("problems/ad-click-aggregation.md", "billable counts: deduplicated, idempotent sinks, a batch recount"),
        ),
    ),
    StudyDay(
        "Contention and money",
        (
            StudyItem("concepts/contention-and-locking.md", "locks, holds with a TTL, fencing tokens"),
            StudyItem("problems/ticket-booking.md", "one seat, many buyers"),
            StudyItem("concepts/distributed-transactions.md", "sagas, the outbox and two-phase commit"),
            StudyItem("problems/payments.md", "a ledger that never loses a cent"),
        ),
    ),
    StudyDay(
        "Place and collaboration",
        (
            StudyItem("concepts/geospatial-indexing.md", "geohash, quadtrees and cells for nearby queries"),
            StudyItem("problems/ride-hailing.md", "moving points matched in seconds"),
            StudyItem("concepts/collaborative-editing.md", "the mechanism: OT against CRDTs, and why each converges"),
            StudyItem("problems/collaborative-editing.md", "the design: one server owns each document; snapshots over an op log"),
        ),
    ),
    StudyDay(
        "Data that survives a lost node or region, and its bill",
        (
            StudyItem("problems/key-value-store.md", "partitioning, quorums and repair from first principles"),
            StudyItem("concepts/multi-region.md", "active-passive or active-active, RPO and RTO, a home region per key"),
            StudyItem("problems/file-sync.md", "chunks, versions and conflicts across devices"),
            StudyItem("concepts/cost.md", "the monthly bill from list prices, and which line dominates"),
        ),
    ),
    StudyDay(
        "Rehearse: two mocks on problems you have not read",
        (
            StudyItem("practice/cheat-sheet.md", "print it and read it once, then put it away"),
            StudyItem("practice/drills.md", "graded chains, until each takes about a minute"),
            StudyItem("problems/video-streaming.md", "a 60-minute mock, scored against the rubric", mock=True),
            StudyItem("problems/job-scheduler.md", "a second mock; compare the two scores", mock=True),
        ),
    ),
)


def plan_items(plan: Sequence[StudyDay] = STUDY_PLAN) -> list[StudyItem]:
    """Every item of the plan, in order."""
    return [item for day in plan for item in day.items]


def _link(from_page: str, item: StudyItem) -> str:
    """The item's Markdown link target, plus, for a mock, the anchor the script adds.

    A mock links to the problem page itself and names ``#practice`` in ``data-plan-hash``: the
    combined print page renames heading anchors only, so a literal ``#practice`` link would point
    nowhere there, while on the site the script appends it and the timer starts on arrival.
    """
    relative = posixpath.relpath(item.page, posixpath.dirname(from_page) or ".")
    return f'{relative}){{ data-plan-hash="{PRACTICE_ANCHOR}" }}' if item.mock else f"{relative})"


def _progress_text(done: int, total: int) -> str:
    """The same words the script writes: keep the two in step."""
    return f"{done} of {total} done"


def render_study_plan(docs_dir: Path, plan: Sequence[StudyDay] = STUDY_PLAN, page: str = STUDY_PLAN_PAGE) -> str:
    """The plan as Markdown with inline checkboxes (md_in_html): one section per day.

    Links stay Markdown, so ``mkdocs build --strict`` checks each target exists. Each checkbox is
    labelled by its item's own text (the label wraps it), and is keyed by the item's target.
    """
    items = plan_items(plan)
    targets = [item.target for item in items]
    repeated = sorted({target for target in targets if targets.count(target) > 1})
    if repeated:
        raise ValueError(f"study plan: each item must link a different target; repeated: {repeated}")
    total = len(items)
    lines = [
        f'<div class="study-plan" data-study-plan data-storage-key="{STUDY_PLAN_STORAGE_KEY}" markdown>',
        "",
        '<p class="study-plan__controls">'
        f'<span class="study-plan__progress" data-plan-progress role="status">{_progress_text(0, total)}</span> '
        '<button type="button" class="md-button" data-plan-reset hidden>Reset my ticks</button></p>',
        "",
    ]
    for number, day in enumerate(plan, start=1):
        lines += [f'<section class="study-plan__day" data-plan-day="{number}" markdown>', ""]
        lines += [f"## Day {number}: {day.goal} {{ #day-{number} }}", ""]
        for item in day.items:
            title = page_title(docs_dir, item.page)
            shown = f"Mock interview: {title}" if item.mock else title
            lines.append(
                f'- <label class="study-plan__item"><input type="checkbox" data-plan-item="{escape(item.target)}">'
                f' <span class="study-plan__text">[{shown}]({_link(page, item)} — {item.why}</span></label>'
            )
        lines += ["", "</section>", ""]
    lines += ["</div>", ""]
    return "\n".join(lines)


def estimation_constants() -> str:
    """The conversions an estimate leans on, as a Markdown table, every figure computed here from
    the calendar constants or by the traffic calculator."""
    round_day_s = 10 ** round(math.log10(SECONDS_PER_DAY))  # the power of ten nearest a day: 10⁵
    rates_low = 1 - SECONDS_PER_DAY / round_day_s
    per_second = {
        daily: evaluate(
            "traffic",
            {
                "monthly_active_users": daily,
                "daily_active_fraction": "100%",
                "requests_per_user_per_day": "1",
                "peak_multiplier": "1x",
            },
        )
        for daily in ("1M", "1B")
    }
    for daily, result in per_second.items():
        if not result["ok"]:
            raise ValueError(f"estimation_constants: traffic refused {daily} a day: {result['errors']}")
    gigabit_bytes_per_s = 1e9 / 8
    kib_over_kb = 1024 / 1000 - 1
    tib_over_tb = 1024**4 / 1000**4 - 1
    rows = [
        (
            "Seconds in a day",
            format_number(SECONDS_PER_DAY),
            f"call it {scientific(round_day_s, 1).removeprefix('1 × ')}; rates come out {format_percent(rates_low, 1)} low",
        ),
        (
            "Seconds in a month",
            scientific(DAYS_PER_MONTH * SECONDS_PER_DAY, 3),
            f"a month is {format_number(DAYS_PER_MONTH)} days on average",
        ),
        (
            "Seconds in a year",
            scientific(SECONDS_PER_YEAR, 3),
            f"π × 10⁷ is {format_percent(abs(1 - math.pi * 1e7 / SECONDS_PER_YEAR), 1)} off",
        ),
        ("1 million a day", per_second["1M"]["display"]["average_rps"], per_second["1M"]["rough"]["average_rps"]),
        ("1 billion a day", per_second["1B"]["display"]["average_rps"], per_second["1B"]["rough"]["average_rps"]),
        ("A day's bytes to a year's", f"× {DAYS_PER_CALENDAR_YEAR}", "then replicas, indexes, growth"),
        ("1 Gbit/s", format_byte_rate(gigabit_bytes_per_s), f"bits ÷ 8: {format_bit_rate(1e6)} is {format_byte_rate(1e6)}"),
        (
            "KiB over kB; TiB over TB",
            f"{format_percent(kib_over_kb, 1)}; {format_percent(tib_over_tb, 1)}",
            "2¹⁰ ≈ 10³, and the gap grows",
        ),
    ]
    lines = ["| Constant | Value | Say |", "|---|---|---|"]
    lines += [f"| {name} | **{value}** | {say} |" for name, value, say in rows]
    return "\n".join(lines)
