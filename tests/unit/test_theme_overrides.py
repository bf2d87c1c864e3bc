"""The theme partials under overrides/ are Material's own, plus only the accessible names we add.

When Material is upgraded and its partial changes, this fails: refresh the override from the new
partial and add the attribute again.
"""

from __future__ import annotations

from pathlib import Path

import material
import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
THEME_PARTIALS = Path(material.__file__).parent / "templates" / "partials"
OVERRIDES = PROJECT_ROOT / "overrides" / "partials"

# partial -> (the theme's opening tag, ours)
ADDED_NAMES = {
    "search.html": (
        '<div class="md-search" data-md-component="search" role="dialog">',
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">',
    ),
    "progress.html": (
        '<div class="md-progress" data-md-component="progress" role="progressbar">',
        '<div class="md-progress" data-md-component="progress" role="progressbar" aria-label="Loading the page">',
    ),
}


def without_leading_comment(template: str) -> str:
    """Drop the ``{#- ... -#}`` header both files open with."""
    assert template.startswith("{#-")
    return template.split("-#}", 1)[1]


@pytest.mark.parametrize("partial", list(ADDED_NAMES))
def test_override_is_the_theme_partial_plus_a_name(partial: str) -> None:
    theirs, ours = ADDED_NAMES[partial]
    theme = without_leading_comment((THEME_PARTIALS / partial).read_text(encoding="utf-8"))
    override = without_leading_comment((OVERRIDES / partial).read_text(encoding="utf-8"))
    assert theme.count(theirs) == 1, f"Material's {partial} changed: refresh overrides/partials/{partial}"
    assert override == theme.replace(theirs, ours)
