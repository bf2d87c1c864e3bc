// @ts-check
/* Flashcards: shows the card Python's FSRS schedule says is due, turns it, records the grade.
 *
 * The schedule is Python's (calculators/flashcard_schedule.py, reached through
 * window.handbookPython.call with "flashcards.session" and "flashcards.review"); this script keeps
 * the reader's state in localStorage, exports and imports it as JSON, and only sets text
 * (textContent) and attributes on markup generated at build time (docs_build/flashcards.py).
 * A first-time reader sees the pre-rendered first card at once and can turn it before Python has
 * started; grading waits for Python.
 */
"use strict";

(() => {
  const DEFAULT_STORAGE_KEY = "handbook.flashcards";
  const IMPORT_LIMIT_BYTES = 1_000_000; // a full schedule is a few tens of kB
  const REFRESH_LIMIT_MS = 60 * 60 * 1000; // re-ask at least hourly while nothing is due
  const GRADE_KEYS = /** @type {const} */ (["again", "hard", "good", "easy"]);
  const GRADE_LABELS = { again: "Again", hard: "Hard", good: "Good", easy: "Easy" };

  /**
   * @typedef {{ id: string, front: string, answer: string, details: [string, string][], tags: string[],
   *   intervals: Record<string, string> }} ShownCard
   * @typedef {{ due: number, new: number, learned: number, total: number }} Counts
   * @typedef {{ version: number, cards: Record<string, unknown> }} ReviewState
   * @typedef {{ ok: true, state: ReviewState, counts: Counts, card: ShownCard | null, next_due: string | null,
   *   next_due_in: string | null, reviewed?: { card_id: string, grade: string, interval: string } }} Session
   * @typedef {{ ok: false, errors: Record<string, string> }} Failure
   * @typedef {{ call(type: string, request: object): Promise<Session | Failure> }} PythonBridge
   * @typedef {{ showAnswer(): void, grade(grade: string): void, answerShown(): boolean, refresh(): void }} Controller
   */

  /** @type {WeakMap<HTMLElement, Controller>} */
  const controllers = new WeakMap();

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
    if (!(element instanceof type)) throw new Error(`flashcards: the markup lacks ${selector}`);
    return element;
  }

  /** @returns {PythonBridge | null} */
  function python() {
    const bridge = /** @type {{ handbookPython?: PythonBridge }} */ (/** @type {unknown} */ (window)).handbookPython;
    return bridge || null;
  }

  /**
   * The saved state as text, or null when there is none or storage is blocked.
   * @param {string} key
   * @returns {string | null}
   */
  function loadSaved(key) {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  }

  /**
   * @param {string} key
   * @param {string} text
   * @returns {boolean} whether it was stored
   */
  function store(key, text) {
    try {
      window.localStorage.setItem(key, text);
      return true;
    } catch {
      return false; // storage full or blocked: the session still works, it just will not persist
    }
  }

  /** @param {Failure} failure */
  function firstError(failure) {
    const messages = Object.values(failure.errors || {});
    return messages.length ? String(messages[0]) : "Python gave no reason";
  }

  /** @param {unknown} state */
  function reviewedCount(state) {
    const cards = state && typeof state === "object" ? /** @type {{ cards?: unknown }} */ (state).cards : null;
    return cards && typeof cards === "object" ? Object.keys(cards).length : 0;
  }

  /** @param {HTMLElement} root */
  function mount(root) {
    if (controllers.has(root)) return;
    const storageKey = root.dataset.storageKey || DEFAULT_STORAGE_KEY;
    const cardBox = required(root, "[data-card]", HTMLElement);
    const front = required(root, "[data-front]", HTMLElement);
    const back = required(root, "[data-back]", HTMLElement);
    const answer = required(root, "[data-answer]", HTMLElement);
    const details = required(root, "[data-details]", HTMLElement);
    const done = required(root, "[data-done]", HTMLElement);
    const showButton = required(root, "[data-show-answer]", HTMLButtonElement);
    const grades = required(root, "[data-grades]", HTMLElement);
    const status = required(root, "[data-status]", HTMLElement);
    const exportButton = required(root, "[data-export]", HTMLButtonElement);
    const importInput = required(root, "[data-import]", HTMLInputElement);
    /** @type {Record<string, HTMLButtonElement>} */
    const gradeButtons = {};
    for (const grade of GRADE_KEYS) gradeButtons[grade] = required(grades, `[data-grade="${grade}"]`, HTMLButtonElement);

    /** The state Python last accepted; null until Python has answered. @type {ReviewState | null} */
    let state = null;
    /** @type {string | null} */
    let cardId = cardBox.dataset.cardId || null;
    let busy = false;
    let refreshTimer = 0;

    const savedText = loadSaved(storageKey);
    if (savedText !== null) {
      // A returning reader: the pre-rendered first card may be one they have learned already.
      cardBox.hidden = true;
      showButton.hidden = true;
      for (const count of root.querySelectorAll("[data-count]")) count.textContent = "…";
      status.textContent = "Starting Python to load your schedule…";
    }

    /** @param {boolean} ready */
    function setReady(ready) {
      if (ready) root.dataset.state = "ready";
      for (const button of Object.values(gradeButtons)) button.disabled = !ready;
    }

    /** @param {Counts} counts */
    function renderCounts(counts) {
      for (const [key, value] of Object.entries(counts)) {
        const slot = root.querySelector(`[data-count="${key}"]`);
        if (slot) slot.textContent = String(value);
      }
    }

    /** @param {ShownCard} shown */
    function renderCard(shown) {
      cardId = shown.id;
      cardBox.dataset.cardId = shown.id;
      front.textContent = shown.front;
      answer.textContent = shown.answer;
      details.replaceChildren();
      for (const [label, text] of shown.details) {
        const term = document.createElement("dt");
        term.textContent = label;
        const value = document.createElement("dd");
        value.textContent = text;
        details.append(term, value);
      }
      for (const grade of GRADE_KEYS) {
        const slot = gradeButtons[grade].querySelector("[data-interval]");
        if (slot) slot.textContent = shown.intervals[grade] || "";
      }
    }

    /**
     * Shows the session's card face down (or still turned, when it is the card the reader turned
     * before Python answered), or says when the next one is due.
     * @param {Session} session
     */
    function render(session) {
      window.clearTimeout(refreshTimer);
      renderCounts(session.counts);
      const keepTurned = !back.hidden && !cardBox.hidden && !session.reviewed && session.card !== null && session.card.id === cardId;
      back.hidden = !keepTurned;
      grades.hidden = !keepTurned;
      if (session.card) {
        renderCard(session.card);
        cardBox.hidden = false;
        done.hidden = true;
        showButton.hidden = keepTurned;
      } else {
        cardId = null;
        cardBox.hidden = true;
        showButton.hidden = true;
        done.hidden = false;
        done.textContent = session.next_due_in
          ? `All caught up. The next card is due in ${session.next_due_in}.`
          : "All caught up.";
      }
      if (session.next_due) {
        const wait = Date.parse(session.next_due) - Date.now() + 500;
        refreshTimer = window.setTimeout(refresh, Math.min(Math.max(wait, 1000), REFRESH_LIMIT_MS));
      }
    }

    /**
     * Sends one bridge request, stamped with the current time; resolves with Python's answer (ok
     * or not), or null when Python could not start (the status then says why).
     * @param {string} type
     * @param {object} request
     * @returns {Promise<Session | Failure | null>}
     */
    async function ask(type, request) {
      const bridge = python();
      if (!bridge) {
        root.dataset.state = "failed";
        status.textContent = "Python is not available here, so the cards cannot be graded.";
        return null;
      }
      try {
        return await bridge.call(type, { ...request, now: new Date().toISOString() });
      } catch (error) {
        root.dataset.state = "failed";
        setReady(false);
        status.textContent = `Python could not start (${String((error && /** @type {Error} */ (error).message) || error)}); the cards cannot be graded.`;
        return null;
      }
    }

    /** @param {Session} session */
    function accept(session) {
      state = session.state;
      store(storageKey, JSON.stringify(state));
      render(session);
    }

    async function start() {
      /** @type {unknown} */
      let saved = null;
      let unreadable = "";
      if (savedText !== null) {
        try {
          saved = JSON.parse(savedText);
        } catch {
          unreadable = "it is not JSON";
        }
      }
      let session = await ask("flashcards.session", { state: saved });
      if (session && !session.ok && saved !== null) {
        unreadable = firstError(session);
        session = await ask("flashcards.session", { state: null });
      }
      if (!session) return;
      if (!session.ok) {
        status.textContent = `The cards could not be scheduled: ${firstError(session)}`;
        return;
      }
      if (unreadable) {
        // Keep the unreadable copy aside rather than overwrite the only one.
        store(`${storageKey}.unreadable`, savedText || "");
        status.textContent = `Your saved progress could not be read (${unreadable}); starting a new schedule. The old copy is kept under ${storageKey}.unreadable.`;
      } else {
        status.textContent = savedText !== null ? "Schedule loaded." : "Ready.";
      }
      setReady(true);
      accept(session);
    }

    async function refresh() {
      if (!root.isConnected || busy || state === null || !back.hidden) return;
      busy = true;
      const session = await ask("flashcards.session", { state });
      busy = false;
      if (session && session.ok) accept(session);
    }

    function showAnswer() {
      if (cardBox.hidden || !back.hidden) return;
      back.hidden = false;
      showButton.hidden = true;
      grades.hidden = false;
      const target = root.dataset.state === "ready" ? gradeButtons.good : null;
      if (target) target.focus();
      if (root.dataset.state !== "ready" && root.dataset.state !== "failed") {
        status.textContent = "Grading starts as soon as Python has started…";
      }
    }

    /** @param {string} chosen one of GRADE_KEYS */
    async function grade(chosen) {
      if (busy || state === null || cardId === null || back.hidden || !(chosen in gradeButtons)) return;
      busy = true;
      const session = await ask("flashcards.review", { state, card_id: cardId, grade: chosen });
      busy = false;
      if (!session) return;
      if (!session.ok) {
        status.textContent = `Not recorded: ${firstError(session)}`;
        return;
      }
      accept(session);
      const label = GRADE_LABELS[/** @type {keyof typeof GRADE_LABELS} */ (chosen)];
      status.textContent = session.reviewed ? `${label}: back in ${session.reviewed.interval}.` : `${label}.`;
      (showButton.hidden ? exportButton : showButton).focus();
    }

    function exportState() {
      // Before Python has checked the saved copy, export it as it is: it is still the reader's.
      const text = state !== null ? JSON.stringify(state, null, 2) : savedText !== null ? savedText : '{"version": 1, "cards": {}}';
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
      link.download = `handbook-flashcards-${new Date().toISOString().slice(0, 10)}.json`;
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      status.textContent = state !== null ? `Exported ${reviewedCount(state)} reviewed cards.` : "Exported your saved progress.";
    }

    async function importState() {
      const file = importInput.files && importInput.files[0];
      importInput.value = ""; // the same file can be chosen again
      if (!file) return;
      const unchanged = "Your progress is unchanged.";
      if (state === null) {
        status.textContent = `Not imported: Python has not started yet, so the file cannot be checked. ${unchanged}`;
        return;
      }
      if (file.size > IMPORT_LIMIT_BYTES) {
        status.textContent = `Not imported: ${file.name} is larger than a flashcards export (over 1 MB). ${unchanged}`;
        return;
      }
      /** @type {unknown} */
      let parsed;
      try {
        parsed = JSON.parse(await file.text());
      } catch {
        status.textContent = `Not imported: ${file.name} is not JSON; choose a file made by Export progress. ${unchanged}`;
        return;
      }
      if (parsed === null) {
        status.textContent = `Not imported: ${file.name} holds no schedule. ${unchanged}`;
        return;
      }
      busy = true;
      const session = await ask("flashcards.session", { state: parsed });
      busy = false;
      if (!session) return;
      if (!session.ok) {
        status.textContent = `Not imported: ${firstError(session)} ${unchanged}`;
        return;
      }
      accept(session);
      status.textContent = `Imported ${reviewedCount(session.state)} reviewed cards from ${file.name}.`;
    }

    showButton.addEventListener("click", showAnswer);
    for (const [name, button] of Object.entries(gradeButtons)) button.addEventListener("click", () => grade(name));
    exportButton.addEventListener("click", exportState);
    importInput.addEventListener("change", importState);

    controllers.set(root, { showAnswer, grade, answerShown: () => !back.hidden, refresh });
    setReady(false);
    start();
  }

  /**
   * Space turns the card; 1–4 grade it. Keys typed into a field, or Space on a focused control
   * (which presses that control), are left alone.
   * @param {KeyboardEvent} event
   */
  function onKey(event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const controller = currentController();
    if (!controller) return;
    const target = event.target;
    if (target instanceof HTMLElement && (target.isContentEditable || target.closest("input, textarea, select"))) return;
    if (event.key === " ") {
      if (target instanceof HTMLElement && target.closest("button, a, summary, label")) return;
      if (controller.answerShown()) return;
      event.preventDefault(); // instead of scrolling the page
      controller.showAnswer();
      return;
    }
    const index = ["1", "2", "3", "4"].indexOf(event.key);
    if (index >= 0 && controller.answerShown()) {
      event.preventDefault();
      controller.grade(GRADE_KEYS[index]);
    }
  }

  /** @returns {Controller | undefined} the flashcards on the current page, if any */
  function currentController() {
    const root = document.querySelector("[data-flashcards]");
    return root instanceof HTMLElement ? controllers.get(root) : undefined;
  }

  document.addEventListener("keydown", onKey);
  // Back to the tab after a while: cards may have fallen due meanwhile.
  document.addEventListener("visibilitychange", () => {
    const controller = currentController();
    if (controller && document.visibilityState === "visible") controller.refresh();
  });

  function mountAll() {
    // The combined print page (for the PDF) shows the pre-rendered card only; it starts no Python.
    if (document.getElementById("print-site-page")) return;
    for (const root of document.querySelectorAll("[data-flashcards]")) {
      if (root instanceof HTMLElement) mount(root);
    }
  }

  /** @type {{ document$?: { subscribe(callback: () => void): void } }} */
  const material = /** @type {any} */ (window);
  if (material.document$ && material.document$.subscribe) material.document$.subscribe(mountAll);
  else mountAll();
})();
