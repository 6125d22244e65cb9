// A small pool of sandbox processes (sandbox-process.ts), each running one document at a time in a
// fresh interpreter and a fresh JavaScript realm. Documents are the unit of work (cells of one
// document share a namespace). A process that crashes, will not stop, or sends anything malformed
// is replaced; its document goes on in the new process from the cell after the one that failed.
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type { CellRun, KernelDocument } from '../types.ts';
import { DEFAULT_REAL_BUDGET } from '../types.ts';
import type { FromSandbox, ToSandbox } from './protocol.ts';
import { boundaries, describeBoundaries, isolationRefusal, spawnSandbox, type Isolation } from './sandbox-process.ts';
import { snapshotPath } from './snapshot.ts';
import { checkCellRun, checkMessage, isIndex } from './validate.ts';
import { consoleText } from '../../emit/escape.ts';
import { Watchdog } from '../watchdog.ts';
import { PoolTimeline, type Lane } from './pool-timeline.ts';

export type CellCallback = (index: number, run: CellRun) => void;

interface Job {
  id: number;
  doc: KernelDocument;
  results: CellRun[];
  resumeAt: number;
  skip: number[];
  /** When the caller asked for it (the timeline's clock). */
  queued: number;
  onCell?: CellCallback;
  resolve: (runs: CellRun[]) => void;
  reject: (error: Error) => void;
}

interface Slot {
  child: ChildProcess;
  job: Job | null;
  cell: number;
  watchdog: Watchdog | null;
  /** Documents this sandbox process has run, and its memory after the first of them. */
  documents: number;
  firstRss: number | null;
  lane: Lane;
}

/**
 * A sandbox process that ran many interpreters in turn keeps memory its allocator does not give
 * back: a long check would grow per worker. A process whose memory after a document is more than
 * RECYCLE_GROWTH times what it was after its first is replaced by a fresh one, and so is one that
 * has run RECYCLE_AFTER documents whatever its memory says.
 */
export const RECYCLE_GROWTH = 1.08;
export const RECYCLE_AFTER = 12;

export interface PoolStats {
  bootMs: number[];
  restarts: number;
  pyodideVersion: string | null;
  /** Interpreters booted from the memory snapshot, and the one line said when it could not be used. */
  snapshotBoots: number;
  snapshotProblem: string | null;
  boundaries: string;
  /** The operating system's isolation of the sandbox processes (sandbox-process.ts). */
  isolation: Isolation;
  /** Sandbox processes replaced because their memory grew, or after `recycleAfter` documents. */
  recycled: number;
}

export interface PoolOptions {
  /** Boot interpreters from a memory snapshot made once under .cache/kernel/ (default true). */
  snapshot?: boolean;
  /** Reports a line for the user once (which boundaries are active, a snapshot fallback). */
  log?: (line: string) => void;
  /**
   * Tests only: hand every snippet a live JavaScript object (`import escape_hatch`), as if the
   * first boundary (inside Python) had been bypassed, to prove the process boundary holds alone.
   */
  testEscapeHatch?: boolean;
  /**
   * Tests only: false starts every kernel without its Python-side guards, as a snippet that undid
   * them all would leave it, to prove the realm's and the process's boundaries hold alone.
   */
  testPythonGuards?: boolean;
  /** At most this isolation (tests of the lower levels); the best that works here otherwise. */
  isolation?: Isolation;
  /**
   * 'pid': refuse to run any snippet unless the sandbox has its own PID namespace (the check's and
   * the build's `--untrusted`): every document is rejected with an IsolationRefused error.
   */
  requireIsolation?: 'pid';
  /** Documents per sandbox process before a fresh one replaces it (default RECYCLE_AFTER). */
  recycleAfter?: number;
}

/** A pool that must isolate process ids cannot, on this machine: no snippet was run. */
export class IsolationRefused extends Error {}

