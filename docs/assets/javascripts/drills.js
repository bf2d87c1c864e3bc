// @ts-check
/* Estimation drills: asks Python (calculators/drills.py, through window.handbookPython) for a seeded
 * question and grades the typed answer. The first question is pre-rendered at build time by the same
 * Python; this script only swaps text. The seed and filters live in the URL hash
 * (#seed=42&level=2&topic=storage), so a link shares a drill. The session summary (answered, median
 * error, streak) is kept in localStorage and never leaves the browser. Everything derived from input,
 * URL or Python is written with textContent.
 */
"use strict";

(() => {
  const SUMMARY_STORAGE = "handbook.drills.summary";
  const MAX_SEED = 4294967295;
  const KEPT_FACTORS = 500; // enough for a median that means something; bounded so storage stays small

  /**
   * @typedef {{ label: string, text: string }} Given
   * @typedef {{ seed: number, level: number, level_label: string, topics: string[], prompt: string, ask: string,
   *   givens: Given[], answer_form: string, answer_kind: string }} Question
   * @typedef {{ label: string, text: string }} SensitivityRow
   * @typedef {{ ok: boolean, errors: Record<string, string>, question?: Question,
   *   grade?: { band: string, summary: string, factor: number }, expected?: { display: string, rough: string },
   *   answer?: { display: string, read_as: string }, working?: string[], sensitivity?: SensitivityRow[],
   *   most_sensitive?: string }} BridgeResult
   * @typedef {{ seed: number, level: string, topic: string }} DrillRequest
   * @typedef {{ answered: number, factors: number[], streak: number, counted: string[] }} Summary
   */

  /** @returns {{ call(type: string, request: object): Promise<BridgeResult> } | null} */
  function python() {
    const bridge = /** @type {any} */ (window).handbookPython;
    return bridge && typeof bridge.call === "function" ? bridge : null;
  }

  /**
   * @template {Element} T
   * @param {ParentNode} root
   * @param {string} selector
   * @param {{ new (): T }} type
   * @returns {T}
   */
  function required(root, selector, type) {
    const element = root.querySelector(selector);
    if (!(element instanceof type)) throw new Error(`drills: the markup lacks ${selector}`);
    return element;
  }

  /** @returns {Summary} */
  function loadSummary() {
    /** @type {Summary} */
    const empty = { answered: 0, factors: [], streak: 0, counted: [] };
    try {
      const parsed = JSON.parse(window.localStorage.getItem(SUMMARY_STORAGE) || "null");
      if (!parsed || !Number.isInteger(parsed.answered) || !Array.isArray(parsed.factors)) return empty;
      return {
        answered: Math.max(0, parsed.answered),
        factors: parsed.factors.filter((/** @type {unknown} */ f) => typeof f === "number" && Number.isFinite(f) && f >= 1),
        streak: Number.isInteger(parsed.streak) ? Math.max(0, parsed.streak) : 0,
        counted: Array.isArray(parsed.counted) ? parsed.counted.filter((/** @type {unknown} */ c) => typeof c === "string") : [],
      };
    } catch {
      return empty; // storage blocked or not JSON: start afresh
    }
  }

  /** @param {Summary | null} summary null forgets it */
  function saveSummary(summary) {
    try {
      if (summary === null) window.localStorage.removeItem(SUMMARY_STORAGE);
      else window.localStorage.setItem(SUMMARY_STORAGE, JSON.stringify(summary));
    } catch {
      // Storage full or blocked: the summary still counts on screen for this visit.
    }
  }

  /**
   * @param {number[]} values
   * @returns {number}
   */
  function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /**
   * The request a URL hash asks for, or null when it names no valid seed.
   * @param {string} hash
   * @returns {DrillRequest | null}
   */
  function requestFromHash(hash) {
    const params = new URLSearchParams(hash.replace(/^#/, ""));
    const seedText = params.get("seed") || "";
    if (!/^\d{1,10}$/.test(seedText) || Number(seedText) > MAX_SEED) return null;
    return { seed: Number(seedText), level: params.get("level") || "", topic: params.get("topic") || "" };
  }

  /**
   * @param {DrillRequest} request
   * @returns {string}
   */
  function hashFor(request) {
    const params = new URLSearchParams({ seed: String(request.seed) });
    if (request.level) params.set("level", request.level);
    if (request.topic) params.set("topic", request.topic);
    return "#" + params.toString();
  }

  /** @returns {number} a fresh seed from the browser's own random source */
  function freshSeed() {
    const value = new Uint32Array(1);
    window.crypto.getRandomValues(value);
    return value[0];
  }

  /** @param {HTMLElement} root */
  function mount(root) {
    if (root.dataset.mounted) return;
    root.dataset.mounted = "true";
    const meta = required(root, "[data-drill-meta]", HTMLElement);
    const prompt = required(root, "[data-drill-prompt]", HTMLElement);
    const ask = required(root, "[data-drill-ask]", HTMLElement);
    const givens = required(root, "[data-drill-givens]", HTMLElement);
    const form = required(root, "form[data-drill-answer]", HTMLFormElement);
    const input = required(form, "input[name=answer]", HTMLInputElement);
    const formHint = required(root, "[data-drill-form]", HTMLElement);
    const error = required(root, "[data-drill-error]", HTMLElement);
    const status = required(root, "[data-drill-status]", HTMLElement);
    const result = required(root, "[data-drill-result]", HTMLElement);
    const grade = required(root, "[data-drill-grade]", HTMLElement);
    const expected = required(root, "[data-drill-expected]", HTMLElement);
    const working = required(root, "[data-drill-working]", HTMLElement);
    const most = required(root, "[data-drill-most]", HTMLElement);
    const sensitivity = required(root, "[data-drill-sensitivity]", HTMLElement);
    const link = required(root, "a[data-drill-link]", HTMLAnchorElement);
    const levelSelect = required(root, "select[data-drill-filter=level]", HTMLSelectElement);
    const topicSelect = required(root, "select[data-drill-filter=topic]", HTMLSelectElement);
    const newButton = required(root, "[data-drill-new]", HTMLButtonElement);
    const resetButton = required(root, "[data-drill-reset]", HTMLButtonElement);

    /** @type {DrillRequest} */
    let current = { seed: Number(root.dataset.seed || "0"), level: "", topic: "" };

    /** @param {"static" | "loading" | "ready" | "error"} state */
    function setState(state) {
      root.dataset.state = state;
    }

    function showSummary() {
      const summary = loadSummary();
      required(root, "[data-summary=answered]", HTMLElement).textContent = String(summary.answered);
      required(root, "[data-summary=median]", HTMLElement).textContent = summary.factors.length
        ? `×${median(summary.factors).toFixed(2)}`
        : "none yet";
      required(root, "[data-summary=streak]", HTMLElement).textContent = String(summary.streak);
    }

    /** @param {Question} question */
    function showQuestion(question) {
      meta.textContent = `Drill ${question.seed} · ${question.level_label} · ${question.topics.join(", ")}`;
      prompt.textContent = question.prompt;
      const strong = document.createElement("strong");
      strong.textContent = question.ask;
      ask.replaceChildren(strong);
      givens.replaceChildren(
        ...question.givens.map((given) => {
          const item = document.createElement("li");
          const label = document.createElement("span");
          const value = document.createElement("strong");
          label.textContent = given.label;
          value.textContent = given.text;
          item.append(label, " ", value);
          return item;
        }),
      );
      formHint.textContent = `Enter ${question.answer_form}.`;
      clearAnswer();
    }

    function clearAnswer() {
      input.value = "";
      input.removeAttribute("aria-invalid");
      error.textContent = "";
      result.hidden = true;
    }

    /** @param {string} message */
    function fail(message) {
      setState("error");
      status.textContent = message;
    }

    /** @param {DrillRequest} request */
    function applyFilters(request) {
      levelSelect.value = request.level;
      topicSelect.value = request.topic;
      if (levelSelect.value !== request.level) levelSelect.value = "";
      if (topicSelect.value !== request.topic) topicSelect.value = "";
      link.href = hashFor(request);
    }

    /**
     * Ask Python for the question a request names and show it; a bad filter shows its message.
     * @param {DrillRequest} request
     * @param {boolean} writeHash
     */
    async function load(request, writeHash) {
      const bridge = python();
      if (!bridge) return fail("The drills need the page's Python runtime, which did not load.");
      current = request;
      applyFilters(request);
      if (writeHash) history.replaceState(null, "", hashFor(request));
      if (root.dataset.state !== "ready") setState("loading");
      status.textContent = "Starting Python…";
      let answer;
      try {
        answer = await bridge.call("drills.question", { seed: request.seed, level: request.level, topic: request.topic });
      } catch (reason) {
        return fail(`Python could not start here (${reason instanceof Error ? reason.message : String(reason)}); the question above stays.`);
      }
      if (request !== current) return; // a newer request overtook this one
      setState("ready");
      if (!answer.ok || !answer.question) {
        status.textContent = Object.values(answer.errors).join(" ");
        return;
      }
      status.textContent = "";
      showQuestion(answer.question);
    }

    /** @param {{ band: string, factor: number }} outcome */
    function count(outcome) {
      const summary = loadSummary();
      const key = hashFor(current);
      if (summary.counted.includes(key)) return; // a second try at the same question shows its grade, but counts once
      summary.answered += 1;
      summary.factors = [...summary.factors, outcome.factor].slice(-KEPT_FACTORS);
      summary.streak = outcome.band === "close" ? summary.streak + 1 : 0;
      summary.counted = [...summary.counted, key].slice(-KEPT_FACTORS);
      saveSummary(summary);
      showSummary();
    }

    /** @param {BridgeResult} graded */
    function showGrade(graded) {
      if (!graded.grade || !graded.expected || !graded.answer) return;
      grade.textContent = graded.grade.summary;
      grade.dataset.band = graded.grade.band;
      const readAs = graded.answer.read_as ? ` (${graded.answer.read_as})` : "";
      const rough = graded.expected.rough ? `; say ${graded.expected.rough}` : "";
      expected.textContent = `You said ${graded.answer.display}${readAs}. Worked out: ${graded.expected.display}${rough}.`;
      working.replaceChildren(
        ...(graded.working || []).map((line) => {
          const item = document.createElement("li");
          item.textContent = line;
          return item;
        }),
      );
      most.textContent = graded.most_sensitive
        ? `${graded.most_sensitive}: check that assumption first.`
        : "None of the figures you were given moves this answer on its own.";
      sensitivity.replaceChildren(
        ...(graded.sensitivity || []).map((row) => {
          const item = document.createElement("li");
          item.textContent = row.text;
          return item;
        }),
      );
      result.hidden = false;
      count(graded.grade);
    }

    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const bridge = python();
      if (!bridge || root.dataset.state === "error") return;
      error.textContent = "";
      status.textContent = root.dataset.state === "ready" ? "" : "Starting Python…";
      let graded;
      try {
        graded = await bridge.call("drills.grade", { ...current, answer: input.value });
      } catch (reason) {
        return fail(`Python could not start here (${reason instanceof Error ? reason.message : String(reason)}).`);
      }
      setState("ready");
      status.textContent = "";
      if (!graded.ok) {
        // A malformed answer: say what form is wanted, show no grade.
        input.setAttribute("aria-invalid", "true");
        error.textContent = Object.values(graded.errors).join(" ");
        result.hidden = true;
        return;
      }
      input.removeAttribute("aria-invalid");
      showGrade(graded);
    });

    newButton.addEventListener("click", () => {
      load({ seed: freshSeed(), level: levelSelect.value, topic: topicSelect.value }, true);
    });
    for (const select of [levelSelect, topicSelect]) {
      select.addEventListener("change", () => load({ ...current, level: levelSelect.value, topic: topicSelect.value }, true));
    }
    resetButton.addEventListener("click", () => {
      saveSummary(null);
      showSummary();
    });
    window.addEventListener("hashchange", () => {
      const request = requestFromHash(location.hash);
      if (request && document.body.contains(root)) load(request, false);
    });

    showSummary();
    // Start Python now, so the first answer is graded at once; a seeded URL replaces the pre-rendered question.
    load(requestFromHash(location.hash) || current, false);
  }

  function mountAll() {
    for (const root of document.querySelectorAll("[data-drill]")) {
      if (root instanceof HTMLElement) mount(root);
    }
  }

  /** @type {{ document$?: { subscribe(callback: () => void): void } }} */
  const material = /** @type {any} */ (window);
  if (material.document$ && material.document$.subscribe) material.document$.subscribe(mountAll);
  else mountAll();
})();
