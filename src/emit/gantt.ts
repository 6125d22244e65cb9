// A cell's recorded trace as a timeline: Mermaid gantt text (one row per task or thread, running,
// waiting and blocking told apart by style and words, times exactly as recorded on a seconds axis)
// and the same trace as table rows, its text alternative. Words come from timeline-labels.ts in
// the page's language. Browser-safe: the runner redraws timelines with it after a run.
import type { CellRun, TraceActor } from '../kernel/types.ts';
import { timelineLabels, type TimelineLabels, type TimelineLocale } from '../components/timeline-labels.ts';
import { LAYOUT } from '../components/timeline-layout.ts';
import { mermaidSectionLabel } from './escape.ts';

/** A row label longer than this (in columns; a Hangul or CJK character takes two) is cut with `…`. */
export const LABEL_COLUMNS = 22;
/** Beyond this many rows, runs of tasks with the same function and the same bars are folded. */
export const MAX_ROWS = 40;

export interface TimelineRow {
  /** The task's full label (the drawn one may be cut). */
  label: string;
  started: number;
  ended: number;
  /** What it waited for, in words, with the intervals. */
  waited: string[];
  outcome: string;
  /** Tasks this row stands for (more than one where identical rows were folded). */
  count: number;
}

export interface Timeline {
  gantt: string;
  /** The diagram's accessible name. */
  name: string;
  rows: TimelineRow[];
  /** Height of the drawing in pixels, reserved before it is drawn. */
  height: number;
}

type Segment = { kind: string; from: number; to: number };

interface Drawn {
  actor: TraceActor;
  start: number;
  end: number;
  segments: Segment[];
  /** Stands for this many actors (folded rows). */
  count: number;
  label: string;
}

/** Where the run ends: a task that never finished is drawn up to here. */
function runEnd(run: CellRun): number {
  let end = run.virtualSeconds;
  for (const a of run.trace.actors) {
    end = Math.max(end, a.finished ?? 0, a.started ?? 0, ...a.spans.map((s) => s.to));
  }
  return end;
}

/**
 * The actors a reader should see: a thread that only hosted executor jobs (a pool's worker,
 * `asyncio_0`) is left out, its jobs are drawn instead.
 */
function visibleActors(run: CellRun): TraceActor[] {
  const hosts = new Set(run.trace.actors.filter((a) => a.kind === 'job').map((a) => a.thread));
  return run.trace.actors.filter((a) => !(a.kind === 'thread' && hosts.has(a.name))
    // A top-level statement that never waited is no task of the program's.
    && !(TOP_LEVEL.test(a.label) && a.outcome === 'ok' && a.spans.length === 0));
}

function startOf(a: TraceActor): number {
  return a.started ?? a.created;
}

/** A timeline is worth drawing when tasks or threads overlap in time or something blocks. */
export function hasTimeline(run: CellRun | null): boolean {
  if (!run) return false;
  const end = runEnd(run);
  const actors = visibleActors(run)
    .map((a) => ({ a, from: startOf(a), to: a.finished ?? end }))
    .filter((x) => x.to > x.from);
  if (actors.some((x) => x.a.spans.some((s) => s.kind === 'block'))) return true;
  return actors.some((x, i) => actors.some((y, j) => j !== i && x.from < y.to && y.from < x.to));
}

/** Intervals of one actor: its recorded waits, and the gaps between them as running. */
export function segments(actor: TraceActor, end = actor.finished ?? startOf(actor)): Segment[] {
  const start = startOf(actor);
  const out: Segment[] = [];
  let cursor = start;
  for (const span of [...actor.spans].sort((a, b) => a.from - b.from)) {
    if (span.from > cursor) out.push({ kind: 'running', from: cursor, to: span.from });
    if (span.to > Math.max(cursor, span.from)) out.push({ kind: span.kind, from: Math.max(cursor, span.from), to: span.to });
    cursor = Math.max(cursor, span.to);
  }
  if (end > cursor) out.push({ kind: 'running', from: cursor, to: end });
  return out;
}

/** Least distance between two tick labels' starts, in pixels: the widest label (`0.05 s`, `15 min`) and a gap. */
export const TICK_PITCH = 64;

/** The smallest of 1, 2 and 5 times a power of ten that is at least `raw`. */
export function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5]) if (m * magnitude >= raw * (1 - 1e-9)) return Number((m * magnitude).toPrecision(12));
  return Number((10 * magnitude).toPrecision(12));
}

/**
 * The axis for a timeline this long. Mermaid reads the times as dates (milliseconds since 1970) and
 * formats ticks with d3's date directives, which know no "seconds since the start" beyond 59: up to a
 * minute the axis counts seconds, beyond it the times are drawn in units of one minute per drawn
 * second (so `%-S` counts minutes). Minutes of the date itself are never shown: they would move
 * with the reader's time zone (India's is +5:30).
 * Ticks come a nice step apart (1, 2 or 5 times a power of ten) chosen so that no more labels fit
 * than the drawing's axis holds at TICK_PITCH apart: a run of 2 s gets `0 s 0.5 s 1 s 1.5 s 2 s`
 * (d3 writes `0.500 s`; the page drops the trailing zeros, src/components/timeline.ts).
 */
