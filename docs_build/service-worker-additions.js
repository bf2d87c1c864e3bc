// @ts-check
/* Appended to the Workbox-generated sw.js by docs_build/service_worker.mjs. */
"use strict";

(() => {
  const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));
  const pythonCacheName = "__PYTHON_CACHE_NAME__";

  // Workbox installs revisioned entries with `cache: "reload"`, which downloads again the page
  // and the styles and scripts the reader's first visit has just loaded. "no-cache" asks the host
  // too (a stale copy can never be stored under a new revision), but an unchanged file comes back
  // as a 304 from the browser's HTTP cache instead of a second download.
  const networkFetch = sw.fetch.bind(sw);
  sw.fetch = (input, init) =>
    networkFetch(input instanceof Request && input.cache === "reload" ? new Request(input, { cache: "no-cache" }) : input, init);

  // The Python cache's name carries a digest of the runtime: once this build is active, older
  // runtimes are dead weight (tens of MB each), as is the hand-written worker's "handbook-<id>".
  /** @param {string} name */
  const outdated = (name) => (name.startsWith("handbook-python-") && name !== pythonCacheName) || /^handbook-[0-9a-f]{16}$/.test(name);
  sw.addEventListener("activate", (event) => {
    event.waitUntil(
      caches
        .keys()
        .then((names) =>
          Promise.all(names.filter(outdated).map((name) => caches.delete(name))),
        ),
    );
  });
})();
