// What a run that never ended was doing when the kernel stopped it: waiting (every task waits and
// nothing can wake it, or it still waits on a timer when the virtual-time budget runs out) or
// running (a loop that keeps going, and printing, until the budget). A reader who sees "waits
// forever" under a loop that printed a line a second needs to be told it never ends instead.
// Pure, from the run alone; the page's runner bundles it.
import type { CellRun } from '../kernel/types.ts';

export type HangKind = 'deadlock' | 'waiting' | 'running';

/** A run still printing in this last share of its virtual time was running, not waiting. */
const RECENT = 0.1;

export function hangKind(run: Pick<CellRun, 'status' | 'error' | 'events' | 'virtualSeconds'>): HangKind | null {
  if (run.status !== 'hangs') return null;
  // The kernel's two stops (vkernel/green.py): "deadlock: …" and "virtual-time budget spent: …".
  if (run.error?.evalue.startsWith('deadlock')) return 'deadlock';
  const since = run.virtualSeconds * (1 - RECENT);
  const printing = run.events.some((e) => e.t > 0 && e.t >= since);
  return printing ? 'running' : 'waiting';
}

const BUDGET_SPENT = 'virtual-time budget spent';

/**
 * The kernel's own account of a stopped run, for the reason: the kernel stops a run whose next timer
 * lies past the budget with one message ("keeps waiting on timers"), which misleads under a loop that
 * kept printing until then; such a run is said to be still running.
 */
export function hangDetail(run: Pick<CellRun, 'status' | 'error' | 'events' | 'virtualSeconds'>): string {
  const detail = run.error?.evalue ?? '';
  if (hangKind(run) !== 'running' || !detail.startsWith(BUDGET_SPENT)) return detail;
  return `${BUDGET_SPENT}: the program was still running, and printing, when it ran out (it never ends)`;
}
