// Answer bridge requests (calculators.handle_json) inside Pyodide (Node) with the wheels the site ships.
// Usage: node run_bridge.mjs PYODIDE_DIR VECTORS_JSON WHEEL...   (VECTORS_JSON: [[type, request], ...])
// Prints {python, results, startupMs}: each request's result string, and how long importing the
// calculators and answering the first request of each type took (for the report; no test times it).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideArg, vectorsPath, ...wheelPaths] = process.argv.slice(2);
const pyodideDir = path.resolve(pyodideArg);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep });
const startupMs = {};
let startedAt = performance.now();
for (const wheelPath of wheelPaths) pyodide.unpackArchive(new Uint8Array(await readFile(wheelPath)), "wheel");
startupMs.unpack = performance.now() - startedAt;
startedAt = performance.now();
const handle = pyodide.pyimport("calculators").handle_json;
startupMs.importCalculators = performance.now() - startedAt;
const vectors = JSON.parse(await readFile(vectorsPath, "utf8"));
const results = vectors.map(([type, request]) => {
  const first = !(`first:${type}` in startupMs);
  const before = performance.now();
  const result = handle(type, request);
  if (first) startupMs[`first:${type}`] = performance.now() - before;
  return result;
});
const version = pyodide.runPython("import sys; sys.version.split()[0]");
process.stdout.write(JSON.stringify({ python: version, results, startupMs }));
