// The least time a one-cell edit can take in `npm run dev` under the cache's rule that a cell's
// result stands for its document's prefix: every runnable cell before the edited one must run again
// in a fresh interpreter to rebuild its state (any of them may have patched builtins or modules),
// then the edited cell itself runs. Computed from the lock's recorded CPU times; pure.

export interface RecordedCell { file: string; line: number; cpuMs?: number | null }

export interface EditBound {
  /** Cells of the document before the edited one, which replay. */
  replayed: number;
  replayMs: number;
  /** The edited cell's own CPU time. */
  editedMs: number;
  boundMs: number;
}

/** The bound for an edit at `line` of `file`, or null when no recorded cell of that file holds the line. */
export function editBound(cells: Iterable<RecordedCell>, file: string, line: number): EditBound | null {
  const own = [...cells].filter((c) => c.file === file).sort((a, b) => a.line - b.line);
  const edited = own.filter((c) => c.line <= line).at(-1);
  if (!edited) return null;
  const before = own.filter((c) => c.line < edited.line);
  const replayMs = before.reduce((sum, c) => sum + (c.cpuMs ?? 0), 0);
  const editedMs = edited.cpuMs ?? 0;
  return { replayed: before.length, replayMs, editedMs, boundMs: replayMs + editedMs };
}

/** 1-based line of the first occurrence of `needle` in `text`, or null. */
export function lineOf(text: string, needle: string): number | null {
  const at = text.indexOf(needle);
  return at < 0 ? null : text.slice(0, at).split('\n').length;
}
