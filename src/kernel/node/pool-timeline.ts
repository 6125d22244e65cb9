// What each of the pool's sandbox processes did and when, on the host's clock (performance.now(),
// milliseconds since this process started): when it was started, when its interpreter reported
// itself booted, which documents it ran and when each of their cells started and ended. The
// bench's breakdown of a cold check (src/cli/bench-breakdown.ts) is computed from it, inside one
// run, so no comparison of two noisy runs is needed. A few hundred numbers per check: always kept,
// up to MAX_JOBS documents (a long-lived pool, `npm run dev`'s, stops recording there).

export interface CellSpan {
  /** The kernel cell's index in its document's run. */
  index: number;
  start: number;
  /** Null: still running, or its process crashed. */
  end: number | null;
}

export interface JobSpan {
  /** The document's id (its slug). */
  doc: string;
  /** When the check asked for it, and when a process was given it. */
  queued: number;
  dispatched: number;
  cells: CellSpan[];
  /** When the process said it finished (null: it crashed, or the pool closed). */
  done: number | null;
}

export interface Lane {
  /** One sandbox process: replacements get new lanes. */
  lane: number;
  spawned: number;
  /** When each of its interpreters (one per document, the next booting while one runs) reported its boot. */
  boots: number[];
  jobs: JobSpan[];
}

export const MAX_JOBS = 10_000;

export class PoolTimeline {
  readonly lanes: Lane[] = [];
  /** Documents not recorded because MAX_JOBS were. */
  dropped = 0;
  private jobs = 0;
  private readonly now: () => number;
  private readonly limit: number;
  private readonly untracked = new WeakSet<Lane>();

  constructor(now: () => number = () => performance.now(), limit = MAX_JOBS) {
    this.now = now;
    this.limit = limit;
  }

  spawned(): Lane {
    const lane: Lane = { lane: this.lanes.length, spawned: this.now(), boots: [], jobs: [] };
    this.lanes.push(lane);
    return lane;
  }

  booted(lane: Lane): void {
    lane.boots.push(this.now());
  }

  dispatched(lane: Lane, doc: string, queued: number): void {
    if (this.jobs >= this.limit) {
      this.dropped++;
      this.untracked.add(lane); // its cells belong to no recorded job
      return;
    }
    this.untracked.delete(lane);
    this.jobs++;
    lane.jobs.push({ doc, queued, dispatched: this.now(), cells: [], done: null });
  }

  cellStarted(lane: Lane, index: number): void {
    if (this.untracked.has(lane)) return;
    lane.jobs.at(-1)?.cells.push({ index, start: this.now(), end: null });
  }

  cellEnded(lane: Lane, index: number): void {
    if (this.untracked.has(lane)) return;
    const cell = lane.jobs.at(-1)?.cells.at(-1);
    if (cell && cell.index === index) cell.end = this.now();
  }

  done(lane: Lane): void {
    if (this.untracked.has(lane)) return;
    const job = lane.jobs.at(-1);
    if (job) job.done = this.now();
  }

  /** The time now on the same clock (a job's `queued`). */
  time(): number {
    return this.now();
  }
}
