"""Fold each calculator page's Python source, keep it out of search and the PDF, and say where it is.

A calculator page includes its tested module under "How it is computed". On screen the listing
sits folded in a ``<details>``; the search index skips it (Material's ``data-search-exclude``), so
previews read as the page's prose; on paper it is replaced by a line naming the page online and
the file in the repository (``phone.css`` swaps the two). Pattern pages are left alone: their
code is what they teach, so it stays in search and in print.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

__all__ = ["CALCULATOR_PAGES_PREFIX", "SOURCE_SECTION_ID", "fold_calculator_sources", "source_pointer_text"]

CALCULATOR_PAGES_PREFIX = "calculators/"
SOURCE_SECTION_ID = "how-it-is-computed"  # the H2 "How it is computed" every calculator page has

# A fenced listing that is nothing but one included module: ```python / {!calculators/x.py!} / ```
_INCLUDED_MODULE = re.compile(r"^```python\n\{!(?P<module>calculators/[\w/]+\.py)!\}\n```$", re.MULTILINE)


def source_pointer_text(page_url: str, module: str) -> str:
    """The sentence printed where the listing would be (``page_url`` is absolute)."""
    return (
        f"The source of this calculator is in the online handbook at {page_url}#{SOURCE_SECTION_ID}"
        f" and in the repository as {module}."
    )


def _folded(module: str, page_url: str) -> str:
    # Blank lines around the fence let md_in_html hand it back to SuperFences as Markdown.
    pointer = escape(source_pointer_text(page_url, module))
    return (
        f'<details class="calculator-source" data-search-exclude markdown="1">\n'
        f"<summary>The module, as tested: <code>{escape(module)}</code></summary>\n\n"
        f"```python\n{{!{module}!}}\n```\n\n"
        f"</details>\n\n"
        f'<p class="calculator-source__pointer" data-search-exclude>{pointer}</p>'
    )


def fold_calculator_sources(markdown: str, page: Any, config: Any) -> str:
    """Wrap every included module listing on a calculator page; other pages come back unchanged."""
    if not page.file.src_uri.startswith(CALCULATOR_PAGES_PREFIX):
        return markdown
    page_url = str(config["site_url"] or "/").rstrip("/") + "/" + page.url
    return _INCLUDED_MODULE.sub(lambda match: _folded(match["module"], page_url), markdown)
