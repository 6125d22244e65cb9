// Messages between a page (src/kernel/browser/kernel.ts) and its Web Worker (worker.ts).
import type { CellRun, KernelCell } from '../types.ts';

/** How the page asks for a run: what the build gives the kernel for the cell (check/kernel-cells.ts). */
export type RunOptions = Pick<KernelCell, 'budget' | 'realBudget' | 'segments' | 'stdin' | 'script'>;

export type ToKernelWorker =
  /** `interrupt` is a shared one-int buffer (cross-origin isolated pages only): writing 2 raises KeyboardInterrupt.
   * `ticket` holds the id of the run in progress (0 between runs), so a late interrupt cannot reach the next run. */
  | { type: 'boot'; indexURL: string; fixtures: Record<string, unknown>[]; interrupt: Int32Array | null; ticket: Int32Array | null }
  | { type: 'run'; run: number; code: string; options: RunOptions }
  /** The names a piece of code defines and uses, without running it (for dependencies of edited cells). */
  | { type: 'names'; req: number; code: string }
  /** To a worker of its own: make the interpreter snapshot and keep it for later pages (snapshot.ts). */
  | { type: 'make-snapshot'; indexURL: string };

/** Where an interpreter's memory came from: the snapshot this browser kept, the one the site serves. */
export type BootSource = 'kept' | 'site';

export type FromKernelWorker =
  /** `snapshot`: the snapshot it booted from; null: a plain boot. */
  | { type: 'booted'; ms: number; pyodide: string; jspi: boolean; snapshot: BootSource | null }
  | { type: 'snapshot-made'; bytes: number; message: string | null }
  | { type: 'boot-failed'; message: string }
  | { type: 'stream'; run: number; stream: 'stdout' | 'stderr'; text: string; t: number }
  | { type: 'done'; run: number; result: CellRun }
  | { type: 'failed'; run: number; message: string }
  | { type: 'names'; req: number; defines: string[]; uses: string[] };
