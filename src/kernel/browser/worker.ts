// The Web Worker behind a page's runnable cells: one Pyodide, one KernelSession (the cells of a
// page share one namespace, as at build time), the same engine and Python files as the build.
// Pyodide is imported from the site's own /pyodide/ (no CDN) when the page first runs a cell.
import type { PyodideAPI } from 'pyodide';
import { KernelSession, supportsStackSwitching } from '../engine.ts';
import { runtimeFiles } from './runtime-files.ts';
import type { BootSource, FromKernelWorker, ToKernelWorker } from './protocol.ts';
import { PYTHON_ENV } from '../types.ts';
import { BEFORE_SNAPSHOT, preImportCode } from '../snapshot-recipe.ts';
import { lockWebRealm } from '../realm-lock.ts';
import { withSteadyHost } from '../steady-host.ts';
import { serveWasmCompressed } from './wasm-gzip.ts';
import { dropSnapshot, keptSnapshot, siteSnapshot, snapshotKey, storeSnapshot, type PendingSnapshot } from './snapshot.ts';

/** Output forwarded live per run; the rest still arrives with the run's result. */
const STREAM_LIMIT = 1_000_000;

const post = (message: FromKernelWorker) => (self as unknown as { postMessage(m: FromKernelWorker): void }).postMessage(message);

let session: KernelSession | null = null;
let pyodide: PyodideAPI | null = null;
let interrupt: Int32Array | null = null;
let ticket: Int32Array | null = null;
let currentRun = 0;
let streamed = 0;
// Requests are handled one at a time: with stack switching, a run suspends (between green
// threads) and the worker could otherwise take the next message in the middle of it.
let queue: Promise<void> = Promise.resolve();

function sink(stream: string, text: string, t: number) {
  if (streamed > STREAM_LIMIT) return;
  streamed += text.length;
  post({ type: 'stream', run: currentRun, stream: stream === 'stderr' ? 'stderr' : 'stdout', text, t });
}

type LoadPyodide = typeof import('pyodide').loadPyodide;

