"""docs_build/tasklist_names.py: every task-list checkbox is named by its own item's text."""

from __future__ import annotations

from bs4 import BeautifulSoup
from markdown import Markdown

TASKS = """\
- [ ] Keys named: **primary** key, `shard` key, "quoted" & <b>raw</b>
- [x] Numbers re-checked

    with a second paragraph

    - [ ] a nested task

- an ordinary item
"""


def render(text: str, *, with_names: bool = True) -> BeautifulSoup:
    extensions = ["pymdownx.tasklist"] + (["docs_build.tasklist_names"] if with_names else [])
    converter = Markdown(extensions=extensions, extension_configs={"pymdownx.tasklist": {"custom_checkbox": True}})
    return BeautifulSoup(converter.convert(text), "html.parser")


def test_each_checkbox_is_named_by_its_own_item() -> None:
    document = render(TASKS)
    names = [box.get("aria-label") for box in document.select("input[type=checkbox]")]
    assert names == [
        'Keys named: primary key, shard key, "quoted" & raw',
        "Numbers re-checked with a second paragraph",  # its nested list is left out
        "a nested task",
    ]


def test_the_checkboxes_are_otherwise_unchanged() -> None:
    named, plain = render(TASKS), render(TASKS, with_names=False)
    for box in named.select("input[type=checkbox]"):
        del box["aria-label"]
    assert str(named) == str(plain)


def test_without_the_extension_the_boxes_have_no_name() -> None:
    """The problem is real: pymdownx.tasklist alone leaves every box unnamed (no text in its label)."""
    document = render(TASKS, with_names=False)
    for box in document.select("input[type=checkbox]"):
        assert box.get("aria-label") is None and box.get("aria-labelledby") is None
        assert box.find_parent("label").get_text(strip=True) == ""
