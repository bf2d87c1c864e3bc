"""Estimation drills: seeded questions drawn from real scenarios, answered through the calculators and graded.

A drill is a template (one calculator, a chain of two or three, or the whole worksheet) whose
inputs are drawn from short lists of round, speakable values. The answer is whatever
:func:`~calculators.evaluation.evaluate` gives on those inputs, never arithmetic of our own; the
explanation is the calculators' own working lines; the sensitivity re-evaluates the chain with
each drawn input moved by :data:`SENSITIVITY_STEP`. The same seed and filters always give the
same question (a private ``random.Random(seed)``, no global state), so a URL can share a drill.
"""

from __future__ import annotations

import json
import math
import random
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from calculators import units
from calculators.evaluation import Result, evaluate
from calculators.fields import DisplayPrefs, Output, OutputKind
from calculators.registry import REGISTRY
from calculators.units import ParseError, Reading

__all__ = [
    "GRADE_BANDS",
    "LEVELS",
    "MAX_SEED",
    "SENSITIVITY_STEP",
    "TEMPLATES",
    "TOPICS",
    "AnswerKind",
    "Drill",
    "DrillError",
    "Grade",
    "GradeBand",
    "Template",
    "answer_for",
    "drill_grade_json",
    "drill_question_json",
    "grade_answer",
    "grade_factor",
    "make_drill",
    "read_answer",
]

#: Seeds are whole numbers in [0, MAX_SEED]: 32 bits, short enough to read out of a URL.
MAX_SEED = 2**32 - 1
#: Each drawn input is moved by this share up and down to see how far the answer follows it.
SENSITIVITY_STEP = 0.10


@dataclass(frozen=True)
class GradeBand:
    """Answers within ``within`` times the exact figure (either way) earn this band."""

    band: str
    within: float
    label: str


#: The grading thresholds, declared once: the first band whose factor the answer is within wins;
#: beyond the last, the answer is "off by ×N". ×1.25 is what rounding every figure to one
#: significant digit costs in a typical chain; ×3 still picks the same design.
GRADE_BANDS: tuple[GradeBand, ...] = (
    GradeBand("close", 1.25, "close enough"),
    GradeBand("order", 3.0, "right order of magnitude"),
)
OFF_BAND = "off"

#: Difficulty level → what it asks for.
LEVELS: Mapping[int, str] = {
    1: "One step",
    2: "Two or three steps chained",
    3: "The full worksheet chain",
}
TOPICS: tuple[str, ...] = ("traffic", "storage", "bandwidth", "servers", "availability", "cache", "concurrency", "sharding")


class AnswerKind(StrEnum):
    """What the answer is: it decides how the typed text is read and which unit it needs."""

    COUNT = "count"
    SIZE = "size"
    RATE = "rate"
    DURATION = "duration"


_ANSWER_KIND: Mapping[OutputKind, AnswerKind] = {
    OutputKind.COUNT: AnswerKind.COUNT,
    OutputKind.BYTES: AnswerKind.SIZE,
    OutputKind.BYTE_RATE: AnswerKind.RATE,
    OutputKind.DURATION: AnswerKind.DURATION,
}
_ANSWER_FORM: Mapping[AnswerKind, str] = {
    AnswerKind.COUNT: "a number such as 1,200, 1.2K or 1.2e3",
    AnswerKind.SIZE: "a size such as 220 TB, 200 TiB or 2.2e14 (bytes)",
    AnswerKind.RATE: "a bandwidth with its unit, such as 40 Gbit/s or 5 GB/s",
    AnswerKind.DURATION: "a duration with its unit, such as 8.8 h, 45 min or 8 h 46 min",
}
_KIND_NAME: Mapping[AnswerKind, str] = {
    AnswerKind.COUNT: "a count",
    AnswerKind.SIZE: "a size",
    AnswerKind.RATE: "a bandwidth",
    AnswerKind.DURATION: "a duration",
}


class SlotKind(StrEnum):
    """How a drawn input's text is read, so it can be moved up and down for the sensitivity."""

    NUMBER = "number"
    BYTES = "bytes"
    DURATION = "duration"
    PERCENT = "percent"
    AVAILABILITY = "availability"  # moved by its downtime share: 99.9% ± 10% is 99.89% or 99.91%
    CHOICE = "choice"  # a named option (n+1, n+2): not moved


@dataclass(frozen=True)
class Draw:
    """One input drawn for a question: a named slot, its label, and the values it may take (as typed)."""

    slot: str
    label: str
    kind: SlotKind
    choices: tuple[str, ...]


