// Messages between the pool and its worker threads, and the shared memory beside them.
import type { CellRun, KernelDocument } from '../types.ts';

/**
 * Shared between the pool and one worker: slot 0 is Pyodide's interrupt buffer; slot 1 holds the
 * ticket of the cell the worker is running (0 between cells). The pool interrupts only while the
 * ticket it armed for is still current, so an interrupt meant for a cell that has just ended can
 * never reach the next one (messages take time; shared memory does not).
 */
export function createControl(): { interrupt: Int32Array; ticket: Int32Array } {
  const memory = new SharedArrayBuffer(8);
  return { interrupt: new Int32Array(memory, 0, 1), ticket: new Int32Array(memory, 4, 1) };
}

/** Cells before `resumeAt` are replayed silently (to rebuild the namespace after a crash), except
 * those in `skip`, which crashed the interpreter. */
export type ToWorker = { type: 'run'; job: number; doc: KernelDocument; resumeAt: number; skip: number[] };

export type FromWorker =
  | { type: 'booted'; ms: number; pyodide: string }
  | { type: 'cell-start'; job: number; index: number; ticket: number }
  | { type: 'cell'; job: number; index: number; run: CellRun }
  | { type: 'done'; job: number }
  | { type: 'failed'; job: number; message: string };
