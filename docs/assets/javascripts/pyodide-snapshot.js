// @ts-check
/* The one place that touches Pyodide's private memory-snapshot API (0.29: the `_makeSnapshot` and
 * `_loadSnapshot` options of loadPyodide, and `makeMemorySnapshot()`). The build (Node,
 * docs_build/make_snapshot.mjs) makes a snapshot with it and the worker (calculators-worker.js,
 * through importScripts) restores one with it; a new Pyodide that changes the API breaks here only.
 *
 * A snapshot is Pyodide's header (magic, offset of the memory image, length of a JSON table, the
 * build id of pyodide.asm.js/.wasm) followed by the WebAssembly memory. It keeps imported modules,
 * not files: the in-memory file system and fresh entropy are lost, so `afterRestore` re-seeds.
 */
"use strict";

(function (root) {
  const MAGIC = 0x706e7300; // "\0snp", as Pyodide's snapshot.ts writes it
  const HEADER_BYTES = 48; // magic, offset, JSON length, padding (4 × 4) + 32-byte build id
  const WASM_PAGE_BYTES = 65536; // the memory image is whole WebAssembly pages

  /**
   * @typedef {{ buildId: string, memoryOffset: number, memoryBytes: number }} SnapshotHeader
   * @typedef {{ makeMemorySnapshot: () => Uint8Array, pyimport: (name: string) => any }} SnapshotPyodide
   */

  /**
   * Read and check a snapshot's header; throws an Error saying what is wrong (so the caller can log
   * why it starts the plain way) before Pyodide is handed a file it would half-restore.
   * @param {Uint8Array} bytes
   * @returns {SnapshotHeader}
   */
  function readHeader(bytes) {
    if (bytes.byteLength < HEADER_BYTES || bytes.byteOffset % 4 !== 0) {
      throw new Error(`the snapshot is too short to be one (${bytes.byteLength} bytes)`);
    }
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset, HEADER_BYTES / 4);
    if (words[0] !== MAGIC) throw new Error("the snapshot does not start with Pyodide's snapshot header");
    const memoryOffset = words[1];
    const memoryBytes = bytes.byteLength - memoryOffset;
    if (memoryOffset < HEADER_BYTES + words[2] || memoryBytes <= 0 || memoryBytes % WASM_PAGE_BYTES !== 0) {
      throw new Error(`the snapshot is truncated or damaged (${bytes.byteLength} bytes, memory image at ${memoryOffset})`);
    }
    const buildId = Array.from(words.subarray(4, 12), (word) => word.toString(16).padStart(8, "0")).join("");
    return { buildId, memoryOffset, memoryBytes };
  }

  /** loadPyodide options for a run that will be saved as a snapshot. */
  function makeOptions() {
    return { _makeSnapshot: true };
  }

  /**
   * Save the running interpreter's memory. Call it with no PyProxy or JS object held by Python that
   * the restoring side could not rebuild (Pyodide refuses to serialise one).
   * @param {SnapshotPyodide} pyodide
   * @returns {Uint8Array}
   */
  function make(pyodide) {
    const bytes = pyodide.makeMemorySnapshot();
    readHeader(bytes); // what the worker will check, checked before the file is written
    return bytes;
  }

  /**
   * The snapshot's bytes once they have arrived and their size and header are checked; rejects with
   * an Error saying what is wrong. Pyodide itself refuses a build id other than its own.
   * @param {Uint8Array | PromiseLike<Uint8Array>} bytes
   * @param {number} [expectedBytes] the size the build recorded, when known
   * @returns {Promise<Uint8Array>}
   */
  async function check(bytes, expectedBytes) {
    const snapshot = await bytes;
    if (expectedBytes !== undefined && snapshot.byteLength !== expectedBytes) {
      throw new Error(`the snapshot has ${snapshot.byteLength} bytes, the build wrote ${expectedBytes}`);
    }
    readHeader(snapshot);
    return snapshot;
  }

  /**
   * loadPyodide options that restore checked snapshot bytes.
   * @param {Uint8Array} bytes
   * @returns {object}
   */
  function restoreOptions(bytes) {
    return { _loadSnapshot: bytes };
  }

  /**
   * Undo what a snapshot freezes: `random` would replay the build's sequence on every restore.
   * (str hash() salts stay those of the build; nothing here depends on them.)
   * @param {SnapshotPyodide} pyodide
   */
  function afterRestore(pyodide) {
    const random = pyodide.pyimport("random");
    try {
      random.seed(); // no argument: seeded from os.urandom, i.e. crypto.getRandomValues
    } finally {
      random.destroy();
    }
  }

  const api = { readHeader, makeOptions, make, check, restoreOptions, afterRestore };
  /** @type {any} */ (root).pyodideSnapshot = api;
})(globalThis);
