"""Technology cards as built: the card's sections in order, one small flowchart, per-node figures as the
reference module holds them, and an index whose comparison table quotes only reference figures.

Expectations come from the card shape in the brief (typed here), from mkdocs.yml read as plain YAML
and from ``calculators.reference``, never from the build code under test.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from calculators.reference import FIGURES
from tests.helpers import nav_pages, sections

pytestmark = pytest.mark.site

#: The ten cards issue 10 asks for, by file name.
CARDS = (
    "redis",
    "kafka",
    "postgresql",
    "mysql",
    "dynamodb",
    "cassandra",
    "object-storage",
    "elasticsearch",
    "etcd-zookeeper",
    "cdn",
)
#: A card's H2 sections, in order; "Where this comes up" is appended by the build after them.
CARD_SECTIONS = (
    "Data model and guarantees",
    "How it is built",
    "Numbers per node",
    "Choose it when",
    "Choose something else when",
    "What interviewers probe",
    "Where this comes up",
)
MAX_CARD_DIAGRAM_NODES = 8
MAX_INDEX_DIAGRAM_NODES = 10


@functools.cache
def _built(site: Path, page: str) -> BeautifulSoup:
    path = site / "technologies" / ("index.html" if page == "index" else f"{page}/index.html")
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _cell_text(cell: Tag) -> str:
    return " ".join(cell.get_text().split())


def mermaid_node_ids(source: str) -> set[str]:
    """The node ids of a Mermaid flowchart: labels, edge texts and arrows removed, identifiers kept."""
    _, _, body = source.partition("\n")
    body = re.sub(r"\(\([^)]*\)\)|\[[^\]]*\]|\([^)]*\)|\{[^}]*\}", " ", body)  # node labels
    body = re.sub(r"\|[^|]*\|", " ", body)  # -->|text|
    body = re.sub(r"-\.[^-\n]*?\.->|--[^->\n]+-->", " ", body)  # -. text .-> and -- text -->
    body = re.sub(r"[-=.]+>|---", " ", body)  # bare arrows
    return set(re.findall(r"\b[A-Za-z]\w*\b", body))


def test_node_counter_counts_nodes_not_labels() -> None:
    source = "flowchart LR\n    A[Client app] -->|key → slot| B[(Primary one)]\n    B -. async copy .-> C[Replica]\n    C --> A\n"
    assert mermaid_node_ids(source) == {"A", "B", "C"}


def test_nav_lists_the_index_then_the_ten_cards() -> None:
    listed = nav_pages("technologies/")
    assert listed[0] == "technologies/index.md"
    assert sorted(listed[1:]) == sorted(f"technologies/{card}.md" for card in CARDS)


@pytest.mark.parametrize("card", CARDS)
def test_card_sections_follow_the_shape(built_site: Path, card: str) -> None:
    assert tuple(sections(_built(built_site, card))) == CARD_SECTIONS


@pytest.mark.parametrize("card", CARDS)
def test_card_has_one_small_flowchart_in_how_it_is_built(built_site: Path, card: str) -> None:
    document = _built(built_site, card)
    diagrams = document.select("article pre.mermaid")
    assert len(diagrams) == 1, f"{card}: expected one diagram, found {len(diagrams)}"
    in_section = [tag for element in sections(document)["How it is built"] for tag in element.select("pre.mermaid")]
    in_section += [element for element in sections(document)["How it is built"] if "mermaid" in element.get("class", [])]
    assert in_section, f"{card}: the diagram is not under 'How it is built'"
    source = diagrams[0].get_text()
    assert re.match(r"\s*flowchart\s+(TB|TD|LR|RL|BT)\b", source)
    assert 3 <= len(mermaid_node_ids(source)) <= MAX_CARD_DIAGRAM_NODES, mermaid_node_ids(source)


_FIGURE_BY_LABEL = {quoted.label: quoted for quoted in FIGURES.values()}


@pytest.mark.parametrize("card", CARDS)
def test_numbers_per_node_shows_each_figure_as_the_module_has_it(built_site: Path, card: str) -> None:
    section = sections(_built(built_site, card))["Numbers per node"]
    rows = [row for element in section for row in element.select("table tbody tr")]
    assert rows, f"{card}: no figure table under 'Numbers per node'"
    for row in rows:
        cells = [_cell_text(cell) for cell in row.select("td")]
        assert cells[0] in _FIGURE_BY_LABEL, f"{card}: row {cells[0]!r} is not a reference figure"
        quoted = _FIGURE_BY_LABEL[cells[0]]
        assert cells[1] == quoted.format(), f"{card}: {quoted.key} shows {cells[1]!r}"
        assert cells[2] == quoted.range_text(), f"{card}: {quoted.key} range shows {cells[2]!r}"
        assert quoted.citation() in cells[3]


def _without_figures(text: str) -> str:
    """The text with every reference figure's printed value and range taken out, longest first."""
    printed = {quoted.format() for quoted in FIGURES.values()} | {quoted.range_text() for quoted in FIGURES.values()}
    for shown in sorted(printed, key=len, reverse=True):
        text = text.replace(shown, " ")
    return text


def test_figure_stripper_leaves_a_typed_number() -> None:
    assert not re.search(r"\d", _without_figures(f"{FIGURES['redis_node_ops_per_s'].format()} a node"))
    assert re.search(r"\d", _without_figures("7,000 writes/s a node"))


def _comparison_rows(built_site: Path) -> list[list[Tag]]:
    tables = sections(_built(built_site, "index"))["The comparison"]
    rows = [row for element in tables for row in element.select("table tbody tr")]
    return [row.select("td") for row in rows]


def test_index_compares_every_card_once(built_site: Path) -> None:
    linked = []
    for cells in _comparison_rows(built_site):
        anchor = cells[0].find("a")
        assert anchor is not None, f"row {_cell_text(cells[0])!r} does not link to its card"
        linked.append(str(anchor["href"]).strip("/").split("/")[-1])
    assert sorted(linked) == sorted(CARDS)


def test_index_numbers_are_reference_figures(built_site: Path) -> None:
    """Every digit in the comparison is a figure the module prints; settings in code are names, not figures."""
    for cells in _comparison_rows(built_site):
        per_node = _cell_text(cells[5])
        assert per_node != _without_figures(per_node), f"per-node cell {per_node!r} quotes no reference figure"
        for cell in cells:
            outside_code = " ".join(
                str(text) for text in cell.find_all(string=True) if text.parent is None or text.parent.name != "code"
            )
            left = _without_figures(" ".join(outside_code.split()))
            assert not re.search(r"\d", left), f"typed number in {_cell_text(cell)!r}: {left!r}"


def test_index_diagram_is_small(built_site: Path) -> None:
    diagrams = _built(built_site, "index").select("article pre.mermaid")
    assert len(diagrams) == 1
    assert len(mermaid_node_ids(diagrams[0].get_text())) <= MAX_INDEX_DIAGRAM_NODES
