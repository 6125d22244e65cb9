// A cell run as lines and text: the one way output is cut into lines (the check, the lock, the
// pages, the browser's runner, the snippet runner) and the one way a virtual time is written.
// Browser-safe: types only.
import type { CellRun, OutputEvent } from './types.ts';

/** A virtual time as every output shows it: `2.000s`. */
export function formatSeconds(t: number): string {
  return `${t.toFixed(3)}s`;
}

export interface OutputLine {
  text: string;
  /** The virtual time of the write the line came from. */
  t: number;
  stream: OutputEvent['stream'];
}

/**
 * One line per line of each write, stamped with the write's virtual time (the kernel merges a
 * print's text and its newline into one write). Of one stream, or of both in order (`'all'`).
 */
export function outputLines(events: OutputEvent[], stream: OutputEvent['stream'] | 'all' = 'stdout'): OutputLine[] {
  const lines: OutputLine[] = [];
  for (const event of events) {
    if (stream !== 'all' && event.stream !== stream) continue;
    const parts = event.text.split('\n');
    if (parts.at(-1) === '') parts.pop();
    for (const text of parts) lines.push({ text, t: event.t, stream: event.stream });
  }
  return lines;
}

/** Each output line with the virtual time at which it was written, stderr marked. */
export function formatRun(run: CellRun): string {
  const lines = outputLines(run.events, 'all').map((line) => `[${formatSeconds(line.t).padStart(9)}]${line.stream === 'stderr' ? ' !' : '  '} ${line.text}`);
  if (run.result) lines.push(`[${formatSeconds(run.virtualSeconds).padStart(9)}] => ${run.result['text/plain']}`);
  if (run.error) {
    if (run.status === 'hangs' || run.status === 'timeout') {
      lines.push(`${run.status}: ${run.error.evalue}`);
      for (const line of run.error.traceback) lines.push(`  ${line}`);
    } else {
      lines.push(run.error.traceback.join('').trimEnd() || `${run.error.ename}: ${run.error.evalue}`);
    }
  }
  lines.push(`-- ${run.status}: ${formatSeconds(run.virtualSeconds)} virtual, ${run.cpuMs.toFixed(1)} ms real`);
  return lines.join('\n');
}
