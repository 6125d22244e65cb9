// The Web Worker behind a page's runnable cells: one Pyodide, one KernelSession (the cells of a
// page share one namespace, as at build time), the same engine and Python files as the build.
// Pyodide is imported from the site's own /pyodide/ (no CDN) when the page first runs a cell.
import type { PyodideAPI } from 'pyodide';
import { KernelSession, supportsStackSwitching } from '../engine.ts';
import { runtimeFiles } from './runtime-files.ts';
import type { FromKernelWorker, ToKernelWorker } from './protocol.ts';
import { PYTHON_ENV } from '../types.ts';

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

async function boot(message: Extract<ToKernelWorker, { type: 'boot' }>) {
  const started = performance.now();
  try {
    const { loadPyodide } = (await import(/* @vite-ignore */ `${message.indexURL}pyodide.mjs`)) as typeof import('pyodide');
    pyodide = await loadPyodide({
      indexURL: message.indexURL,
      lockFileURL: `${message.indexURL}pyodide-lock.json`,
      packageBaseUrl: message.indexURL,
      stdout: () => {},
      stderr: () => {},
      env: { ...PYTHON_ENV },
    });
    interrupt = message.interrupt;
    ticket = message.ticket;
    if (interrupt) pyodide.setInterruptBuffer(interrupt);
    session = await KernelSession.start(pyodide, runtimeFiles, {
      fixtures: message.fixtures,
      sink,
      onThreadCrash: (error) => console.error('a green thread crashed', error),
      interruptBuffer: interrupt ?? null,
    });
    post({ type: 'booted', ms: performance.now() - started, pyodide: pyodide.version, jspi: supportsStackSwitching() });
  } catch (error) {
    post({ type: 'boot-failed', message: error instanceof Error ? error.message : String(error) });
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
      result = await session.runCell({ id: `run-${message.run}`, code: message.code, budget: message.budget, realBudget: message.realBudget });
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
  });
};
