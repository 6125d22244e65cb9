// A document worker: a worker thread of a sandbox process that boots one Pyodide (from the memory
// snapshot when there is one), runs exactly one document, and is then ended. One JavaScript realm
// per document: whatever a document does to its realm (a patched `JSON.parse`, a global) dies
// with it and never reaches the next document or how it is judged.
import { constants as fsConstants, readFileSync } from 'node:fs';
import nodeCrypto from 'node:crypto';
import vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { KernelSession } from '../engine.ts';
import { readRuntimeFiles } from './runtime-files.ts';
import { instantiateFrom } from './compiled-wasm.ts';
import { BEFORE_SNAPSHOT, preImportCode } from '../snapshot-recipe.ts';
import { PYTHON_ENV } from '../types.ts';
import type { FromSandbox, ToWorker } from './protocol.ts';
import { lockNodeRealm } from '../realm-lock.ts';
import { withSteadyHost } from '../steady-host.ts';

// Captured before the realm is locked (realm-lock.ts replaces the global `process` with a stub).
const hostProcess = process;

// Pyodide's Node file system asks `process.binding('constants')`, which the permission model
// refuses; the same table is public as `fs.constants`.
(process as unknown as { binding: (name: string) => unknown }).binding = (name: string) => {
  if (name === 'constants') return { fs: fsConstants };
  throw new Error(`process.binding('${name}') is not available in the sandbox`);
};

const port = parentPort!;
const { control, compiled, snapshotPath, escapeHatch, pythonGuards }: {
  control: { interrupt: Int32Array; ticket: Int32Array };
  compiled: WebAssembly.Module | null;
  snapshotPath: string | null;
  escapeHatch?: boolean;
  /** Tests only: false starts the kernel without its Python-side guards (engine.ts). */
  pythonGuards?: boolean;
} = workerData;
const { interrupt: interruptBuffer, ticket } = control;
const files = readRuntimeFiles();
const post = (message: FromSandbox) => port.postMessage(message);

// The channel's objects are made in a realm with nothing in it and no code generation from strings.
const channelRealm = vm.createContext(Object.create(null), { codeGeneration: { strings: false, wasm: false } });
const realm = (source: string) => vm.runInContext(source, channelRealm);

/**
 * What every interpreter is booted with: no output of its own, `import js` an empty object instead
 * of the worker's global scope, and a standard input that is not the process's (Pyodide's default
 * keeps `process.stdin`, whose stream leads to Node's `fs` module).
 */
const QUIET = { stdout: () => {}, stderr: () => {}, stdin: () => null, jsglobals: Object.create(null) as object };

async function boot(): Promise<PyodideAPI> {
  const started = performance.now();
  const restore = compiled ? instantiateFrom(compiled) : () => {};
  try {
    return await bootInterpreter(started);
  } finally {
    restore();
  }
}

async function bootInterpreter(started: number): Promise<PyodideAPI> {
  let fallback: string | undefined;
  let pyodide: PyodideAPI | null = null;
  if (snapshotPath) {
    try {
      pyodide = await loadPyodide({ ...QUIET, _loadSnapshot: readFileSync(snapshotPath) } as never);
    } catch (error) {
      fallback = `the interpreter snapshot could not be loaded (${error instanceof Error ? error.message : String(error)}): booting without it`;
    }
  }
  if (!pyodide) {
    pyodide = await loadPyodide({ ...QUIET, env: { ...PYTHON_ENV } } as never);
    preImport(pyodide); // the modules a snapshot holds: both kinds of boot look the same to a cell
  }
  pyodide.setInterruptBuffer(interruptBuffer);
  post({ type: 'booted', ms: performance.now() - started, pyodide: pyodide.version, snapshot: Boolean(snapshotPath) && !fallback, fallback });
  return pyodide;
}

/** The kernel's runtime files and the modules imported before any document (see snapshot.ts). */
function preImport(pyodide: PyodideAPI): void {
  KernelSession.writeRuntimeFiles(pyodide, files);
  pyodide.runPython(preImportCode());
}

async function makeSnapshot() {
  const restore = compiled ? instantiateFrom(compiled) : () => {};
  try {
    // A steady clock and random bytes: the same snapshot, byte for byte, every time (steady-host.ts).
    const bytes = await withSteadyHost(async () => {
      const pyodide = await loadPyodide({ ...QUIET, env: { ...PYTHON_ENV }, _makeSnapshot: true } as never);
      preImport(pyodide);
      pyodide.runPython(BEFORE_SNAPSHOT);
      return (pyodide as unknown as { makeMemorySnapshot(): Uint8Array }).makeMemorySnapshot();
    }, nodeCrypto);
    port.postMessage({ type: 'snapshot', bytes } satisfies FromSandbox, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    post({ type: 'snapshot', bytes: null, message: error instanceof Error ? error.message : String(error) });
  } finally {
    restore();
  }
}

/** Tests only: `import escape_hatch` (the import system no longer finds registered JavaScript modules). */
function giveEscapeHatch(pyodide: PyodideAPI): void {
  const namespace = pyodide.toPy({});
  namespace.set('hatch', { process: hostProcess, globalThis, getBuiltinModule: (name: string) => hostProcess.getBuiltinModule(name) });
  pyodide.runPython("import sys\nsys.modules['escape_hatch'] = hatch", { globals: namespace });
  namespace.destroy();
}

const booting = snapshotPath === undefined ? null : boot();
let lastTicket = 0;

async function run({ job, doc, resumeAt, skip }: Extract<ToWorker, { type: 'run' }>) {
  try {
    const pyodide = await booting!;
    const session = await KernelSession.start(pyodide, files, { fixtures: doc.fixtures, interruptBuffer, realm, pythonGuards });
    // Tests only: the worker's own process object, reachable from Python, as a full escape from
    // the interpreter and its realm would give (what the process boundary must hold alone).
    if (escapeHatch) giveEscapeHatch(pyodide);
    lockNodeRealm(globalThis);
    // After a crash the pool resumes a document in a new interpreter: earlier cells are replayed
    // silently to rebuild the namespace, the crashed one is skipped.
    for (let index = 0; index < doc.cells.length; index++) {
      if (index < resumeAt) {
        // Best effort: a replayed cell that fails now only leaves its names undefined.
        if (!skip.includes(index)) await session.runCell(doc.cells[index]!).catch(() => undefined);
        continue;
      }
      Atomics.store(interruptBuffer, 0, 0);
      Atomics.store(ticket, 0, ++lastTicket);
      post({ type: 'cell-start', job, index, ticket: lastTicket });
      let result;
      try {
        result = await session.runCell(doc.cells[index]!);
      } finally {
        Atomics.store(ticket, 0, 0);
        Atomics.store(interruptBuffer, 0, 0);
      }
      post({ type: 'cell', job, index, run: result });
    }
    post({ type: 'done', job });
  } catch (error) {
    post({ type: 'failed', job, message: error instanceof Error ? error.message : String(error) });
  }
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'run') void run(message);
  else if (message.type === 'make-snapshot') void makeSnapshot();
});
