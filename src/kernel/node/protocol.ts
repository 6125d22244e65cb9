// Messages between the pool and its worker threads.
import type { CellRun, KernelDocument } from '../types.ts';

/** Cells before `resumeAt` are replayed silently (to rebuild the namespace after a crash), except
 * those in `skip`, which crashed the interpreter. */
export type ToWorker = { type: 'run'; job: number; doc: KernelDocument; resumeAt: number; skip: number[] };

export type FromWorker =
  | { type: 'booted'; ms: number; pyodide: string }
  | { type: 'cell-start'; job: number; index: number }
  | { type: 'cell'; job: number; index: number; run: CellRun }
  | { type: 'done'; job: number }
  | { type: 'failed'; job: number; message: string };
