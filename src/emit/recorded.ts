// What the pages show of a check: the same on every build from the same sources and lock. A real
// cost is the figure the lock recorded when the cell was accepted (a fresh measurement differs by
// a few percent each run), and memory addresses are masked by the one address rule.
import type { CheckResult, CheckedCell } from '../check/run.ts';
import type { LockFile } from '../check/lock.ts';
import { maskAddresses } from '../check/normalize.ts';

/** Every string inside a value, masked; the shape stays. */
function masked<T>(value: T): T {
  if (typeof value === 'string') return maskAddresses(value) as T;
  if (Array.isArray(value)) return value.map(masked) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, masked(inner)])) as T;
  }
  return value;
}

function recordedCell(checked: CheckedCell, lock: LockFile | null): CheckedCell {
  const entry = lock?.cells[checked.cell.id];
  const locked = entry && entry.key === checked.cell.key ? entry.cpuMs : undefined;
  const run = checked.run ? { ...masked(checked.run), cpuMs: locked ?? checked.run.cpuMs } : null;
  return { ...checked, run, verdict: masked(checked.verdict) };
}

export function asRecorded(result: CheckResult, lock: LockFile | null): CheckResult {
  return {
    ...result,
    documents: result.documents.map((doc) => ({ ...doc, cells: doc.cells.map((cell) => recordedCell(cell, lock)) })),
  };
}
