// Messages between the pool (the host process), the sandbox process it starts, and the worker
// thread in that process that runs one document; and the shared memory beside them.
import type { CellRun, KernelDocument } from '../types.ts';

/**
 * Shared between a sandbox process's main thread and its document worker: slot 0 is Pyodide's
 * interrupt buffer; slot 1 holds the ticket of the cell the worker is running (0 between cells).
 * The pool asks for an interrupt with the ticket it armed for, and the interrupt is written only
 * while that ticket is still current, so an interrupt meant for a cell that has just ended can
 * never reach the next one (messages take time; shared memory does not).
 */
export function createControl(): { interrupt: Int32Array; ticket: Int32Array } {
  const memory = new SharedArrayBuffer(8);
  return { interrupt: new Int32Array(memory, 0, 1), ticket: new Int32Array(memory, 4, 1) };
}

/** Cells before `resumeAt` are replayed silently (to rebuild the namespace after a crash), except
 * those in `skip`, which crashed the interpreter. */
export type RunRequest = { type: 'run'; job: number; doc: KernelDocument; resumeAt: number; skip: number[] };

/** Pool to sandbox process. */
export type ToSandbox =
  | RunRequest
  | { type: 'interrupt'; ticket: number }
  | { type: 'make-snapshot' };

/** Sandbox process (and its document worker) to pool. Untrusted: the pool checks every field. */
export type FromSandbox =
  | { type: 'booted'; ms: number; pyodide: string; snapshot: boolean; fallback?: string }
  | { type: 'cell-start'; job: number; index: number; ticket: number }
  | { type: 'cell'; job: number; index: number; run: CellRun }
  /** `rss`: the sandbox process's resident memory once the document ended (added by sandbox-main.ts). */
  | { type: 'done'; job: number; rss?: number }
  | { type: 'failed'; job: number; message: string }
  | { type: 'snapshot'; bytes: Uint8Array | null; message?: string };

/** Sandbox process main thread to its document worker. */
export type ToWorker = RunRequest | { type: 'make-snapshot' };
