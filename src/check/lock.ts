// The committed lock file: each cell's verdict and output under the runtime that produced them.
// A check fails on any difference from it until `--update` accepts the new state. Its format is
// `lockFileSchema` (src/schema/lock.ts); a lock that does not match it stops the check with an
// error naming the file and line, since comparing against a damaged lock would mean nothing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { lockFileSchema } from '../schema/lock.ts';
import { validateText, type FileProblem } from '../schema/validate.ts';

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

export class LockFileError extends Error {
  declare readonly problems: FileProblem[];
  readonly hint: string;
  constructor(file: string, problems: FileProblem[]) {
    const hint = `Restore it (\`git checkout ${file}\`) or write a new one with \`npm run check -- --update\`.`;
    const shown = problems.slice(0, 10).map((p) => `${p.file}:${p.line}: ${p.message}`);
    if (problems.length > shown.length) shown.push(`… and ${problems.length - shown.length} more`);
    super(`${file} is not a valid lock file:\n${shown.join('\n')}\n${hint}`);
    this.name = 'LockFileError';
    this.hint = hint;
    // Not enumerable: an uncaught error prints its message, not every problem twice.
    Object.defineProperty(this, 'problems', { value: problems, enumerable: false });
  }
}

/** The lock, or null when there is none; a lock that is not valid throws a LockFileError. */
export function readLock(path: string): LockFile | null {
  if (!existsSync(path)) return null;
  const file = relative(process.cwd(), path) || path;
  const checked = validateText(readFileSync(path, 'utf8'), file, lockFileSchema, 'json');
  if (!checked.ok) throw new LockFileError(file, checked.problems);
  return checked.parsed.value as LockFile;
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

/**
 * Cells whose entry in `next` records another run than `previous` does: new cells, and those whose
 * verdict, output or needs differ. Where a line moved or a cost was measured again, no run differs.
 */
export function changedCells(previous: LockFile | null, next: LockFile): Set<string> {
  const changed = new Set<string>();
  for (const [id, entry] of Object.entries(next.cells)) {
    const old = previous?.cells[id];
    if (!old || old.verdict !== entry.verdict || old.output !== entry.output || JSON.stringify(old.needs ?? []) !== JSON.stringify(entry.needs ?? [])) changed.add(id);
  }
  return changed;
}

/** A unified diff of the locked output against the new one, without the file header. */
function outputDiff(locked: string, now: string): string {
  const patch = createTwoFilesPatch('lock', 'now', locked + '\n', now + '\n', '', '', { context: 1 });
  return patch.split('\n').slice(2).join('\n').trimEnd();
}
