// The check's own phases on the host's clock (performance.now(): milliseconds since the process
// started, the clock the kernel pool's timeline uses), written by `--timings FILE.json` beside the
// pool's timeline: what the bench's breakdown of a cold check is computed from.
import type { Lane } from '../kernel/node/pool-timeline.ts';

export interface Phase {
  name: string;
  start: number;
  end: number;
}

export interface CheckTimings {
  /** The host process's phases: laps end to end from the process's start, and phases timed on their own
   * that overlap them (the image lookup runs inside `execute`, while the sandboxes run the cells). */
  phases: Phase[];
  /** The pool's sandbox processes (pool-timeline.ts). */
  lanes: Lane[];
  /** When the check had written everything: what is left of its wall time is the process exiting. */
  end: number;
}

export class Phases {
  readonly list: Phase[] = [];
  private readonly now: () => number;
  /** Where the next lap starts: the last lap's end. */
  private lapped = 0;

  constructor(now: () => number = () => performance.now()) {
    this.now = now;
  }

  time(): number {
    return this.now();
  }

  /** A phase that ran from `start` until now. */
  add(name: string, start: number): void {
    this.list.push({ name, start, end: this.now() });
  }

  /** A phase from where the last lap ended (the process's start, for the first) until now. */
  lap(name: string): void {
    this.add(name, this.lapped);
    this.lapped = this.list.at(-1)!.end;
  }

  run<T>(name: string, work: () => T): T {
    const start = this.now();
    try {
      return work();
    } finally {
      this.add(name, start);
    }
  }

  async runAsync<T>(name: string, work: () => Promise<T>): Promise<T> {
    const start = this.now();
    try {
      return await work();
    } finally {
      this.add(name, start);
    }
  }
}
