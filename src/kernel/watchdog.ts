// The one supervision policy for a cell that will not yield, used by both kernel hosts (the Node
// pool and the browser kernel): interrupt at the real-time budget, interrupt again every so often
// until the cell ends, and give up on the interpreter (replace it) some time after the budget.

/** After the real-time budget, SIGINT is raised again this often until the cell ends... */
export const INTERRUPT_EVERY_MS = 1000;
/** ...and the interpreter is replaced if it has not ended this long after the budget (generous: on
 * a busy machine an interrupted cell can take seconds to wind down, and a kill loses the namespace). */
export const KILL_AFTER_MS = 10_000;
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
