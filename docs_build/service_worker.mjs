// @ts-check
/* Writes the site's service worker (sw.js at the site root) with Workbox's generateSW.
 *
 * Usage: node docs_build/service_worker.mjs SITE_DIR PYTHON_CACHE_NAME
 * Called by docs_build/offline.py after every build, over the finished site. Prints one JSON line:
 * {"count": precached entries, "size": their bytes, "warnings": [...]}.
 *
 * - Precached (each with a content revision, fetched when the worker installs): every page, the
 *   search index, sitemap.xml, the manifest and icons, and the theme's and our CSS, JS and images.
 * - Not precached: the Python runtime (assets/pyodide/, assets/python/), the PDF and the Anki deck.
 *   The runtime is cached the first time a calculator starts, cache-first, in a cache whose name
 *   carries a digest of every runtime file (PYTHON_CACHE_NAME), so a deploy that changes any of
 *   them starts a fresh cache and the worker never serves an old wheel under an unchanged URL.
 * - The Workbox runtime is inlined: the worker loads nothing, from our origin or any other.
 */
"use strict";

import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateSW } from "workbox-build";

const [siteDir, pythonCacheName] = process.argv.slice(2);
if (!siteDir || !pythonCacheName || !/^handbook-python-[0-9a-f]+$/.test(pythonCacheName)) {
  console.error("usage: node docs_build/service_worker.mjs SITE_DIR handbook-python-<hex digest>");
  process.exit(2);
}

const swDest = path.join(siteDir, "sw.js");
const additions = path.join(path.dirname(fileURLToPath(import.meta.url)), "service-worker-additions.js");

const { count, size, warnings } = await generateSW({
  globDirectory: siteDir,
  globPatterns: [
    "**/*.html",
    "search/search_index.json",
    "sitemap.xml",
    "site.webmanifest",
    "assets/**/*.{css,js,svg,png,ico,woff2}",
  ],
  globIgnores: [
    "print_page/**", // the combined page the PDF is printed from; readers never open it
    "assets/pyodide/**", // runtime-cached on first use, see above
    "assets/python/**",
    "assets/javascripts/lunr/**", // search languages other than English: never loaded here
    "sw.js",
  ],
  // Mermaid (3.5 MB) is the largest file a page needs; anything bigger is left out and reported.
  maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
  // Material's bundles carry a content hash in their names: the URL is the revision.
  dontCacheBustURLsMatching: /\.[0-9a-f]{8,}\.min\.(js|css)$/,
  // A page is the same page whatever its query (calculator inputs travel in it).
  ignoreURLParametersMatching: [/.*/],
  directoryIndex: "index.html",
  swDest,
  inlineWorkboxRuntime: true,
  mode: "production",
  sourcemap: false,
  // A new build waits until the reader accepts the reload prompt (offline.js posts SKIP_WAITING);
  // the very first install takes over open pages at once, so a calculator started on the first
  // visit already goes through the worker and fills the Python cache.
  skipWaiting: false,
  clientsClaim: true,
  cleanupOutdatedCaches: true,
  cacheId: "handbook",
  runtimeCaching: [
    {
      urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/assets\/(pyodide|python)\//.test(url.pathname),
      handler: "CacheFirst",
      options: {
        cacheName: pythonCacheName,
        // The one network fetch revalidates with the host, so a new cache is never filled from
        // a stale HTTP cache entry of a file whose URL did not change.
        fetchOptions: { cache: "no-cache" },
        cacheableResponse: { statuses: [200] },
      },
    },
  ],
});

// Our own few lines (old Python caches, precache revalidation), with this build's cache name.
const extra = (await readFile(additions, "utf-8")).replace("__PYTHON_CACHE_NAME__", pythonCacheName);
await writeFile(swDest, (await readFile(swDest, "utf-8")) + "\n" + extra, "utf-8");

process.stdout.write(JSON.stringify({ count, size, warnings }) + "\n");
