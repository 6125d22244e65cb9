// The main thread of a sandbox process (started by sandbox-process.ts with Node's permission model
// and, where the system offers them, namespaces). It runs no Python itself: it keeps a spare
// document worker booting, hands each document to a fresh one, relays interrupts into the shared
// interrupt buffer, and bounds the process's memory.
import { Worker } from 'node:worker_threads';
import { createControl, type FromSandbox, type ToSandbox, type ToWorker } from './protocol.ts';
import { compileInterpreter } from './compiled-wasm.ts';


const WORKER_URL = new URL('./worker.ts', import.meta.url);
const snapshotPath = process.env.KERNEL_SNAPSHOT || null;
const memoryLimitBytes = Number(process.env.KERNEL_MEMORY_LIMIT_MB || 3072) * 1024 * 1024;
const control = createControl();
const send = (message: FromSandbox) => process.send?.(message);
const compiled = await compileInterpreter();

function startWorker(mode: 'run' | 'snapshot'): Worker {
  const worker = new Worker(WORKER_URL, { workerData: { control, compiled, snapshotPath: mode === 'snapshot' ? undefined : snapshotPath, escapeHatch: process.env.KERNEL_TEST_ESCAPE_HATCH === '1', pythonGuards: process.env.KERNEL_TEST_PYTHON_GUARDS !== 'off' } });
  worker.on('error', (error) => send({ type: 'failed', job: current, message: `the interpreter crashed: ${error.message}` }));
  worker.on('message', (raw: unknown) => {
    // The worker runs snippets: what it posts is relayed as it is, for the pool to check
    // (validate.ts); here only its type is looked at, and nothing that is not an object.
    if (typeof raw !== 'object' || raw === null) return send({ type: 'failed', job: current, message: 'the interpreter sent a malformed message' });
    const message = raw as FromSandbox;
    // The process's memory after each document: the pool replaces a process that keeps growing.
    send(message.type === 'done' ? { ...message, rss: process.memoryUsage.rss() } : message);
    if (message.type === 'booted') {
      booted.add(worker);
      if (worker === active) bootSpare();
    }
    if (message.type === 'done' || message.type === 'failed' || message.type === 'snapshot') {
      if (worker === active) active = null;
      void worker.terminate();
    }
  });
  return worker;
}

let spare: Worker | null = null;
let active: Worker | null = null;
let current = 0;
const booted = new WeakSet<Worker>();

/** The next document's worker boots once the current one has booted: two boots at once on the
 * same cores would only make both late. */
function bootSpare(): void {
  spare ??= startWorker('run');
}

// A runaway allocation is ended here, with a report, before the system's own limits strike.
setInterval(() => {
  if (active && process.memoryUsage.rss() > memoryLimitBytes) {
    const worker = active;
    active = null;
    void worker.terminate();
    send({ type: 'failed', job: current, message: `the interpreter used more than ${Math.round(memoryLimitBytes / 1048576)} MiB of memory and was stopped` });
  }
}, 200).unref();

process.on('message', (message: ToSandbox) => {
  if (message.type === 'interrupt') {
    if (message.ticket !== 0 && Atomics.load(control.ticket, 0) === message.ticket) Atomics.store(control.interrupt, 0, 2); // 2 = SIGINT
  } else if (message.type === 'run') {
    current = message.job;
    active = spare ?? startWorker('run');
    spare = null;
    if (booted.has(active)) bootSpare();
    active.postMessage(message satisfies ToWorker);
  } else if (message.type === 'make-snapshot') {
    startWorker('snapshot').postMessage({ type: 'make-snapshot' } satisfies ToWorker);
  }
});

process.on('disconnect', () => process.exit(0));
if (process.env.KERNEL_MODE !== 'snapshot') spare = startWorker('run');
