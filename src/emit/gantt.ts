// Mermaid gantt text from a cell's recorded trace: one bar per task or thread, waiting and running
// (or blocking) told apart, times exactly as recorded (milliseconds on a seconds axis).
import type { CellRun, TraceActor } from '../kernel/types.ts';

/** A timeline is worth drawing when tasks or threads overlap in time or something blocks. */
export function hasTimeline(run: CellRun | null): boolean {
  if (!run) return false;
  const actors = run.trace.actors.filter((a) => a.started !== null && a.finished !== null && a.finished > a.started!);
  if (actors.some((a) => a.spans.some((s) => s.kind === 'block'))) return true;
  return actors.some((a, i) => actors.some((b, j) => j !== i && a.started! < b.finished! && b.started! < a.finished!));
}

function ms(seconds: number): number {
  return Math.round(seconds * 1000);
}

function clean(text: string): string {
  return text.replace(/[:#;]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 60) || 'task';
}

/** Intervals of one actor: its recorded waits, and the gaps between them as running. */
export function segments(actor: TraceActor): { kind: string; from: number; to: number }[] {
  const start = actor.started ?? actor.created;
  const end = actor.finished ?? start;
  const out: { kind: string; from: number; to: number }[] = [];
  let cursor = start;
  for (const span of [...actor.spans].sort((a, b) => a.from - b.from)) {
    if (span.from > cursor) out.push({ kind: 'running', from: cursor, to: span.from });
    out.push({ kind: span.kind === 'block' ? 'blocking' : `waits (${span.kind})`, from: span.from, to: span.to });
    cursor = Math.max(cursor, span.to);
  }
  if (end > cursor) out.push({ kind: 'running', from: cursor, to: end });
  return out;
}

export function ganttText(run: CellRun, title: string): string {
  const lines = ['gantt', `  title ${clean(title)}`, '  dateFormat x', '  axisFormat %S.%Ls'];
  run.trace.actors.forEach((actor, i) => {
    if (actor.started === null || actor.finished === null) return;
    lines.push(`  section ${clean(actor.label)}`);
    segments(actor).forEach((seg, k) => {
      const tag = seg.kind === 'running' ? 'active, ' : seg.kind === 'blocking' ? 'crit, ' : '';
      lines.push(`  ${clean(seg.kind)} :${tag}a${i}s${k}, ${ms(seg.from)}, ${ms(seg.to) === ms(seg.from) ? ms(seg.to) + 1 : ms(seg.to)}`);
    });
  });
  return lines.join('\n');
}
