// Evaluate request vectors inside Pyodide (Node) with the compiled wheel the site ships.
// Usage: node run_vectors.mjs PYODIDE_DIR WHEEL_PATHS VECTORS_JSON [REPEATS]
// WHEEL_PATHS: one wheel, or several joined by the path delimiter (":"), unpacked in order.
// A vector is an evaluate request string, or a [type, request] pair for the bridge the worker calls
// (calculators.handle_json: drills, flashcards, ...).
// Prints {python, results, perCallMs}: each vector's result string and, with REPEATS, the mean
// time of one call for it (the parity test reads results; make bench, the timings).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideArg, wheelPaths, vectorsPath, repeatsArg] = process.argv.slice(2);
const pyodideDir = path.resolve(pyodideArg);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep });
for (const wheelPath of wheelPaths.split(path.delimiter)) pyodide.unpackArchive(new Uint8Array(await readFile(wheelPath)), "wheel");
const calculators = pyodide.pyimport("calculators");
const evaluate = (vector) => (Array.isArray(vector) ? calculators.handle_json(vector[0], vector[1]) : calculators.evaluate_json(vector));
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
process.stdout.write(JSON.stringify({ python: version, results, perCallMs }));
