"""Helpers shared by the test layers: calculator pages and evaluation vectors from the registry."""

from __future__ import annotations

import yaml
from bs4 import BeautifulSoup, Tag

from calculators import REGISTRY, evaluate
from calculators.fields import FieldKind
from docs_build.problems import nav_paths
from docs_build.runtime import PROJECT_ROOT


def calculator_page(calc_id: str) -> str:
    """Site path of a calculator's own page."""
    return f"calculators/{calc_id.replace('_', '-')}/"


# Inputs no field may accept as-is, each of which must get a message naming the field.
HOSTILE_INPUTS: dict[str, str] = {
    "empty": "",
    "letters": "abc",
    "nan": "NaN",
    "inf": "inf",
    "huge-exponent": "1e400",
    "markup": "<img src=x onerror=alert(1)>",
    "long": "9" * 10_000,
    "negative": "-5",
}


def edited_value(calc_id: str, field_name: str) -> str:
    """A valid value for a field that changes the results: taken from its declared example."""
    calculator = REGISTRY[calc_id]
    declared = calculator.field_index[field_name]
    defaults = evaluate(calc_id, {})
    if declared.choices:
        candidates = [value for value, _ in declared.choices]
    elif declared.kind is FieldKind.AVAILABILITY_LIST:
        candidates = [declared.example]
    else:
        candidates = [part.strip() for chunk in declared.example.split(" or ") for part in chunk.split(", ")]
    for candidate in candidates:
        if candidate == declared.default:
            continue
        result = evaluate(calc_id, {field_name: candidate})
        if result["ok"] and result["display"] != defaults["display"]:
            return candidate
    raise AssertionError(f"{calc_id}.{field_name}: no example value changes the results; improve its example")


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml with its ``!ENV`` and ``!!python/name:`` tags read as plain nulls."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def nav_pages(prefix: str = "") -> list[str]:
    """The pages mkdocs.yml's nav lists under ``prefix`` (e.g. ``"concepts/"``), in nav order."""
    config = yaml.load((PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)  # a SafeLoader underneath
    return [page for page in nav_paths(config["nav"]) if page.startswith(prefix)]


def heading_text(heading: Tag) -> str:
    return heading.get_text().replace("¶", "").strip()


def sections(document: BeautifulSoup) -> dict[str, list[Tag]]:
    """A built page's article elements under each H2, by heading text, in order."""
    article = document.select_one("article")
    assert article is not None
    found: dict[str, list[Tag]] = {}
    current: list[Tag] | None = None
    for child in article.children:
        if not isinstance(child, Tag):
            continue
        if child.name == "h2":
            current = found.setdefault(heading_text(child), [])
        elif current is not None:
            current.append(child)
    return found
