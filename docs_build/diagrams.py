"""The Mermaid fence: SuperFences' usual ``<pre class="mermaid">`` inside a ``div.diagram`` that
keeps the diagram's source, so ``diagram-zoom.js`` can draw it again full size.

Material draws each ``pre.mermaid`` into a closed shadow root and drops the source text; the
wrapper survives the swap, and its ``data-diagram-source`` is all the zoom view needs.
"""

from __future__ import annotations

from html import escape
from typing import Any

from pymdownx.superfences import fence_code_format

__all__ = ["diagram_fence_format"]


def diagram_fence_format(source: str, language: str, class_name: str, options: dict[str, Any], md: Any, **kwargs: Any) -> str:
    """SuperFences ``format`` for ``mermaid`` fences (see ``mkdocs.yml``)."""
    block = fence_code_format(source, language, class_name, options, md, **kwargs)
    return f'<div class="diagram" data-diagram-source="{escape(source, quote=True)}">{block}</div>'
