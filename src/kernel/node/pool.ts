// A small pool of worker threads, each with its own Pyodide. Documents are the unit of work (cells
// of one document share a namespace). A worker that crashes or will not stop is replaced; its
// document goes on in the new worker from the cell after the one that failed.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CellRun, KernelDocument } from '../types.ts';
import { DEFAULT_REAL_BUDGET } from '../types.ts';
import { createControl, type FromWorker, type ToWorker } from './protocol.ts';

const WORKER_URL = new URL('./worker.ts', import.meta.url);
/** After the real-time budget, SIGINT is raised again this often until the cell ends... */
const INTERRUPT_EVERY_MS = 1000;
/** ...and the worker is replaced if it has not ended this long after the budget (generous: on a
 * busy machine an interrupted cell can take seconds to wind down, and a kill loses the namespace). */
const KILL_AFTER_MS = 10_000;

export type CellCallback = (index: number, run: CellRun) => void;

interface Job {
  id: number;
  doc: KernelDocument;
  results: CellRun[];
  resumeAt: number;
  skip: number[];
  onCell?: CellCallback;
  resolve: (runs: CellRun[]) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  control: ReturnType<typeof createControl>;
  job: Job | null;
  cell: number;
  watchdog: NodeJS.Timeout[];
}

export interface PoolStats {
  bootMs: number[];
  restarts: number;
  pyodideVersion: string | null;
}

export class KernelPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextJob = 1;
  private closed = false;
  readonly stats: PoolStats = { bootMs: [], restarts: 0, pyodideVersion: null };

  readonly size: number;

  constructor(size = Math.max(1, Math.min(availableParallelism(), 4))) {
    this.size = size;
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  runDocument(doc: KernelDocument, onCell?: CellCallback): Promise<CellRun[]> {
    if (this.closed) return Promise.reject(new Error('the kernel pool is closed'));
    if (doc.cells.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextJob++, doc, results: [], resumeAt: 0, skip: [], onCell, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue) job.reject(new Error('the kernel pool was closed'));
    this.queue = [];
    await Promise.all(this.slots.map((slot) => this.retire(slot)));
  }

  private spawn(): Slot {
    const control = createControl();
    const worker = new Worker(WORKER_URL, { workerData: { control } });
    const slot: Slot = { worker, control, job: null, cell: -1, watchdog: [] };
    worker.on('message', (message: FromWorker) => this.onMessage(slot, message));
    worker.on('error', (error) => this.onCrash(slot, `the interpreter crashed: ${error.message}`));
    worker.on('exit', (code) => {
      if (!this.closed && this.slots.includes(slot)) this.onCrash(slot, `the interpreter exited (code ${code})`);
    });
    worker.unref();
    return slot;
  }

  private dispatch() {
    for (const slot of this.slots) {
      if (slot.job || this.queue.length === 0) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      const message: ToWorker = { type: 'run', job: job.id, doc: job.doc, resumeAt: job.resumeAt, skip: job.skip };
      slot.worker.postMessage(message);
    }
  }

  private onMessage(slot: Slot, message: FromWorker) {
    if (message.type === 'booted') {
      this.stats.bootMs.push(message.ms);
      this.stats.pyodideVersion = message.pyodide;
      return;
    }
    const job = slot.job;
    if (!job || message.job !== job.id) return;
    if (message.type === 'cell-start') {
      slot.cell = message.index;
      this.arm(slot, message.ticket, job.doc.cells[message.index]?.realBudget ?? DEFAULT_REAL_BUDGET);
    } else if (message.type === 'cell') {
      this.disarm(slot);
      job.results[message.index] = message.run;
      job.onCell?.(message.index, message.run);
    } else if (message.type === 'done') {
      this.release(slot);
      job.resolve(job.results);
    } else if (message.type === 'failed') {
      if (slot.cell >= 0) {
        // The interpreter failed inside a cell (a WebAssembly trap, a fatal error): that cell is
        // reported as failed and the document goes on in a new interpreter, as after a crash.
        this.onCrash(slot, `the interpreter failed: ${message.message}`);
        return;
      }
      this.disarm(slot);
      this.release(slot);
      job.reject(new Error(`document ${job.doc.id}: ${message.message}`));
    }
  }

  private release(slot: Slot) {
    slot.job = null;
    slot.cell = -1;
    slot.worker.unref();
    queueMicrotask(() => this.dispatch());
  }

  private arm(slot: Slot, ticket: number, budgetSeconds: number) {
    this.disarm(slot);
    const budgetMs = budgetSeconds * 1000;
    const { interrupt: buffer, ticket: current } = slot.control;
    const interrupt = () => {
      if (Atomics.load(current, 0) === ticket) Atomics.store(buffer, 0, 2); // 2 = SIGINT
    };
    slot.watchdog.push(setTimeout(interrupt, budgetMs));
    slot.watchdog.push(setTimeout(() => {
      slot.watchdog.push(setInterval(interrupt, INTERRUPT_EVERY_MS));
    }, budgetMs));
    slot.watchdog.push(setTimeout(() => this.onCrash(slot, `the cell did not stop when interrupted after ${budgetSeconds} s`, 'timeout'), budgetMs + KILL_AFTER_MS));
  }

  private disarm(slot: Slot) {
    for (const timer of slot.watchdog) clearTimeout(timer);
    slot.watchdog = [];
  }

  private onCrash(slot: Slot, reason: string, status: 'error' | 'timeout' = 'error') {
    if (!this.slots.includes(slot)) return;
    this.disarm(slot);
    this.stats.restarts++;
    const job = slot.job;
    const index = slot.cell;
    const replacement = this.spawn();
    this.slots[this.slots.indexOf(slot)] = replacement;
    void this.retire(slot);
    if (job) {
      const failedAt = index >= 0 ? index : job.resumeAt;
      const run = crashedRun(reason, status);
      job.results[failedAt] = run;
      job.onCell?.(failedAt, run);
      job.resumeAt = failedAt + 1;
      // Replaying rebuilds the namespace; cells that hung or never yielded would only do so again.
      const stuck = job.results.flatMap((r, i) => (r && (r.status === 'hangs' || r.status === 'timeout') ? [i] : []));
      job.skip = [...new Set([...job.skip, failedAt, ...stuck])];
      if (job.resumeAt >= job.doc.cells.length) job.resolve(job.results);
      else this.queue.unshift(job);
    }
    this.dispatch();
  }

  private async retire(slot: Slot) {
    this.disarm(slot);
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => {});
    await slot.worker.terminate();
  }
}

function crashedRun(reason: string, status: 'error' | 'timeout'): CellRun {
  return {
    status,
    events: [],
    result: null,
    error: { ename: status === 'timeout' ? 'Timeout' : 'KernelCrash', evalue: reason, traceback: [] },
    virtualSeconds: 0,
    cpuMs: 0,
    trace: { actors: [] },
    statements: [],
    defines: [],
    imports: [],
    uses: [],
    world: [],
  };
}
