"""A 390 px phone: diagrams legible once opened, chart text at 12 px or more, widgets inside the
screen, labels apart from values, options not cut, the worksheet's key results in view.

One browser context for the module; pages are measured as drawn, no waiting on timers.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LEGIBLE_PX = 12.0
# The patterns index had the smallest diagram text (3.6 px), a concept page, and a page with several.
DIAGRAM_PAGES = ["patterns/", "concepts/search/", "interview/high-level-design/"]
WIDGET_PAGES = ["calculators/traffic/", "calculators/backoff/", "calculators/availability/", "calculators/sharding/"]

# Smallest rendered text size inside an element's SVGs: computed font size × the SVG's scale.
SMALLEST_TEXT_PX = """(root) => {
  let smallest = Infinity;
  for (const svg of root.querySelectorAll('svg')) {
    const box = svg.viewBox.baseVal;
    if (!box || !box.width) continue;
    const scale = svg.getBoundingClientRect().width / box.width;
    for (const element of svg.querySelectorAll('text, tspan, span, div, p')) {
      const hasText = [...element.childNodes].some(node => node.nodeType === 3 && node.textContent.trim());
      if (hasText) smallest = Math.min(smallest, parseFloat(getComputedStyle(element).fontSize) * scale);
    }
  }
  return smallest;
}"""

# Everything on a page's widgets that does not fit a phone, as messages (empty when all is well).
WIDGET_PROBLEMS = """(legible) => {
      const found = [];
      for (const form of document.querySelectorAll('form.calculator')) {
        if (form.scrollWidth > form.clientWidth + 1) found.push(`${form.id} overflows sideways`);
        if (form.getBoundingClientRect().right > innerWidth + 0.5) found.push(`${form.id} runs off the screen`);
        for (const row of form.querySelectorAll('table.calculator__results tr[data-row]')) {
          const label = row.querySelector('th').getBoundingClientRect();
          const value = row.querySelector('output').getBoundingClientRect();
          const apart = label.bottom <= value.top + 0.5 || label.right <= value.left + 0.5;
          if (!apart) found.push(`${row.dataset.row}: label overlaps its value`);
          if (!/\\S: \\S/.test(row.innerText.replace(/\\s+/g, ' '))) found.push(`${row.dataset.row}: label runs into its value`);
        }
        const probe = document.createElement('span');
        probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
        document.body.append(probe);
        for (const select of form.querySelectorAll('select')) {
          const style = getComputedStyle(select);
          // The font shorthand reads back empty for a select: copy its parts.
          for (const part of ['fontFamily', 'fontSize', 'fontWeight', 'fontStyle']) probe.style[part] = style[part];
          // Room for text: the box minus its padding and the drop-down arrow with its gap (2 em).
          const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
            - 2 * parseFloat(style.fontSize);
          for (const option of select.options) {
            probe.textContent = option.text;
            if (probe.getBoundingClientRect().width > room) found.push(`option cut: "${option.text}" in ${room.toFixed(0)} px`);
          }
        }
        probe.remove();
        for (const caption of form.querySelectorAll('.calculator__table caption')) {
          const visible = caption.closest('.calculator__table').getBoundingClientRect();
          const range = document.createRange();
          range.selectNodeContents(caption);
          const text = range.getBoundingClientRect();
          if (text.left < visible.left - 0.5 || text.right > visible.right + 0.5) found.push(`cut: ${caption.textContent}`);
        }
        for (const chart of form.querySelectorAll('figure.calculator__chart')) {
          const smallest = (SMALLEST)(chart);
          if (!(smallest >= legible)) found.push(`${chart.dataset.chart}: chart text ${smallest.toFixed(1)} px`);
        }
      }
      return found;
    }""".replace("SMALLEST", SMALLEST_TEXT_PX)


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


@pytest.mark.parametrize("path", DIAGRAM_PAGES)
def test_each_diagram_opens_full_size_with_legible_text(phone: Page, site_url: str, path: str) -> None:
    phone.goto(f"{site_url}/{path}")
    phone.wait_for_function("() => [...document.querySelectorAll('.mermaid')].every(block => block.tagName === 'DIV')")
    count = phone.locator(".diagram").count()
    assert count >= 1
    assert phone.locator(".diagram__open").count() == count
    for index in range(count):
        # A diagram in a folded answer opens with its answer, as a reader would open it.
        phone.evaluate(
            "(i) => {\n const d = document.querySelectorAll('.diagram')[i].closest('details'); if (d) d.open = true; }", index
        )
        phone.locator(".diagram__open").nth(index).click()
        phone.wait_for_function(
            "() => document.querySelector('dialog.diagram-dialog[open] .diagram-dialog__canvas')"
            "?.shadowRoot?.querySelector('svg')"
        )
        smallest = phone.evaluate(f"() => ({SMALLEST_TEXT_PX})(document.querySelector('.diagram-dialog__canvas').shadowRoot)")
        assert LEGIBLE_PX <= smallest < 100, f"{path} diagram {index}: text {smallest:.1f} px once opened"
        # The dialog fills the screen and scrolls inside itself, not the page.
        box = phone.locator("dialog.diagram-dialog").bounding_box()
        assert box is not None and box["width"] <= PHONE["width"] + 0.5
        phone.keyboard.press("Escape")
        phone.wait_for_function("() => !document.querySelector('dialog.diagram-dialog[open]')")


@pytest.mark.parametrize("path", WIDGET_PAGES)
def test_widgets_fit_a_phone(phone: Page, site_url: str, path: str) -> None:
    phone.goto(f"{site_url}/{path}")
    problems = phone.evaluate(WIDGET_PROBLEMS, LEGIBLE_PX)
    assert problems == [], problems


def test_worksheet_key_results_stay_in_view_while_inputs_are_edited(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}/calculators/worksheet/")
    strip = phone.locator("form[data-calculator=worksheet] [data-result-summary]")
    last_input = phone.locator("form[data-calculator=worksheet] fieldset.calculator__inputs [name]").last
    for field in (phone.locator("form[data-calculator=worksheet] fieldset.calculator__inputs [name]").first, last_input):
        field.scroll_into_view_if_needed()
        field_box, strip_box = field.bounding_box(), strip.bounding_box()
        assert field_box is not None and strip_box is not None
        assert strip_box["y"] >= 0 and strip_box["y"] + strip_box["height"] <= PHONE["height"] + 0.5, strip_box
        assert strip_box["height"] < PHONE["height"] / 4
    # The strip follows its outputs, whoever writes them.
    copied = phone.evaluate(
        """() => new Promise(resolve => {
      const form = document.querySelector('form[data-calculator=worksheet]');
      const output = form.querySelector('output[data-output=shards]');
      output.textContent = '12 shards (test)';
      requestAnimationFrame(() => resolve(form.querySelector('[data-summary-of=shards]').textContent));
    })"""
    )
    assert copied == "12 shards (test)"