async function importPyodide(indexURL: string): Promise<{ loadPyodide: LoadPyodide; version: string }> {
  // The site serves Pyodide's WebAssembly gzip-compressed (wasm-gzip.ts).
  serveWasmCompressed(self as unknown as { fetch: typeof fetch }, indexURL);
  return (await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`)) as { loadPyodide: LoadPyodide; version: string };
}

function options(indexURL: string) {
  return {
    indexURL,
    lockFileURL: `${indexURL}pyodide-lock.json`,
    packageBaseUrl: indexURL,
    stdout: () => {},
    stderr: () => {},
    // `import js` is an empty object, not this worker's global scope; no prompt() for input.
    stdin: () => null,
    jsglobals: Object.create(null) as object,
    env: { ...PYTHON_ENV },
  };
}

/**
 * From the snapshot this browser kept (see snapshot.ts), else from the one the site serves (kept
 * for later pages once it has booted), else a plain boot.
 */
async function loadInterpreter(indexURL: string): Promise<{ pyodide: PyodideAPI; snapshot: BootSource | null }> {
  const { loadPyodide, version } = await importPyodide(indexURL);
  const key = await snapshotKey(version, runtimeFiles);
  const sources: [BootSource, () => Promise<PendingSnapshot | null>][] = [
    ['kept', () => keptSnapshot(indexURL, key)],
    ['site', () => siteSnapshot(indexURL, key)],
  ];
  for (const [source, find] of sources) {
    const found = await find();
    if (!found) continue;
    try {
      // The bytes are awaited by Pyodide itself, after it has started on its WebAssembly.
      const pyodide = (await loadPyodide({ ...options(indexURL), _loadSnapshot: found.bytes } as never)) as PyodideAPI;
      if (source === 'site') void found.bytes.then((b) => storeSnapshot(indexURL, key, b)).catch(() => {});
      return { pyodide, snapshot: source };
    } catch (error) {
      console.warn(`the ${source === 'kept' ? 'kept' : "site's"} interpreter snapshot could not be loaded: booting without it`, error);
      if (source === 'kept') await dropSnapshot(indexURL, key).catch(() => {});
    }
  }
  return { pyodide: await loadPyodide(options(indexURL)), snapshot: null };
}

async function boot(message: Extract<ToKernelWorker, { type: 'boot' }>) {
  const started = performance.now();
  try {
    const loaded = await loadInterpreter(message.indexURL);
    pyodide = loaded.pyodide;
    interrupt = message.interrupt;
    ticket = message.ticket;
    if (interrupt) pyodide.setInterruptBuffer(interrupt);
    session = await KernelSession.start(pyodide, runtimeFiles, {
      fixtures: message.fixtures,
      sink,
      onThreadCrash: (error) => console.error('a green thread crashed', error),
      interruptBuffer: interrupt ?? null,
    });
    // Before the first cell: no code from strings, no network or storage on the global scope
    // (realm-lock.ts). What this module needs later it reached already (`postMessage` through
    // `self`, Cache Storage through `caches`, which only holds this site's snapshot).
    lockWebRealm(globalThis);
    post({ type: 'booted', ms: performance.now() - started, pyodide: pyodide.version, jspi: supportsStackSwitching(), snapshot: loaded.snapshot });
  } catch (error) {
    post({ type: 'boot-failed', message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * In a worker of its own (never the page's kernel): boots an interpreter for the snapshot, imports
 * what the snapshot holds (the same recipe as the Node host's) and keeps it for later pages.
 */
async function makeSnapshot(message: Extract<ToKernelWorker, { type: 'make-snapshot' }>) {
  try {
    const { loadPyodide, version } = await importPyodide(message.indexURL);
    const key = await snapshotKey(version, runtimeFiles);
    // The same steady host as the Node-made snapshot's (steady-host.ts), so both hold the same state.
    const bytes = await withSteadyHost(async () => {
      const interpreter = await loadPyodide({ ...options(message.indexURL), _makeSnapshot: true } as never);
      KernelSession.writeRuntimeFiles(interpreter, runtimeFiles);
      interpreter.runPython(preImportCode());
      interpreter.runPython(BEFORE_SNAPSHOT);
      return (interpreter as unknown as { makeMemorySnapshot(): Uint8Array }).makeMemorySnapshot();
    });
    await storeSnapshot(message.indexURL, key, bytes);
    post({ type: 'snapshot-made', bytes: bytes.byteLength, message: null });
  } catch (error) {
    post({ type: 'snapshot-made', bytes: 0, message: error instanceof Error ? error.message : String(error) });
  }
}

async function run(message: Extract<ToKernelWorker, { type: 'run' }>) {
  currentRun = message.run;
  streamed = 0;
  try {
    if (!session) throw new Error('the kernel is not booted');
    if (interrupt) Atomics.store(interrupt, 0, 0);
    if (ticket) Atomics.store(ticket, 0, message.run);
    let result;
    try {
      result = await session.runCell({ ...message.options, id: `run-${message.run}`, code: message.code });
    } finally {
      if (ticket) Atomics.store(ticket, 0, 0);
      if (interrupt) Atomics.store(interrupt, 0, 0);
    }
    post({ type: 'done', run: message.run, result });
  } catch (error) {
    post({ type: 'failed', run: message.run, message: error instanceof Error ? error.message : String(error) });
  }
}

function names(message: Extract<ToKernelWorker, { type: 'names' }>) {
  let defines: string[] = [];
  let uses: string[] = [];
  try {
    const module = pyodide!.pyimport('vkernel.names');
    const result = module.defines_and_uses(message.code);
    [defines, uses] = result.toJs() as [string[], string[]];
    result.destroy();
    module.destroy();
  } catch (error) {
    console.error('cannot read the names of a cell', error);
  }
  post({ type: 'names', req: message.req, defines, uses });
}

self.onmessage = (event: MessageEvent<ToKernelWorker>) => {
  const message = event.data;
  queue = queue.then(() => {
    if (message.type === 'boot') return boot(message);
    if (message.type === 'run') return run(message);
    if (message.type === 'names') return names(message);
    if (message.type === 'make-snapshot') return makeSnapshot(message);
  });
};
