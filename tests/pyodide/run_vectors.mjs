// @ts-check
// Evaluate request vectors inside Pyodide (Node) with the compiled wheel the site ships.
// Usage: node run_vectors.mjs [--snapshot SNAPSHOT] PYODIDE_DIR WHEEL_PATHS VECTORS_JSON [REPEATS]
// WHEEL_PATHS: one wheel, or several joined by the path delimiter (":"), unpacked in order; may be
// empty with --snapshot, which restores the build's memory snapshot first, as the site's worker does
// (through the same docs/assets/javascripts/pyodide-snapshot.js), instead of a plain start.
// A vector is an evaluate request string, or a [type, request] pair for the bridge the worker calls
// (calculators.handle_json: drills, flashcards, ...).
// Prints {python, startedFrom, randomAfterStart, results, perCallMs}: each vector's result string and,
// with REPEATS, the mean time of one call for it (the parity tests read results; make bench, the
// timings); randomAfterStart is `random.random()` just after the start, to show a restore re-seeds.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const snapshotFlag = args.indexOf("--snapshot");
const snapshotPath = snapshotFlag >= 0 ? args.splice(snapshotFlag, 2)[1] : null;
const [pyodideArg, wheelPaths, vectorsPath, repeatsArg] = args;
const pyodideDir = path.resolve(pyodideArg);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
let pyodide;
if (snapshotPath) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  createRequire(import.meta.url)(path.join(here, "..", "..", "docs", "assets", "javascripts", "pyodide-snapshot.js"));
  /** @type {any} */
  const snapshots = /** @type {any} */ (globalThis).pyodideSnapshot;
  pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep, ...snapshots.restoreOptions(await snapshots.check(new Uint8Array(await readFile(snapshotPath)))) });
  snapshots.afterRestore(pyodide);
} else {
  pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep });
}
for (const wheelPath of wheelPaths ? wheelPaths.split(path.delimiter) : []) {
  pyodide.unpackArchive(new Uint8Array(await readFile(wheelPath)), "wheel");
}
const randomAfterStart = pyodide.runPython("import random; random.random()");
const calculators = pyodide.pyimport("calculators");
/** @param {string | [string, string]} vector */
const evaluate = (vector) => (Array.isArray(vector) ? calculators.handle_json(vector[0], vector[1]) : calculators.evaluate_json(vector));
/** @type {(string | [string, string])[]} */
const requests = JSON.parse(await readFile(vectorsPath, "utf8"));
const results = requests.map((request) => evaluate(request));
const repeats = Number(repeatsArg || 0);
const perCallMs = requests.map((request) => {
  if (!repeats) return null;
  const start = performance.now();
  for (let i = 0; i < repeats; i++) evaluate(request);
  return (performance.now() - start) / repeats;
});
const version = pyodide.runPython("import sys; sys.version.split()[0]");
const startedFrom = snapshotPath ? "snapshot" : "plain";
process.stdout.write(JSON.stringify({ python: version, startedFrom, randomAfterStart, results, perCallMs }));