export function axisFor(spanSeconds: number, axisPixels = LAYOUT.width - LAYOUT.leftPadding - LAYOUT.rightPadding): { scale: number; format: string; tick: string } {
  const intervals = Math.max(1, Math.floor(axisPixels / TICK_PITCH));
  const minutes = spanSeconds >= 60;
  const scale = minutes ? 1 / 60 : 1;
  const span = Math.max(spanSeconds * scale, 1e-3);
  const step = Math.max(niceStep(span / intervals), 1e-3);
  const unit = minutes ? ' min' : ' s';
  const whole = Number.isInteger(Number(step.toFixed(6)));
  return {
    scale,
    format: whole ? `%-S${unit}` : `%-S.%L${unit}`,
    tick: whole ? `${Math.round(step)}second` : `${Math.round(step * 1000)}millisecond`,
  };
}

/** Columns a text takes: Hangul, CJK and full-width forms (and emoji) are two columns wide. */
export function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\p{Extended_Pictographic}/u.test(ch) ? 2 : 1;
  return n;
}

/**
 * Cut to a number of columns with `…` in the middle: the start names the function, the end tells
 * rows apart (`fetch('https:…/posts/1')` and `…/posts/2')`).
 */
export function truncate(text: string, max: number): string {
  if (columns(text) <= max) return text;
  const chars = [...text];
  const tailColumns = Math.floor((max - 1) * 0.4);
  let tail = '';
  for (let i = chars.length - 1; i >= 0 && columns(chars[i]! + tail) <= tailColumns; i--) tail = chars[i]! + tail;
  let head = '';
  for (const ch of chars) {
    if (columns(head + ch) > max - 1 - columns(tail)) break;
    head += ch;
  }
  return `${head}…${tail}`;
}

/** The kernel's marker for a statement of a cell with top-level await (vkernel/trace.py). */
const TOP_LEVEL = /^\(top level, line (\d+|\?)\)$/;

function labelOf(a: TraceActor, t: TimelineLabels): string {
  const top = TOP_LEVEL.exec(a.label);
  return top ? t.topLevel(top[1]!) : a.label || a.name;
}

function waitWord(kind: string, t: TimelineLabels): string {
  if (kind === 'running') return t.running;
  if (kind === 'block') return t.blocking;
  return t.waits[kind] ?? kind;
}

function outcomeWords(a: TraceActor, t: TimelineLabels): string {
  if (a.outcome === 'error') return t.raised(a.error?.split(':')[0] ?? 'an exception');
  if (a.outcome === 'cancelled') return t.cancelled;
  if (a.outcome === 'pending') return a.started === null ? t.notStarted : t.pending;
  return t.finished;
}

/** Same function, same bars, same ending: rows that can be folded into one. */
function shapeOf(d: Drawn): string {
  const fn = d.label.split('(')[0];
  return JSON.stringify([fn, d.actor.outcome, d.segments.map((s) => [s.kind, s.from, s.to])]);
}

/** Long runs of identical rows (a thousand `task('TaskN')`) become two rows and a count. */
function fold(rows: Drawn[], t: TimelineLabels): Drawn[] {
  if (rows.length <= MAX_ROWS) return rows;
  const groups = new Map<string, Drawn[]>();
  for (const row of rows) groups.set(shapeOf(row), [...(groups.get(shapeOf(row)) ?? []), row]);
  const out: Drawn[] = [];
  for (const row of rows) {
    const group = groups.get(shapeOf(row))!;
    if (group.length <= 3) out.push(row);
    else if (row === group[0] || row === group[1]) {
      out.push(row);
      if (row === group[1]) out.push({ ...row, label: t.more(group.length - 2), count: group.length - 2 });
    }
  }
  return out;
}

/** The kernel's creation counter in an actor's id (`task-3`, `thread-7`, `job-12`: one count for all kinds). */
function creationOrder(a: TraceActor): number {
  const match = /-(\d+)$/.exec(a.id);
  return match ? Number(match[1]) : Number.MAX_SAFE_INTEGER;
}

const compareText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * The rows' order, a function of the trace's fields alone and total: when the actor started, when it
 * was created, the order the kernel created it in, then its label and id. Never the order of the
 * trace's list itself, so a trace whose actors arrive in another order draws the same timeline.
 */
export function byStart(a: TraceActor, b: TraceActor): number {
  return startOf(a) - startOf(b) || a.created - b.created || creationOrder(a) - creationOrder(b)
    || compareText(a.label, b.label) || compareText(a.id, b.id);
}

function drawnRows(run: CellRun, t: TimelineLabels): { rows: Drawn[]; end: number } {
  const end = runEnd(run);
  const rows = visibleActors(run).sort(byStart).map((actor): Drawn => {
    const to = actor.finished ?? end;
    return { actor, start: startOf(actor), end: to, segments: segments(actor, to), count: 1, label: labelOf(actor, t) };
  });
  return { rows: fold(rows, t), end };
}

