// Helpers for the kernel semantics suite: run documents on a shared pool and read their output.
import type { KernelPool } from '../../src/kernel/node/pool.ts';
import type { CellRun, KernelCell, TraceActor } from '../../src/kernel/types.ts';

/** A cell's code, or the whole cell when it needs budgets. */
export type CellSpec = string | Omit<KernelCell, 'id'>;

/**
 * Starts a document at once (so documents of one file run in parallel on the pool) and returns a
 * getter for each cell's run. Cell ids are the keys of `cells`, in order.
 */
export function startDocument(pool: KernelPool, id: string, cells: Record<string, CellSpec>) {
  const ids = Object.keys(cells);
  const doc = {
    id,
    cells: ids.map((cellId) => {
      const spec = cells[cellId]!;
      return typeof spec === 'string' ? { id: cellId, code: dedent(spec) } : { ...spec, id: cellId, code: dedent(spec.code) };
    }),
  };
  const runs = pool.runDocument(doc);
  runs.catch(() => {}); // reported by the tests that await it
  return async (cellId: string): Promise<CellRun> => {
    const index = ids.indexOf(cellId);
    if (index < 0) throw new Error(`no cell ${cellId} in document ${id}`);
    const all = await runs;
    return all[index]!;
  };
}

/** Removes the common leading indentation, so snippets can be indented in template literals. */
export function dedent(code: string): string {
  const lines = code.replace(/^\n/, '').replace(/\s+$/, '').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n') + '\n';
}

/** The output as [t, line] pairs: one per line of text, stamped with the virtual time of its write. */
export function lines(run: CellRun, stream: 'stdout' | 'stderr' = 'stdout'): [number, string][] {
  const out: [number, string][] = [];
  let pending: [number, string] | null = null;
  for (const event of run.events) {
    if (event.stream !== stream) continue;
    for (const part of event.text.split(/(?<=\n)/)) {
      if (!part) continue;
      pending = pending ? [pending[0], pending[1] + part] : [event.t, part];
      if (pending[1].endsWith('\n')) {
        out.push([round(pending[0]), pending[1].slice(0, -1)]);
        pending = null;
      }
    }
  }
  if (pending) out.push([round(pending[0]), pending[1]]);
  return out;
}

/** Just the text lines. */
export function text(run: CellRun, stream: 'stdout' | 'stderr' = 'stdout'): string[] {
  return lines(run, stream).map(([, line]) => line);
}

/** Rounds away float noise in virtual timestamps (they are exact up to ~1e-9). */
export function round(t: number): number {
  return Math.round(t * 1e6) / 1e6;
}

/** The trace actor with this label (the coroutine or function with its arguments). */
export function actor(run: CellRun, label: string): TraceActor {
  const found = run.trace.actors.find((a) => a.label === label);
  if (!found) throw new Error(`no actor labelled ${label}; have ${run.trace.actors.map((a) => a.label).join(', ')}`);
  return found;
}

/** A readable failure message when a cell did not end as expected. */
export function describeRun(run: CellRun): string {
  const err = run.error ? `\n${run.error.ename}: ${run.error.evalue}\n${run.error.traceback.join('')}` : '';
  return `status ${run.status}${err}\nstdout:\n${text(run).join('\n')}\nstderr:\n${text(run, 'stderr').join('\n')}`;
}
