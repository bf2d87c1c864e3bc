// @ts-check
/* Runs Python off the main thread, then answers bridge requests. Only JSON strings cross in either
 * direction.
 *
 * It starts from the build's memory snapshot (snapshot.json beside the wheels names it): Python with
 * every calculator already imported and run once. If there is none, or it cannot be downloaded, or
 * Pyodide refuses it, the worker says why on the console and starts the plain way: Pyodide, then
 * the calculators wheel and the dependency wheels listed beside it (dependencies.json). The "ready"
 * message says which way it started (`startedFrom`). */
"use strict";

/** @type {any} */ (self).importScripts("pyodide-snapshot.js"); // beside this file: the one module that knows the private snapshot API

/**
 * @typedef {{ pyodideBase: string, wheelUrl: string }} StartRequest
 * @typedef {{ file: string, bytes: number, unpackWheels: boolean }} SnapshotManifest
 * @typedef {{ unpackArchive: (archive: ArrayBuffer, format: string) => void, pyimport: (name: string) => any }} Pyodide
 * @typedef {{ pyodide: Pyodide, urls: string[] }} Started
 */

/** @type {any} */
const workerScope = self;
/** @type {{ check: (bytes: PromiseLike<Uint8Array>, expectedBytes?: number) => Promise<Uint8Array>,
 *   restoreOptions: (bytes: Uint8Array) => object, afterRestore: (pyodide: Pyodide) => void }} */
const snapshots = workerScope.pyodideSnapshot;

// Python's bridge (calculators.handle_json): request type + JSON string → JSON string.
/** @type {((type: string, request: string) => string) | null} */
let handle = null;

/**
 * @param {unknown} error
 * @returns {string}
 */
function reasonOf(error) {
  return error instanceof Error ? error.message : String(error);
}

/**
 * @param {string} url
 * @param {RequestCache} [cache] "no-cache" (revalidate) for files whose name stays across builds
 */
async function download(url, cache = "no-cache") {
  const response = await fetch(url, { cache });
  if (!response.ok) {
    throw new Error(`${url.split("/").pop()} could not be downloaded (HTTP ${response.status})`);
  }
  return response;
}

/**
 * The dependency wheels' addresses, then every wheel's bytes, dependencies first.
 * @param {string} wheelUrl
 */
async function downloadWheels(wheelUrl) {
  const manifestUrl = new URL("dependencies.json", wheelUrl).href;
  /** @type {string[]} */
  const names = await (await download(manifestUrl)).json();
  const urls = [...names.map((name) => new URL(name, wheelUrl).href), wheelUrl];
  const archives = await Promise.all(urls.map(async (url) => (await download(url)).arrayBuffer()));
  return { urls: [manifestUrl, ...urls], archives };
}

/**
 * @param {string} pyodideBase
 * @param {object} [extraOptions]
 * @returns {Promise<Pyodide>}
 */
function bootPyodide(pyodideBase, extraOptions = {}) {
  if (typeof workerScope.loadPyodide !== "function") workerScope.importScripts(pyodideBase + "pyodide.js");
  return workerScope.loadPyodide({ indexURL: pyodideBase, packageBaseUrl: pyodideBase, fullStdLib: false, ...extraOptions });
}

/**
 * Python with the calculators already imported, from the build's snapshot.
 * @param {StartRequest} request
 * @returns {Promise<Started>}
 */
async function startFromSnapshot({ pyodideBase, wheelUrl }) {
  const manifestUrl = new URL("snapshot.json", wheelUrl).href;
  const manifestResponse = download(manifestUrl);
  manifestResponse.catch(() => {}); // awaited just below; a failure there is the reason reported
  if (typeof workerScope.loadPyodide !== "function") workerScope.importScripts(pyodideBase + "pyodide.js"); // while the manifest arrives
  /** @type {SnapshotManifest} */
  const manifest = await (await manifestResponse).json();
  const snapshotUrl = new URL(manifest.file, wheelUrl).href;
  // The name changes with every input, so the HTTP cache may keep it: no revalidation.
  const bytes = download(snapshotUrl, "default").then(async (response) => new Uint8Array(await response.arrayBuffer()));
  const wheels = manifest.unpackWheels ? downloadWheels(wheelUrl) : null;
  if (wheels) wheels.catch(() => {});
  // Checked whole before Pyodide starts: a loadPyodide that fails while its wasm is still downloading
  // leaves that download unread, and Chromium then holds the plain start's request for the same file.
  const checked = await snapshots.check(bytes, manifest.bytes);
  const pyodide = await bootPyodide(pyodideBase, snapshots.restoreOptions(checked));
  snapshots.afterRestore(pyodide);
  const urls = [manifestUrl, snapshotUrl];
  if (wheels) {
    // The build left something in the wheels unimported (a lazy import or a data file): put the files back.
    const { urls: wheelUrls, archives } = await wheels;
    for (const archive of archives) pyodide.unpackArchive(archive, "wheel");
    urls.push(...wheelUrls);
  }
  return { pyodide, urls };
}

/**
 * Pyodide from scratch, then the wheels.
 * @param {StartRequest} request
 * @returns {Promise<Started>}
 */
async function startPlain({ pyodideBase, wheelUrl }) {
  const wheels = downloadWheels(wheelUrl); // while Pyodide boots
  wheels.catch(() => {}); // awaited below; this only stops an early failure counting as unhandled
  const pyodide = await bootPyodide(pyodideBase);
  const { urls, archives } = await wheels;
  for (const archive of archives) pyodide.unpackArchive(archive, "wheel");
  return { pyodide, urls };
}

/**
 * @param {StartRequest} request
 */
async function start(request) {
  const startedAt = performance.now();
  /** @type {"snapshot" | "plain"} */
  let startedFrom = "snapshot";
  let fallbackReason = null;
  /** @type {Started} */
  let started;
  try {
    started = await startFromSnapshot(request);
  } catch (error) {
    fallbackReason = reasonOf(error);
    console.warn(`Python starts without the build's snapshot: ${fallbackReason}`);
    startedFrom = "plain";
    started = await startPlain(request);
  }
  handle = started.pyodide.pyimport("calculators").handle_json;
  return { startupMs: performance.now() - startedAt, wheelUrls: started.urls, startedFrom, fallbackReason };
}

workerScope.onmessage = async (/** @type {MessageEvent<string>} */ event) => {
  const message = JSON.parse(event.data);
  if (message.type === "start") {
    // Held until this worker ends, however it ends: the page is granted the lock then and knows.
    if (message.lock && self.navigator.locks) {
      await new Promise((held) => self.navigator.locks.request(message.lock, () => (held(undefined), new Promise(() => {}))));
    }
    try {
      const { startupMs, wheelUrls, startedFrom, fallbackReason } = await start(message);
      workerScope.postMessage(JSON.stringify({ type: "ready", startupMs, wheelUrls, startedFrom, fallbackReason }));
    } catch (error) {
      workerScope.postMessage(JSON.stringify({ type: "failed", reason: reasonOf(error) }));
    }
  } else if (handle !== null) {
    let result;
    try {
      result = handle(message.type, message.request);
    } catch (error) {
      // evaluate() never raises for bad input; this is a bug, so say so instead of hanging.
      result = JSON.stringify({ ok: false, values: {}, display: {}, read_as: {}, working: {}, rough: {}, tables: {}, charts: {},
        errors: { _: "Internal error in the calculator: " + reasonOf(error) } });
    }
    workerScope.postMessage(JSON.stringify({ type: "result", id: message.id, result }));
  }
};
