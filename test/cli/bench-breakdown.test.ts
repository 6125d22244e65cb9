// The cold check's breakdown from hand-made timelines: the critical path walks back from the end
// through what each span waited for, its segments add up to the wall time, and the chain of one
// document's cells becomes the bound when it is longer than the floor.
import { describe, expect, it } from 'vitest';
import { chainBound, criticalPath, documentUse, jobSegments, laneUse, pathByKind } from '../../src/cli/bench-breakdown.ts';
import { coldCheckFigure } from '../../src/cli/bench-format.ts';
import { PoolTimeline, type JobSpan, type Lane } from '../../src/kernel/node/pool-timeline.ts';
import { Phases, type CheckTimings, type Phase } from '../../src/check/timings.ts';

const phases = (...list: [string, number, number][]): Phase[] => list.map(([name, start, end]) => ({ name, start, end }));
const job = (doc: string, queued: number, dispatched: number, cells: [number, number][], done: number): JobSpan =>
  ({ doc, queued, dispatched, cells: cells.map(([start, end], index) => ({ index, start, end })), done });

// Two processes started at 400 ms, booted at 700 and 720. A (long) runs alone on process 0; B and
// then C share process 1, so C waited for B. The host judges and writes after the last run.
function timeline(): CheckTimings {
  const lanes: Lane[] = [
    { lane: 0, spawned: 400, boots: [700, 1500], jobs: [job('a', 410, 410, [[800, 2800], [2810, 4810]], 4820)] },
    { lane: 1, spawned: 400, boots: [720, 1200], jobs: [job('b', 410, 410, [[760, 1760]], 1770), job('c', 410, 1775, [[1800, 2300]], 2310)] },
  ];
  return {
    phases: phases(['start', 0, 300], ['setup', 300, 310], ['parse', 310, 400], ['plan', 400, 410], ['execute', 410, 4830],
      ['judge', 4830, 4900], ['images', 4900, 5000], ['write', 5000, 5050]),
    lanes,
    end: 5050,
  };
}

const total = (segments: { ms: number }[]) => segments.reduce((n, s) => n + s.ms, 0);

describe('the critical path', () => {
  it('runs through the document that finished last, and its segments add up to the wall time', () => {
    const path = criticalPath(timeline(), 5200);
    expect(path).toEqual([
      // The process was started at 400, after the parse, and booted at 700: its boot, not the plan, is on the path.
      { name: 'start', ms: 300 }, { name: 'setup', ms: 10 }, { name: 'parse', ms: 90 },
      { name: 'interpreter boot', ms: 300 }, { name: 'session start a', ms: 100 }, { name: 'cells a', ms: 4000 },
      { name: 'between cells a', ms: 10 }, { name: 'end of run a', ms: 10 }, { name: 'execute (after the last document)', ms: 10 },
      { name: 'judge', ms: 70 }, { name: 'images', ms: 100 }, { name: 'write', ms: 50 }, { name: 'process exit', ms: 150 },
    ]);
    expect(total(path)).toBe(5200);
  });

  it('goes through the document a run waited for when its process was busy', () => {
    const t = timeline();
    // C now ends last: the path is B, the wait for process 1, then C.
    t.lanes[1]!.jobs[1] = job('c', 410, 1775, [[1800, 5800]], 5810);
    t.phases = phases(['start', 0, 300], ['setup', 300, 310], ['parse', 310, 400], ['plan', 400, 410], ['execute', 410, 5820], ['write', 5820, 5900]);
    t.end = 5900;
    const names = criticalPath(t, 6000).map((s) => s.name);
    expect(names).toEqual(['start', 'setup', 'parse', 'interpreter boot', 'session start b', 'cells b', 'end of run b',
      'waiting for a free interpreter', 'session start c', 'cells c', 'end of run c', 'execute (after the last document)', 'write', 'process exit']);
    expect(total(criticalPath(t, 6000))).toBe(6000);
  });

  it('goes through the dispatch when the process was booted before the check asked for the document', () => {
    const t = timeline();
    t.lanes[0]!.boots = [405, 1500];
    const path = criticalPath(t, 5200);
    expect(path.slice(0, 6)).toEqual([{ name: 'start', ms: 300 }, { name: 'setup', ms: 10 }, { name: 'parse', ms: 90 }, { name: 'plan', ms: 10 },
      { name: 'session start a', ms: 390 }, { name: 'cells a', ms: 4000 }]);
    expect(total(path)).toBe(5200);
  });

  it('starts a document\'s run when its process was started, if that came after the check asked', () => {
    const t = timeline();
    // The processes are started only after the documents were asked for: the host waited in `execute`.
    for (const lane of t.lanes) { lane.spawned = 420; lane.jobs[0]!.dispatched = 420; }
    const path = criticalPath(t, 5200);
    expect(path.slice(0, 6)).toEqual([{ name: 'start', ms: 300 }, { name: 'setup', ms: 10 }, { name: 'parse', ms: 90 }, { name: 'plan', ms: 10 },
      { name: 'execute', ms: 10 }, { name: 'interpreter boot', ms: 280 }]);
    expect(total(path)).toBe(5200);
  });

  it('sums by the kinds a slow check is told in', () => {
    expect(pathByKind(criticalPath(timeline(), 5200))).toEqual([
      { name: 'Node start', ms: 310 }, { name: 'parse and plan', ms: 90 }, { name: 'interpreter start', ms: 400 }, { name: 'cells', ms: 4000 },
      { name: 'between cells', ms: 30 }, { name: 'judging', ms: 170 }, { name: 'writing', ms: 50 }, { name: 'process exit', ms: 150 },
    ]);
  });

  it('without runs, is the host\'s phases and the exit', () => {
    const t: CheckTimings = { phases: phases(['start', 0, 100], ['parse', 100, 150]), lanes: [], end: 150 };
    expect(criticalPath(t, 200)).toEqual([{ name: 'start', ms: 100 }, { name: 'parse', ms: 50 }, { name: 'process exit', ms: 50 }]);
  });
});

