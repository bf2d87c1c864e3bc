// @ts-check
// Make the memory snapshot the site's worker restores: boot the pinned Pyodide under Node (the same
// pyodide.asm.js/.wasm the site ships), unpack the wheels, run docs_build/snapshot_warmup.py, save.
// Usage: node make_snapshot.mjs PYODIDE_DIR WHEEL_PATHS OUTPUT_PATH
// WHEEL_PATHS: the wheels joined by the path delimiter (":"), unpacked in order, as the worker does.
// Prints a JSON report: {bytes, buildId, warmUp: {...snapshot_warmup.warm_up()}, makeMs}.
import { readFile, writeFile, rename } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
require(path.join(here, "..", "docs", "assets", "javascripts", "pyodide-snapshot.js"));
/** @type {any} */
const snapshots = /** @type {any} */ (globalThis).pyodideSnapshot;

const [pyodideArg, wheelPaths, outputPath] = process.argv.slice(2);
if (!pyodideArg || !wheelPaths || !outputPath) {
  process.stderr.write("usage: node make_snapshot.mjs PYODIDE_DIR WHEEL_PATHS OUTPUT_PATH\n");
  process.exit(2);
}
const startedAt = performance.now();
const pyodideDir = path.resolve(pyodideArg);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep, ...snapshots.makeOptions() });
for (const wheelPath of wheelPaths.split(path.delimiter)) {
  pyodide.unpackArchive(new Uint8Array(await readFile(wheelPath)), "wheel");
}
// Run the warm-up in a namespace of its own, so the snapshot's __main__ stays as a plain start leaves it.
pyodide.globals.set("_warmup_source", await readFile(path.join(here, "snapshot_warmup.py"), "utf8"));
const warmUp = JSON.parse(
  pyodide.runPython(`
import json as _json
_namespace = {"__name__": "snapshot_warmup"}
exec(compile(_warmup_source, "snapshot_warmup.py", "exec"), _namespace)
_report = _json.dumps(_namespace["warm_up"]())
del _namespace, _warmup_source, _json
import gc as _gc; _gc.collect(); del _gc
_report`),
);
pyodide.runPython("del _report");
const bytes = snapshots.make(pyodide);
const header = snapshots.readHeader(bytes);
// Written under a scratch name and renamed: a build running at the same time never sees half a file.
const scratch = `${outputPath}.${process.pid}.part`;
await writeFile(scratch, bytes);
await rename(scratch, outputPath);
process.stdout.write(JSON.stringify({ bytes: bytes.byteLength, buildId: header.buildId, warmUp, makeMs: performance.now() - startedAt }));
