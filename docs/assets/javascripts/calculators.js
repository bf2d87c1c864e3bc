/* Mounts every calculator widget on a page (form[data-calculator]) and keeps it live.
 *
 * One Web Worker per tab runs Pyodide and the calculators package; it starts the first time
 * a page with a widget appears and survives Material's instant navigation. Pages without a
 * widget never start it, so they download no Pyodide bytes. The widget markup is generated
 * at build time from the registry's declarations; this script knows no calculator by name.
 * Everything derived from input, URL or Python is written with textContent.
 */
"use strict";

(() => {
  const scriptUrl = document.currentScript ? document.currentScript.src : location.href;
  const assets = {
    worker: new URL("calculators-worker.js", scriptUrl).href,
    pyodideBase: new URL("../pyodide/", scriptUrl).href,
    wheelUrl: new URL("../python/calculators.whl", scriptUrl).href,
  };
  const PREF_KEYS = { sizes: ["decimal", "binary"], rates: ["bits", "bytes"] };
  const PREF_STORAGE = "handbook.calculator-units";
  const STARTUP_LIMIT_MS = 90_000; // a slow phone may need long; past this, say so instead of spinning
  const timing = (window.calculatorsTiming = window.calculatorsTiming || {});

  /* ------------------------------------------------------------------ runtime */

  let runtime = null;

  function startRuntime() {
    const worker = new Worker(assets.worker);
    const pending = new Map();
    let nextId = 1;
    let settle;
    const ready = new Promise((resolve, reject) => (settle = { resolve, reject }));
    const limit = setTimeout(() => settle.reject(new Error("Python did not start in time")), STARTUP_LIMIT_MS);
    ready.then(() => clearTimeout(limit), () => clearTimeout(limit));
    worker.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.type === "ready") {
        timing.runtimeStartupMs = message.startupMs;
        settle.resolve();
      } else if (message.type === "failed") {
        settle.reject(new Error(message.reason));
      } else if (message.type === "result" && pending.has(message.id)) {
        pending.get(message.id)(message.result);
        pending.delete(message.id);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      settle.reject(new Error(event.message || "the Python worker could not start"));
    };
    // On a first visit, once the offline worker has taken over: it then keeps what Python downloads.
    const offlineReady = window.handbookOffline ? window.handbookOffline.ready : Promise.resolve();
    offlineReady.then(() => worker.postMessage(JSON.stringify({ type: "start", pyodideBase: assets.pyodideBase, wheelUrl: assets.wheelUrl })));
    return {
      ready,
      call(type, request) {
        const id = nextId++;
        return new Promise((resolve) => {
          pending.set(id, resolve);
          worker.postMessage(JSON.stringify({ type, id, request: JSON.stringify(request) }));
        });
      },
    };
  }

  function getRuntime() {
    if (!runtime) runtime = startRuntime();
    return runtime;
  }

  // For other scripts on the page (drills, flashcards): one shared worker, any bridge request type
  // (calculators/bridge.py). Resolves with the parsed JSON result; rejects if Python cannot start.
  window.handbookPython = {
    async call(type, request) {
      const live = getRuntime();
      await live.ready;
      return JSON.parse(await live.call(type, request));
    },
  };

  /* ------------------------------------------------------------------ page-wide unit choice */

  function readPrefs() {
    const prefs = { sizes: "decimal", rates: "bits" };
    try {
      Object.assign(prefs, JSON.parse(localStorage.getItem(PREF_STORAGE) || "{}"));
    } catch (_) {
      /* storage may be unavailable (private mode); defaults are fine */
    }
    const params = new URLSearchParams(location.search);
    for (const key of Object.keys(PREF_KEYS)) {
      if (params.has(key)) prefs[key] = params.get(key);
      if (!PREF_KEYS[key].includes(prefs[key])) prefs[key] = PREF_KEYS[key][0];
    }
    return prefs;
  }

  let prefs = readPrefs();

  function setPref(key, value) {
    if (!PREF_KEYS[key].includes(value)) return;
    prefs = { ...prefs, [key]: value };
    try {
      localStorage.setItem(PREF_STORAGE, JSON.stringify(prefs));
    } catch (_) {
      /* not persisted; still applies to this page */
    }
    for (const select of document.querySelectorAll(`select[data-pref="${key}"]`)) select.value = value;
    writeUrl();
    for (const widget of widgets()) if (widget.form.dataset.state === "ready") widget.schedule();
  }

  /* ------------------------------------------------------------------ URL state */

  // Query keys are "<form id without calc->.<field>", e.g. ?traffic.monthly_active_users=300M.
  function urlPrefix(form) {
    return form.id.replace(/^calc-/, "") + ".";
  }

  function restoreFromUrl(form) {
    const params = new URLSearchParams(location.search);
    const prefix = urlPrefix(form);
    let changed = false;
    for (const control of fieldControls(form)) {
      const key = prefix + control.name;
      if (!params.has(key)) continue;
      const value = params.get(key);
      if (control.tagName === "SELECT" && ![...control.options].some((o) => o.value === value)) {
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
    urlTimer = setTimeout(() => {
      const params = new URLSearchParams(location.search);
      for (const key of Object.keys(PREF_KEYS)) {
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
    }, 250);
  }

  /* ------------------------------------------------------------------ widgets */

  const mounted = new WeakMap();

  function widgets() {
    return [...document.querySelectorAll("form[data-calculator]")].map((form) => mounted.get(form)).filter(Boolean);
  }

  function fieldControls(form) {
    return [...form.querySelectorAll("input[name], select[name]")];
  }

  function controlValue(control) {
    return control.dataset.urlValue !== undefined ? control.dataset.urlValue : control.value;
  }

  function setStatus(form, text) {
    const status = form.querySelector("[data-status]");
    if (status) status.textContent = text;
  }

  function markStale(form, stale) {
    for (const output of form.querySelectorAll("output[data-output]")) {
      if (stale) output.dataset.stale = "true";
      else delete output.dataset.stale;
    }
  }

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

  function renderChart(container, markup) {
    const svg = markup ? safeSvg(markup) : null;
    container.replaceChildren(...(svg ? [svg] : []));
  }

  function apply(form, result) {
    for (const slot of form.querySelectorAll("[data-error-for]")) {
      const key = slot.dataset.errorFor;
      const message = result.errors[key] || "";
      slot.textContent = message;
      const control = key === "_" ? null : form.querySelector(`[name="${CSS.escape(key)}"]`);
      if (control) {
        if (message) control.setAttribute("aria-invalid", "true");
        else control.removeAttribute("aria-invalid");
      }
    }
    for (const output of form.querySelectorAll("output[data-output]")) {
      output.textContent = result.ok ? result.display[output.dataset.output] : "—";
      if (result.ok) output.dataset.value = String(result.values[output.dataset.output]);
      else delete output.dataset.value;
    }
    // How a field's text was read ("read as 99.9%"), shown even while another field is wrong.
    for (const slot of form.querySelectorAll("[data-read-as-for]")) slot.textContent = (result.read_as || {})[slot.dataset.readAsFor] || "";
    form.dispatchEvent(new CustomEvent("calculator:result", { bubbles: true }));
    for (const slot of form.querySelectorAll("[data-rough-for]")) slot.textContent = result.ok ? result.rough[slot.dataset.roughFor] || "" : "";
    for (const slot of form.querySelectorAll("[data-working-for]")) slot.textContent = result.ok ? result.working[slot.dataset.workingFor] || "" : "";
    for (const slot of form.querySelectorAll("[data-table]")) renderTable(slot, result.ok ? result.tables[slot.dataset.table] : null);
    for (const slot of form.querySelectorAll("[data-chart]")) renderChart(slot, result.ok ? result.charts[slot.dataset.chart] : null);
    markStale(form, false);
    form.dataset.valid = result.ok ? "true" : "false";
    setStatus(form, result.ok ? "Live: computed in your browser by the tested Python module." : fixMessage(form, result.errors));
    if (result.ok && timing.firstLiveMs === undefined) timing.firstLiveMs = performance.now();
  }

  // On a phone the bad field may be off screen: name it where the results are, in the form's field order
  // (the JSON result's keys are sorted, not in field order).
  function fixMessage(form, errors) {
    const labels = fieldControls(form)
      .filter((control) => errors[control.name])
      .map((control) => {
        const label = form.querySelector(`label[for="${CSS.escape(control.id)}"]`);
        return label ? `“${label.textContent}”` : control.name;
      });
    return labels.length ? `Fix ${labels.join(", ")} to see results.` : errors._ || "These inputs cannot be computed.";
  }

  function inputsOf(form) {
    const inputs = {};
    for (const control of fieldControls(form)) inputs[control.name] = controlValue(control);
    return inputs;
  }

  function mount(form) {
    if (mounted.has(form)) return;
    let inFlight = false;
    let again = false;
    const widget = {
      form,
      async schedule() {
        if (form.dataset.state !== "ready") return;
        if (inFlight) {
          again = true;
          return;
        }
        inFlight = true;
        try {
          const request = { id: form.dataset.calculator, inputs: inputsOf(form), sizes: prefs.sizes, rates: prefs.rates };
          const result = JSON.parse(await getRuntime().call("evaluate", request));
          if (!again) apply(form, result);
        } finally {
          inFlight = false;
          if (again) {
            again = false;
            widget.schedule();
          }
        }
      },
    };
    mounted.set(form, widget);

    const onEdit = (event) => {
      if (event.target && event.target.dataset) delete event.target.dataset.urlValue;
      const picker = form.querySelector("select[data-preset]");
      if (picker && event.target !== picker && event.target.name) picker.value = ""; // now the user's own inputs
      if (form.dataset.state === "ready") widget.schedule();
      else {
        markStale(form, true);
        widget.goLive();
      }
      writeUrl();
    };
    form.addEventListener("input", (event) => {
      if (!event.target.matches("select[data-preset], select[data-pref]")) onEdit(event);
    });
    form.addEventListener("change", (event) => {
      if (event.target.matches("select[name]")) onEdit(event);
    });
    form.addEventListener("submit", (event) => event.preventDefault());

    for (const select of form.querySelectorAll("select[data-pref]")) {
      select.value = prefs[select.dataset.pref];
      select.addEventListener("change", () => setPref(select.dataset.pref, select.value));
    }
    const presets = form.querySelector("select[data-preset]");
    if (presets) {
      presets.addEventListener("change", () => {
        const option = presets.selectedOptions[0];
        if (!option || !option.dataset.values) return;
        const values = JSON.parse(option.dataset.values);
        for (const control of fieldControls(form)) {
          delete control.dataset.urlValue;
          control.value = control.name in values ? values[control.name] : control.dataset.default || "";
        }
        onEdit({ target: presets });
      });
    }
    const copy = form.querySelector("[data-copy-markdown]");
    if (copy) copy.addEventListener("click", () => copyMarkdown(form, copy));

    const fromUrl = restoreFromUrl(form);
    const prefsDiffer = prefs.sizes !== "decimal" || prefs.rates !== "bits";
    if (fromUrl || prefsDiffer) markStale(form, true);
    widget.restored = fromUrl || prefsDiffer;
    // Python (about 13 MB) starts once a widget is on screen or touched, not for a widget the
    // reader never scrolls to; a link carrying inputs needs it at once, as the page shows defaults.
    // Once it starts, every widget on the page goes live with it.
    widget.goLive = goLiveAll;
    if (widget.restored) goLiveAll();
    else whenVisible(form, goLiveAll);
    form.addEventListener("focusin", goLiveAll, { once: true });
  }

  function goLiveAll() {
    for (const widget of widgets()) goLive(widget);
  }

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

  function goLive(widget) {
    const form = widget.form;
    if (form.dataset.state !== "static") return;
    form.dataset.state = "loading";
    setStatus(form, `Starting Python in your browser… the results below are for ${form.dataset.inputsLabel || "the default inputs"}.`);
    getRuntime()
      .ready.then(() => {
        if (!form.isConnected) return;
        form.dataset.state = "ready";
        setStatus(form, "Live: computed in your browser by the tested Python module.");
        const edited = fieldControls(form).some((control) => controlValue(control) !== control.dataset.default && control.dataset.default !== undefined);
        if (edited || widget.restored || form.querySelector("[data-stale]")) widget.schedule();
        else if (timing.firstLiveMs === undefined) timing.firstLiveMs = performance.now();
      })
      .catch((error) => {
        if (!form.isConnected) return;
        form.dataset.state = "error";
        setStatus(form, `Live recalculation is unavailable here (${error.message}). The results below are for ${form.dataset.inputsLabel || "the default inputs"}, computed when the page was built.`);
      });
  }

  async function copyMarkdown(form, button) {
    const original = button.dataset.label || (button.dataset.label = button.textContent);
    let text;
    if (form.dataset.state === "ready") {
      const request = { id: form.dataset.calculator, inputs: inputsOf(form), sizes: prefs.sizes, rates: prefs.rates };
      text = await getRuntime().call("markdown", request);
    } else {
      text = form.dataset.markdown || "";
    }
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = "Copied";
    } catch (_) {
      button.textContent = "Copy failed: select the results instead";
    }
    form.dataset.copied = text;
    setTimeout(() => (button.textContent = original), 2000);
  }

  function mountAll() {
    // The combined print page (for the PDF) renames fields to keep ids unique: it stays static.
    if (document.getElementById("print-site-page")) return;
    const forms = document.querySelectorAll("form[data-calculator]");
    for (const form of forms) mount(form);
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(mountAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
