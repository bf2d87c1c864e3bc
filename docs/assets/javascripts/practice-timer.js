// @ts-check
/* Practice timer: walks through the interview phases with their checklists.
 *
 * One script for both places a timer appears. On the interview-time calculator page each phase's
 * length comes from that widget's outputs (output[data-output][data-value], in seconds), live or
 * pre-rendered. On a problem page ("Practise this") the lengths were computed at build time and
 * sit on each phase as data-seconds; there the timer also folds the answers away when it starts,
 * starts by itself on arrival at #practice, and ends with the page's self-scoring rubric, whose
 * marks are kept in localStorage per problem. The problems index shows each last score and picks
 * a random problem for "Surprise me". All markup is generated at build time from Python; this
 * script only sets text (textContent), classes and attributes.
 */
"use strict";

(() => {
  const TICK_MS = 250;
  const RUBRIC_STORAGE_PREFIX = "handbook.rubric.";
  const PRACTICE_HASH = "#practice";

  /**
   * A problem's saved self-score.
   * @typedef {{ checked: string[], total: number, savedAt: string }} RubricRecord
   */

  /**
   * The first element matching `selector` under `root`, which must exist and be of `type`.
   * @template {Element} T
   * @param {ParentNode} root
   * @param {string} selector
   * @param {{ new (): T }} type
   * @returns {T}
   */
  function required(root, selector, type) {
    const element = root.querySelector(selector);
    if (!(element instanceof type)) throw new Error(`practice timer: the markup lacks ${selector}`);
    return element;
  }

  /**
   * @param {number} seconds
   * @returns {string} m:ss
   */
  function formatClock(seconds) {
    const whole = Math.max(0, Math.ceil(seconds));
    const minutes = Math.floor(whole / 60);
    return `${minutes}:${String(whole % 60).padStart(2, "0")}`;
  }

  /**
   * The saved rubric of a problem, or null when there is none (or it is not ours to read).
   * @param {string} slug
   * @returns {RubricRecord | null}
   */
  function loadRubric(slug) {
    let parsed;
    try {
      parsed = JSON.parse(window.localStorage.getItem(RUBRIC_STORAGE_PREFIX + slug) || "null");
    } catch {
      return null; // storage blocked, or a value that is not JSON
    }
    if (!parsed || !Array.isArray(parsed.checked) || !Number.isInteger(parsed.total)) return null;
    const checked = parsed.checked.filter((/** @type {unknown} */ item) => typeof item === "string");
    return { checked, total: parsed.total, savedAt: String(parsed.savedAt || "") };
  }

  /**
   * @param {string} slug
   * @param {RubricRecord | null} record null forgets the marks
   */
  function saveRubric(slug, record) {
    try {
      if (record === null) window.localStorage.removeItem(RUBRIC_STORAGE_PREFIX + slug);
      else window.localStorage.setItem(RUBRIC_STORAGE_PREFIX + slug, JSON.stringify(record));
    } catch {
      // Storage full or blocked: the marks still count on screen, they just will not persist.
    }
  }

  /**
   * @param {RubricRecord} record
   * @returns {string} e.g. "7 of 18"
   */
  function scoreText(record) {
    return `${record.checked.length} of ${record.total}`;
  }

  /**
   * The rubric of a problem page: restores, saves and scores the reader's ticks.
   * @param {HTMLFormElement} form
   * @param {string} slug
   */
  function mountRubric(form, slug) {
    const boxes = [...form.querySelectorAll("input[data-rubric-item]")].filter(
      (box) => box instanceof HTMLInputElement,
    );
    const score = required(form, "[data-rubric-score]", HTMLElement);

    /** @param {string} prefix */
    function showScore(prefix) {
      const checked = boxes.filter((box) => box.checked).length;
      score.textContent = `${prefix}: ${checked} of ${boxes.length} covered.`;
    }

    const saved = loadRubric(slug);
    if (saved) {
      const ticked = new Set(saved.checked);
      for (const box of boxes) box.checked = ticked.has(box.dataset.rubricItem || "");
      form.hidden = false;
      showScore("Your last score");
    }
    form.addEventListener("change", () => {
      const checked = boxes.filter((box) => box.checked).map((box) => box.dataset.rubricItem || "");
      saveRubric(slug, { checked, total: boxes.length, savedAt: new Date().toISOString() });
      showScore("Your score");
    });
    form.addEventListener("click", (event) => {
      if (!(event.target instanceof Element) || !event.target.closest('[data-rubric-action="clear"]')) return;
      for (const box of boxes) box.checked = false;
      saveRubric(slug, null);
      score.textContent = "Marks cleared.";
    });

    return {
      show() {
        form.hidden = false;
        if (!score.textContent) showScore("Your score");
      },
      /** @returns {boolean} whether marks are saved */
      hasSaved() {
        return loadRubric(slug) !== null;
      },
      hide() {
        form.hidden = true;
      },
    };
  }

  /** @param {HTMLElement} root */
  function mount(root) {
    if (root.dataset.mounted) return;
    root.dataset.mounted = "true";
    const form = document.querySelector('form[data-calculator="interview_time"]');
    const phases = [...root.querySelectorAll("[data-phase]")].filter((phase) => phase instanceof HTMLElement);
    const show = {
      phase: required(root, "[data-timer-phase]", HTMLElement),
      remaining: required(root, "[data-timer-remaining]", HTMLElement),
      elapsed: required(root, "[data-timer-elapsed]", HTMLElement),
      status: required(root, "[data-timer-status]", HTMLElement),
      start: required(root, '[data-timer-action="start"]', HTMLButtonElement),
    };
    const startLabel = show.start.textContent || "Start";
    const slug = root.dataset.problem;
    const rubricForm = root.querySelector("form[data-rubric]");
    const rubric = slug && rubricForm instanceof HTMLFormElement ? mountRubric(rubricForm, slug) : null;

    // State: the phase index, the time spent in the current phase before the latest start, and a
    // running start mark (performance.now() while running, else null).
    let index = 0;
    let spentBeforeMs = 0;
    /** @type {number | null} */
    let startedAt = null;
    let timer = 0;

    /** @param {HTMLElement} phase */
    function phaseName(phase) {
      return phase.querySelector("strong")?.textContent || "";
    }

    /**
     * Each phase's length [s]: fixed at build time (data-seconds), else from the widget.
     * @returns {(number | null)[]}
     */
    function budgetsSeconds() {
      return phases.map((phase) => {
        let value = NaN;
        if (phase.dataset.seconds !== undefined) value = Number(phase.dataset.seconds);
        else {
          const output = form && form.querySelector(`output[data-output="${phase.dataset.phase}"]`);
          if (output instanceof HTMLElement) value = Number(output.dataset.value);
        }
        return Number.isFinite(value) && value >= 0 ? value : null;
      });
    }

    function spentMs() {
      return spentBeforeMs + (startedAt === null ? 0 : performance.now() - startedAt);
    }

    /** @param {"ready" | "running" | "paused" | "done"} state */
    function setState(state) {
      root.dataset.timerState = state;
    }

    function render() {
      const budgets = budgetsSeconds();
      const valid = budgets.every((value) => value !== null);
      for (const [position, phase] of phases.entries()) {
        const budget = budgets[position];
        required(phase, "[data-budget]", HTMLElement).textContent = budget === null || !valid ? "" : `(${formatClock(budget)})`;
        const current = position === index && (startedAt !== null || spentBeforeMs > 0);
        phase.classList.toggle("practice-timer__phase--current", current);
        phase.classList.toggle("practice-timer__phase--done", position < index);
        if (current) phase.setAttribute("aria-current", "step");
        else phase.removeAttribute("aria-current");
      }
      if (!valid) {
        show.start.disabled = true;
        show.status.textContent = "Fix the interview length above to use the timer.";
        show.status.dataset.invalid = "true";
        show.remaining.textContent = "–";
        return;
      }
      show.start.disabled = false;
      if (show.status.dataset.invalid) {
        delete show.status.dataset.invalid;
        show.status.textContent = "The schedule changed; the timer follows it.";
      }
      const lengths = /** @type {number[]} */ (budgets);
      const finished = lengths.slice(0, index).reduce((sum, value) => sum + value, 0);
      if (index >= phases.length) {
        show.phase.textContent = "Time is up";
        show.remaining.textContent = "0:00";
        show.elapsed.textContent = `(${formatClock(finished)} in total)`;
        return;
      }
      const left = lengths[index] - spentMs() / 1000;
      if (startedAt !== null || spentBeforeMs > 0 || index > 0) show.phase.textContent = phaseName(phases[index]);
      show.remaining.textContent = `${formatClock(left)} left`;
      show.elapsed.textContent = `(${formatClock(finished + spentMs() / 1000)} elapsed)`;
      if (left <= 0 && startedAt !== null) advance();
    }

    function advance() {
      index += 1;
      spentBeforeMs = 0;
      if (startedAt !== null) startedAt = performance.now();
      if (index >= phases.length) finish("Time is up: score yourself against what a strong answer covered.");
      else show.status.textContent = `Now: ${phaseName(phases[index])}.`;
      render();
    }

    /** @param {string} message */
    function finish(message) {
      index = phases.length;
      stop();
      setState("done");
      show.status.textContent = rubric ? message : "Interview over: how did the timing go?";
      if (rubric) rubric.show();
    }

    function stop() {
      if (startedAt !== null) spentBeforeMs += performance.now() - startedAt;
      startedAt = null;
      clearInterval(timer);
      show.start.textContent = index >= phases.length ? startLabel : "Resume";
    }

    function tick() {
      if (!root.isConnected) {
        clearInterval(timer); // the page was navigated away
        return;
      }
      render();
    }

    function start() {
      if (index >= phases.length) index = 0;
      startedAt = performance.now();
      clearInterval(timer);
      timer = window.setInterval(tick, TICK_MS);
      show.start.textContent = "Pause";
      show.status.textContent = "Running: talk through the current phase.";
      setState("running");
      if (slug) {
        // Practice is done cold: fold away any answer the reader had opened.
        for (const details of document.querySelectorAll("details.solution[open]")) {
          if (details instanceof HTMLDetailsElement) details.open = false;
        }
      }
    }

    function reset() {
      stop();
      index = 0;
      spentBeforeMs = 0;
      show.start.textContent = startLabel;
      show.phase.textContent = "Ready";
      show.status.textContent = "Reset.";
      setState("ready");
      for (const box of root.querySelectorAll("input[data-check]")) {
        if (box instanceof HTMLInputElement) box.checked = false;
      }
      if (rubric && !rubric.hasSaved()) rubric.hide();
    }

    root.addEventListener("click", (event) => {
      const action = event.target instanceof Element ? event.target.closest("[data-timer-action]") : null;
      if (!(action instanceof HTMLElement)) return;
      const name = action.dataset.timerAction;
      if (name === "start") {
        if (startedAt !== null) {
          stop();
          setState("paused");
          show.status.textContent = "Paused.";
        } else start();
      } else if (name === "next") {
        if (index < phases.length) advance();
      } else if (name === "done") {
        finish("Done: score yourself against what a strong answer covered.");
        if (rubricForm instanceof HTMLElement) {
          rubricForm.scrollIntoView({ block: "start" });
          rubricForm.focus({ preventScroll: true });
        }
      } else if (name === "reset") {
        reset();
      }
      render();
    });
    if (form) form.addEventListener("calculator:result", render);
    setState("ready");
    render();
    if (slug && window.location.hash === PRACTICE_HASH) {
      start();
      render();
    }
  }

  /** The problems index: each problem's last score, and "Surprise me" picks a random problem. */
  function mountIndex() {
    for (const cell of document.querySelectorAll("[data-problem-score]")) {
      if (!(cell instanceof HTMLElement) || cell.dataset.mounted) continue;
      cell.dataset.mounted = "true";
      const record = loadRubric(cell.dataset.problemScore || "");
      if (record) cell.textContent = scoreText(record);
    }
    // Only links to other pages: on the combined print page every link points inside it, and
    // sending "Surprise me" to #practice there would name an anchor that does not exist.
    const problems = [...document.querySelectorAll("a.problem-link")]
      .filter((link) => link instanceof HTMLAnchorElement)
      .filter((link) => new URL(link.href).pathname !== window.location.pathname);
    for (const surprise of document.querySelectorAll("a.problem-surprise")) {
      if (!(surprise instanceof HTMLAnchorElement) || surprise.dataset.mounted || problems.length === 0) continue;
      surprise.dataset.mounted = "true";
      const pick = () => {
        const chosen = problems[Math.floor(Math.random() * problems.length)];
        const target = new URL(chosen.href);
        target.hash = PRACTICE_HASH;
        surprise.href = target.href;
      };
      pick(); // so "open in a new tab" is random too
      // Runs before Material's instant navigation reads the link (that listener is on document).
      surprise.addEventListener("click", pick);
    }
  }

  /** A link to a heading inside a folded answer (the contents, a search result) opens that answer. */
  function revealLinkedAnswer() {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    const folded = target ? target.closest("details:not([open])") : null;
    if (!target || !(folded instanceof HTMLDetailsElement)) return;
    folded.open = true;
    target.scrollIntoView();
  }

  window.addEventListener("hashchange", revealLinkedAnswer);

  function mountAll() {
    for (const root of document.querySelectorAll("[data-practice-timer]")) {
      if (root instanceof HTMLElement) mount(root);
    }
    mountIndex();
    revealLinkedAnswer();
  }

  // Printing shows every folded answer, whichever way the print was started.
  window.addEventListener("beforeprint", () => {
    for (const details of document.querySelectorAll("details:not([open])")) {
      if (details instanceof HTMLDetailsElement) details.open = true;
    }
  });

  /** @type {{ document$?: { subscribe(callback: () => void): void } }} */
  const material = /** @type {any} */ (window);
  if (material.document$ && material.document$.subscribe) material.document$.subscribe(mountAll);
  else mountAll();
})();
