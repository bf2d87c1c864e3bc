"""Concept pages as built: the eleven issue 10 asks for, in the nav, each in the concept shape with
one diagram under "How it works" and a "Where this comes up" list naming at least one problem;
the index's table links every one of them.

The expected pages and sections are typed here from the page brief; links are read from the
built HTML, never from the build code under test.
"""

from __future__ import annotations

import functools
import posixpath
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from tests.helpers import nav_pages, sections

pytestmark = pytest.mark.site

#: The concept pages issue 10 asks for, by file name.
CONCEPTS = (
    "geospatial-indexing",
    "contention-and-locking",
    "stream-processing",
    "probabilistic-structures",
    "search",
    "unique-ids",
    "distributed-transactions",
    "collaborative-editing",
    "multi-region",
    "security",
    "cost",
)
CONCEPT_SECTIONS = ("How it works", "Options and trade-offs", "The numbers", "In the interview", "Where this comes up")


@functools.cache
def _built(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / "concepts" / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def _targets(page: str, tags: list[Tag]) -> list[str]:
    """Site paths of the links inside ``tags``, resolved from ``concepts/<page>/``."""
    base = "concepts/" if page == "" else f"concepts/{page}/"
    return [
        posixpath.normpath(posixpath.join(base, str(a["href"]).split("#")[0]))
        for tag in tags
        for a in tag.find_all("a", href=True)
        if not str(a["href"]).startswith(("#", "http"))
    ]


def test_nav_lists_the_index_then_every_concept_page() -> None:
    listed = nav_pages("concepts/")
    assert listed[0] == "concepts/index.md"
    assert sorted(listed[1:]) == sorted(f"concepts/{name}.md" for name in CONCEPTS)


@pytest.mark.parametrize("concept", CONCEPTS)
def test_concept_page_follows_the_shape_with_one_diagram(built_site: Path, concept: str) -> None:
    document = _built(built_site, concept)
    found = sections(document)
    assert tuple(found) == CONCEPT_SECTIONS
    diagrams = document.select("article .mermaid")
    assert len(diagrams) == 1, f"{concept}: expected one diagram, found {len(diagrams)}"
    in_section = [
        element for element in found["How it works"] if "mermaid" in (element.get("class") or []) or element.select(".mermaid")
    ]
    assert in_section, f"{concept}: the diagram is not under 'How it works'"


@pytest.mark.parametrize("concept", CONCEPTS)
def test_concept_page_names_a_problem_that_uses_it(built_site: Path, concept: str) -> None:
    linked = _targets(concept, sections(_built(built_site, concept))["Where this comes up"])
    problems = [target for target in linked if target.startswith("problems/") and target != "problems"]
    assert problems, f"{concept}: no problem links back to it"
    for target in problems:
        assert (built_site / target / "index.html").exists(), target


def test_index_table_links_every_concept_page(built_site: Path) -> None:
    document = _built(built_site, "")
    rows = document.select("article table tbody tr")
    linked = {target for row in rows for target in _targets("", [row])}
    assert linked == {f"concepts/{name}" for name in CONCEPTS}
