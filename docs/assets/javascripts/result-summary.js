// @ts-check
/* The strip of key results (div[data-result-summary], docs_build/summary.py) repeats a few of a
 * widget's outputs so they stay in view while its inputs are edited. It only mirrors: whatever
 * writes the outputs (calculators.js), each copy follows its output's text and staleness.
 * Mounted on every page view, instant navigation included, and once per strip.
 */
"use strict";

(() => {
  /**
   * @param {HTMLElement} copy
   * @param {HTMLOutputElement} output
   */
  function mirror(copy, output) {
    copy.textContent = output.textContent;
    copy.toggleAttribute("data-stale", output.hasAttribute("data-stale"));
  }

  function mountAll() {
    for (const strip of document.querySelectorAll("[data-result-summary]")) {
      if (!(strip instanceof HTMLElement) || strip.dataset.summaryMounted) continue;
      const form = strip.closest("form");
      if (!form) continue;
      strip.dataset.summaryMounted = "true";
      for (const copy of strip.querySelectorAll("[data-summary-of]")) {
        if (!(copy instanceof HTMLElement)) continue;
        const output = form.querySelector(`output[data-output="${copy.dataset.summaryOf}"]`);
        if (!(output instanceof HTMLOutputElement)) continue;
        new MutationObserver(() => mirror(copy, output)).observe(output, {
          childList: true,
          characterData: true,
          subtree: true,
          attributes: true,
          attributeFilter: ["data-stale"],
        });
        mirror(copy, output);
      }
    }
  }

  /** @type {{ document$?: { subscribe(callback: () => void): void } }} */
  const material = /** @type {any} */ (window);
  if (material.document$ && material.document$.subscribe) material.document$.subscribe(mountAll);
  else mountAll();
})();
