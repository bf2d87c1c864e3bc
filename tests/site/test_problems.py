"""Problem pages as built: the contract's sections in order, answers folded, a live preset whose
figures the text quotes, a diagram, complete front matter; the index and the reverse links.

Every problem page in the nav is checked, placeholders included: a page not yet written fails
here by design. Expectations come from the front matter read here with plain YAML, from
mkdocs.yml and from ``evaluate``, never from the build code under test.
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from calculators import REGISTRY, evaluate
from calculators.fields import FieldKind
from calculators.interview_time import PHASES
from docs_build.problems import CONCEPTS_BEHIND_HEADING
from tests.conftest import PROJECT_ROOT
from tests.helpers import nav_pages, sections

pytestmark = pytest.mark.site
DOCS = PROJECT_ROOT / "docs"

#: The H2 headings of PROBLEM_CONTRACT.md, in its order.
CONTRACT_SECTIONS = (
    "The prompt",
    "Clarifying questions",
    "Requirements",
    "Core entities",
    "API",
    "Estimate",
    "High-level design",
    "Deep dives",
    "Failure modes",
    "Follow-up questions",
    "What each level looks like",
    "Common mistakes",
)
#: Generated after the contract's sections: links to the pages the front matter names as concepts.
GENERATED_SECTIONS = (CONCEPTS_BEHIND_HEADING,)
RUBRIC_PHASES = tuple(key.removesuffix("_s") for key, _, _ in PHASES)


def _problem_pages() -> list[str]:
    return [page for page in nav_pages("problems/") if page != "problems/index.md"]


PROBLEM_PAGES = _problem_pages()
SLUGS = [posixpath.splitext(posixpath.basename(page))[0] for page in PROBLEM_PAGES]


@functools.cache
def front_matter(slug: str) -> dict[str, Any]:
    text = (DOCS / "problems" / f"{slug}.md").read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    assert match, f"{slug}: no front matter"
    meta = yaml.safe_load(match.group(1))
    assert isinstance(meta, dict)
    return meta


def problem_block(slug: str) -> dict[str, Any]:
    block = front_matter(slug).get("problem")
    assert isinstance(block, dict), f"problems/{slug}.md has no problem: block (placeholder or not yet rewritten?)"
    return block


def built(site: Path, slug: str) -> BeautifulSoup:
    return BeautifulSoup((site / "problems" / slug / "index.html").read_text(encoding="utf-8"), "html.parser")


def solution(document: BeautifulSoup, section: str) -> Tag:
    body = sections(document)[section]
    assert len(body) == 1, f"{section}: expected one folded block, found {[tag.name for tag in body]}"
    return body[0]


def plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def prose(element: Tag) -> str:
    """Visible text, without widgets and the practice control (they are checked on their own)."""
    copy = BeautifulSoup(str(element), "html.parser")
    for widget in copy.select("form.calculator, [data-practice-timer]"):
        widget.decompose()
    return plain(copy.get_text(" "))


# ------------------------------------------------------------------ front matter


@pytest.mark.parametrize("slug", SLUGS)
def test_front_matter_is_complete(slug: str) -> None:
    meta = front_matter(slug)
    assert "PLACEHOLDER" not in str(meta.get("description", "")), f"{slug}: still a placeholder"
    assert meta.get("render_macros") is True
    block = problem_block(slug)
    assert block.get("difficulty") in ("Easy", "Medium", "Hard")
    assert block.get("minutes") in (45, 60)
    concepts = block.get("concepts")
    assert isinstance(concepts, list) and concepts
    for concept in concepts:
        assert (DOCS / concept).is_file(), f"{slug}: concept {concept!r} is not a page"
    calculators = block.get("calculators")
    assert isinstance(calculators, list) and "worksheet" in calculators
    assert set(calculators) <= set(REGISTRY), f"{slug}: unknown calculators {set(calculators) - set(REGISTRY)}"
    rubric = block.get("rubric")
    assert isinstance(rubric, dict) and set(rubric) == set(RUBRIC_PHASES), f"{slug}: rubric phases {rubric}"
    for phase in RUBRIC_PHASES:
        items = rubric[phase]
        assert isinstance(items, list) and 3 <= len(items) <= 5, f"{slug}: rubric.{phase} needs 3–5 items"
        assert all(isinstance(item, str) and item.strip() for item in items)
    assert any(preset.id == slug for preset in REGISTRY["worksheet"].presets), f"no worksheet preset {slug!r}"


# ------------------------------------------------------------------ the built page


@pytest.mark.parametrize("slug", SLUGS)
def test_sections_follow_the_contract_and_fold_after_the_prompt(built_site: Path, slug: str) -> None:
    document = built(built_site, slug)
    found = sections(document)
    assert tuple(found) == CONTRACT_SECTIONS + GENERATED_SECTIONS
    prompt = found["The prompt"]
    assert prompt[0].name == "blockquote", "the prompt is said in the interviewer's words, as a quote"
    assert not any(tag.select("details") or tag.name == "details" for tag in prompt), "the prompt is never folded"
    for section in CONTRACT_SECTIONS[1:]:
        block = solution(document, section)
        assert block.name == "details" and "solution" in (block.get("class") or []), f"{section} is not a details.solution"
        assert not block.has_attr("open"), f"{section} is open on arrival"
        summary = block.find("summary", recursive=False)
        assert summary is not None
        assert len(prose(block)) - len(summary.get_text()) > 40, f"{section} is folded but empty"


@pytest.mark.parametrize("slug", SLUGS)
def test_practice_control_leads_with_the_interview_time_budget_and_the_rubric(built_site: Path, slug: str) -> None:
    block = problem_block(slug)
    document = built(built_site, slug)
    controls = [tag for tag in sections(document)["The prompt"] if tag.has_attr("data-practice-timer")]
    assert len(controls) == 1, "one Practise this control, in the prompt's section"
    control = controls[0]
    assert control["data-problem"] == slug and control["data-minutes"] == str(block["minutes"])
    assert control.get("id") == "practice"
    assert control.select_one('[data-timer-action="start"]') is not None
    assert control.select_one('[data-timer-action="done"]') is not None
    budget = evaluate("interview_time", {"length_minutes": str(block["minutes"])})
    lengths = {str(phase["data-phase"]): float(str(phase["data-seconds"])) for phase in control.select("[data-phase]")}
    assert lengths == {key: budget["values"][key] for key, _, _ in PHASES}
    assert sum(lengths.values()) == 60 * block["minutes"]
    for phase in RUBRIC_PHASES:
        shown = [plain(label.get_text()) for label in control.select(f'[data-rubric-phase="{phase}"] label')]
        assert shown == [plain(item) for item in block["rubric"][phase]]


@pytest.mark.parametrize("slug", SLUGS)
def test_estimate_has_the_live_preset_widget(built_site: Path, slug: str) -> None:
    estimate = solution(built(built_site, slug), "Estimate")
    forms = estimate.select('form[data-calculator="worksheet"]')
    assert len(forms) == 1, "one worksheet widget in the Estimate section"
    form = forms[0]
    assert form["data-state"] == "static"
    chosen = form.select_one("select[data-preset] option[selected]")
    assert chosen is not None and chosen["value"] == slug
    inputs = REGISTRY["worksheet"].preset_inputs(slug)
    expected = evaluate("worksheet", inputs)
    assert expected["ok"], expected["errors"]
    shown = {str(output["data-output"]): output.get_text() for output in form.select("output[data-output]")}
    assert shown == expected["display"]
    for name, value in inputs.items():
        control = form.select_one(f'[name="{name}"]')
        assert control is not None, name
        if control.name == "input":
            assert control["value"] == value, name
        else:
            picked = control.select_one("option[selected]")
            assert picked is not None and picked["value"] == value, name


@pytest.mark.parametrize("slug", SLUGS)
def test_high_level_design_has_a_mermaid_flowchart(built_site: Path, slug: str) -> None:
    diagrams = solution(built(built_site, slug), "High-level design").select("pre.mermaid")
    assert diagrams, "no Mermaid diagram in the high-level design"
    assert re.match(r"\s*(flowchart|graph)\s+(TB|TD|BT|LR|RL)\b", diagrams[0].get_text())


@pytest.mark.parametrize("slug", SLUGS)
def test_built_page_has_no_template_or_broken_numbers(built_site: Path, slug: str) -> None:
    article = built(built_site, slug).select_one("article")
    assert article is not None
    text = article.get_text(" ")
    for bad in ("{{", "{%", "PLACEHOLDER"):
        assert bad not in text, f"{slug} shows {bad!r}"
    for word in ("NaN", "undefined", "Infinity", "inf"):
        assert not re.search(rf"\b{word}\b", text), f"{slug} shows {word!r}"


# ------------------------------------------------------------------ the figures are the preset's


def _is_specific(shown: str) -> bool:
    """A display string with three non-zero digits or more ("347,222 req/s", "7.5 GB (6.98 GiB)")
    is unlikely to match another figure, or an assumption typed in prose, by chance; "1 shard",
    "52 servers" or "100 million users" could."""
    return sum(character in "123456789" for character in shown) >= 3


def _raw(kind: FieldKind, value: float) -> str:
    return f"{value * 100:.6g}%" if kind is FieldKind.PERCENT else f"{value:.6g}"


def alternative_inputs(slug: str) -> Iterator[tuple[str, dict[str, str]]]:
    """Worksheet inputs a page might have been written against by mistake: the defaults, every
    other preset, and this preset with any one numeric input doubled or halved."""
    sheet = REGISTRY["worksheet"]
    own = sheet.preset_inputs(slug)
    yield "the defaults", sheet.defaults()
    for preset in sheet.presets:
        if preset.id != slug:
            yield f"preset {preset.id}", sheet.preset_inputs(preset.id)
    for declared in sheet.fields:
        value = declared.parse(own[declared.name]) if own[declared.name].strip() else None
        if isinstance(value, float) and value > 0:
            for factor in (2.0, 0.5):
                yield f"{declared.name} × {factor:g}", {**own, declared.name: _raw(declared.kind, value * factor)}


@functools.cache
def foreign_figures(slug: str) -> dict[str, str]:
    """Specific display strings the worksheet gives for other inputs but not for this preset."""
    own = set(evaluate("worksheet", REGISTRY["worksheet"].preset_inputs(slug))["display"].values())
    foreign: dict[str, str] = {}
    for source, inputs in alternative_inputs(slug):
        result = evaluate("worksheet", inputs)
        if not result["ok"]:
            continue
        for key, shown in result["display"].items():
            if shown not in own and _is_specific(shown):
                foreign.setdefault(plain(shown), f"{key} for {source}")
    return foreign


def quoted(text: str, figure: str) -> bool:
    """Whether ``figure`` appears whole in ``text`` (not as the tail of a longer number)."""
    return re.search(rf"(?<![\d.,]){re.escape(figure)}(?![\d])", text) is not None


@pytest.mark.parametrize("slug", SLUGS)
def test_estimate_quotes_the_presets_figures(built_site: Path, slug: str) -> None:
    text = prose(solution(built(built_site, slug), "Estimate"))
    own = evaluate("worksheet", REGISTRY["worksheet"].preset_inputs(slug))["display"]
    quoted_keys = {plain(shown) for shown in own.values() if _is_specific(shown) and quoted(text, plain(shown))}
    assert len(quoted_keys) >= 3, f"the Estimate text quotes only {sorted(quoted_keys)} of the preset's figures"


@pytest.mark.parametrize("slug", SLUGS)
def test_no_figure_comes_from_other_inputs(built_site: Path, slug: str) -> None:
    """A worksheet figure for other inputs (another preset, the defaults, a changed input) on the
    page is a typed or stale number, unless an estimate() call on this page produced it: the
    build lists those calls in problems/figures.json."""
    manifest = json.loads((built_site / "problems" / "figures.json").read_text(encoding="utf-8"))
    calls = manifest.get(f"problems/{slug}.md", [])
    assert any(call["calculator"] == "worksheet" and call["preset"] == slug for call in calls), (
        f'{slug}: no estimate("worksheet", preset="{slug}") on the page'
    )
    produced = {plain(shown) for call in calls for shown in call["display"].values()}
    article = built(built_site, slug).select_one("article")
    assert article is not None
    text = prose(article)
    strays = {
        figure: source for figure, source in foreign_figures(slug).items() if figure not in produced and quoted(text, figure)
    }
    assert not strays, f"{slug} quotes worksheet figures of other inputs: {strays}"


# ------------------------------------------------------------------ index and reverse links


def _written() -> list[str]:
    return [slug for slug in SLUGS if isinstance(front_matter(slug).get("problem"), dict)]


def test_index_lists_every_written_problem_with_its_front_matter(built_site: Path) -> None:
    document = BeautifulSoup((built_site / "problems" / "index.html").read_text(encoding="utf-8"), "html.parser")
    rows = [row for row in document.select("article table tbody tr") if row.select_one("a.problem-link")]
    by_slug = {}
    for row in rows:
        link = row.select_one("a.problem-link")
        assert link is not None
        by_slug[str(link["href"]).strip("/").split("/")[-1]] = row
    written = _written()
    assert list(by_slug) == written, "one row per written problem, in nav order"
    for slug in written:
        block = problem_block(slug)
        cells = by_slug[slug].find_all("td")
        assert str(block["difficulty"]) in cells[1].get_text() and str(block["minutes"]) in cells[1].get_text()
        concept_links = [str(a["href"]) for a in cells[2].find_all("a")]
        assert concept_links == [f"../{concept.removesuffix('.md')}/" for concept in block["concepts"]]
        calculator_links = [str(a["href"]) for a in cells[3].find_all("a")]
        assert calculator_links == [f"../calculators/{calc.replace('_', '-')}/" for calc in block["calculators"]]
        assert cells[4].select_one(f'[data-problem-score="{slug}"]') is not None
    surprise = document.select_one("a.problem-surprise")
    assert surprise is not None and str(surprise["href"]).strip("/").split("/")[-1] in written


def _concept_pages() -> list[str]:
    pages = [
        path.relative_to(DOCS).as_posix()
        for directory in ("building-blocks", "patterns", "concepts", "technologies")
        for path in sorted((DOCS / directory).glob("*.md"))
        if path.name != "index.md"
    ]
    named = {concept for slug in _written() for concept in problem_block(slug)["concepts"]}
    return sorted(set(pages) | named)


@pytest.mark.parametrize("concept", _concept_pages())
def test_concept_page_lists_where_it_comes_up(built_site: Path, concept: str) -> None:
    html = built_site / concept.removesuffix(".md") / "index.html"
    document = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    found = sections(document)
    assert "Where this comes up" in found, f"{concept} has no 'Where this comes up'"
    assert list(found)[-1] == "Where this comes up", "it closes the page"
    linked = [str(a["href"]).strip("/").split("/")[-1] for tag in found["Where this comes up"] for a in tag.find_all("a")]
    expected = [slug for slug in _written() if concept in problem_block(slug)["concepts"]]
    assert [slug for slug in linked if slug != "problems"] == expected


@pytest.mark.parametrize("slug", SLUGS)
def test_problem_page_links_the_concepts_its_front_matter_names(built_site: Path, slug: str) -> None:
    found = sections(built(built_site, slug))
    assert list(found)[-1] == CONCEPTS_BEHIND_HEADING, "the concepts close the page"
    linked = [
        posixpath.normpath(posixpath.join(f"problems/{slug}/", str(a["href"]).split("#")[0]))
        for tag in found[CONCEPTS_BEHIND_HEADING]
        for a in tag.find_all("a")
    ]
    expected = [concept.removesuffix(".md") for concept in problem_block(slug)["concepts"]]
    assert linked == expected
