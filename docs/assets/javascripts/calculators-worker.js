/* Runs Python off the main thread: loads Pyodide and the calculators wheel, then answers
 * evaluation requests. Only JSON strings cross in either direction. */
"use strict";

// Python's bridge (calculators.handle_json): request type + JSON string → JSON string.
let handle = null;

async function start({ pyodideBase, wheelUrl }) {
  const startedAt = performance.now();
  importScripts(pyodideBase + "pyodide.js");
  const pyodide = await loadPyodide({
    indexURL: pyodideBase,
    packageBaseUrl: pyodideBase,
    fullStdLib: false,
  });
  const response = await fetch(wheelUrl, { cache: "no-cache" });
  if (!response.ok) {
    throw new Error(`the calculators package could not be downloaded (HTTP ${response.status})`);
  }
  pyodide.unpackArchive(await response.arrayBuffer(), "wheel");
  handle = pyodide.pyimport("calculators").handle_json;
  return performance.now() - startedAt;
}

self.onmessage = async (event) => {
  const message = JSON.parse(event.data);
  if (message.type === "start") {
    try {
      const startupMs = await start(message);
      self.postMessage(JSON.stringify({ type: "ready", startupMs }));
    } catch (error) {
      self.postMessage(JSON.stringify({ type: "failed", reason: String((error && error.message) || error) }));
    }
  } else if (handle !== null) {
    let result;
    try {
      result = handle(message.type, message.request);
    } catch (error) {
      // evaluate() never raises for bad input; this is a bug, so say so instead of hanging.
      result = JSON.stringify({ ok: false, values: {}, display: {}, read_as: {}, working: {}, rough: {}, tables: {}, charts: {},
        errors: { _: "Internal error in the calculator: " + String((error && error.message) || error) } });
    }
    self.postMessage(JSON.stringify({ type: "result", id: message.id, result }));
  }
};