export class KernelPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextJob = 1;
  private closed = false;
  private snapshot: string | null = null;
  private snapshotMaking: Promise<void> | null = null;
  /** The first processes were started (after the snapshot was prepared): dispatch may replace recycled ones. */
  private spawned = false;
  /** Started by the first document: a check whose every run is cached starts no interpreter. */
  private ready: Promise<void> | null = null;
  private readonly useSnapshot: boolean;
  private readonly testEscapeHatch: boolean;
  private readonly testPythonGuards: boolean;
  private readonly isolation: Isolation | undefined;
  /** Why this pool runs no snippet (requireIsolation on a machine that cannot), or null. */
  readonly refusal: string | null;
  private readonly log: (line: string) => void;
  readonly stats: PoolStats;
  /** Each sandbox process's boots, documents and cells, on the host's clock (pool-timeline.ts). */
  readonly timeline = new PoolTimeline();
  readonly size: number;
  private readonly recycleAfter: number;

  constructor(size = Math.max(1, Math.min(availableParallelism(), 4)), options: PoolOptions = {}) {
    this.size = size;
    // What the pool says reaches a console or a CI log: text from a sandbox in it is escaped
    // (control characters, so no workflow command or colour can start in it).
    const log = options.log ?? (() => {});
    this.log = (line) => log(consoleText(line));
    this.testEscapeHatch = options.testEscapeHatch === true;
    this.testPythonGuards = options.testPythonGuards !== false;
    this.isolation = options.isolation;
    const held = boundaries(options.isolation);
    this.refusal = options.requireIsolation === 'pid' ? isolationRefusal(held) : null;
    this.stats = { bootMs: [], restarts: 0, pyodideVersion: null, snapshotBoots: 0, snapshotProblem: null, boundaries: describeBoundaries(held), isolation: held.isolation, recycled: 0 };
    this.recycleAfter = Math.max(1, options.recycleAfter ?? RECYCLE_AFTER);
    this.useSnapshot = options.snapshot !== false;
  }

  private start(): void {
    if (this.ready) return;
    // With the snapshot already made (or none wanted) the processes start now, in this turn: not
    // after whatever synchronous work the caller does next (a check parses its documents right after
    // warmUp, and its interpreters boot meanwhile).
    if (!this.useSnapshot || this.existingSnapshot()) {
      this.spawnAll();
      this.ready = Promise.resolve();
      return;
    }
    this.ready = (this.snapshotMaking ??= this.prepareSnapshot()).then(() => this.spawnAll());
  }

  private existingSnapshot(): boolean {
    const path = snapshotPath();
    if (existsSync(path)) this.snapshot = path;
    return this.snapshot !== null;
  }

  private spawnAll(): void {
    if (this.closed) return;
    for (let i = 0; i < this.size; i++) this.slots.push(this.spawn());
    this.spawned = true;
    this.dispatch();
  }

  /**
   * Starts the interpreters now rather than for the first document: a long-lived host (`npm run
   * dev`) has one booted and waiting when the first edit comes, instead of paying for the processes
   * then. A check never calls it, so a re-check still starts none.
   */
  warmUp(): void {
    if (!this.closed && !this.refusal) this.start();
  }

  /**
   * The interpreter snapshot's file, made now when none is cached (null when it cannot be made or
   * snapshots are off). The site serves it to readers' browsers (src/emit/site-snapshot.ts); no
   * interpreter is started for it.
   */
  async snapshotFile(): Promise<string | null> {
    if (!this.useSnapshot) return null;
    if (!this.snapshot) {
      this.snapshotMaking ??= this.prepareSnapshot();
      await this.snapshotMaking;
    }
    return this.snapshot;
  }

  /** Whether any interpreter was started (none is, until a document needs one). */
  get started(): boolean {
    return this.ready !== null;
  }

  runDocument(doc: KernelDocument, onCell?: CellCallback): Promise<CellRun[]> {
    if (this.closed) return Promise.reject(new Error('the kernel pool is closed'));
    if (this.refusal) return Promise.reject(new IsolationRefused(this.refusal));
    if (doc.cells.length === 0) return Promise.resolve([]);
    this.start();
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextJob++, doc, results: [], resumeAt: 0, skip: [], queued: this.timeline.time(), onCell, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue) job.reject(new Error('the kernel pool was closed'));
    this.queue = [];
    await this.ready?.catch(() => undefined);
    await Promise.all(this.slots.map((slot) => this.retire(slot)));
  }

  /** Makes the snapshot when none is cached for this Pyodide and these runtime files. */
  private async prepareSnapshot(): Promise<void> {
    const path = snapshotPath();
    if (existsSync(path)) {
      this.snapshot = path;
      return;
    }
    const made = await makeSnapshotBytes(this.isolation);
    let problem: string | null = null;
    if (typeof made === 'string') problem = made;
    else {
      mkdirSync(dirname(path), { recursive: true });
      // Readable by others: a sandbox started as another user (isolation.ts) boots from it.
      writeFileSync(`${path}.tmp`, made, { mode: 0o644 });
      chmodSync(`${path}.tmp`, 0o644);
      renameSync(`${path}.tmp`, path);
      removeOtherSnapshots(path);
    }
    if (problem) {
      this.stats.snapshotProblem = problem;
      this.log(`kernel: the interpreter snapshot could not be made (${problem}); interpreters boot without it`);
    } else {
      this.snapshot = path;
    }
  }

  private spawn(): Slot {
    const child = spawnSandbox({ snapshot: this.snapshot, isolation: this.isolation, testEscapeHatch: this.testEscapeHatch, testPythonGuards: this.testPythonGuards });
    const slot: Slot = { child, job: null, cell: -1, watchdog: null, documents: 0, firstRss: null, lane: this.timeline.spawned() };
    child.on('message', (message: unknown) => this.onMessage(slot, message));
    child.on('error', (error) => this.onCrash(slot, `the interpreter's process failed: ${error.message}`));
    child.on('exit', (code, signal) => {
      if (!this.closed && this.slots.includes(slot)) this.onCrash(slot, `the interpreter's process exited (${signal ?? `code ${code}`})`);
    });
    child.stderr?.resume();
    child.unref();
    (child.channel as { unref?: () => void } | undefined)?.unref?.();
    return slot;
  }

  private send(slot: Slot, message: ToSandbox) {
    if (slot.child.connected) slot.child.send(message);
  }

  private dispatch() {
    // A recycled process is replaced when there is work for it, not at once: the last documents
    // of a check leave no fresh process booting for nothing.
    if (this.spawned && !this.closed) {
      const idle = this.slots.filter((slot) => !slot.job).length;
      for (let i = 0; this.slots.length < this.size && i < this.queue.length - idle; i++) this.slots.push(this.spawn());
    }
    for (const slot of this.slots) {
      if (slot.job || this.queue.length === 0) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      this.timeline.dispatched(slot.lane, job.doc.id, job.queued);
      slot.child.ref();
      (slot.child.channel as { ref?: () => void } | undefined)?.ref?.();
      this.send(slot, { type: 'run', job: job.id, doc: job.doc, resumeAt: job.resumeAt, skip: job.skip });
    }
  }

  private onMessage(slot: Slot, raw: unknown) {
    if (!this.slots.includes(slot)) return;
    // Every message is data from a process that runs snippets: checked whole before any field is used.
    const checkedMessage = checkMessage(raw);
    if (!checkedMessage.ok) return this.onCrash(slot, `the sandbox sent a malformed message (${checkedMessage.problem})`);
    const message = checkedMessage.value;
    if (message.type === 'booted') {
      this.timeline.booted(slot.lane);
      this.stats.bootMs.push(message.ms);
      this.stats.pyodideVersion = message.pyodide;
      if (message.snapshot) this.stats.snapshotBoots++;
      if (message.fallback !== undefined && !this.stats.snapshotProblem) {
        this.stats.snapshotProblem = message.fallback;
        this.log(`kernel: ${message.fallback}`);
      }
      return;
    }
    if (message.type === 'snapshot') return;
    const job = slot.job;
    if (!job || message.job !== job.id) return;
    const cells = job.doc.cells.length;
    if (message.type === 'cell-start') {
      if (!isIndex(message.index, cells)) return this.onCrash(slot, 'the sandbox sent a malformed message (index: no such cell)');
      slot.cell = message.index;
      this.timeline.cellStarted(slot.lane, message.index);
      this.arm(slot, message.ticket, job.doc.cells[message.index]?.realBudget ?? DEFAULT_REAL_BUDGET);
    } else if (message.type === 'cell') {
      if (!isIndex(message.index, cells) || message.index !== slot.cell) return this.onCrash(slot, 'the sandbox sent a result for a cell it was not running');
      const checked = checkCellRun(message.run);
      if (!checked.ok) return this.onCrash(slot, `the sandbox sent a malformed result (${checked.problem})`);
      this.disarm(slot);
      this.timeline.cellEnded(slot.lane, message.index);
      job.results[message.index] = checked.value;
      job.onCell?.(message.index, checked.value);
      slot.cell = -1;
    } else if (message.type === 'done') {
      if (job.results.length < cells || job.results.slice(job.resumeAt).some((r) => !r)) {
        return this.onCrash(slot, 'the sandbox ended the document before its last cell');
      }
      if (message.rss !== undefined) slot.firstRss ??= message.rss;
      const grown = message.rss !== undefined && slot.firstRss !== null && message.rss > slot.firstRss * RECYCLE_GROWTH;
      this.timeline.done(slot.lane);
      this.release(slot, grown);
      job.resolve(job.results);
    } else if (message.type === 'failed') {
      const reason = message.message;
      // A failure inside a cell (a WebAssembly trap, a fatal error, the memory bound) is a crash of
      // that cell; the document goes on in a new interpreter, as after any crash. Before any cell
      // ran it is the document's: the kernel could not start on it.
      if (slot.cell >= 0) return this.onCrash(slot, `the interpreter failed: ${reason}`);
      this.disarm(slot);
      this.release(slot);
      job.reject(new Error(`document ${job.doc.id}: ${reason}`));
    }
  }

  private release(slot: Slot, grown = false) {
    slot.job = null;
    slot.cell = -1;
    slot.documents++;
    slot.child.unref();
    (slot.child.channel as { unref?: () => void } | undefined)?.unref?.();
    if ((grown || slot.documents >= this.recycleAfter) && !this.closed && this.slots.includes(slot)) {
      this.slots.splice(this.slots.indexOf(slot), 1);
      this.stats.recycled++;
      void this.retire(slot);
    }
    queueMicrotask(() => this.dispatch());
  }

  private arm(slot: Slot, ticket: number, budgetSeconds: number) {
    this.disarm(slot);
    slot.watchdog = new Watchdog({
      // The sandbox raises it only while the cell holding this ticket runs.
      interrupt: () => this.send(slot, { type: 'interrupt', ticket }),
      giveUp: () => this.onCrash(slot, `the cell did not stop when interrupted after ${budgetSeconds} s`, 'timeout'),
    });
    slot.watchdog.arm(budgetSeconds);
  }

  private disarm(slot: Slot) {
    slot.watchdog?.disarm();
    slot.watchdog = null;
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
    slot.child.removeAllListeners('message');
    slot.child.removeAllListeners('exit');
    if (slot.child.exitCode !== null || slot.child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      // An idle slot's process is unref'd; awaiting its exit must hold the event loop open.
      slot.child.ref();
      slot.child.once('exit', () => resolve());
      // SIGKILL: a process blocked inside a host call ends too; bubblewrap takes its child with it.
      slot.child.kill('SIGKILL');
    });
  }
}

