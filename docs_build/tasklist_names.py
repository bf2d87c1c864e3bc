"""Give every task-list checkbox (``- [ ] item``) an accessible name: the text of its own item.

pymdownx.tasklist draws each checkbox as an unlabelled ``<input>`` in front of the item's text,
so a screen reader announces "checkbox, not checked" with no hint what it is for (axe's `label`
rule). This extension runs after it and puts the item's plain text in the checkbox's
``aria-label``. A label rather than ``aria-labelledby`` an id: the print plugin renames every id
on its combined page (and not the references), and no id can clash.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from html import escape
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

__all__ = ["TasklistNamesExtension", "item_text", "makeExtension"]

# After the inline patterns (20), so the text is final; the raw HTML stash holding the checkbox is
# only put back by the postprocessors, after every treeprocessor.
PRIORITY = 7
_CHECKBOX = re.compile(r"<input type=\"checkbox\"")
_PLACEHOLDER_AT_START = re.compile("^" + HTML_PLACEHOLDER_RE.pattern)
_NESTED_LISTS = ("ul", "ol")


def item_text(item: etree.Element) -> str:
    """An item's own words, without stashed HTML (its checkbox) or the lists nested in it."""

    def words(element: etree.Element) -> list[str]:
        found = [element.text or ""]
        for child in element:
            if child.tag not in _NESTED_LISTS:
                found += words(child)
            found.append(child.tail or "")
        return found

    text = HTML_PLACEHOLDER_RE.sub(" ", "".join(words(item)))
    return " ".join(text.split())


class _TasklistNamesTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        stash = self.md.htmlStash.rawHtmlBlocks
        for item in root.iter("li"):
            if "task-list-item" not in item.get("class", "").split():
                continue
            # The checkbox is stashed raw HTML at the start of the item's text or of its first paragraph.
            holder = item if (item.text or "").strip() else next(iter(item), None)
            match = _PLACEHOLDER_AT_START.match((holder.text if holder is not None else None) or "")
            if match is None:
                continue
            index = int(match.group(1))
            markup = str(stash[index])
            name = item_text(item)
            if name and _CHECKBOX.search(markup) and "aria-label" not in markup:
                name_attribute = f'<input type="checkbox" aria-label="{escape(name, quote=True)}"'
                stash[index] = _CHECKBOX.sub(name_attribute, markup, count=1)


class TasklistNamesExtension(Extension):
    """Register the treeprocessor; it acts on the items pymdownx.tasklist (enabled too) has marked."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_TasklistNamesTreeprocessor(md), "task-list-names", PRIORITY)


def makeExtension(**kwargs: Any) -> TasklistNamesExtension:
    return TasklistNamesExtension(**kwargs)
