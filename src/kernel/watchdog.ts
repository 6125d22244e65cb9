// The one supervision policy for a cell that will not yield, used by both kernel hosts (the Node
// pool and the browser kernel): interrupt at the real-time budget (or at once when a reader presses
// Stop), interrupt again every so often until the cell ends, and give up on the interpreter
// (replace it) if it still has not ended some time later. A host's interrupt reaches only the cell
// it was meant for: each host checks a ticket the running cell holds (a late timer finds another).

/** After the budget or Stop, SIGINT is raised again this often until the cell ends... */
export const INTERRUPT_EVERY_MS = 1000;
/** ...and the interpreter is replaced if it has not ended this long after the budget (generous: on
 * a busy machine an interrupted cell can take seconds to wind down, and a kill loses the namespace). */
export const KILL_AFTER_MS = 10_000;
/** After Stop a reader is waiting: the interpreter is replaced sooner. */
export const STOP_KILL_AFTER_MS = 3000;
/** Timers above this fire at once in Node (a 32-bit signed delay): budgets are capped below it. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export interface WatchdogPlan {
  interruptMs: number;
  repeatMs: number;
  killMs: number;
}

export function watchdogPlan(budgetSeconds: number, killAfterMs = KILL_AFTER_MS): WatchdogPlan {
  const budget = Number.isFinite(budgetSeconds) && budgetSeconds > 0 ? budgetSeconds * 1000 : 0;
  const interruptMs = Math.min(budget, MAX_TIMER_MS - killAfterMs);
  return { interruptMs, repeatMs: INTERRUPT_EVERY_MS, killMs: interruptMs + killAfterMs };
}

export type GiveUpReason = 'timeout' | 'stopped';

/** What a host lets the watchdog do to the cell it watches. */
export interface Supervised {
  /** Raises KeyboardInterrupt in the watched cell; null where the host cannot interrupt. */
  interrupt: (() => void) | null;
  /** The cell would not end: replace the interpreter. */
  giveUp: (reason: GiveUpReason) => void;
}

/** Watches one cell run, from its start until `disarm`. */
export class Watchdog {
  private timers: ReturnType<typeof setTimeout>[] = [];
  private escalating = false;
  private readonly target: Supervised;

  constructor(target: Supervised) {
    this.target = target;
  }

  /** The real-time budget, in seconds from now. */
  arm(budgetSeconds: number): void {
    const plan = watchdogPlan(budgetSeconds);
    this.timers.push(setTimeout(() => this.escalate('timeout', KILL_AFTER_MS), plan.interruptMs));
  }

  /** A reader's Stop. Returns whether the cell was interrupted (else the interpreter was replaced). */
  stop(): boolean {
    this.escalate('stopped', STOP_KILL_AFTER_MS);
    return this.target.interrupt !== null;
  }

  disarm(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }

  private escalate(reason: GiveUpReason, killAfterMs: number): void {
    if (this.escalating) return;
    this.escalating = true;
    const interrupt = this.target.interrupt;
    if (!interrupt) {
      this.disarm();
      this.target.giveUp(reason);
      return;
    }
    interrupt();
    this.timers.push(setInterval(interrupt, INTERRUPT_EVERY_MS));
    this.timers.push(setTimeout(() => { this.disarm(); this.target.giveUp(reason); }, killAfterMs));
  }
}
