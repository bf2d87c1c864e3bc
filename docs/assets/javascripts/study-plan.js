// @ts-check
/* Study plan: keeps the reader's ticks in localStorage and shows how many are done.
 *
 * The plan's markup is generated at build time (docs_build/practice.py): a [data-study-plan]
 * root naming its storage key, one checkbox per item (input[data-plan-item], keyed by the
 * item's link target), a progress line and a reset button; a mock interview's link names the
 * anchor to open its problem at (data-plan-hash). Nothing here needs the network, so
 * the plan works offline wherever the page itself loads. Mounted on every page view, including
 * those reached by Material's instant navigation, so the ticks are restored each time.
 */
"use strict";

(() => {
  /**
   * What the plan keeps: the targets of the ticked items.
   * @typedef {{ done: string[], savedAt: string }} PlanRecord
   */

  /**
   * The ticked item targets saved under `key`; an empty list when nothing valid is saved or
   * storage is blocked.
   * @param {string} key
   * @returns {Set<string>}
   */
  function loadDone(key) {
    let parsed;
    try {
      parsed = JSON.parse(window.localStorage.getItem(key) || "null");
    } catch {
      return new Set(); // storage blocked, or a value that is not JSON
    }
    if (!parsed || !Array.isArray(parsed.done)) return new Set();
    return new Set(parsed.done.filter((/** @type {unknown} */ item) => typeof item === "string"));
  }

  /**
   * @param {string} key
   * @param {string[]} done targets of the ticked items; empty forgets the record
   */
  function saveDone(key, done) {
    try {
      if (done.length === 0) window.localStorage.removeItem(key);
      else {
        /** @type {PlanRecord} */
        const record = { done, savedAt: new Date().toISOString() };
        window.localStorage.setItem(key, JSON.stringify(record));
      }
    } catch {
      // Storage full or blocked: the ticks still count on screen, they just will not persist.
    }
  }

  /**
   * @param {number} done
   * @param {number} total
   * @returns {string} e.g. "5 of 38 done"; the same words as the build-time text
   */
  function progressText(done, total) {
    return `${done} of ${total} done`;
  }

  /** @param {HTMLElement} root */
  function mount(root) {
    if (root.dataset.mounted) return;
    root.dataset.mounted = "true";
    const key = root.dataset.storageKey;
    const progress = root.querySelector("[data-plan-progress]");
    const reset = root.querySelector("[data-plan-reset]");
    if (!key || !(progress instanceof HTMLElement) || !(reset instanceof HTMLButtonElement)) {
      throw new Error("study plan: the markup lacks its storage key, progress line or reset button");
    }
    const boxes = [...root.querySelectorAll("input[data-plan-item]")].filter((box) => box instanceof HTMLInputElement);
    const days = [...root.querySelectorAll("[data-plan-day]")].filter((day) => day instanceof HTMLElement);

    /** Targets the page has ticked, in plan order. */
    function ticked() {
      return boxes.filter((box) => box.checked).map((box) => box.dataset.planItem || "");
    }

    // An arrow function, not a declaration, so the checks above still narrow progress and reset inside it.
    const render = () => {
      progress.textContent = progressText(ticked().length, boxes.length);
      for (const day of days) {
        const own = [...day.querySelectorAll("input[data-plan-item]")].filter((box) => box instanceof HTMLInputElement);
        day.classList.toggle("study-plan__day--done", own.length > 0 && own.every((box) => box.checked));
      }
      reset.disabled = ticked().length === 0;
    };

    const saved = loadDone(key);
    for (const box of boxes) box.checked = saved.has(box.dataset.planItem || "");
    // Ticks for items the plan no longer has are kept, so a plan edited later loses nothing.
    const known = new Set(boxes.map((box) => box.dataset.planItem || ""));
    const elsewhere = [...saved].filter((target) => !known.has(target));

    root.addEventListener("change", (event) => {
      if (!(event.target instanceof HTMLInputElement) || !event.target.matches("[data-plan-item]")) return;
      saveDone(key, [...ticked(), ...elsewhere]);
      render();
    });
    reset.addEventListener("click", () => {
      for (const box of boxes) box.checked = false;
      elsewhere.length = 0;
      saveDone(key, []);
      render();
      progress.textContent = `Ticks cleared: ${progressText(0, boxes.length)}`;
    });
    // A mock interview opens its problem at #practice, where the timer starts by itself. Only for
    // links to another page: on the combined print page every link points inside that page.
    for (const link of root.querySelectorAll("a[data-plan-hash]")) {
      if (!(link instanceof HTMLAnchorElement) || new URL(link.href).pathname === window.location.pathname) continue;
      link.hash = link.dataset.planHash || "";
    }
    reset.hidden = false;
    render();
  }

  function mountAll() {
    for (const root of document.querySelectorAll("[data-study-plan]")) {
      if (root instanceof HTMLElement) mount(root);
    }
  }

  /** @type {{ document$?: { subscribe(callback: () => void): void } }} */
  const material = /** @type {any} */ (window);
  if (material.document$ && material.document$.subscribe) material.document$.subscribe(mountAll);
  else mountAll();
})();
