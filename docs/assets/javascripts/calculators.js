// @ts-check
/* Mounts every calculator widget on a page (form[data-calculator]) and keeps it live.
 *
 * One Web Worker per tab runs Pyodide and the calculators package; it starts the first time
 * a page with a widget appears and survives Material's instant navigation. Pages without a
 * widget never start it, so they download no Pyodide bytes. The widget markup is generated
 * at build time from the registry's declarations; this script knows no calculator by name.
 * Everything derived from input, URL or Python is written with textContent.
 *
 * If the worker fails (cannot start, starts too slowly, dies or stops answering) it is
 * terminated, every pending call rejects, every widget on the page keeps the figures it shows
 * in the `error` state with a "Try again" button, and the next use starts a fresh worker.
 */
"use strict";

(() => {
  /**
   * One bridge result from Python (calculators/bridge.py, type "evaluate").
   * @typedef {{ title: string, columns: string[], rows: string[][] }} TableJson
   * @typedef {{ ok: boolean, values: Record<string, number>, display: Record<string, string>,
   *   errors: Record<string, string>, read_as?: Record<string, string>, rough: Record<string, string>,
   *   working: Record<string, string>, tables: Record<string, TableJson>, charts: Record<string, string> }} Result
   * @typedef {{ sizes: string, rates: string }} Prefs
   * @typedef {{ ready: Promise<void>, failed: Error | null, call(type: string, request: object): Promise<string> }} Runtime
   * @typedef {{ resolve(text: string): void, reject(error: Error): void, timer: number }} PendingCall
   * @typedef {{ form: HTMLFormElement, runtime: Runtime | null, seq: number, appliedSeq: number, inFlight: boolean,
   *   restored: boolean, computedLive: boolean, announceTimer: number, announcePending: boolean,
   *   schedule(): void }} Widget
   * @typedef {HTMLInputElement | HTMLSelectElement} FieldControl
   */

  const scriptUrl = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : location.href;
  const assets = {
    worker: new URL("calculators-worker.js", scriptUrl).href,
    pyodideBase: new URL("../pyodide/", scriptUrl).href,
    wheelUrl: new URL("../python/calculators.whl", scriptUrl).href,
  };
  /** @type {Record<keyof Prefs, string[]>} the first choice of each is the default */
  const PREF_KEYS = { sizes: ["decimal", "binary"], rates: ["bits", "bytes"] };
  const PREF_STORAGE = "handbook.calculator-units";
  const STARTUP_LIMIT_MS = 90_000; // a slow phone may need long; past this, say so instead of spinning
  const CALL_LIMIT_MS = 30_000; // a call takes milliseconds once Python is up: this late, the worker is stuck
  const ANNOUNCE_PAUSE_MS = 700; // the live region speaks once typing pauses this long, not per keystroke
  const LIVE_STATUS = "Live: computed in your browser by the tested Python module.";
  /** @type {Record<string, number>} */
  const timing = (window.calculatorsTiming = window.calculatorsTiming || {});

  /* ------------------------------------------------------------------ runtime */

  /** @type {Runtime | null} */
  let runtime = null;

  /** @returns {Runtime} */
  function startRuntime() {
    const worker = new Worker(assets.worker);
    /** @type {Map<number, PendingCall>} */
    const pending = new Map();
    let nextId = 1;
    let started = false;
    /** @type {{ resolve(): void, reject(error: Error): void }} */
    let settle = { resolve() {}, reject() {} };
    /** @type {Promise<void>} */
    const ready = new Promise((resolve, reject) => (settle = { resolve, reject }));
    ready.catch(() => {}); // every waiter handles the failure; a runtime nobody waits on must not log one
    // The worker holds this Web Lock while it lives; the page is granted it only once the worker is gone.
    const lock = `handbook-python-${Date.now()}-${Math.random()}`;

    /** @type {Runtime} */
    const live = {
      ready,
      failed: null,
      call(type, request) {
        if (live.failed) return Promise.reject(live.failed);
        const id = nextId++;
        return new Promise((resolve, reject) => {
          const timer = window.setTimeout(() => fail(new Error("Python stopped answering")), CALL_LIMIT_MS);
          pending.set(id, { resolve, reject, timer });
          worker.postMessage(JSON.stringify({ type, id, request: JSON.stringify(request) }));
        });
      },
    };

    /** @param {Error} error */
    function fail(error) {
      if (live.failed) return;
      live.failed = error;
      clearTimeout(limit);
      worker.terminate();
      settle.reject(error);
      for (const call of pending.values()) {
        clearTimeout(call.timer);
        call.reject(error);
      }
      pending.clear();
      if (runtime === live) runtime = null; // the next call, page or "Try again" starts a fresh worker
      runtimeFailed(live, error);
    }

    /** @type {number | undefined} */
    let limit; // set when the start message goes out: waiting for the offline worker does not count
    worker.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.type === "ready") {
        started = true;
        clearTimeout(limit);
        timing.runtimeStartupMs = message.startupMs;
        timing.startedFrom = message.startedFrom; // "snapshot", or "plain" when the worker fell back
        if (navigator.locks) navigator.locks.request(lock, () => fail(new Error("the Python worker stopped"))).catch(() => {});
        settle.resolve();
      } else if (message.type === "failed") {
        fail(new Error(message.reason));
      } else if (message.type === "result" && pending.has(message.id)) {
        const call = /** @type {PendingCall} */ (pending.get(message.id));
        pending.delete(message.id);
        clearTimeout(call.timer);
        call.resolve(message.result);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fail(new Error(event.message || (started ? "the Python worker stopped" : "the Python worker could not start")));
    };
    worker.onmessageerror = () => fail(new Error("a message from the Python worker could not be read"));
    // On a first visit, once the offline worker has taken over: it then keeps what Python downloads.
    const offlineReady = window.handbookOffline ? window.handbookOffline.ready : Promise.resolve();
    offlineReady.then(() => {
      if (live.failed) return;
      limit = window.setTimeout(() => fail(new Error("Python did not start in time")), STARTUP_LIMIT_MS);
      worker.postMessage(JSON.stringify({ type: "start", pyodideBase: assets.pyodideBase, wheelUrl: assets.wheelUrl, lock }));
    });
    return live;
  }

  function getRuntime() {
    if (!runtime) runtime = startRuntime();
    return runtime;
  }

  // For other scripts on the page (drills, flashcards): one shared worker, any bridge request type
  // (calculators/bridge.py). Resolves with the parsed JSON result; rejects if Python cannot start
  // or fails during the call (the next call starts a fresh worker).
  window.handbookPython = {
    async call(type, request) {
      const live = getRuntime();
      await live.ready;
      return JSON.parse(await live.call(type, request));
    },
  };

  /* ------------------------------------------------------------------ page-wide unit choice */

  /** @returns {Prefs} */
  function readPrefs() {
    /** @type {Record<string, unknown>} */
    const prefs = { sizes: "decimal", rates: "bits" };
    try {
      Object.assign(prefs, JSON.parse(localStorage.getItem(PREF_STORAGE) || "{}"));
    } catch (_) {
      /* storage may be unavailable (private mode); defaults are fine */
    }
    const params = new URLSearchParams(location.search);
    for (const key of /** @type {(keyof Prefs)[]} */ (Object.keys(PREF_KEYS))) {
      if (params.has(key)) prefs[key] = params.get(key);
      if (!PREF_KEYS[key].includes(/** @type {string} */ (prefs[key]))) prefs[key] = PREF_KEYS[key][0];
    }
    return { sizes: /** @type {string} */ (prefs.sizes), rates: /** @type {string} */ (prefs.rates) };
  }

  // Read again on every page (mountAll): instant navigation brings a new address, and another tab may
  // have changed the stored choice.
  let prefs = readPrefs();

  /**
   * @param {keyof Prefs} key
   * @param {string} value
   */
  function setPref(key, value) {
    if (!PREF_KEYS[key].includes(value)) return;
    prefs = { ...prefs, [key]: value };
    try {
      localStorage.setItem(PREF_STORAGE, JSON.stringify(prefs));
    } catch (_) {
      /* not persisted; still applies to this page */
    }
    for (const select of document.querySelectorAll(`select[data-pref="${key}"]`)) /** @type {HTMLSelectElement} */ (select).value = value;
    writeUrl();
    for (const widget of widgets()) {
      if (widget.form.dataset.state === "ready") widget.schedule();
      else {
        widget.seq += 1; // recomputed once live (or after Try again)
        markStale(widget.form, true);
      }
    }
  }

  function prefsAreDefault() {
    return prefs.sizes === PREF_KEYS.sizes[0] && prefs.rates === PREF_KEYS.rates[0];
  }

  /* ------------------------------------------------------------------ URL state */

  // Query keys are "<form id without calc->.<field>", e.g. ?traffic.monthly_active_users=300M.
  /** @param {HTMLFormElement} form */
  function urlPrefix(form) {
    return form.id.replace(/^calc-/, "") + ".";
  }

  /** @param {HTMLFormElement} form */
  function restoreFromUrl(form) {
    const params = new URLSearchParams(location.search);
    const prefix = urlPrefix(form);
    let changed = false;
    for (const control of fieldControls(form)) {
      const key = prefix + control.name;
      const value = params.get(key);
      if (value === null) continue;
      if (control instanceof HTMLSelectElement && ![...control.options].some((o) => o.value === value)) {
        // An unknown option cannot be selected; keep it for Python to reject by name.
        control.dataset.urlValue = value;
      } else {
        control.value = value;
      }
      changed = true;
    }
    return changed;
  }

  let urlTimer = 0;
  function writeUrl() {
    clearTimeout(urlTimer);
    urlTimer = window.setTimeout(writeUrlNow, 250);
  }

  // The address carries every choice that differs from the default, so a copied link reproduces the page.
  function writeUrlNow() {
    clearTimeout(urlTimer);
    const params = new URLSearchParams(location.search);
    for (const key of /** @type {(keyof Prefs)[]} */ (Object.keys(PREF_KEYS))) {
      if (prefs[key] === PREF_KEYS[key][0]) params.delete(key);
      else params.set(key, prefs[key]);
    }
    for (const widget of widgets()) {
      const prefix = urlPrefix(widget.form);
      for (const control of fieldControls(widget.form)) {
        const key = prefix + control.name;
        const value = controlValue(control);
        if (value === control.dataset.default || value === undefined) params.delete(key);
        else params.set(key, value);
      }
    }
    const query = params.toString();
    const url = location.pathname + (query ? "?" + query : "") + location.hash;
    if (url !== location.pathname + location.search + location.hash) history.replaceState(history.state, "", url);
  }

  /* ------------------------------------------------------------------ widgets */

  /** @type {WeakMap<HTMLFormElement, Widget>} */
  const mounted = new WeakMap();

  /** @returns {Widget[]} */
  function widgets() {
    return [...document.querySelectorAll("form[data-calculator]")]
      .map((form) => mounted.get(/** @type {HTMLFormElement} */ (form)))
      .filter((widget) => widget !== undefined);
  }

  /**
   * @param {HTMLFormElement} form
   * @returns {FieldControl[]}
   */
  function fieldControls(form) {
    return /** @type {FieldControl[]} */ ([...form.querySelectorAll("input[name], select[name]")]);
  }

  /** @param {FieldControl} control */
  function controlValue(control) {
    return control.dataset.urlValue !== undefined ? control.dataset.urlValue : control.value;
  }

  /**
   * @param {HTMLFormElement} form
   * @param {string} text
   */
  function setStatus(form, text) {
    const status = form.querySelector("[data-status]");
    if (status) status.textContent = text;
  }

  // The form's one live region: a short summary once typing pauses, errors, and a failing runtime.
  // Outputs and error slots are not live, so a screen reader is not flooded on every keystroke.
  /**
   * @param {HTMLFormElement} form
   * @param {string} text
   */
  function announce(form, text) {
    const region = form.querySelector("[data-announce]");
    if (region) region.textContent = text;
  }

  /** @param {HTMLFormElement} form */
  function summary(form) {
    if (form.dataset.valid === "false") {
      const messages = [...form.querySelectorAll("[data-error-for]")].map((slot) => slot.textContent || "").filter(Boolean);
      return messages.join(" ") || "These inputs cannot be computed.";
    }
    // The headline results: the first two rows, as label and shown value (its spoken form when there is one).
    return [...form.querySelectorAll(".calculator__results tr[data-row]")]
      .slice(0, 2)
      .map((row) => {
        // The label's own text: the row header also carries its visible ": " separator.
        const header = row.querySelector("th")?.cloneNode(true);
        if (header instanceof Element) header.querySelector(".calculator__label-end")?.remove();
        const label = header?.textContent || "";
        const shown = row.querySelector("output")?.textContent || "";
        return `${label}: ${shown}`;
      })
      .join("; ");
  }

  /** @param {Widget} widget */
  function announceWhenTypingPauses(widget) {
    clearTimeout(widget.announceTimer);
    widget.announcePending = false;
    widget.announceTimer = window.setTimeout(() => {
      widget.announceTimer = 0;
      if (widget.appliedSeq === widget.seq && widget.form.dataset.state === "ready") announce(widget.form, summary(widget.form));
      else widget.announcePending = true; // said as soon as the result for the last edit arrives
    }, ANNOUNCE_PAUSE_MS);
  }

  // Until Python has recomputed them, derived lines shown for other inputs than the form's are marked:
  // a data-stale attribute on each (styled, with a visible note in CSS) and the status line describing
  // the results table.
  const DERIVED = "output[data-output], [data-rough-for], [data-working-for], [data-table], [data-chart]";
  /**
   * @param {HTMLFormElement} form
   * @param {boolean} stale
   */
  function markStale(form, stale) {
    for (const slot of form.querySelectorAll(DERIVED)) {
      const element = /** @type {HTMLElement} */ (slot);
      if (stale) element.dataset.stale = "true";
      else delete element.dataset.stale;
    }
    const results = form.querySelector(".calculator__results");
    const status = form.querySelector("[data-status]");
    if (results && status && status.id) {
      if (stale) results.setAttribute("aria-describedby", status.id);
      else results.removeAttribute("aria-describedby");
    }
  }

  /**
   * @param {Element} container
   * @param {TableJson | null | undefined} table
   */
  function renderTable(container, table) {
    container.replaceChildren();
    if (!table) return;
    const element = document.createElement("table");
    const caption = element.createCaption();
    caption.textContent = table.title;
    const head = element.createTHead().insertRow();
    for (const column of table.columns) {
      const cell = document.createElement("th");
      cell.scope = "col";
      cell.textContent = column;
      head.appendChild(cell);
    }
    const body = element.createTBody();
    for (const row of table.rows) {
      const tr = body.insertRow();
      for (const value of row) tr.insertCell().textContent = value;
    }
    container.appendChild(element);
  }

  // Charts are SVG made by our own Python (calculators/charts.py), whose text is escaped there.
  // Parse as SVG (never as HTML) and keep only drawing elements and plain attributes.
  const SVG_ELEMENTS = new Set(["svg", "g", "title", "desc", "rect", "line", "polyline", "polygon", "path", "circle", "text", "tspan"]);
  /**
   * @param {string} markup
   * @returns {Node | null}
   */
  function safeSvg(markup) {
    const parsed = new DOMParser().parseFromString(markup, "image/svg+xml");
    const root = parsed.documentElement;
    if (!root || root.nodeName !== "svg") return null;
    for (const node of [root, ...root.querySelectorAll("*")]) {
      if (!SVG_ELEMENTS.has(node.nodeName)) {
        node.remove();
        continue;
      }
      for (const attribute of [...node.attributes]) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith("on") || name.includes("href") || /url\s*\(/i.test(attribute.value)) node.removeAttribute(attribute.name);
      }
    }
    return document.importNode(root, true);
  }

  /**
   * @param {Element} container
   * @param {string | undefined} markup
   */
  function renderChart(container, markup) {
    const svg = markup ? safeSvg(markup) : null;
    container.replaceChildren(...(svg ? [svg] : []));
  }

  /**
   * @param {Widget} widget
   * @param {Result} result
   */
  function apply(widget, result) {
    const form = widget.form;
    for (const slot of form.querySelectorAll("[data-error-for]")) {
      const key = /** @type {HTMLElement} */ (slot).dataset.errorFor || "";
      const message = result.errors[key] || "";
      slot.textContent = message;
      const control = key === "_" ? null : form.querySelector(`[name="${CSS.escape(key)}"]`);
      if (control) {
        if (message) control.setAttribute("aria-invalid", "true");
        else control.removeAttribute("aria-invalid");
      }
    }
    for (const slot of form.querySelectorAll("output[data-output]")) {
      const output = /** @type {HTMLOutputElement} */ (slot);
      const key = output.dataset.output || "";
      output.textContent = result.ok ? result.display[key] : "—";
      if (result.ok) output.dataset.value = String(result.values[key]);
      else delete output.dataset.value;
    }
    // How a field's text was read ("read as 99.9%"), shown even while another field is wrong.
    for (const slot of form.querySelectorAll("[data-read-as-for]")) slot.textContent = (result.read_as || {})[/** @type {HTMLElement} */ (slot).dataset.readAsFor || ""] || "";
    form.dispatchEvent(new CustomEvent("calculator:result", { bubbles: true }));
    /** @param {string} selector @param {(slot: HTMLElement) => void} fill */
    const each = (selector, fill) => form.querySelectorAll(selector).forEach((slot) => fill(/** @type {HTMLElement} */ (slot)));
    each("[data-rough-for]", (slot) => (slot.textContent = result.ok ? result.rough[slot.dataset.roughFor || ""] || "" : ""));
    each("[data-working-for]", (slot) => (slot.textContent = result.ok ? result.working[slot.dataset.workingFor || ""] || "" : ""));
    each("[data-table]", (slot) => renderTable(slot, result.ok ? result.tables[slot.dataset.table || ""] : null));
    each("[data-chart]", (slot) => renderChart(slot, result.ok ? result.charts[slot.dataset.chart || ""] : undefined));
    markStale(form, false);
    widget.computedLive = true;
    form.dataset.valid = result.ok ? "true" : "false";
    setStatus(form, result.ok ? LIVE_STATUS : fixMessage(form, result.errors));
    if (result.ok && timing.firstLiveMs === undefined) timing.firstLiveMs = performance.now();
  }

  // On a phone the bad field may be off screen: name it where the results are, in the form's field order
  // (the JSON result's keys are sorted, not in field order).
  /**
   * @param {HTMLFormElement} form
   * @param {Record<string, string>} errors
   */
  function fixMessage(form, errors) {
    const labels = fieldControls(form)
      .filter((control) => errors[control.name])
      .map((control) => {
        const label = form.querySelector(`label[for="${CSS.escape(control.id)}"]`);
        return label ? `“${label.textContent}”` : control.name;
      });
    return labels.length ? `Fix ${labels.join(", ")} to see results.` : errors._ || "These inputs cannot be computed.";
  }

  /** @param {HTMLFormElement} form */
  function inputsOf(form) {
    /** @type {Record<string, string>} */
    const inputs = {};
    for (const control of fieldControls(form)) inputs[control.name] = controlValue(control);
    return inputs;
  }

  /** @param {HTMLFormElement} form */
  function requestFor(form) {
    return { id: form.dataset.calculator, inputs: inputsOf(form), sizes: prefs.sizes, rates: prefs.rates };
  }

  // One request in flight per widget; each edit bumps the widget's sequence number, and a reply for an
  // older number is dropped and the newest inputs are sent instead, so the last text typed always wins.
  /** @param {Widget} widget */
  async function evaluateLatest(widget) {
    const form = widget.form;
    widget.inFlight = true;
    try {
      while (form.dataset.state === "ready" && widget.runtime && widget.appliedSeq !== widget.seq) {
        const seq = widget.seq;
        const live = widget.runtime;
        const result = /** @type {Result} */ (JSON.parse(await live.call("evaluate", requestFor(form))));
        if (seq !== widget.seq || live !== widget.runtime || form.dataset.state !== "ready") continue; // overtaken
        apply(widget, result);
        widget.appliedSeq = seq;
        if (widget.announcePending) {
          widget.announcePending = false;
          announce(form, summary(form));
        }
      }
    } catch (_) {
      /* the runtime failed: runtimeFailed has put the widget in the error state */
    } finally {
      widget.inFlight = false;
    }
  }

  /** @param {HTMLFormElement} form */
  function mount(form) {
    if (mounted.has(form)) return;
    /** @type {Widget} */
    const widget = {
      form,
      runtime: null,
      seq: 0,
      appliedSeq: 0,
      inFlight: false,
      restored: false,
      computedLive: false,
      announceTimer: 0,
      announcePending: false,
      schedule() {
        widget.seq += 1;
        if (!widget.inFlight) evaluateLatest(widget);
      },
    };
    mounted.set(form, widget);

    /** @param {EventTarget | null} target */
    const onEdit = (target) => {
      if (target instanceof HTMLElement) delete target.dataset.urlValue;
      const picker = form.querySelector("select[data-preset]");
      if (picker instanceof HTMLSelectElement && target !== picker && target instanceof HTMLElement && target.getAttribute("name")) picker.value = ""; // now the user's own inputs
      announceWhenTypingPauses(widget);
      if (form.dataset.state === "ready") widget.schedule();
      else {
        widget.seq += 1;
        markStale(form, true);
        goLiveAll();
      }
      writeUrl();
    };
    // Text fields and selects both fire "input" on every change (a select fires "change" too: not
    // listened to, so one change is one evaluation).
    form.addEventListener("input", (event) => {
      const target = event.target;
      if (target instanceof Element && !target.matches("select[data-preset], select[data-pref]")) onEdit(target);
    });
    form.addEventListener("submit", (event) => event.preventDefault());

    for (const element of form.querySelectorAll("select[data-pref]")) {
      const select = /** @type {HTMLSelectElement} */ (element);
      const key = /** @type {keyof Prefs} */ (select.dataset.pref);
      select.value = prefs[key];
      select.addEventListener("change", () => setPref(key, select.value));
    }
    const presets = form.querySelector("select[data-preset]");
    if (presets instanceof HTMLSelectElement) {
      presets.addEventListener("change", () => {
        const option = presets.selectedOptions[0];
        if (!option || !option.dataset.values) return;
        const values = JSON.parse(option.dataset.values);
        for (const control of fieldControls(form)) {
          delete control.dataset.urlValue;
          control.value = control.name in values ? values[control.name] : control.dataset.default || "";
        }
        onEdit(presets);
      });
    }
    const copy = form.querySelector("[data-copy-markdown]");
    if (copy instanceof HTMLElement) copy.addEventListener("click", () => copyMarkdown(widget, copy));
    const retry = form.querySelector("[data-retry]");
    if (retry) retry.addEventListener("click", tryAgain);

    const fromUrl = restoreFromUrl(form);
    widget.restored = fromUrl || !prefsAreDefault();
    if (widget.restored) markStale(form, true);
    // Python starts once the page is idle, so it is live before the reader reaches a widget; a
    // reader who asked to save data gets it only once a widget is on screen or touched. A link
    // carrying inputs needs it at once, as the page shows defaults. Every widget goes live with it.
    if (widget.restored) goLiveAll();
    else whenIdleOrVisible(form, goLiveAll);
    form.addEventListener("focusin", goLiveAll, { once: true });
  }

  function goLiveAll() {
    for (const widget of widgets()) goLive(widget);
  }

  /**
   * @param {Element} element
   * @param {() => void} callback
   */
  function whenVisible(element, callback) {
    if (!("IntersectionObserver" in window)) return callback();
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        callback();
      }
    });
    observer.observe(element);
  }

  /**
   * Calls back once the page is idle, or only once the element is on screen if the reader saves data.
   * @param {Element} element
   * @param {() => void} callback
   */
  function whenIdleOrVisible(element, callback) {
    whenVisible(element, callback);
    const connection = /** @type {{ connection?: { saveData?: boolean } }} */ (navigator).connection;
    if (connection && connection.saveData) return;
    if ("requestIdleCallback" in window) requestIdleCallback(callback, { timeout: 2000 });
    else setTimeout(callback, 0);
  }

  /** @param {HTMLFormElement} form */
  function inputsLabel(form) {
    return form.dataset.inputsLabel || "the default inputs";
  }

  /** @param {Widget} widget */
  function goLive(widget) {
    const form = widget.form;
    if (form.dataset.state !== "static") return;
    form.dataset.state = "loading";
    setStatus(
      form,
      form.querySelector("[data-stale]")
        ? `Not yet recomputed: starting Python in your browser… until then the results below are for ${inputsLabel(form)}, not the inputs shown.`
        : `Starting Python in your browser… the results below are for ${inputsLabel(form)}.`,
    );
    const live = getRuntime();
    widget.runtime = live;
    live.ready
      .then(() => {
        if (!form.isConnected || widget.runtime !== live) return;
        form.dataset.state = "ready";
        setStatus(form, LIVE_STATUS);
        const edited = fieldControls(form).some((control) => controlValue(control) !== control.dataset.default && control.dataset.default !== undefined);
        if (edited || widget.restored || widget.seq !== widget.appliedSeq || form.querySelector("[data-stale]")) widget.schedule();
        else if (timing.firstLiveMs === undefined) timing.firstLiveMs = performance.now();
      })
      .catch(() => {
        /* runtimeFailed shows it */
      });
  }

  // Every widget the failed runtime served keeps what it shows and says it is not live.
  /**
   * @param {Runtime} live
   * @param {Error} error
   */
  function runtimeFailed(live, error) {
    for (const widget of widgets()) {
      if (widget.runtime !== live) continue;
      const form = widget.form;
      widget.runtime = null;
      clearTimeout(widget.announceTimer);
      form.dataset.state = "error";
      if (widget.seq !== widget.appliedSeq) markStale(form, true);
      const shown = widget.computedLive
        ? "The results below were computed in your browser before it stopped; they are not live."
        : `The results below are for ${inputsLabel(form)}, computed when the page was built.`;
      const notice = `Live recalculation is unavailable here (${error.message}). ${shown}`;
      setStatus(form, notice);
      announce(form, notice);
      const results = form.querySelector(".calculator__results");
      const status = form.querySelector("[data-status]");
      if (results && status && status.id) results.setAttribute("aria-describedby", status.id);
      const retry = form.querySelector("[data-retry]");
      if (retry instanceof HTMLElement) retry.hidden = false;
    }
  }

  // "Try again": a fresh worker for every widget on the page that is in the error state.
  /** @param {Event} event */
  function tryAgain(event) {
    for (const widget of widgets()) {
      const form = widget.form;
      if (form.dataset.state !== "error") continue;
      form.dataset.state = "static";
      const retry = form.querySelector("[data-retry]");
      if (retry instanceof HTMLElement) retry.hidden = true;
      if (!form.querySelector("[data-stale]")) form.querySelector(".calculator__results")?.removeAttribute("aria-describedby");
    }
    goLiveAll();
    // The pressed button is hidden now: keep the keyboard in the same form.
    const form = event.currentTarget instanceof HTMLElement ? event.currentTarget.closest("form") : null;
    const first = form ? form.querySelector("input[name], select[name]") : null;
    if (first instanceof HTMLElement) first.focus();
  }

  /**
   * @param {Widget} widget
   * @param {HTMLElement} button
   */
  async function copyMarkdown(widget, button) {
    const form = widget.form;
    const original = button.dataset.label || (button.dataset.label = button.textContent || "");
    let text;
    try {
      text = form.dataset.state === "ready" && widget.runtime ? await widget.runtime.call("markdown", requestFor(form)) : form.dataset.markdown || "";
      await navigator.clipboard.writeText(text);
      button.textContent = "Copied";
    } catch (_) {
      button.textContent = "Copy failed: select the results instead";
    }
    if (text !== undefined) form.dataset.copied = text;
    setTimeout(() => (button.textContent = original), 2000);
  }

  function mountAll() {
    // The combined print page (for the PDF) renames fields to keep ids unique: it stays static.
    if (document.getElementById("print-site-page")) return;
    const forms = document.querySelectorAll("form[data-calculator]");
    if (forms.length === 0) return;
    prefs = readPrefs();
    for (const form of forms) mount(/** @type {HTMLFormElement} */ (form));
    writeUrlNow(); // a link from this page carries the unit choice at once, not after the first edit
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(mountAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
