// @ts-check
// Time evaluate() calls one by one inside Pyodide (Node) with the compiled wheel the site ships.
// Usage: node time_calls.mjs PYODIDE_DIR WHEEL_PATH ROWS_JSON
// ROWS_JSON: [{"label", "requests": [evaluate request strings], "repeats", "warm"}]. A row's
// requests are called in order, `repeats` times over; with "warm" each is called once first, untimed
// (a repeated call: what a reader editing one field sees), without it every call counts (a first call
// with new inputs: caches cold). Prints {python, rows: [{label, ms, cpuMs}]}: per call, the wall time
// and the process's CPU time (user + system, which a machine busy with other work does not inflate
// as much); the percentiles are taken in tests/bench.py. Timings only: no test reads them.
"use strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** @typedef {{label: string, requests: string[], repeats: number, warm: boolean}} Row */

const [pyodideArg, wheelPath, rowsPath] = process.argv.slice(2);
const pyodideDir = path.resolve(pyodideArg);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep });
pyodide.unpackArchive(new Uint8Array(await readFile(wheelPath)), "wheel");
const calculators = pyodide.pyimport("calculators");
/** @type {Row[]} */
const rows = JSON.parse(await readFile(rowsPath, "utf8"));
const timed = rows.map((row) => {
  if (row.warm) for (const request of row.requests) calculators.evaluate_json(request);
  /** @type {number[]} */
  const ms = [];
  /** @type {number[]} */
  const cpuMs = [];
  for (let round = 0; round < row.repeats; round++) {
    for (const request of row.requests) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      calculators.evaluate_json(request);
      ms.push(performance.now() - start);
      const cpu = process.cpuUsage(cpuStart);
      cpuMs.push((cpu.user + cpu.system) / 1000);
    }
  }
  return { label: row.label, ms, cpuMs };
});
const version = pyodide.runPython("import sys; sys.version.split()[0]");
process.stdout.write(JSON.stringify({ python: version, rows: timed }));
