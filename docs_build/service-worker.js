/* Offline reading: a network-first service worker. Online, every request goes to the network
 * (so readers always see the current build) and a copy of each same-origin response is kept;
 * offline, pages, search and the Python runtime already visited come from that copy.
 * Nothing is fetched ahead of time: pages without a calculator still download no Pyodide bytes.
 * The hook in docs_build/hooks.py writes this file to the site root with the build's id. */
"use strict";

const CACHE = "handbook-__BUILD_ID__";

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("handbook-") && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

// The page asks to keep what it loaded before this worker controlled it (the first visit), and a
// calculator page adds the Python runtime its Web Worker fetched. Mostly served from the HTTP cache.
self.addEventListener("message", (event) => {
  if (!event.data || event.data.type !== "keep" || !Array.isArray(event.data.urls)) return;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      for (const url of event.data.urls) {
        if (typeof url !== "string" || new URL(url, self.location.href).origin !== self.location.origin) continue;
        try {
          const response = await fetch(url);
          if (response.ok) await cache.put(url, response);
        } catch (_) {
          /* offline already, or gone: keep what we have */
        }
      }
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Only our own GETs; `mkdocs serve` long-polls /livereload/, which is not worth keeping.
  if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.includes("/livereload/")) return;
  event.respondWith(
    (async () => {
      try {
        const response = await fetch(request);
        if (response.ok && response.type === "basic") {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      } catch (error) {
        // Offline: a page may have been saved with or without a query string (calculator inputs).
        const cached = await caches.match(request, { ignoreSearch: request.mode === "navigate" });
        if (cached) return cached;
        throw error;
      }
    })(),
  );
});
