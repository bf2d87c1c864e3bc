"""Handbook content: seed topics findable by search, pattern code only from tested modules, diagrams offline."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.site
ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

# Every topic the source framework names: its sections, checklists, tables and patterns. Each is a
# phrase a reader would type into the search box; the search index must contain it.
SEED_TOPICS = [
    "timeline",
    "structured thinking",
    "trade-off",
    "scalability",
    "communication",
    "functional requirements",
    "non-functional requirements",
    "use cases",
    "read/write ratio",
    "latency",
    "availability",
    "consistency",
    "capacity estimation",
    "DAU",
    "MAU",
    "peak concurrent users",
    "geographic distribution",
    "requests per second",
    "peak multiplier",
    "storage estimation",
    "retention",
    "growth rate",
    "bandwidth",
    "request size",
    "response size",
    "load balancer",
    "API gateway",
    "application servers",
    "read replica",
    "caching layer",
    "message queue",
    "file storage",
    "CDN",
    "monitoring",
    "logging",
    "background workers",
    "schema design",
    "indexing",
    "sharding",
    "replication",
    "RESTful",
    "authentication",
    "authorization",
    "rate limiting",
    "cache keys",
    "invalidation",
    "cache-aside",
    "write-through",
    "write-behind",
    "horizontal scaling",
    "vertical scaling",
    "microservices",
    "async processing",
    "circuit breaker",
    "user registration",
    "profiles",
    "roles and permissions",
    "follow",
    "search",
    "filtering",
    "sorting",
    "real-time updates",
    "notifications",
    "media",
    "file uploads",
    "content moderation",
    "page load time",
    "throughput",
    "concurrent connections",
    "uptime",
    "RTO",
    "RPO",
    "recovery time objective",
    "recovery point objective",
    "metadata",
    "replication factor",
    "ingress",
    "egress",
    "web application",
    "mobile application",
    "offline",
    "push notifications",
    "real-time system",
    "WebSocket",
    "event streaming",
    "tweet",
    "blog post",
    "user profile",
    "profile image",
    "photo",
    "video",
    "indexes",
    "backup",
    "three-tier",
    "presentation tier",
    "data tier",
    "third-party integrations",
    "service mesh",
    "layer 4",
    "layer 7",
    "SSL termination",
    "content-based routing",
    "NGINX",
    "HAProxy",
    "PostgreSQL",
    "MySQL",
    "MongoDB",
    "DynamoDB",
    "Redis",
    "Memcached",
    "Neo4j",
    "Neptune",
    "CloudFront",
    "Cloudflare",
    "Caffeine",
    "Guava",
    "session",
    "entities",
    "relationships",
    "foreign key",
    "normalisation",
    "composite index",
    "hash-based",
    "range-based",
    "directory-based",
    "nested resources",
    "query parameters",
    "pagination",
    "error handling",
    "request id",
    "TTL",
    "event-based",
    "version",
    "stateless",
    "SSD",
    "query optimisation",
    "profiling",
    "connection pooling",
    "exponential backoff",
    "jitter",
    "background worker",
    "think out loud",
    "clarify",
    "start simple",
    "failure scenarios",
    "network partition",
    "eventual consistency",
    "over-engineer",
    "Kubernetes",
    "validate",
    "45-minute",
    "60-minute",
    "wrap-up",
    "key takeaways",
    "success factors",
    "adaptability",
]
# Beyond the seed, topics the handbook promises.
EXTRA_TOPICS = [
    "consistent hashing",
    "CAP",
    "PACELC",
    "idempotency",
    "back pressure",
    "Little's law",
    "hot key",
    "SLO",
    "error budget",
    "tail latency",
    "fan-out on write",
    "fan-out on read",
    "quorum",
    "latency numbers",
]


_WORD = re.compile(r"[a-z0-9']+")
_STOP_WORDS = {"and", "of", "the", "a", "to", "in", "on", "for"}


def _stem(word: str) -> str:
    """A crude stand-in for lunr's Porter stemmer: enough that "caching" meets "cache"."""
    for suffix in ("ations", "ation", "ings", "ing", "ies", "es", "ed", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@functools.cache
def _search_documents(site: str) -> list[set[str]]:
    """Each search-index document (a page section, as Material indexes it) as a set of stemmed words."""
    index = json.loads((Path(site) / "search" / "search_index.json").read_text(encoding="utf-8"))
    documents = []
    for doc in index["docs"]:
        text = re.sub(r"<[^>]+>", " ", f"{doc.get('title', '')} {doc.get('text', '')}").lower()
        documents.append({_stem(word) for word in _WORD.findall(text)})
    return documents


@pytest.mark.parametrize("topic", SEED_TOPICS + EXTRA_TOPICS)
def test_topic_is_found_by_search(built_site: Path, topic: str) -> None:
    """Search matches words, not phrases: some indexed section must contain every word of the topic."""
    wanted = {_stem(word) for word in _WORD.findall(topic.lower()) if word not in _STOP_WORDS}
    assert any(wanted <= words for words in _search_documents(str(built_site))), f"no section matches {topic!r}"


def test_python_in_pages_is_included_from_modules_only() -> None:
    typed: list[str] = []
    for page in sorted(DOCS.rglob("*.md")):
        for block in re.findall(r"```python[^\n]*\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.DOTALL):
            if not re.fullmatch(r"\s*\{!calculators/[\w/]+\.py!\}\s*", block):
                typed.append(f"{page.relative_to(DOCS)}: {block[:60]!r}")
    assert typed == [], "pattern code must be included from a tested module"


def test_every_included_pattern_module_has_its_own_tests() -> None:
    included = set()
    for page in DOCS.rglob("*.md"):
        included |= set(re.findall(r"\{!calculators/patterns/(\w+)\.py!\}", page.read_text(encoding="utf-8")))
    assert included, "no pattern module is included anywhere"
    untested = sorted(name for name in included if not (ROOT / "tests" / "patterns" / f"test_{name}.py").exists())
    assert untested == []


def test_included_code_on_the_built_page_is_the_module_source(built_site: Path) -> None:
    from bs4 import BeautifulSoup

    page = BeautifulSoup((built_site / "patterns" / "circuit-breaker" / "index.html").read_text(encoding="utf-8"), "html.parser")
    shown = "\n".join(code.get_text() for code in page.select("pre code"))
    source = (ROOT / "calculators" / "patterns" / "circuit_breaker.py").read_text(encoding="utf-8")
    assert source.strip().splitlines()[-1].strip() in shown
    assert "class " in shown


def test_fan_out_timelines_hold_author_and_post_in_a_sorted_set() -> None:
    """Posts are sharded by author, so a timeline entry without the author cannot find its post;
    and only a sorted set makes a redelivered fan-out insert change nothing (LPUSH adds it again)."""
    page = " ".join((DOCS / "patterns" / "fan-out.md").read_text(encoding="utf-8").split())
    assert "(author_id, post_id)" in page
    assert "ZADD" in page and "sorted set" in page and "trimmed by rank" in page
    for stale in ("its ID", "capped timeline list", "push 101 to each follower's list", "Push ID to"):
        assert stale not in page, f"fan-out page still says {stale!r}"
