// Where a cold check's wall time goes, from the timestamps of one run (`check --timings`): the
// host's phases, each sandbox process's boot, documents and cells, and the critical path, the one
// chain of waits that ends when the check does. Every segment of the path is a span of the run, so
// the segments add up to the wall time and what separates the check from its floor has a name.
// Pure functions: test/cli/bench-breakdown.test.ts feeds them hand-made timelines.
import type { CheckTimings, Phase } from '../check/timings.ts';
import type { JobSpan, Lane } from '../kernel/node/pool-timeline.ts';
import { seconds } from './bench-format.ts';

export interface Segment {
  /** What the time was spent on: a host phase, `boot`, `session`, `cells <doc>`, `between cells <doc>`, ... */
  name: string;
  ms: number;
}

const span = (start: number, end: number) => Math.max(0, end - start);
const cellsMs = (job: JobSpan) => job.cells.reduce((n, c) => n + (c.end === null ? 0 : span(c.start, c.end)), 0);

/** The host's phases clipped to [from, to], in order: what the host was doing meanwhile. */
export function hostBetween(phases: Phase[], from: number, to: number): Segment[] {
  return phases.flatMap((p) => {
    const ms = span(Math.max(p.start, from), Math.min(p.end, to));
    return ms > 0 ? [{ name: p.name, ms }] : [];
  });
}

/**
 * One document's run on its process, as segments: waiting for its interpreter to boot (a fresh
 * process boots while the document waits in it), the session's start (fixtures, the kernel's
 * modules), its cells, the gaps between them (messages to the host and the host's handling), and
 * the end of the run (the done message).
 */
export function jobSegments(job: JobSpan, lane: Lane, bootFrom = job.dispatched): Segment[] {
  const first = job.cells[0];
  const last = job.cells.at(-1);
  const end = job.done ?? last?.end ?? job.dispatched;
  if (!first || !last) return [{ name: `session ${job.doc}`, ms: span(job.dispatched, end) }];
  const boot = lane.boots.find((b) => b > job.dispatched && b <= first.start);
  const cells = cellsMs(job);
  return [
    ...(boot !== undefined ? [{ name: 'interpreter boot', ms: span(bootFrom, boot) }] : []),
    { name: `session start ${job.doc}`, ms: span(boot ?? job.dispatched, first.start) },
    { name: `cells ${job.doc}`, ms: cells },
    { name: `between cells ${job.doc}`, ms: span(first.start, last.end ?? last.start) - cells },
    { name: `end of run ${job.doc}`, ms: span(last.end ?? last.start, end) },
  ];
}

/**
 * The critical path of a check measured as `wallMs` from outside: walking back from the process's
 * end, each span is preceded by what it waited for (the latest-ending of the things it needed):
 * after the runs, the host's phases; the runs end with the document that finished last; a document
 * started when its process was free (the previous document on it finished), when its process was
 * started, or when the check asked for it, whichever came last. Before that, the host's phases.
 */
export function criticalPath(timings: CheckTimings, wallMs: number): Segment[] {
  const { phases, lanes } = timings;
  const execute = phases.find((p) => p.name === 'execute');
  const jobs = lanes.flatMap((lane) => lane.jobs.map((job, k) => ({ job, lane, previous: lane.jobs[k - 1] ?? null })));
  const finished = jobs.filter((j) => j.job.done !== null);
  const tail: Segment[] = [{ name: 'process exit', ms: span(timings.end, wallMs) }];
  if (!execute || finished.length === 0) return [...hostBetween(phases, 0, timings.end), ...tail];
  const lastDone = Math.max(...finished.map((j) => j.job.done!));
  let { job, lane } = finished.find((j) => j.job.done === lastDone)!;
  const runs: Segment[][] = [];
  for (;;) {
    runs.unshift(jobSegments(job, lane));
    const previous = lane.jobs[lane.jobs.indexOf(job) - 1];
    // A process's first document was given to it when it was started (or when asked for, if later).
    const freed = previous?.done ?? null;
    if (previous && freed !== null && freed >= job.queued) {
      runs.unshift([{ name: 'waiting for a free interpreter', ms: span(freed, job.dispatched) }]);
      job = previous;
      continue;
    }
    break;
  }
  const asked = Math.max(job.queued, lane.jobs[0] === job ? lane.spawned : -Infinity);
  const first = job.cells[0];
  const booted = first ? lane.boots.find((b) => b > job.dispatched && b <= first.start) : undefined;
  // A process's first document waits in it for its interpreter's boot, which began when the
  // process was started: when the boot ended last, the path runs through it, not the dispatch.
  const throughBoot = lane.jobs[0] === job && booted !== undefined;
  if (throughBoot) runs[0] = jobSegments(job, lane, lane.spawned);
  const before = throughBoot ? hostBetween(phases, 0, lane.spawned) : [...hostBetween(phases, 0, asked), { name: 'dispatch', ms: span(asked, job.dispatched) }];
  return merge([
    ...before,
    ...runs.flat(),
    { name: 'execute (after the last document)', ms: span(lastDone, execute.end) },
    ...hostBetween(phases, execute.end, timings.end),
    ...tail,
  ]);
}

/** Neighbouring segments of one name as one; empty ones left out. */
function merge(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    if (s.ms <= 0) continue;
    const last = out.at(-1);
    if (last && last.name === s.name) last.ms += s.ms;
    else out.push({ ...s });
  }
  return out;
}