@dataclass(frozen=True)
class Stage:
    """One calculator in a drill's chain.

    ``inputs`` maps field names to text over the slots (``"{users}"``, ``"{lb}, {app}"``);
    ``links`` feeds a field from an earlier stage's output, as (stage index, output key);
    ``steps`` are the outputs whose working the explanation shows, in order.
    """

    calc_id: str
    inputs: Mapping[str, str]
    steps: tuple[str, ...]
    links: Mapping[str, tuple[int, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Template:
    """A kind of question: its scenario, its chain of calculators, and the output it asks for.

    Every input that changes the answer is either drawn or said in ``scenario``; fields left out
    take their defaults and do not touch the asked output (a test checks this).
    """

    id: str
    level: int
    topics: tuple[str, ...]
    scenario: str  # the situation, over the slots
    ask: str  # the question, over the slots
    draws: tuple[Draw, ...]
    stages: tuple[Stage, ...]
    answer_key: str  # an output of the last stage

    @property
    def answer_output(self) -> Output:
        calculator = REGISTRY[self.stages[-1].calc_id]
        return next(o for o in calculator.outputs if o.key == self.answer_key)

    @property
    def answer_kind(self) -> AnswerKind:
        return _ANSWER_KIND[self.answer_output.kind]


def _n(slot: str, label: str, *choices: str) -> Draw:
    return Draw(slot, label, SlotKind.NUMBER, choices)


def _b(slot: str, label: str, *choices: str) -> Draw:
    return Draw(slot, label, SlotKind.BYTES, choices)


def _t(slot: str, label: str, *choices: str) -> Draw:
    return Draw(slot, label, SlotKind.DURATION, choices)


def _p(slot: str, label: str, *choices: str) -> Draw:
    return Draw(slot, label, SlotKind.PERCENT, choices)


def _a(slot: str, label: str, *choices: str) -> Draw:
    return Draw(slot, label, SlotKind.AVAILABILITY, choices)


# Shared draws: round figures a candidate would say in the room.
_DAU = _n("dau", "Daily users", "5 M", "10 M", "20 M", "50 M", "100 M", "200 M", "500 M")
_PEAK = _n("peak", "Peak ÷ average", "2", "3", "4", "5")
# The sharding calculator also places sample keys to count moves on resharding; drills never ask for
# that, so the smallest sample keeps each evaluation (and the sensitivity's re-evaluations) quick.
_FEW_SAMPLE_KEYS = {"sample_keys": "100", "virtual_nodes": "1"}
_NO_STORAGE_EXTRAS = {"metadata_overhead": "0%", "index_overhead": "0%", "backup_copies": "0"}

#: The first stage of the chains that start from daily users: their peak request rate, from the
#: slots ``dau``, ``requests`` (a day, each user) and ``peak``.
_PEAK_TRAFFIC = Stage(
    "traffic",
    {
        "monthly_active_users": "{dau}",
        "daily_active_fraction": "100%",
        "requests_per_user_per_day": "{requests}",
        "peak_multiplier": "{peak}",
    },
    ("daily_requests", "average_rps", "peak_rps"),
)


TEMPLATES: tuple[Template, ...] = (
    # ---------------------------------------------------------------- level 1: one calculator
    Template(
        id="traffic.peak_rps",
        level=1,
        topics=("traffic",),
        scenario="A social app has {mau} monthly users, {share} of them active on a given day, "
        "each making {requests} requests a day. The busiest hour runs at {peak}× the daily average.",
        ask="Peak requests per second?",
        draws=(
            _n("mau", "Monthly users", "10 M", "50 M", "100 M", "200 M", "500 M", "1 B"),
            _p("share", "Daily active share", "20%", "30%", "50%"),
            _n("requests", "Requests per user a day", "10", "20", "50", "100", "200"),
            _PEAK,
        ),
        stages=(
            Stage(
                "traffic",
                {
                    "monthly_active_users": "{mau}",
                    "daily_active_fraction": "{share}",
                    "requests_per_user_per_day": "{requests}",
                    "peak_multiplier": "{peak}",
                },
                ("daily_active_users", "daily_requests", "average_rps", "peak_rps"),
            ),
        ),
        answer_key="peak_rps",
    ),
    Template(
        id="storage.per_year",
        level=1,
        topics=("storage",),
        scenario="A service stores {items} new items a day of {size} each, with {copies} copies of every byte "
        "and no other overhead.",
        ask="New storage a year?",
        draws=(
            _n("items", "Items a day", "1 M", "5 M", "10 M", "50 M", "100 M", "200 M"),
            _b("size", "Item size", "1 kB", "10 kB", "100 kB", "500 kB", "2 MB"),
            _n("copies", "Copies", "2", "3"),
        ),
        stages=(
            Stage(
                "storage",
                {"items_per_day": "{items}", "item_bytes": "{size}", "replication_factor": "{copies}", **_NO_STORAGE_EXTRAS},
                ("raw_bytes_per_day", "stored_bytes_per_day", "stored_bytes_per_year"),
            ),
        ),
        answer_key="stored_bytes_per_year",
    ),
    Template(
        id="bandwidth.peak",
        level=1,
        topics=("bandwidth",),
        scenario="On average an API serves {reads} reads a second, each returning {response}, and takes {writes} writes "
        "a second of {request} each. Peak is {peak}× the average.",
        ask="Peak bandwidth, in and out together?",
        draws=(
            _n("reads", "Reads per second", "10 K", "50 K", "100 K", "200 K", "500 K"),
            _b("response", "Response size", "2 kB", "5 kB", "10 kB", "20 kB", "50 kB"),
            _n("writes", "Writes per second", "1 K", "2 K", "5 K", "10 K"),
            _b("request", "Write size", "1 kB", "2 kB", "10 kB"),
            _PEAK,
        ),
        stages=(
            Stage(
                "bandwidth",
                {
                    "read_rps": "{reads}",
                    "response_bytes": "{response}",
                    "write_rps": "{writes}",
                    "request_bytes": "{request}",
                    "peak_multiplier": "{peak}",
                },
                ("ingress_bytes_per_s", "egress_bytes_per_s", "total_bytes_per_s", "peak_total_bytes_per_s"),
            ),
        ),
        answer_key="peak_total_bytes_per_s",
    ),
    Template(
        id="servers.total",
        level=1,
        topics=("servers",),
        scenario="Peak traffic is {rps} requests a second. A load test shows one server holds {per_server} requests "
        "a second at acceptable latency; you run them at {utilisation} at peak, with {spares} redundancy on top.",
        ask="How many servers?",
        draws=(
            _n("rps", "Peak requests per second", "5 K", "20 K", "50 K", "100 K", "300 K"),
            _n("per_server", "Requests per second one server holds", "500", "1 K", "2 K", "5 K"),
            _p("utilisation", "Target utilisation", "50%", "60%", "70%"),
            Draw("spares", "Spares", SlotKind.CHOICE, ("n+1", "n+2")),
        ),
        stages=(
            Stage(
                "servers",
                {
                    "peak_rps": "{rps}",
                    "rps_per_server": "{per_server}",
                    "target_utilisation": "{utilisation}",
                    "redundancy": "{spares}",
                },
                ("planned_rps_per_server", "servers_for_load", "spare_servers", "servers_total"),
            ),
        ),
        answer_key="servers_total",
    ),
    Template(
        id="availability.budget",
        level=1,
        topics=("availability",),
        scenario="The service level objective is {target} availability.",
        ask="How much downtime does that allow in a year?",
        draws=(_a("target", "Availability target", "99%", "99.5%", "99.9%", "99.95%", "99.99%"),),
        stages=(Stage("availability", {"target": "{target}"}, ("downtime_per_year_s",)),),
        answer_key="downtime_per_year_s",
    ),
    Template(
        id="availability.series",
        level=1,
        topics=("availability",),
        scenario="Every request passes a load balancer at {lb}, an application tier at {app} and a database at {db}, "
        "one after the other, each a single copy.",
        ask="Expected downtime a year for the whole path?",
        draws=(
            _a("lb", "Load balancer", "99.99%", "99.95%"),
            _a("app", "Application tier", "99.9%", "99.95%", "99.99%"),
            _a("db", "Database", "99.9%", "99.95%", "99.5%"),
        ),
        stages=(
            Stage(
                "availability",
                {"components": "{lb}, {app}, {db}", "replicas": "1"},
                ("series_availability", "series_downtime_per_year_s"),
            ),
        ),
        answer_key="series_downtime_per_year_s",
    ),
    Template(
        id="cache.backend",
        level=1,
        topics=("cache",),
        scenario="{reads} reads a second go to a cache first; it answers {hit} of them "
        "and the rest fall through to the database.",
        ask="Reads per second reaching the database?",
        draws=(
            _n("reads", "Reads per second", "50 K", "100 K", "200 K", "500 K", "1 M"),
            _p("hit", "Cache hit ratio", "80%", "90%", "95%", "99%"),
        ),
        stages=(Stage("cache", {"read_rps": "{reads}", "hit_ratio": "{hit}"}, ("backend_rps",)),),
        answer_key="backend_rps",
    ),
    Template(
        id="cache.nodes",
        level=1,
        topics=("cache",),
        scenario="{items} different items are read each day; you keep the hottest {hot} of them in memory, "
        "{size} each with key and overhead, on nodes of {node} RAM with {usable} of it usable.",
        ask="How many cache nodes?",
        draws=(
            _n("items", "Distinct items read a day", "50 M", "100 M", "500 M", "1 B", "2 B"),
            _p("hot", "Hot share kept", "10%", "20%", "30%"),
            _b("size", "Item size", "1 kB", "2 kB", "5 kB", "10 kB"),
            _b("node", "Node memory", "32 GB", "64 GB", "128 GB"),
            _p("usable", "Usable share", "70%", "75%", "80%"),
        ),
        stages=(
            Stage(
                "cache",
                {
                    "items_read_per_day": "{items}",
                    "hot_share": "{hot}",
                    "item_bytes": "{size}",
                    "node_memory_bytes": "{node}",
                    "usable_fraction": "{usable}",
                },
                ("working_set_bytes", "usable_bytes_per_node", "cache_nodes"),
            ),
        ),
        answer_key="cache_nodes",
    ),
    Template(
        id="concurrency.in_flight",
        level=1,
        topics=("concurrency",),
        scenario="{rps} requests arrive each second and each takes {latency} from arrival to response.",
        ask="Requests in flight at once (Little's law)?",
        draws=(
            _n("rps", "Requests per second", "2 K", "5 K", "10 K", "50 K", "100 K"),
            _t("latency", "Response time", "50 ms", "100 ms", "200 ms", "500 ms", "2 s"),
        ),
        stages=(Stage("concurrency", {"arrival_rps": "{rps}", "response_time_s": "{latency}"}, ("requests_in_flight",)),),
        answer_key="requests_in_flight",
    ),
    Template(
        id="concurrency.pool",
        level=1,
        topics=("concurrency",),
        scenario="{rps} requests a second each hold a database connection for {db_time}; {servers} application servers "
        "each keep their own pool with {headroom} headroom.",
        ask="Database connections across all the pools?",
        draws=(
            _n("rps", "Requests per second", "2 K", "5 K", "10 K", "20 K"),
            _t("db_time", "Time holding a connection", "10 ms", "20 ms", "50 ms"),
            _n("servers", "Application servers", "4", "8", "16"),
            _p("headroom", "Pool headroom", "20%", "25%", "50%"),
        ),
        stages=(
            Stage(
                "concurrency",
                {"arrival_rps": "{rps}", "db_time_s": "{db_time}", "app_servers": "{servers}", "pool_headroom": "{headroom}"},
                ("db_connections_busy", "pool_size_per_server", "pool_connections_total"),
            ),
        ),
        answer_key="pool_connections_total",
    ),
    Template(
        id="sharding.count",
        level=1,
        topics=("sharding",),
        scenario="One copy of the data is {data}; a shard should hold at most {max_shard}. Peak writes are {writes} a second "
        "and one primary takes {max_writes} with room to spare.",
        ask="How many shards?",
        draws=(
            _b("data", "Data, one copy", "5 TB", "20 TB", "50 TB", "200 TB", "1 PB"),
            _b("max_shard", "Largest shard", "1 TB", "2 TB", "4 TB"),
            _n("writes", "Peak writes per second", "10 K", "50 K", "100 K", "200 K"),
            _n("max_writes", "Writes per second one primary takes", "5 K", "10 K"),
        ),
        stages=(
            Stage(
                "sharding",
                {
                    "data_bytes": "{data}",
                    "max_shard_bytes": "{max_shard}",
                    "write_rps": "{writes}",
                    "max_shard_write_rps": "{max_writes}",
                    **_FEW_SAMPLE_KEYS,
                },
                ("shards_for_size", "shards_for_writes", "shards_needed"),
            ),
        ),
        answer_key="shards_needed",
    ),
    # ---------------------------------------------------------------- level 2: chains
    Template(
        id="availability.redundant_path",
        level=2,
        topics=("availability",),
        scenario="Every request passes a load balancer at {lb}, an application tier at {app} and a database at {db}, "
        "one after the other. Each runs as {replicas} replicas, any one of which can serve, failing independently.",
        ask="Expected downtime a year for the whole path?",
        draws=(
            _a("lb", "Load balancer, one replica", "99.9%", "99.95%", "99.99%"),
            _a("app", "Application server, one replica", "99%", "99.5%", "99.9%"),
            _a("db", "Database, one replica", "99%", "99.5%", "99.9%"),
            Draw("replicas", "Replicas of each", SlotKind.CHOICE, ("2", "3")),
        ),
        stages=(
            Stage(
                "availability",
                {"components": "{lb}, {app}, {db}", "replicas": "{replicas}"},
                ("redundant_availability", "redundant_downtime_per_year_s"),
            ),
        ),
        answer_key="redundant_downtime_per_year_s",
    ),
    Template(
        id="traffic-storage.photos",
        level=2,
        topics=("traffic", "storage"),
        scenario="A photo app has {dau} daily users who each upload {photos} photos of {size} a day, "
        "kept in {copies} copies with no other overhead.",
        ask="New storage a year?",
        draws=(
            # Every daily user uploading is already generous; 500 M of them at 5 photos would be exabytes a year.
            _n("dau", "Daily users", "1 M", "5 M", "10 M", "20 M", "50 M", "100 M"),
            _n("photos", "Photos per user a day", "2", "3"),
            _b("size", "Photo size", "500 kB", "1 MB", "2 MB", "3 MB"),
            _n("copies", "Copies", "2", "3"),
        ),
        stages=(
            Stage(
                "traffic",
                {
                    "monthly_active_users": "{dau}",
                    "daily_active_fraction": "100%",
                    "requests_per_user_per_day": "{photos}",
                    "read_write_ratio": "0",
                },
                ("daily_requests",),
            ),
            Stage(
                "storage",
                {"item_bytes": "{size}", "replication_factor": "{copies}", **_NO_STORAGE_EXTRAS},
                ("raw_bytes_per_day", "stored_bytes_per_day", "stored_bytes_per_year"),
                links={"items_per_day": (0, "daily_requests")},
            ),
        ),
        answer_key="stored_bytes_per_year",
    ),
    Template(
        id="traffic-bandwidth.feed",
        level=2,
        topics=("traffic", "bandwidth"),
        scenario="A news feed has {dau} daily users making {requests} requests a day, {ratio} reads for every write. "
        "A read returns {response}, a write sends {request}, and peak is {peak}× the average.",
        ask="Peak bandwidth, in and out together?",
        draws=(
            _DAU,
            _n("requests", "Requests per user a day", "20", "50", "100", "200"),
            _n("ratio", "Reads per write", "10", "50", "100"),
            _b("response", "Response size", "5 kB", "10 kB", "50 kB", "100 kB"),
            _b("request", "Write size", "1 kB", "2 kB", "5 kB"),
            _PEAK,
        ),
        stages=(
            Stage(
                "traffic",
                {
                    "monthly_active_users": "{dau}",
                    "daily_active_fraction": "100%",
                    "requests_per_user_per_day": "{requests}",
                    "read_write_ratio": "{ratio}",
                },
                ("daily_requests", "average_rps", "average_write_rps", "average_read_rps"),
            ),
            Stage(
                "bandwidth",
                {"response_bytes": "{response}", "request_bytes": "{request}", "peak_multiplier": "{peak}"},
                ("ingress_bytes_per_s", "egress_bytes_per_s", "total_bytes_per_s", "peak_total_bytes_per_s"),
                links={"read_rps": (0, "average_read_rps"), "write_rps": (0, "average_write_rps")},
            ),
        ),
        answer_key="peak_total_bytes_per_s",
    ),
    Template(
        id="traffic-servers.api",
        level=2,
        topics=("traffic", "servers"),
        scenario="An API has {dau} daily users making {requests} requests a day, with peak at {peak}× the average. "
        "One server holds {per_server} requests a second; you run them at {utilisation} and keep two spares.",
        ask="How many servers?",
        draws=(
            _DAU,
            _n("requests", "Requests per user a day", "10", "20", "50", "100"),
            _PEAK,
            _n("per_server", "Requests per second one server holds", "500", "1 K", "2 K", "5 K"),
            _p("utilisation", "Target utilisation", "50%", "60%", "70%"),
        ),
        stages=(
            _PEAK_TRAFFIC,
            Stage(
                "servers",
                {"rps_per_server": "{per_server}", "target_utilisation": "{utilisation}", "redundancy": "n+2"},
                ("planned_rps_per_server", "servers_for_load", "servers_total"),
                links={"peak_rps": (0, "peak_rps")},
            ),
        ),
        answer_key="servers_total",
    ),
    Template(
        id="traffic-cache.reads",
        level=2,
        topics=("traffic", "cache"),
        scenario="A product page service has {dau} daily users reading {requests} pages a day (writes are negligible), "
        "peak at {peak}× the average. A cache in front answers {hit} of reads.",
        ask="Peak reads per second reaching the database?",
        draws=(
            _DAU,
            _n("requests", "Page reads per user a day", "10", "20", "50", "100"),
            _PEAK,
            _p("hit", "Cache hit ratio", "80%", "90%", "95%", "99%"),
        ),
        stages=(
            _PEAK_TRAFFIC,
            # Every request is a read, so the peak rate is the read rate.
            Stage("cache", {"hit_ratio": "{hit}"}, ("backend_rps",), links={"read_rps": (0, "peak_rps")}),
        ),
        answer_key="backend_rps",
    ),
    Template(
        id="traffic-concurrency.in_flight",
        level=2,
        topics=("traffic", "concurrency"),
        scenario="A mobile app's API has {dau} daily users making {requests} requests a day, peak at {peak}× the average, "
        "and each request takes {latency}.",
        ask="Requests in flight at the peak?",
        draws=(
            _DAU,
            _n("requests", "Requests per user a day", "5", "10", "20", "50"),
            _PEAK,
            _t("latency", "Response time", "50 ms", "100 ms", "200 ms", "500 ms"),
        ),
        stages=(
            _PEAK_TRAFFIC,
            Stage(
                "concurrency",
                {"response_time_s": "{latency}"},
                ("requests_in_flight",),
                links={"arrival_rps": (0, "peak_rps")},
            ),
        ),
        answer_key="requests_in_flight",
    ),
    Template(
        id="traffic-servers-concurrency.pool",
        level=2,
        topics=("traffic", "servers", "concurrency"),
        scenario="A shopping app's API has {dau} daily users making {requests} requests a day, peak at {peak}× the average. "
        "One server holds {per_server} requests a second flat out; you run them at 70% and add two spares. Each request holds "
        "a database connection for {db_time}, and each server's pool has 25% headroom.",
        ask="Connection pool size on each server?",
        draws=(
            _DAU,
            _n("requests", "Requests per user a day", "10", "20", "50"),
            _PEAK,
            _n("per_server", "Requests per second one server holds", "1 K", "2 K", "5 K"),
            _t("db_time", "Time holding a connection", "5 ms", "10 ms", "20 ms"),
        ),
        stages=(
            _PEAK_TRAFFIC,
            Stage(
                "servers",
                {"rps_per_server": "{per_server}", "target_utilisation": "70%", "redundancy": "n+2"},
                ("servers_for_load", "servers_total"),
                links={"peak_rps": (0, "peak_rps")},
            ),
            Stage(
                "concurrency",
                {"db_time_s": "{db_time}", "pool_headroom": "25%"},
                ("db_connections_busy", "pool_size_per_server"),
                links={"arrival_rps": (0, "peak_rps"), "app_servers": (1, "servers_total")},
            ),
        ),
        answer_key="pool_size_per_server",
    ),
    Template(
        id="traffic-storage-sharding.messages",
        level=2,
        topics=("traffic", "storage", "sharding"),
        scenario="A messaging app has {dau} daily users sending {messages} messages a day of {size} each, indexes adding "
        "{index}. You plan for {years} years at flat volume and keep everything; a shard holds at most {max_shard} "
        "and write load is not the limit.",
        ask="How many shards (one copy of the data)?",
        draws=(
            _DAU,
            _n("messages", "Messages per user a day", "20", "50", "100"),
            _b("size", "Message size", "100 B", "200 B", "500 B", "1 kB"),
            _p("index", "Index overhead", "20%", "30%", "50%"),
            _n("years", "Years planned", "2", "3", "5"),
            _b("max_shard", "Largest shard", "1 TB", "2 TB", "4 TB"),
        ),
        stages=(
            Stage(
                "traffic",
                {
                    "monthly_active_users": "{dau}",
                    "daily_active_fraction": "100%",
                    "requests_per_user_per_day": "{messages}",
                    "read_write_ratio": "0",
                },
                ("daily_requests",),
            ),
            Stage(
                "storage",
                {
                    "item_bytes": "{size}",
                    "metadata_overhead": "0%",
                    "index_overhead": "{index}",
                    "replication_factor": "1",
                    "backup_copies": "0",
                    "retention_days": "1000000",
                    "yearly_growth": "0%",
                    "horizon_years": "{years}",
                },
                ("raw_bytes_per_day", "stored_bytes_per_day", "stored_bytes_per_year", "stored_bytes_at_horizon"),
                links={"items_per_day": (0, "daily_requests")},
            ),
            Stage(
                "sharding",
                {"max_shard_bytes": "{max_shard}", "write_rps": "0", **_FEW_SAMPLE_KEYS},
                ("shards_for_size", "shards_needed"),
                links={"data_bytes": (1, "stored_bytes_at_horizon")},
            ),
        ),
        answer_key="shards_needed",
    ),
    # ---------------------------------------------------------------- level 3: the worksheet
    *(
        Template(
            id=f"worksheet.{answer_key}",
            level=3,
            topics=topics,
            scenario="A social product has {mau} monthly users, {share} active daily, making {requests} requests a day "
            "at {ratio} reads per write; peak is {peak}× the average. A write stores {item}, plus 30% for metadata and "
            "indexes, in 3 copies; a read returns {response}. Volume grows 20% a year, you keep data 10 years and buy "
            "for 5. One server holds {per_server} requests a second flat out, run at 70%, plus two spares; a cache answers "
            "90% of reads and keeps the hottest 20% of a day's new items, at their write size, on 64 GiB nodes (75% "
            "usable); a shard holds at most 2 TB and 5,000 writes a second.",
            ask=ask,
            draws=(
                _n("mau", "Monthly users", "50 M", "100 M", "200 M", "500 M", "1 B"),
                _p("share", "Daily active share", "20%", "30%", "50%"),
                _n("requests", "Requests per user a day", "20", "50", "100", "200"),
                _n("ratio", "Reads per write", "10", "50", "100"),
                _PEAK,
                _b("item", "Write size", "500 B", "1 kB", "2 kB", "5 kB"),
                _b("response", "Response size", "2 kB", "5 kB", "10 kB", "20 kB"),
                _n("per_server", "Requests per second one server holds", "2 K", "5 K", "10 K"),
            ),
            stages=(
                Stage(
                    "worksheet",
                    {
                        "monthly_active_users": "{mau}",
                        "daily_active_fraction": "{share}",
                        "requests_per_user_per_day": "{requests}",
                        "read_write_ratio": "{ratio}",
                        "peak_multiplier": "{peak}",
                        "item_bytes": "{item}",
                        "overhead": "30%",
                        "replication_factor": "3",
                        "retention_days": "3650",
                        "yearly_growth": "20%",
                        "horizon_years": "5",
                        "response_bytes": "{response}",
                        "rps_per_server": "{per_server}",
                        "target_utilisation": "70%",
                        "redundancy": "n+2",
                        "cache_hit_ratio": "90%",
                        "hot_share": "20%",
                        "cache_node_bytes": "64 GiB",
                        "max_shard_bytes": "2 TB",
                        "max_shard_write_rps": "5K",
                    },
                    steps,
                ),
            ),
            answer_key=answer_key,
        )
        for answer_key, topics, ask, steps in (
            (
                "stored_bytes_at_horizon",
                ("traffic", "storage"),
                "Storage to buy for the five years?",
                ("daily_active_users", "peak_write_rps", "stored_bytes_per_day", "stored_bytes_at_horizon"),
            ),
            (
                "peak_bandwidth_bytes_per_s",
                ("traffic", "bandwidth"),
                "Peak bandwidth, in and out together?",
                ("daily_active_users", "peak_read_rps", "peak_write_rps", "peak_bandwidth_bytes_per_s"),
            ),
            (
                "app_servers",
                ("traffic", "servers"),
                "How many application servers?",
                ("daily_active_users", "peak_read_rps", "peak_write_rps", "app_servers"),
            ),
            (
                "cache_nodes",
                ("traffic", "cache"),
                "How many cache nodes, sized by memory?",
                ("daily_active_users", "peak_write_rps", "distinct_items_per_day", "cache_memory_bytes", "cache_nodes"),
            ),
            (
                "shards",
                ("traffic", "storage", "sharding"),
                "How many shards (a shard's three copies count once)?",
                (
                    "daily_active_users",
                    "peak_write_rps",
                    "stored_bytes_at_horizon",
                    "data_bytes_per_copy",
                    "shards_for_size",
                    "shards_for_writes",
                    "shards",
                ),
            ),
        )
    ),
)

_TEMPLATE_INDEX: Mapping[str, Template] = {t.id: t for t in TEMPLATES}


class DrillError(ValueError):
    """A request the drills cannot answer (bad seed, level or topic); ``field`` names the part at fault."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name


@dataclass(frozen=True)
class Drill:
    """One drawn question: its template, the seed and filters it came from, and each slot's text."""

    template: Template
    seed: int
    level: int | None
    topic: str | None
    slots: Mapping[str, str]

    @property
    def prompt(self) -> str:
        return self.template.scenario.format(**self.slots)

    @property
    def ask(self) -> str:
        return self.template.ask.format(**self.slots)

    def as_json(self) -> dict[str, Any]:
        """What a page shows before the answer: the scenario, the question and the form the answer takes."""
        template = self.template
        return {
            "seed": self.seed,
            "level": template.level,
            "level_label": LEVELS[template.level],
            "filters": {"level": self.level, "topic": self.topic},
            "template": template.id,
            "topics": list(template.topics),
            "calculators": [stage.calc_id for stage in template.stages],
            "prompt": self.prompt,
            "ask": self.ask,
            "givens": [{"label": d.label, "text": self.slots[d.slot]} for d in template.draws],
            "answer_kind": template.answer_kind.value,
            "answer_form": _ANSWER_FORM[template.answer_kind],
        }


def _candidates(level: int | None, topic: str | None) -> list[Template]:
    return [t for t in TEMPLATES if (level is None or t.level == level) and (topic is None or topic in t.topics)]


def make_drill(seed: int, level: int | None = None, topic: str | None = None) -> Drill:
    """The question for ``seed`` among the templates that pass the filters; the same arguments give the same drill.

    >>> drill = make_drill(42, level=1, topic="storage")
    >>> drill.template.id, drill == make_drill(42, level=1, topic="storage")
    ('storage.per_year', True)
    """
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed <= MAX_SEED:
        raise DrillError("seed", f"Seed: must be a whole number from 0 to {MAX_SEED:,}, such as 42")
    if level is not None and level not in LEVELS:
        raise DrillError("level", f"Level: choose one of {', '.join(map(str, LEVELS))} (or leave it empty for any)")
    if topic is not None and topic not in TOPICS:
        raise DrillError("topic", f"Topic: choose one of {', '.join(TOPICS)} (or leave it empty for any)")
    candidates = _candidates(level, topic)
    if not candidates:
        raise DrillError("topic", f"Topic: no level {level} drill covers {topic}; choose another topic or level")
    rng = random.Random(seed)  # private to this call: no global state, the same on every platform
    template = candidates[rng.randrange(len(candidates))]
    slots = {draw.slot: draw.choices[rng.randrange(len(draw.choices))] for draw in template.draws}
    return Drill(template, seed, level, topic, slots)


# ---------------------------------------------------------------------------- running the chain


@dataclass(frozen=True)
class ChainRun:
    """Every stage's raw inputs and ``evaluate`` result, in order."""

    inputs: tuple[dict[str, str], ...]
    results: tuple[Result, ...]

    @property
    def ok(self) -> bool:
        return all(result["ok"] for result in self.results) and len(self.results) > 0

    def answer(self, template: Template) -> float:
        return self.results[-1]["values"][template.answer_key]


def run_chain(template: Template, slots: Mapping[str, str]) -> ChainRun:
    """Evaluate each stage through :func:`evaluate`, feeding linked fields from earlier stages' values; stops at a failure."""
    inputs: list[dict[str, str]] = []
    results: list[Result] = []
    for stage in template.stages:
        raw = {name: text.format(**slots) for name, text in stage.inputs.items()}
        for name, (index, key) in stage.links.items():
            raw[name] = repr(results[index]["values"][key])
        result = evaluate(stage.calc_id, raw)
        inputs.append(raw)
        results.append(result)
        if not result["ok"]:
            break
    return ChainRun(tuple(inputs), tuple(results))


def answer_for(drill: Drill) -> float:
    """The exact answer to ``drill`` in SI base units (bytes, seconds, bytes/s or a count).

    >>> drill = make_drill(42, level=1, topic="storage")
    >>> dict(drill.slots), answer_for(drill)
    ({'items': '1 M', 'size': '100 kB', 'copies': '2'}, 73000000000000.0)
    """
    run = run_chain(drill.template, drill.slots)
    if not run.ok:  # the declared ranges keep every chain valid; a test draws every combination's extremes
        raise RuntimeError(f"drill {drill.template.id} failed: {run.results[-1]['errors']}")
    return run.answer(drill.template)


# ---------------------------------------------------------------------------- reading and grading answers


def _strip_count_unit(text: str, output: Output) -> str:
    """ "12 servers", "7,000 req/s": drop the unit the question already names."""
    words = {output.unit, units.singular(output.unit)} if output.unit else set()
    if output.unit == "req/s":
        words |= {"rps", "qps", "requests/s", "req/sec", "requests per second", "/s"}
    stripped = text.strip()
    for word in sorted((w for w in words if w), key=len, reverse=True):
        if stripped.endswith(word):
            return stripped[: -len(word)].strip()
    return stripped


def _kind_of(text: str) -> AnswerKind | None:
    """What a text that was not the asked kind is instead, for a message that says so."""
    readers: tuple[tuple[AnswerKind, Any], ...] = (
        (AnswerKind.COUNT, units.parse_number),
        (AnswerKind.RATE, units.read_byte_rate),
        (AnswerKind.SIZE, units.read_bytes),
        (AnswerKind.DURATION, units.read_duration_s),
    )
    for kind, reader in readers:
        try:
            reader(text)
        except ParseError:
            continue
        return kind
    return None


_BARE_FIGURE = re.compile(r"[+-]?[\d.,_]+(?:[eE][+-]?\d+)?")


def _has_unit(text: str) -> bool:
    """Whether anything follows the figure ("45 min", "5 m"); a plain "45" has no unit."""
    return _BARE_FIGURE.fullmatch(text) is None


def read_answer(text: object, kind: AnswerKind, output: Output) -> Reading | str:
    """Read a typed answer as ``kind``, or say what form is wanted (the message names the answer and shows a form).

    >>> storage = REGISTRY["storage"].outputs[3]
    >>> read_answer("220 TB", AnswerKind.SIZE, storage).value, read_answer("2.2e14", AnswerKind.SIZE, storage).value
    (220000000000000.0, 220000000000000.0)
    >>> print(read_answer("3 h", AnswerKind.SIZE, storage))
    Answer: that is a duration, not a size; enter a size such as 220 TB, 200 TiB or 2.2e14 (bytes)
    """
    form = _ANSWER_FORM[kind]

    def wanted(reason: str) -> str:
        return f"Answer: {reason}; enter {form}"

    if not isinstance(text, str) or not text.strip():
        return wanted("is empty")
    if len(text) > units.MAX_INPUT_CHARS:
        return wanted("is too long")
    cleaned = text.strip()
    try:
        if kind is AnswerKind.COUNT:
            reading = Reading(units.parse_number(_strip_count_unit(cleaned, output)))
        elif kind is AnswerKind.SIZE:
            reading = units.read_bytes(cleaned)
        else:
            # A bare figure could be bits or bytes, seconds or hours: these answers need their unit.
            if not _has_unit(cleaned):
                return wanted("give its unit")
            reading = units.read_byte_rate(cleaned) if kind is AnswerKind.RATE else units.read_duration_s(cleaned)
    except ParseError as exc:
        other = _kind_of(cleaned)
        if other is AnswerKind.COUNT:  # "220 T", "5 M": a figure whose suffix is not a unit of the asked kind
            return wanted("give it a unit of the right kind")
        if other is not None and other is not kind:
            return wanted(f"that is {_KIND_NAME[other]}, not {_KIND_NAME[kind]}")
        reason = str(exc)
        return wanted({"not a number": "is not a number", "empty": "is empty"}.get(reason, reason))
    if not math.isfinite(reading.value) or reading.value <= 0:
        return wanted("must be a positive figure")
    return reading


@dataclass(frozen=True)
class Grade:
    """How far an answer is from the exact figure: its band, the factor (≥ 1) and which way it errs."""

    band: str
    label: str
    factor: float
    direction: str  # "high", "low" or "exact"

    @property
    def summary(self) -> str:
        if self.band == OFF_BAND:
            return f"Off by ×{units.significant(self.factor, 2)} ({'too ' + self.direction})"
        if self.direction == "exact":
            return f"{self.label.capitalize()}: exact"
        return f"{self.label.capitalize()}: ×{units.significant(self.factor, 3)} {self.direction}"


def grade_factor(answer: float, exact: float) -> float:
    """How many times too high or too low: always ≥ 1, the same for half and for double."""
    return max(answer / exact, exact / answer)


def grade_answer(answer: float, exact: float) -> Grade:
    """The band an answer earns against the exact figure (both positive), by :data:`GRADE_BANDS`.

    >>> grade_answer(220e12, 219e12).band, grade_answer(500, 219).band, grade_answer(1, 219).summary
    ('close', 'order', 'Off by ×220 (too low)')
    """
    factor = grade_factor(answer, exact)
    direction = "exact" if answer == exact else ("high" if answer > exact else "low")
    for band in GRADE_BANDS:
        if factor <= band.within:
            return Grade(band.band, band.label, factor, direction)
    return Grade(OFF_BAND, f"off by ×{units.significant(factor, 2)}", factor, direction)


def _moved_text(draw: Draw, text: str, share: float) -> str | None:
    """The slot's text moved by ``share`` (+0.1 is 10% more), in a form its field reads back; None if it cannot move."""
    try:
        # Rounded to 12 digits so float noise cannot make a whole number (50 × 1.1) fail its field's check.
        if draw.kind is SlotKind.NUMBER:
            return repr(units.round_significant(units.parse_number(text) * (1 + share), 12))
        if draw.kind is SlotKind.BYTES:
            return repr(units.round_significant(units.parse_bytes(text) * (1 + share), 12))
        if draw.kind is SlotKind.DURATION:
            return f"{units.parse_duration_s(text) * (1 + share)!r} s"
        if draw.kind is SlotKind.PERCENT:
            return f"{units.parse_percent(text) * (1 + share) * 100!r}%"
        if draw.kind is SlotKind.AVAILABILITY:
            downtime_share = 1 - units.parse_availability(text)
            return f"{(1 - downtime_share * (1 + share)) * 100!r}%"
    except ParseError:
        return None
    return None


#: What a move that wipes out the answer (a ratio of 0 or less) counts as: more than any real move.
_WIPED_OUT = 1e9


#: Significant figures kept of a move: ``log1p`` comes from the platform's maths library, whose
#: last bit differs between CPython builds (glibc natively, musl in Pyodide); nine figures are the
#: same everywhere and far more than the ranking and the text use.
MOVE_FIGURES = 9


def _log_move(change: float) -> float:
    """|ln(new ÷ old)| for an answer that changed by ``change`` (+0.1 is 10% more), to :data:`MOVE_FIGURES` figures."""
    if change <= -1:
        return _WIPED_OUT
    if abs(change) < 1e-9:  # float noise from a round trip through per-second rates, not a real move
        return 0.0
    return units.round_significant(abs(math.log1p(change)), MOVE_FIGURES)


def sensitivity(drill: Drill, exact: float) -> list[dict[str, Any]]:
    """Each drawn input moved ±:data:`SENSITIVITY_STEP`, the chain re-evaluated: how much the answer moves, most first.

    ``up``/``down`` are the answer's relative changes (None where the moved input is out of range);
    ``moved`` is the larger of the two as ``|ln(new ÷ old)|``, the measure the rows are ranked by.
    """
    rows: list[dict[str, Any]] = []
    for draw in drill.template.draws:
        changes: dict[str, float | None] = {}
        for name, share in (("up", SENSITIVITY_STEP), ("down", -SENSITIVITY_STEP)):
            moved_text = _moved_text(draw, drill.slots[draw.slot], share)
            run = run_chain(drill.template, {**drill.slots, draw.slot: moved_text}) if moved_text is not None else None
            changes[name] = run.answer(drill.template) / exact - 1 if run is not None and run.ok else None
        if changes["up"] is None and changes["down"] is None:
            continue
        # Compared as log ratios, so ×1.1 and ÷1.1 weigh the same: an input the answer is inversely
        # proportional to (a server's capacity) ties with one it is proportional to (users).
        moved = max(_log_move(change) for change in changes.values() if change is not None)
        rows.append({"slot": draw.slot, "label": draw.label, "up": changes["up"], "down": changes["down"], "moved": moved})
    # Rounded so that float noise cannot split a tie; ties keep the order the scenario names them.
    rows.sort(key=lambda row: -units.round_significant(row["moved"], 6))
    return rows


def _percent_change(change: float | None) -> str:
    if change is None:
        return "out of range"
    if abs(change) < 1e-9:  # float noise from a round trip through per-second rates, not a real move
        change = 0.0
    return f"{'+' if change >= 0 else '−'}{units.format_number(abs(change) * 100, 2)}%"


def _sensitivity_text(row: Mapping[str, Any]) -> str:
    step = units.format_number(SENSITIVITY_STEP * 100)
    up, down = _percent_change(row["up"]), _percent_change(row["down"])
    return f"{row['label']}: +{step}% moves the answer {up}, −{step}% moves it {down}"


def _most_sensitive(rows: list[dict[str, Any]]) -> str:
    """The input that moves the answer most, or every input tied for first ("A and B"); empty when nothing moves it."""
    if not rows or rows[0]["moved"] == 0:
        return ""
    top = units.round_significant(rows[0]["moved"], 6)
    tied = [str(row["label"]) for row in rows if units.round_significant(row["moved"], 6) == top]
    return tied[0] if len(tied) == 1 else ", ".join(tied[:-1]) + " and " + tied[-1]


def _working_lines(drill: Drill, run: ChainRun) -> list[str]:
    lines: list[str] = []
    for stage, result in zip(drill.template.stages, run.results, strict=True):
        title = REGISTRY[stage.calc_id].title
        lines += [f"{title}: {result['working'][key]}" for key in stage.steps if key in result["working"]]
    return lines


def grade_drill(drill: Drill, answer_text: object) -> dict[str, Any]:
    """The grade, working and sensitivity for an answer to ``drill``; a malformed answer gets its message and no grade."""
    template = drill.template
    output = template.answer_output
    base: dict[str, Any] = {"question": drill.as_json()}
    reading = read_answer(answer_text, template.answer_kind, output)
    if isinstance(reading, str):
        return {**base, "ok": False, "errors": {"answer": reading}}
    run = run_chain(template, drill.slots)
    exact = run.answer(template)
    prefs = DisplayPrefs()
    grade = grade_answer(reading.value, exact)
    rows = sensitivity(drill, exact)
    final = run.results[-1]
    return {
        **base,
        "ok": True,
        "errors": {},
        "answer": {
            "text": str(answer_text).strip(),
            "value": reading.value,
            "display": output.format(reading.value, prefs),
            "read_as": reading.note,
        },
        "expected": {
            "value": exact,
            "display": final["display"][template.answer_key],
            "rough": final["rough"].get(template.answer_key, ""),
        },
        "grade": {
            "band": grade.band,
            "label": grade.label,
            "factor": grade.factor,
            "direction": grade.direction,
            "summary": grade.summary,
        },
        "working": _working_lines(drill, run),
        "sensitivity": [{**row, "text": _sensitivity_text(row)} for row in rows],
        "most_sensitive": _most_sensitive(rows),
    }


# ---------------------------------------------------------------------------- the JSON bridge


def _dumps(payload: Mapping[str, Any]) -> str:
    """Canonical JSON, as :func:`~calculators.evaluation.dumps`: native and Pyodide compare byte for byte."""
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _int_or_text(value: object) -> object:
    """Seeds and levels arrive as numbers or as digit strings (from a URL); anything else is passed on to be refused."""
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 12:
        return int(value.strip())
    return value


def _filters(parsed: Mapping[str, object]) -> tuple[int, int | None, str | None]:
    seed = _int_or_text(parsed.get("seed"))
    level = _int_or_text(parsed.get("level"))
    topic = parsed.get("topic")
    if level in (None, "", "any"):
        level = None
    if topic in (None, "", "any"):
        topic = None
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise DrillError("seed", f"Seed: must be a whole number from 0 to {MAX_SEED:,}, such as 42")
    if level is not None and (isinstance(level, bool) or not isinstance(level, int)):
        raise DrillError("level", f"Level: choose one of {', '.join(map(str, LEVELS))} (or leave it empty for any)")
    if topic is not None and not isinstance(topic, str):
        raise DrillError("topic", f"Topic: choose one of {', '.join(TOPICS)} (or leave it empty for any)")
    return seed, level, topic


def _request(request: str) -> dict[str, object] | str:
    try:
        parsed = json.loads(request)
    except (TypeError, ValueError):
        return "The request is not valid JSON"
    if not isinstance(parsed, dict):
        return "The request must be a JSON object"
    return parsed


def drill_question_json(request: str) -> str:
    """Bridge handler: ``{"seed", "level"?, "topic"?}`` → the question; never raises.

    >>> json.loads(drill_question_json('{"seed": 42, "level": 1, "topic": "storage"}'))["question"]["ask"]
    'New storage a year?'
    >>> json.loads(drill_question_json('{"seed": -1}'))["errors"]["seed"]
    'Seed: must be a whole number from 0 to 4,294,967,295, such as 42'
    """
    parsed = _request(request)
    if isinstance(parsed, str):
        return _dumps({"ok": False, "errors": {"_": parsed}})
    try:
        drill = make_drill(*_filters(parsed))
    except DrillError as exc:
        return _dumps({"ok": False, "errors": {exc.field: str(exc)}})
    return _dumps({"ok": True, "errors": {}, "question": drill.as_json()})


def drill_grade_json(request: str) -> str:
    """Bridge handler: ``{"seed", "level"?, "topic"?, "answer"}`` → the grade, working and sensitivity; never raises.

    >>> graded = json.loads(drill_grade_json('{"seed": 42, "level": 1, "topic": "storage", "answer": "70 TB"}'))
    >>> graded["grade"]["band"], graded["most_sensitive"]
    ('close', 'Items a day and Item size')
    >>> json.loads(drill_grade_json('{"seed": 42, "level": 1, "topic": "storage", "answer": "soon"}'))["errors"]["answer"]
    'Answer: is not a number; enter a size such as 220 TB, 200 TiB or 2.2e14 (bytes)'
    """
    parsed = _request(request)
    if isinstance(parsed, str):
        return _dumps({"ok": False, "errors": {"_": parsed}})
    try:
        drill = make_drill(*_filters(parsed))
    except DrillError as exc:
        return _dumps({"ok": False, "errors": {exc.field: str(exc)}})
    return _dumps(grade_drill(drill, parsed.get("answer")))
