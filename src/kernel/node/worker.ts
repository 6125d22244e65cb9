// A worker thread: boots a fresh Pyodide per document (the next one is loaded while the current one
// runs, so the boot cost is hidden), runs the document's cells in order and posts each result.
import { parentPort, workerData } from 'node:worker_threads';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { KernelSession } from '../engine.ts';
import { readRuntimeFiles } from './runtime-files.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

const port = parentPort!;
const { interrupt: interruptBuffer, ticket }: { interrupt: Int32Array; ticket: Int32Array } = workerData.control;
let lastTicket = 0;
const files = readRuntimeFiles();
const post = (message: FromWorker) => port.postMessage(message);

async function boot(): Promise<PyodideAPI> {
  const started = performance.now();
  const pyodide = await loadPyodide({ stdout: () => {}, stderr: () => {} });
  pyodide.setInterruptBuffer(interruptBuffer);
  post({ type: 'booted', ms: performance.now() - started, pyodide: pyodide.version });
  return pyodide;
}

let spare: Promise<PyodideAPI> = boot();

async function run({ job, doc, resumeAt, skip }: ToWorker) {
  const pyodide = await spare;
  spare = boot();
  try {
    const session = await KernelSession.start(pyodide, files, { fixtures: doc.fixtures, interruptBuffer });
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
});