/** The kinds the issue of a slow check is told in, in the order they happen. */
export const KINDS = ['Node start', 'parse and plan', 'interpreter start', 'cells', 'between cells', 'waiting for a free interpreter', 'judging', 'writing', 'process exit'] as const;
export type Kind = (typeof KINDS)[number];

export function kindOf(segment: string): Kind {
  if (segment === 'start' || segment === 'setup') return 'Node start';
  if (['parse', 'plan', 'execute', 'dispatch'].includes(segment)) return 'parse and plan';
  if (segment === 'interpreter boot' || segment.startsWith('session start ')) return 'interpreter start';
  if (segment.startsWith('cells ')) return 'cells';
  if (segment.startsWith('between cells ') || segment.startsWith('end of run ') || segment.startsWith('execute (')) return 'between cells';
  if (segment === 'waiting for a free interpreter') return 'waiting for a free interpreter';
  if (segment === 'write') return 'writing';
  if (segment === 'process exit') return 'process exit';
  return 'judging'; // judge, images, close, lock, translations, report
}

/** The critical path summed by kind (kinds it does not pass through left out). */
export function pathByKind(path: Segment[]): Segment[] {
  const sums = new Map<Kind, number>();
  for (const s of path) sums.set(kindOf(s.name), (sums.get(kindOf(s.name)) ?? 0) + s.ms);
  return KINDS.flatMap((k) => (sums.has(k) ? [{ name: k, ms: sums.get(k)! }] : []));
}

export interface LaneUse {
  lane: number;
  /** From its start to its first interpreter's boot. */
  bootMs: number;
  /** Running documents (given one until it finished). */
  busyMs: number;
  /** From its first boot to the end of the runs, not running a document. */
  idleMs: number;
  documents: string[];
}

export function laneUse(timings: CheckTimings): LaneUse[] {
  const execute = timings.phases.find((p) => p.name === 'execute');
  const end = execute?.end ?? timings.end;
  return timings.lanes.map((lane) => {
    const busyMs = lane.jobs.reduce((n, j) => n + span(j.dispatched, j.done ?? end), 0);
    const booted = lane.boots[0] ?? end;
    const firstJob = lane.jobs[0]?.dispatched ?? end;
    return {
      lane: lane.lane,
      bootMs: span(lane.spawned, booted),
      busyMs,
      idleMs: Math.max(0, span(Math.min(booted, firstJob), end) - busyMs),
      documents: lane.jobs.map((j) => j.doc),
    };
  });
}

/** Each document's time on its process: waiting for one, then its cells, as the host saw them. */
export function documentUse(timings: CheckTimings): { doc: string; waitMs: number; cellsMs: number; cells: number }[] {
  return timings.lanes.flatMap((lane) => lane.jobs.map((job) => ({ doc: job.doc, waitMs: span(job.queued, job.dispatched), cellsMs: cellsMs(job), cells: job.cells.length })));
}

export interface ChainBound {
  /** The document whose cells take longest: within a document every cell depends on those before it. */
  doc: string;
  chainMs: number;
  floorMs: number;
  /** max(limit x floor, chain): what the wall time can be held to. */
  targetMs: number;
}

/** The bound a check cannot go under, from its cells' CPU time by document (the kernel's own figure). */
export function chainBound(cpuByDocument: Map<string, number>, cores: number, limit = 1.15): ChainBound {
  const total = [...cpuByDocument.values()].reduce((a, b) => a + b, 0);
  let doc = '';
  let chainMs = 0;
  for (const [d, ms] of cpuByDocument) if (ms > chainMs) [doc, chainMs] = [d, ms];
  const floorMs = total / cores;
  return { doc, chainMs, floorMs, targetMs: Math.max(limit * floorMs, chainMs) };
}

/** The breakdown as the bench prints it, under the cold check's figure. */
export function breakdownLines(timings: CheckTimings, wallMs: number, bound: ChainBound): string[] {
  const path = criticalPath(timings, wallMs);
  const ms = (n: number) => `${(n / 1000).toFixed(2)}`;
  const beyond = pathByKind(path).filter((s) => s.name !== 'cells');
  const lines = [
    `  critical path by kind: ${pathByKind(path).map((s) => `${s.name} ${ms(s.ms)}`).join(', ')}; ` +
      `beyond its cells: ${seconds(beyond.reduce((n, s) => n + s.ms, 0))}`,
    `  critical path (${seconds(path.reduce((n, s) => n + s.ms, 0))} of ${seconds(wallMs)} wall): ${path.map((s) => `${s.name} ${ms(s.ms)}`).join(' > ')}`,
    `  host phases: ${timings.phases.map((p) => `${p.name} ${ms(span(p.start, p.end))}`).join(', ')}; process exit ${ms(span(timings.end, wallMs))}`,
    ...laneUse(timings).map((u) => `  interpreter process ${u.lane}: boot ${ms(u.bootMs)}, busy ${ms(u.busyMs)}, idle ${ms(u.idleMs)} (${u.documents.join(', ')})`),
    `  documents (waiting for an interpreter / their cells): ${documentUse(timings).map((d) => `${d.doc} ${ms(d.waitMs)}/${ms(d.cellsMs)}`).join(', ')}`,
    `  longest chain of dependent cells: ${bound.doc} ${seconds(bound.chainMs)} of cell CPU against a floor of ${seconds(bound.floorMs)}` +
      (bound.chainMs > bound.floorMs * 1.15 ? `: the chain is the bound, target max(1.15 x floor, chain) = ${seconds(bound.targetMs)}; wall/chain ${(wallMs / bound.chainMs).toFixed(2)}` : ''),
  ];
  return lines;
}
