// @ts-check
/* Diagrams full size: a tap on a Mermaid diagram (or its "Open full size" button) draws it again
 * in a full-screen dialog at its natural size, where labels are 16 px, scrollable both ways and
 * zoomable. On a 390 px phone the inline diagram shrinks to fit the column; this is where it
 * becomes legible.
 *
 * Material draws each diagram into a closed shadow root and keeps no source; the build wraps
 * each one in div.diagram[data-diagram-source] (docs_build/diagrams.py), and the dialog renders
 * that source with the Mermaid Material has already loaded (from our own origin), into an open
 * shadow root so its styles stay its own. Mounted on every page view, instant navigation included.
 */
"use strict";

(() => {
  /** Mermaid draws labels at 16 px; below 0.75 they would fall under 12 px. */
  const MIN_ZOOM = 0.75;
  const MAX_ZOOM = 3;
  const ZOOM_STEP = 1.25;

  /** @typedef {{ render(id: string, source: string): Promise<{ svg: string }> }} MermaidApi */

  let renderCount = 0;
  let zoom = 1;
  /** @type {SVGSVGElement | null} */
  let shownSvg = null;

  /** @returns {MermaidApi | null} Mermaid as Material loaded it, once it has */
  function mermaidApi() {
    const candidate = /** @type {any} */ (window).mermaid;
    return candidate && typeof candidate.render === "function" ? candidate : null;
  }

  /**
   * @param {string} text
   * @param {string} action
   * @param {string} label
   */
  function button(text, action, label) {
    const element = document.createElement("button");
    element.type = "button";
    element.className = "md-button diagram-dialog__button";
    element.dataset.diagramAction = action;
    element.textContent = text;
    element.setAttribute("aria-label", label);
    return element;
  }

  /** The one dialog, made on first use and again if a navigation removed it. */
  function dialogElement() {
    const found = document.querySelector("dialog.diagram-dialog");
    if (found instanceof HTMLDialogElement) return found;
    const dialog = document.createElement("dialog");
    dialog.className = "diagram-dialog";
    dialog.setAttribute("aria-label", "Diagram, full size");
    const bar = document.createElement("div");
    bar.className = "diagram-dialog__bar";
    bar.append(
      button("−", "zoom-out", "Zoom out"),
      button("+", "zoom-in", "Zoom in"),
      button("Close", "close", "Close the diagram"),
    );
    const view = document.createElement("div");
    view.className = "diagram-dialog__view";
    view.tabIndex = 0; // scrollable with the keyboard
    const canvas = document.createElement("div");
    canvas.className = "diagram-dialog__canvas";
    canvas.attachShadow({ mode: "open" });
    view.append(canvas);
    dialog.append(bar, view);
    dialog.addEventListener("click", (event) => {
      const target = event.target instanceof Element ? event.target.closest("[data-diagram-action]") : null;
      const action = target instanceof HTMLElement ? target.dataset.diagramAction : undefined;
      if (action === "close") dialog.close();
      else if (action === "zoom-in") applyZoom(zoom * ZOOM_STEP);
      else if (action === "zoom-out") applyZoom(zoom / ZOOM_STEP);
    });
    dialog.addEventListener("close", () => {
      const root = canvas.shadowRoot;
      if (root) root.replaceChildren();
      shownSvg = null;
    });
    document.body.append(dialog);
    return dialog;
  }

  /** Size the shown diagram at `wanted` times its natural size, within the legible range. */
  function applyZoom(/** @type {number} */ wanted) {
    zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, wanted));
    if (!shownSvg) return;
    const box = shownSvg.viewBox.baseVal;
    if (!box || box.width === 0) return;
    shownSvg.style.maxWidth = "none";
    shownSvg.style.width = `${box.width * zoom}px`;
    shownSvg.style.height = `${box.height * zoom}px`;
  }

  /** Draw the diagram from `source` in the dialog and show it. */
  async function open(/** @type {string} */ source) {
    const mermaid = mermaidApi();
    if (!mermaid) return; // not loaded yet: the inline diagram is not drawn either
    const dialog = dialogElement();
    const canvas = dialog.querySelector(".diagram-dialog__canvas");
    const root = canvas ? canvas.shadowRoot : null;
    if (!root) return;
    renderCount += 1;
    const { svg } = await mermaid.render(`diagram-zoom-${renderCount}`, source);
    root.innerHTML = svg; // Mermaid's own output for a source written in the handbook, not input
    const drawn = root.querySelector("svg");
    shownSvg = drawn instanceof SVGSVGElement ? drawn : null;
    if (shownSvg) shownSvg.removeAttribute("width");
    applyZoom(1);
    if (!dialog.open) dialog.showModal();
  }

  /** Give each diagram on the page its button and tap target, once. */
  function mountAll() {
    for (const wrapper of document.querySelectorAll("div.diagram[data-diagram-source]")) {
      if (!(wrapper instanceof HTMLElement) || wrapper.dataset.diagramMounted) continue;
      wrapper.dataset.diagramMounted = "true";
      const source = wrapper.dataset.diagramSource || "";
      const opener = button("Open full size", "open", "Open full size: the diagram"); // the name starts with the visible words
      opener.classList.add("diagram__open");
      wrapper.append(opener);
      wrapper.addEventListener("click", () => void open(source));
    }
  }

  /** @type {{ document$?: { subscribe(callback: () => void): void } }} */
  const material = /** @type {any} */ (window);
  if (material.document$ && material.document$.subscribe) material.document$.subscribe(mountAll);
  else mountAll();
})();
