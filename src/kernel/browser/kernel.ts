// The page's side of the browser kernel: starts the Web Worker on the first run, sends it cells one
// at a time, streams their output, and stops runaway code. Stopping uses Pyodide's interrupt buffer
// (a SharedArrayBuffer: writing 2 raises KeyboardInterrupt in the running cell) where the page is
// cross-origin isolated; elsewhere, or when the interrupt is not answered, the worker is terminated
// and a fresh one is started on the next run (the page's namespace is then lost).
import type { CellRun } from '../types.ts';
import { DEFAULT_REAL_BUDGET } from '../types.ts';
import { canKeepSnapshots } from './snapshot.ts';
import type { BootSource, FromKernelWorker, RunOptions, ToKernelWorker } from './protocol.ts';
import { Watchdog, type GiveUpReason } from '../watchdog.ts';

export interface BootInfo {
  ms: number;
  pyodide: string;
  /** WebAssembly stack switching: without it, starting a thread raises a clear error. */
  jspi: boolean;
  /** The snapshot it booted from: the one this browser kept, or the site's; null: a plain boot (see snapshot.ts). */
  snapshot: BootSource | null;
}

export type RestartReason = 'stopped' | 'timeout' | 'crashed' | 'requested';

export type RunOutcome =
  | { kind: 'done'; run: CellRun; stoppedByUser: boolean }
  /** The worker was terminated during the run: its namespace (every earlier cell's definitions) is gone. */
  | { kind: 'restarted'; reason: RestartReason; message: string };

export type StreamCallback = (stream: 'stdout' | 'stderr', text: string, t: number) => void;

export interface KernelOptions {
  /** Absolute URL of the site's Pyodide directory, ending in a slash. */
  indexURL: string;
  /** URL of the JSON list of fixture files for the simulated I/O world. */
  fixturesURL: string;
}

interface PendingRun {
  id: number;
  onStream: StreamCallback;
  resolve: (outcome: RunOutcome) => void;
  watchdog: Watchdog;
  stoppedByUser: boolean;
}

export class BrowserKernel {
  readonly options: KernelOptions;
  /** Whether Stop can interrupt a running cell and keep the namespace. */
  readonly canInterrupt: boolean;
  /** Increments with every new worker: a cell that ran in an earlier generation is no longer defined. */
  generation = 0;
  info: BootInfo | null = null;

  private worker: Worker | null = null;
  private interrupt: Int32Array | null = null;
  /** The id of the run the worker is executing (0 between runs): an interrupt is raised only for it. */
  private ticket: Int32Array | null = null;
  private booting: Promise<BootInfo> | null = null;
  private bootWaiter: { resolve: (info: BootInfo) => void; reject: (error: Error) => void } | null = null;
  private current: PendingRun | null = null;
  private names = new Map<number, (value: { defines: string[]; uses: string[] }) => void>();
  private nextId = 1;
  private fixtures: Promise<Record<string, unknown>[]> | null = null;

  constructor(options: KernelOptions) {
    this.options = options;
    this.canInterrupt = typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated === true;
  }

  get booted(): boolean {
    return this.info !== null && this.worker !== null;
  }

  /** Starts the worker and boots Pyodide in it, once (again after a restart). */
  start(): Promise<BootInfo> {
    if (this.booting) return this.booting;
    this.booting = this.boot();
    this.booting.catch(() => {
      this.booting = null;
      this.terminate();
    });
    return this.booting;
  }

