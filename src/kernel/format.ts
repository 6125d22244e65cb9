// Human-readable rendering of a cell run: output lines prefixed by their virtual time.
import type { CellRun } from './types.ts';

export function formatSeconds(t: number): string {
  return `${t.toFixed(3)}s`;
}

/** Each output line with the virtual time at which it was written, stderr marked. */
export function formatRun(run: CellRun): string {
  const lines: string[] = [];
  for (const event of run.events) {
    const parts = event.text.split('\n');
    if (parts.at(-1) === '') parts.pop();
    for (const part of parts) {
      lines.push(`[${formatSeconds(event.t).padStart(9)}]${event.stream === 'stderr' ? ' !' : '  '} ${part}`);
    }
  }
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
