// @ts-check
/* Registers the site's service worker (sw.js at the site root) so visited pages work offline.
 * window.handbookOffline.keep(urls) asks it to keep more of what this page uses. */
"use strict";

(() => {
  const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
  const supported = "serviceWorker" in navigator && script !== null;
  /** @param {string[]} urls */
  const keep = (urls) => {
    if (!supported) return;
    navigator.serviceWorker.ready
      .then((registration) => registration.active && registration.active.postMessage({ type: "keep", urls }))
      .catch(() => {});
  };
  window.handbookOffline = { keep };
  if (!supported || !script) return;
  const root = new URL("../../", script.src);
  navigator.serviceWorker
    .register(new URL("sw.js", root), { scope: root.pathname })
    .then(() => {
      // The first visit happened before the worker could see it: keep this page and what it loaded.
      const loaded = performance.getEntriesByType("resource").map((entry) => entry.name);
      keep([location.href, ...loaded]);
    })
    .catch(() => {
      /* Offline reading is a bonus; the site works without it (file://, private windows). */
    });
})();
