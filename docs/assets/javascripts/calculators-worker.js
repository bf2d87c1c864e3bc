// @ts-check
/* Runs Python off the main thread: loads Pyodide, the calculators wheel and the dependency wheels
 * listed beside it (dependencies.json, written by the build), then answers bridge requests. Only
 * JSON strings cross in either direction. */
"use strict";

// Python's bridge (calculators.handle_json): request type + JSON string → JSON string.
/** @type {((type: string, request: string) => string) | null} */
let handle = null;

/**
 * @param {string} url
 * @returns {Promise<Response>}
 */
async function download(url) {
  const response = await fetch(url, { cache: "no-cache" });
  if (!response.ok) {
    throw new Error(`${url.split("/").pop()} could not be downloaded (HTTP ${response.status})`);
  }
  return response;
}

// The dependency wheels' addresses, then every wheel's bytes, dependencies first.
/**
 * @param {string} wheelUrl
 * @returns {Promise<{ urls: string[], archives: ArrayBuffer[] }>}
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
 * @param {{ pyodideBase: string, wheelUrl: string }} message
 * @returns {Promise<{ startupMs: number, wheelUrls: string[] }>}
 */
async function start({ pyodideBase, wheelUrl }) {
  const startedAt = performance.now();
  const wheels = downloadWheels(wheelUrl); // while Pyodide boots
  wheels.catch(() => {}); // awaited below; this only stops an early failure counting as unhandled
  importScripts(pyodideBase + "pyodide.js");
  const pyodide = await loadPyodide({
    indexURL: pyodideBase,
    packageBaseUrl: pyodideBase,
    fullStdLib: false,
  });
  const { urls, archives } = await wheels;
  for (const archive of archives) pyodide.unpackArchive(archive, "wheel");
  handle = pyodide.pyimport("calculators").handle_json;
  return { startupMs: performance.now() - startedAt, wheelUrls: urls };
}

self.onmessage = async (event) => {
  const message = JSON.parse(event.data);
  if (message.type === "start") {
    // Held until this worker ends, however it ends: the page is granted the lock then and knows.
    if (message.lock && self.navigator.locks) {
      await new Promise((held) => self.navigator.locks.request(message.lock, () => (held(undefined), new Promise(() => {}))));
    }
    try {
      const { startupMs, wheelUrls } = await start(message);
      self.postMessage(JSON.stringify({ type: "ready", startupMs, wheelUrls }));
    } catch (error) {
      self.postMessage(JSON.stringify({ type: "failed", reason: (error instanceof Error ? error.message : String(error)) }));
    }
  } else if (handle !== null) {
    let result;
    try {
      result = handle(message.type, message.request);
    } catch (error) {
      // evaluate() never raises for bad input; this is a bug, so say so instead of hanging.
      result = JSON.stringify({ ok: false, values: {}, display: {}, read_as: {}, working: {}, rough: {}, tables: {}, charts: {},
        errors: { _: "Internal error in the calculator: " + (error instanceof Error ? error.message : String(error)) } });
    }
    self.postMessage(JSON.stringify({ type: "result", id: message.id, result }));
  }
};