  private async boot(): Promise<BootInfo> {
    this.fixtures ??= fetch(this.options.fixturesURL).then((r) => (r.ok ? r.json() : []), () => []);
    const fixtures = await this.fixtures;
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'python-kernel' });
    this.worker = worker;
    this.generation++;
    this.interrupt = this.canInterrupt ? new Int32Array(new SharedArrayBuffer(4)) : null;
    this.ticket = this.canInterrupt ? new Int32Array(new SharedArrayBuffer(4)) : null;
    worker.onmessage = (event: MessageEvent<FromKernelWorker>) => this.onMessage(worker, event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      if (this.worker !== worker) return;
      const message = event.message || 'the Python worker failed';
      if (this.bootWaiter) this.bootWaiter.reject(new Error(message));
      else this.restart('crashed', message);
    };
    const info = await new Promise<BootInfo>((resolve, reject) => {
      this.bootWaiter = { resolve, reject };
      this.send({ type: 'boot', indexURL: this.options.indexURL, fixtures, interrupt: this.interrupt, ticket: this.ticket });
    });
    this.bootWaiter = null;
    this.info = info;
    return info;
  }

  /** Runs one cell in the page's namespace. Only one runs at a time: callers queue. */
  async run(code: string, options: RunOptions, onStream: StreamCallback): Promise<RunOutcome> {
    await this.start();
    if (this.current) throw new Error('a cell is already running');
    const id = this.nextId++;
    return new Promise<RunOutcome>((resolve) => {
      const budget = options.realBudget ?? DEFAULT_REAL_BUDGET;
      const pending: PendingRun = { id, onStream, resolve, watchdog: this.watchdogFor(id, budget), stoppedByUser: false };
      this.current = pending;
      pending.watchdog.arm(budget);
      this.send({ type: 'run', run: id, code, options });
    });
  }

  /** The names a piece of code defines and uses (the kernel reads them with `symtable`). */
  async namesOf(code: string): Promise<{ defines: string[]; uses: string[] }> {
    await this.start();
    const req = this.nextId++;
    return new Promise((resolve) => {
      this.names.set(req, resolve);
      this.send({ type: 'names', req, code });
    });
  }

  get running(): boolean {
    return this.current !== null;
  }

  /**
   * Stops the running cell: an interrupt (KeyboardInterrupt in the cell, the namespace survives)
   * where possible, else the worker is terminated. Returns what was done.
   */
  stop(): 'interrupted' | 'restarted' | 'idle' {
    const pending = this.current;
    if (!pending) return 'idle';
    pending.stoppedByUser = true;
    return pending.watchdog.stop() ? 'interrupted' : 'restarted';
  }

  /** The shared policy (kernel/watchdog.ts), with this page's interrupt and restart. */
  private watchdogFor(id: number, budgetSeconds: number): Watchdog {
    const interrupt = this.interrupt;
    const ticket = this.ticket;
    const messages: Record<GiveUpReason, string> = {
      stopped: interrupt ? 'the interpreter did not answer the interrupt' : 'terminated the Python worker',
      timeout: interrupt ? 'the interpreter did not answer the interrupt' : `interrupted after ${budgetSeconds} s of real time`,
    };
    return new Watchdog({
      // 2 = SIGINT; only while the worker still runs this very cell.
      interrupt: interrupt && ticket ? () => { if (Atomics.load(ticket, 0) === id) Atomics.store(interrupt, 0, 2); } : null,
      giveUp: (reason) => { if (this.current?.id === id) this.restart(reason, messages[reason]); },
    });
  }

  private finish(pending: PendingRun, outcome: RunOutcome) {
    pending.watchdog.disarm();
    if (this.current === pending) this.current = null;
    pending.resolve(outcome);
    if (outcome.kind === 'done') this.keepSnapshot();
  }

  /** Resolves when a snapshot for later pages has been made and kept (or could not be). */
  snapshotMade: Promise<{ bytes: number; message: string | null }> | null = null;

  /**
   * After the first run of an interpreter that booted plainly: a worker of its own makes the
   * snapshot every later page (and Restart) boots from, once per site version. It starts after a
   * run, not with the page, so it never delays the reader's first output.
   */
  private keepSnapshot() {
    if (this.snapshotMade || !this.info || this.info.snapshot !== null || !canKeepSnapshots()) return;
    const maker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'python-snapshot' });
    this.snapshotMade = new Promise((resolve) => {
      const done = (result: { bytes: number; message: string | null }) => {
        maker.terminate();
        if (result.message) console.warn(`no interpreter snapshot kept: ${result.message}`);
        resolve(result);
      };
      maker.onmessage = (event: MessageEvent<FromKernelWorker>) => {
        if (event.data.type === 'snapshot-made') done({ bytes: event.data.bytes, message: event.data.message });
      };
      maker.onerror = (event) => {
        event.preventDefault();
        done({ bytes: 0, message: event.message || 'the snapshot worker failed' });
      };
      maker.postMessage({ type: 'make-snapshot', indexURL: this.options.indexURL } satisfies ToKernelWorker);
    });
  }

  /** Terminates the worker; the next run boots a new one (with an empty namespace). */
  restart(reason: RestartReason, message: string) {
    const pending = this.current;
    this.terminate();
    if (pending) this.finish(pending, { kind: 'restarted', reason, message });
  }

  private terminate() {
    this.worker?.terminate();
    this.worker = null;
    this.info = null;
    this.booting = null;
    for (const resolve of this.names.values()) resolve({ defines: [], uses: [] });
    this.names.clear();
  }

  private send(message: ToKernelWorker) {
    this.worker?.postMessage(message);
  }

  private onMessage(worker: Worker, message: FromKernelWorker) {
    if (worker !== this.worker) return;
    switch (message.type) {
      case 'booted':
        this.bootWaiter?.resolve({ ms: message.ms, pyodide: message.pyodide, jspi: message.jspi, snapshot: message.snapshot });
        break;
      case 'boot-failed':
        this.bootWaiter?.reject(new Error(message.message));
        break;
      case 'stream':
        if (this.current?.id === message.run) this.current.onStream(message.stream, message.text, message.t);
        break;
      case 'done':
        if (this.current?.id === message.run) this.finish(this.current, { kind: 'done', run: message.result, stoppedByUser: this.current.stoppedByUser });
        break;
      case 'failed':
        if (this.current?.id === message.run) this.restart('crashed', message.message);
        break;
      case 'snapshot-made':
        break;
      case 'names': {
        const resolve = this.names.get(message.req);
        this.names.delete(message.req);
        resolve?.({ defines: message.defines, uses: message.uses });
        break;
      }
    }
  }
}
