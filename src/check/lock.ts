// The committed lock file: each cell's verdict and output under the runtime that produced them.
// A check fails on any difference from it until `--update` accepts the new state.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createTwoFilesPatch } from 'diff';

/**
 * Runtime fields that are reality: another interpreter may print other things, so a change fails the
 * check even where every output stayed the same. The kernel's own fingerprint is recorded too, but it
 * changes with every edit of the runtime files; what such an edit changes shows in the cells.
 */
const BINDING_RUNTIME = ['pyodide', 'python'];

export interface LockEntry {
  file: string;
  line: number;
  verdict: string;
  key: string;
  output: string;
  /** The real CPU cost measured when the cell was accepted (`--update`): what the pages show. */
  cpuMs?: number;
  /** Keys of the earlier cells it needed in that run: how a check with no cache schedules it. */
  needs?: string[];
}

export interface LockFile {
  runtime: Record<string, string>;
  cells: Record<string, LockEntry>;
}

export function readLock(path: string): LockFile | null {
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, 'utf8')) as LockFile;
}

export function writeLock(path: string, lock: LockFile): void {
  const sorted: LockFile = { runtime: lock.runtime, cells: Object.fromEntries(Object.entries(lock.cells).sort(([a], [b]) => a.localeCompare(b))) };
  writeFileSync(path, JSON.stringify(sorted, null, 2) + '\n');
}

/** Differences between the lock and the new state, one message per cell. */
export function lockDifferences(lock: LockFile, next: LockFile): { id: string; message: string }[] {
  const out: { id: string; message: string }[] = [];
  for (const key of BINDING_RUNTIME) {
    const value = next.runtime[key];
    if (value !== undefined && lock.runtime[key] !== value) out.push({ id: '(runtime)', message: `${key} is ${value}, the lock has ${lock.runtime[key] ?? 'none'}` });
  }
  for (const [id, entry] of Object.entries(next.cells)) {
    const old = lock.cells[id];
    if (!old) out.push({ id, message: 'new cell, not in the lock' });
    else if (old.verdict !== entry.verdict) out.push({ id, message: `verdict ${entry.verdict}, the lock has ${old.verdict}` });
    else if (old.output !== entry.output) out.push({ id, message: `the output differs from the lock:\n${outputDiff(old.output, entry.output)}` });
  }
  for (const id of Object.keys(lock.cells)) {
    if (!next.cells[id]) out.push({ id, message: 'in the lock but no longer in the documents' });
  }
  return out;
}

/** A unified diff of the locked output against the new one, without the file header. */
function outputDiff(locked: string, now: string): string {
  const patch = createTwoFilesPatch('lock', 'now', locked + '\n', now + '\n', '', '', { context: 1 });
  return patch.split('\n').slice(2).join('\n').trimEnd();
}