/** Snapshots of other runtime versions are never loaded again (30 MB each): only the current one stays. */
/** A fresh interpreter snapshot, made in a sandbox process of its own; a string: why none was made. */
export function makeSnapshotBytes(isolation?: Isolation): Promise<Uint8Array | string> {
  return new Promise((resolve) => {
    const child = spawnSandbox({ snapshot: null, mode: 'snapshot', isolation });
    const timer = setTimeout(() => { child.kill('SIGKILL'); resolve('it took more than 60 s'); }, 60_000);
    child.on('message', (raw: unknown) => {
      const checked = checkMessage(raw);
      if (!checked.ok || checked.value.type !== 'snapshot') return;
      const message = checked.value;
      clearTimeout(timer);
      child.kill('SIGKILL');
      resolve(message.bytes instanceof Uint8Array ? message.bytes : message.message ?? 'no snapshot came back');
    });
    child.on('exit', (code) => { clearTimeout(timer); resolve(`the snapshot process exited (code ${code})`); });
    child.send({ type: 'make-snapshot' } satisfies ToSandbox);
  });
}

function removeOtherSnapshots(current: string): void {
  const dir = dirname(current);
  for (const name of readdirSync(dir)) {
    if (/^pyodide-.*\.snapshot$/.test(name) && join(dir, name) !== current) rmSync(join(dir, name), { force: true });
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
