// Evaluate request vectors inside Pyodide (Node) with the compiled wheel the site ships.
// Usage: node run_vectors.mjs PYODIDE_DIR WHEEL_PATH VECTORS_JSON  → prints a JSON array of result strings.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideArg, wheelPath, vectorsPath] = process.argv.slice(2);
const pyodideDir = path.resolve(pyodideArg);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep });
pyodide.unpackArchive(new Uint8Array(await readFile(wheelPath)), "wheel");
const calculators = pyodide.pyimport("calculators");
const requests = JSON.parse(await readFile(vectorsPath, "utf8"));
const results = requests.map((request) => calculators.evaluate_json(request));
const version = pyodide.runPython("import sys; sys.version.split()[0]");
process.stdout.write(JSON.stringify({ python: version, results }));