describe('processes and documents', () => {
  it('splits a run into boot, session start, cells, gaps and end', () => {
    const t = timeline();
    expect(jobSegments(t.lanes[0]!.jobs[0]!, t.lanes[0]!)).toEqual([
      { name: 'interpreter boot', ms: 290 }, { name: 'session start a', ms: 100 }, { name: 'cells a', ms: 4000 },
      { name: 'between cells a', ms: 10 }, { name: 'end of run a', ms: 10 },
    ]);
  });

  it('counts each process\'s boot, busy and idle time up to the end of the runs', () => {
    expect(laneUse(timeline())).toEqual([
      { lane: 0, bootMs: 300, busyMs: 4410, idleMs: 10, documents: ['a'] },
      // Busy with B (1360) and C (535) from 410 to 4830: idle the rest.
      { lane: 1, bootMs: 320, busyMs: 1895, idleMs: 4420 - 1895, documents: ['b', 'c'] },
    ]);
  });

  it('says how long each document waited for a process and how long its cells took', () => {
    expect(documentUse(timeline())).toEqual([
      { doc: 'a', waitMs: 0, cellsMs: 4000, cells: 2 },
      { doc: 'b', waitMs: 0, cellsMs: 1000, cells: 1 },
      { doc: 'c', waitMs: 1365, cellsMs: 500, cells: 1 },
    ]);
  });
});

describe('the bound', () => {
  it('is the longest document\'s cells when they take longer than 1.15 x the floor', () => {
    const bound = chainBound(new Map([['a.md', 8000], ['b.md', 1000], ['c.md', 1000]]), 2);
    expect(bound).toEqual({ doc: 'a.md', chainMs: 8000, floorMs: 5000, targetMs: 8000 });
    const figure = coldCheckFigure(8800, 10_000, 2, bound);
    expect(figure.target).toBe('<= max(1.15 x floor, longest chain) = 8.00 s');
    expect(figure.value).toContain('wall/chain 1.10');
    expect(figure.met).toBe(false);
    expect(coldCheckFigure(7900, 10_000, 2, bound).met).toBe(true);
  });

  it('is 1.15 x the floor when no document is that long', () => {
    const bound = chainBound(new Map([['a.md', 3000], ['b.md', 3000], ['c.md', 4000]]), 2);
    expect(bound.targetMs).toBeCloseTo(5750);
    const figure = coldCheckFigure(5600, 10_000, 2, bound);
    expect(figure.target).toBe('<= 1.15 x floor');
    expect(figure.met).toBe(true);
  });
});

describe('the recorders', () => {
  it('record a process\'s boots, documents and cells on one clock', () => {
    let now = 0;
    const timeline = new PoolTimeline(() => now);
    const lane = timeline.spawned();
    now = 5; timeline.booted(lane);
    now = 6; timeline.dispatched(lane, 'doc', 2);
    now = 7; timeline.cellStarted(lane, 0);
    now = 9; timeline.cellEnded(lane, 1); // not the cell that runs: ignored
    now = 10; timeline.cellEnded(lane, 0);
    now = 11; timeline.done(lane);
    expect(timeline.lanes).toEqual([{ lane: 0, spawned: 0, boots: [5], jobs: [{ doc: 'doc', queued: 2, dispatched: 6, cells: [{ index: 0, start: 7, end: 10 }], done: 11 }] }]);
  });

  it('stop recording documents at their limit, and leave the recorded ones as they were', () => {
    let now = 0;
    const timeline = new PoolTimeline(() => now, 1);
    const lane = timeline.spawned();
    timeline.dispatched(lane, 'first', 0);
    now = 1; timeline.cellStarted(lane, 0);
    now = 2; timeline.cellEnded(lane, 0);
    now = 3; timeline.done(lane);
    timeline.dispatched(lane, 'second', 3);
    now = 4; timeline.cellStarted(lane, 0);
    now = 5; timeline.cellEnded(lane, 0);
    now = 6; timeline.done(lane);
    expect(timeline.lanes[0]!.jobs).toEqual([{ doc: 'first', queued: 0, dispatched: 0, cells: [{ index: 0, start: 1, end: 2 }], done: 3 }]);
    expect(timeline.dropped).toBe(1);
  });

  it('lap phases end to end from the process\'s start', () => {
    let now = 3;
    const p = new Phases(() => now);
    p.lap('start');
    now = 8; p.lap('parse');
    now = 9; p.run('images', () => { now = 12; });
    now = 20; p.lap('execute'); // from the last lap, over the phase timed on its own
    expect(p.list).toEqual([{ name: 'start', start: 0, end: 3 }, { name: 'parse', start: 3, end: 8 }, { name: 'images', start: 9, end: 12 },
      { name: 'execute', start: 8, end: 20 }]);
  });
});
