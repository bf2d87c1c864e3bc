/* Practice timer: walks through the interview phases with their checklists.
 *
 * Phase lengths come from the interview_time widget's outputs on the same page
 * (output[data-output][data-value], in seconds), so the timer follows the calculator, live or
 * pre-rendered. The markup (phases and checklists) is generated at build time from Python.
 */
"use strict";

(() => {
  const TICK_MS = 250;

  function formatClock(seconds) {
    const whole = Math.max(0, Math.ceil(seconds));
    const minutes = Math.floor(whole / 60);
    return `${minutes}:${String(whole % 60).padStart(2, "0")}`;
  }

  function mount(root) {
    if (root.dataset.mounted) return;
    root.dataset.mounted = "true";
    const form = document.querySelector('form[data-calculator="interview_time"]');
    const phases = [...root.querySelectorAll("[data-phase]")];
    const show = {
      phase: root.querySelector("[data-timer-phase]"),
      remaining: root.querySelector("[data-timer-remaining]"),
      elapsed: root.querySelector("[data-timer-elapsed]"),
      status: root.querySelector("[data-timer-status]"),
      start: root.querySelector('[data-timer-action="start"]'),
    };
    // State: the phase index, the time spent in finished phases, and a running start mark.
    let index = 0;
    let spentBeforeMs = 0; // in the current phase, before the latest start
    let startedAt = null; // performance.now() while running
    let timer = 0;

    function budgetsSeconds() {
      return phases.map((phase) => {
        const output = form && form.querySelector(`output[data-output="${phase.dataset.phase}"]`);
        const value = output ? Number(output.dataset.value) : NaN;
        return Number.isFinite(value) && value >= 0 ? value : null;
      });
    }

    function spentMs() {
      return spentBeforeMs + (startedAt === null ? 0 : performance.now() - startedAt);
    }

    function render() {
      const budgets = budgetsSeconds();
      const valid = budgets.every((value) => value !== null);
      for (const [position, phase] of phases.entries()) {
        phase.querySelector("[data-budget]").textContent = valid ? `(${formatClock(budgets[position])})` : "";
        phase.classList.toggle("practice-timer__phase--current", position === index && (startedAt !== null || spentBeforeMs > 0));
        phase.classList.toggle("practice-timer__phase--done", position < index);
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
      const finished = budgets.slice(0, index).reduce((sum, value) => sum + value, 0);
      if (index >= phases.length) {
        show.phase.textContent = "Time is up";
        show.remaining.textContent = "0:00";
        show.elapsed.textContent = `(${formatClock(finished)} in total)`;
        return;
      }
      const left = budgets[index] - spentMs() / 1000;
      show.phase.textContent = phases[index].querySelector("strong").textContent;
      show.remaining.textContent = `${formatClock(left)} left`;
      show.elapsed.textContent = `(${formatClock(finished + spentMs() / 1000)} elapsed)`;
      if (left <= 0 && startedAt !== null) advance();
    }

    function advance() {
      index += 1;
      spentBeforeMs = 0;
      if (startedAt !== null) startedAt = performance.now();
      if (index >= phases.length) stop();
      show.status.textContent = index < phases.length ? `Next: ${phases[index].querySelector("strong").textContent}.` : "Interview over: how did the timing go?";
      render();
    }

    function stop() {
      if (startedAt !== null) spentBeforeMs += performance.now() - startedAt;
      startedAt = null;
      clearInterval(timer);
      show.start.textContent = index >= phases.length ? "Start" : "Resume";
    }

    function tick() {
      if (!root.isConnected) return clearInterval(timer); // the page was navigated away
      render();
    }

    root.addEventListener("click", (event) => {
      const action = event.target.closest("[data-timer-action]");
      if (!action) return;
      if (action.dataset.timerAction === "start") {
        if (startedAt !== null) {
          stop();
          show.status.textContent = "Paused.";
        } else {
          if (index >= phases.length) index = 0;
          startedAt = performance.now();
          timer = setInterval(tick, TICK_MS);
          show.start.textContent = "Pause";
          show.status.textContent = "Running: talk through the current phase.";
        }
      } else if (action.dataset.timerAction === "next") {
        if (index < phases.length) advance();
      } else if (action.dataset.timerAction === "reset") {
        stop();
        index = 0;
        spentBeforeMs = 0;
        show.start.textContent = "Start";
        show.phase.textContent = "Ready";
        show.status.textContent = "Reset.";
        for (const box of root.querySelectorAll("[data-check]")) box.checked = false;
      }
      render();
    });
    if (form) form.addEventListener("calculator:result", render);
    render();
  }

  function mountAll() {
    for (const root of document.querySelectorAll("[data-practice-timer]")) mount(root);
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) window.document$.subscribe(mountAll);
  else mountAll();
})();
