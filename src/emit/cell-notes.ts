// Sentences a cell's figures need to be read right, from its run alone (pure; the page's runner
// uses them for a reader's run too).
import type { CellRun } from '../kernel/types.ts';
import { outputLines } from '../kernel/format.ts';
import { hasEntryPoint } from '../source/traits.ts';

/**
 * The names a cell defines when it ran cleanly, printed nothing and calls nothing (only `def`s,
 * classes and constants): the page says "defines `main`; nothing runs" rather than "(no output)".
 */
export function definesOnly(run: CellRun | null, code: string): string[] | null {
  if (!run || run.status !== 'ok' || run.result) return null;
  if (outputLines(run.events, 'all').length > 0) return null;
  // An import defines a name too, but "defines `asyncio`" would say nothing to a reader.
  const imported = new Set(run.imports ?? []);
  const own = run.defines.filter((name) => !imported.has(name));
  return own.length === 0 || hasEntryPoint(code) ? null : own;
}

/** Real cost from which on a run that never advanced the virtual clock is worth a sentence. */
export const CPU_ONLY_MS = 50;

/**
 * The run computed without ever waiting: its virtual time is 0 while it cost real CPU time. The
 * page says why (the virtual clock counts waiting, not computing).
 */
export function cpuOnly(run: Pick<CellRun, 'virtualSeconds' | 'cpuMs' | 'status'> | null): boolean {
  return run !== null && run.status === 'ok' && run.virtualSeconds === 0 && run.cpuMs >= CPU_ONLY_MS;
}
