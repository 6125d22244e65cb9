// Mermaid gantt text from a cell's recorded trace: one bar per task or thread, waiting and running
// (or blocking) told apart, times exactly as recorded (milliseconds on a seconds axis).
import type { CellRun, TraceActor } from '../kernel/types.ts';
import { mermaidLabel } from './escape.ts';

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

/** Task names are the snippet's (any text): a label, never Mermaid syntax (see escape.ts). */
function clean(text: string): string {
  return mermaidLabel(text) || 'task';
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

/**
 * The axis for a timeline this long. Mermaid reads the times as dates (milliseconds since 1970) and
 * formats ticks with d3's date directives, which know no "seconds since the start" beyond 59: up to a
 * minute the axis counts seconds, beyond it the times are drawn in units of one minute per drawn
 * second (so `%-S` counts minutes). Minutes of the date itself are never shown: they would move
 * with the reader's time zone (India's is +5:30).
 */
export function axisFor(spanSeconds: number): { scale: number; format: string; tick: string } {
  if (spanSeconds <= 2) return { scale: 1, format: '%-S.%Ls', tick: '200millisecond' };
  if (spanSeconds <= 15) return { scale: 1, format: '%-Ss', tick: '1second' };
  if (spanSeconds < 60) return { scale: 1, format: '%-Ss', tick: '5second' };
  return { scale: 1 / 60, format: '%-S min', tick: spanSeconds <= 900 ? '1second' : '5second' };
}

/** The gantt text; times are milliseconds (of virtual time, or of minutes past a minute: see axisFor). */
export function ganttText(run: CellRun): string {
  const drawn = run.trace.actors.filter((a) => a.started !== null && a.finished !== null);
  const span = Math.max(0, ...drawn.map((a) => a.finished!));
  const axis = axisFor(span);
  const at = (seconds: number) => ms(seconds * axis.scale);
  const lines = ['gantt', '  dateFormat x', `  axisFormat ${axis.format}`, `  tickInterval ${axis.tick}`];
  run.trace.actors.forEach((actor, i) => {
    if (actor.started === null || actor.finished === null) return;
    lines.push(`  section ${clean(actor.label)}`);
    segments(actor).forEach((seg, k) => {
      const tag = seg.kind === 'running' ? 'active, ' : seg.kind === 'blocking' ? 'crit, ' : '';
      const from = at(seg.from);
      const to = at(seg.to);
      lines.push(`  ${clean(seg.kind)} :${tag}a${i}s${k}, ${from}, ${to === from ? to + 1 : to}`);
    });
  });
  return lines.join('\n');
}
