"""The Mermaid fence: SuperFences' usual ``<pre class="mermaid">`` inside a ``div.diagram`` that
keeps the diagram's source, so ``diagram-zoom.js`` can draw it again full size.

Material draws each ``pre.mermaid`` into a closed shadow root and drops the source text; the
wrapper survives the swap, and its ``data-diagram-source`` is all the zoom view needs.
"""

from __future__ import annotations

from html import escape
from typing import Any

__all__ = ["diagram_fence_format"]


def diagram_fence_format(source: str, language: str, class_name: str, options: dict[str, Any], md: Any, **kwargs: Any) -> str:
    """SuperFences ``format`` for ``mermaid`` fences (see ``mkdocs.yml``): the block Material looks for."""
    block = f'<pre class="{escape(class_name)}"><code>{escape(source, quote=False)}</code></pre>'
    return f'<div class="diagram" data-diagram-source="{escape(source, quote=True)}">{block}</div>'
