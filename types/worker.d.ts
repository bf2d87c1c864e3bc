// What the Web Worker gets from pyodide.js (importScripts): its loader, typed by the pinned package itself.

declare const loadPyodide: typeof import("pyodide").loadPyodide;