const fmt = (s: number) => s.toFixed(3);

/** Mermaid's task text sits in the bar when it fits: drawn only then, as a row holds several bars. */
function fits(text: string, seconds: number, span: number): boolean {
  const px = (seconds / span) * (LAYOUT.width - LAYOUT.leftPadding - LAYOUT.rightPadding);
  return columns(text) * LAYOUT.fontSize * 0.6 + 8 <= px;
}

/** A task's text must not be empty in Mermaid's grammar: a zero-width space stands for none. */
const NO_TEXT = '\u200b';

const MARKS: Record<string, string> = { error: '✕', cancelled: '⊘', pending: '…' };

/** The gantt text; times are milliseconds (of virtual time, or of minutes past a minute: see axisFor). */
export function ganttText(run: CellRun, locale: TimelineLocale): string {
  return build(run, locale).gantt;
}

function build(run: CellRun, locale: TimelineLocale): { gantt: string; drawn: Drawn[]; rows: number; span: number } {
  const t = timelineLabels[locale];
  const { rows, end } = drawnRows(run, t);
  const axis = axisFor(end);
  const at = (seconds: number) => Math.round(seconds * axis.scale * 1000);
  const span = Math.max(end, 1e-3);
  // An end mark (✕ ⊘ …) is a short bar just after the end: wide enough to hold its sign.
  const mark = Math.max(span * 0.04, 1e-3);
  const lines = ['gantt', '  dateFormat x', `  axisFormat ${axis.format}`, `  tickInterval ${axis.tick}`, '  todayMarker off'];
  const used = new Map<string, number>();
  // Mermaid merges sections of the same title into one: a repeated label gets a number.
  const title = (label: string) => {
    const clean = mermaidSectionLabel(label, 200) || 'task';
    const base = truncate(clean, LABEL_COLUMNS);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${truncate(clean, LABEL_COLUMNS - 2 - String(n).length)} #${n}`;
  };
  const first = Math.min(...rows.map((r) => r.start), end);
  let drawnRowsCount = rows.length;
  let id = 0;
  const bar = (text: string, tags: string, from: number, to: number) => {
    const a = at(from);
    const b = Math.max(at(to), a + 1);
    lines.push(`  ${text} :${tags}b${id++}, ${a}, ${b}`);
  };
  // The axis covers the whole run: where no task starts at 0 or lasts to the end, a row shows it.
  if (first > 1e-9 || rows.every((r) => r.end < end - 1e-9)) {
    lines.push(`  section ${title(t.wholeRun)}`);
    bar(fits(t.wholeRun, end, span) ? t.wholeRun : NO_TEXT, 'done, ', 0, end);
    drawnRowsCount += 1;
  }
  for (const row of rows) {
    lines.push(`  section ${title(row.label)}`);
    const segs = row.segments.length > 0 ? row.segments : [{ kind: 'running', from: row.start, to: row.start + mark / 2 }];
    for (const seg of segs) {
      const word = waitWord(seg.kind, t);
      const tags = seg.kind === 'running' ? 'active, ' : seg.kind === 'block' ? 'crit, ' : '';
      bar(fits(word, seg.to - seg.from, span) ? word : NO_TEXT, tags, seg.from, seg.to);
    }
    const sign = MARKS[row.actor.outcome];
    if (sign) bar(sign, row.actor.outcome === 'error' ? 'crit, done, ' : 'done, ', row.end, row.end + mark);
  }
  return { gantt: lines.join('\n'), drawn: rows, rows: drawnRowsCount, span };
}

/** The timeline of a run: gantt text, accessible name, table rows, and the drawing's height. */
export function timelineOf(run: CellRun, locale: TimelineLocale): Timeline {
  const t = timelineLabels[locale];
  const built = build(run, locale);
  const rows = built.drawn.map((d): TimelineRow => {
    const waited = d.segments
      .filter((s) => s.kind !== 'running')
      .map((s) => `${waitWord(s.kind, t)} (${t.seconds(`${fmt(s.from)}–${fmt(s.to)}`)})`);
    return { label: d.label, started: d.start, ended: d.end, waited, outcome: outcomeWords(d.actor, t), count: d.count };
  });
  const tasks = built.drawn.reduce((n, d) => n + d.count, 0);
  // The kernel kept only the first tasks and threads (RUN_LIST_LIMIT): the name says so.
  const cut = run.trace.cut?.actors ?? 0;
  const kept = run.trace.actors.length;
  return {
    gantt: built.gantt,
    name: cut > 0 ? `${t.name(tasks, fmt(built.span))} (${t.cut(kept, kept + cut)})` : t.name(tasks, fmt(built.span)),
    rows,
    height: built.rows * (LAYOUT.barHeight + LAYOUT.barGap) + 2 * LAYOUT.topPadding,
  };
}
