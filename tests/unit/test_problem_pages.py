"""The problem front matter loader: a page breaking the contract fails the build with its name and
field, and so does a placeholder: no problem page is skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from docs_build.problems import ProblemError, load_problems, render_used_by

GOOD_BLOCK = """problem:
  difficulty: Medium
  minutes: 45
  concepts: [patterns/fan-out.md]
  calculators: [worksheet]
  rubric:
    requirements: [a, b, c]
    estimation: [a, b, c]
    high_level_design: [a, b, c]
    deep_dive: [a, b, c]
    wrap_up: [a, b, c]
"""
NAV = [{"Problems": ["problems/index.md", "problems/one.md"]}]


def docs_with(tmp_path: Path, front_matter: str, body: str = "# One\n") -> Path:
    (tmp_path / "problems").mkdir()
    (tmp_path / "patterns").mkdir()
    (tmp_path / "patterns" / "fan-out.md").write_text("# Fan-out\n")
    (tmp_path / "problems" / "index.md").write_text("# Problems\n")
    (tmp_path / "problems" / "one.md").write_text(f"---\n{front_matter}---\n\n{body}")
    return tmp_path


def test_a_complete_page_loads(tmp_path: Path) -> None:
    (problem,) = load_problems(docs_with(tmp_path, GOOD_BLOCK), NAV)
    assert (problem.slug, problem.title, problem.minutes, problem.concepts) == ("one", "One", 45, ("patterns/fan-out.md",))
    assert render_used_by("patterns/fan-out.md", [problem]).splitlines()[-1] == "- [One](../problems/one.md) — medium, 45 minutes"


@pytest.mark.parametrize(
    ("broken", "named"),
    [
        pytest.param(GOOD_BLOCK.replace("minutes: 45", "minutes: 50"), "problem.minutes", id="minutes"),
        pytest.param(GOOD_BLOCK.replace("Medium", "Tricky"), "problem.difficulty", id="difficulty"),
        pytest.param(GOOD_BLOCK.replace("patterns/fan-out.md", "patterns/nowhere.md"), "problem.concepts", id="concept"),
        pytest.param(GOOD_BLOCK.replace("[worksheet]", "[abacus]"), "problem.calculators", id="calculator"),
        pytest.param(GOOD_BLOCK.replace("    wrap_up: [a, b, c]\n", ""), "problem.rubric.wrap_up", id="rubric-phase"),
        pytest.param("description: written, but no block\n", "no problem: block", id="no-block"),
    ],
)
def test_a_page_breaking_the_contract_fails_naming_the_field(tmp_path: Path, broken: str, named: str) -> None:
    with pytest.raises(ProblemError, match=r"problems/one\.md") as raised:
        load_problems(docs_with(tmp_path, broken), NAV)
    assert named in str(raised.value)


def test_a_placeholder_fails_the_build(tmp_path: Path) -> None:
    docs = docs_with(tmp_path, "description: PLACEHOLDER\n", "# One\n\nPLACEHOLDER: being written.\n")
    with pytest.raises(ProblemError, match=r"problems/one\.md: no problem: block"):
        load_problems(docs, NAV)


def test_a_problem_page_missing_from_the_nav_fails(tmp_path: Path) -> None:
    docs = docs_with(tmp_path, GOOD_BLOCK)
    (docs / "problems" / "two.md").write_text(f"---\n{GOOD_BLOCK}---\n\n# Two\n")
    with pytest.raises(ProblemError, match=r"problems/two\.md"):
        load_problems(docs, NAV)
