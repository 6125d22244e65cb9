// Mermaid gantt text from a trace: bars exactly at the recorded times, an axis that reads as seconds.
import { describe, expect, it } from 'vitest';
import { axisFor, ganttText, hasTimeline } from '../../src/emit/gantt.ts';
import type { CellRun, TraceActor } from '../../src/kernel/types.ts';

function actor(label: string, started: number, finished: number, spans: TraceActor['spans'] = []): TraceActor {
  return { id: label, kind: 'task', name: label, label, thread: 'MainThread', created: started, started, finished, outcome: 'ok', error: null, spans };
}

function runOf(actors: TraceActor[]): CellRun {
  return { status: 'ok', events: [], result: null, error: null, virtualSeconds: 0, cpuMs: 0, trace: { actors }, statements: [], defines: [], imports: [], uses: [], world: [] };
}

describe('gantt text', () => {
  const run = runOf([
    actor('main()', 0, 3, [{ kind: 'gather', from: 0, to: 3 } as TraceActor['spans'][number]]),
    actor("download('A', 2)", 0, 2, [{ kind: 'sleep', from: 0, to: 2 } as TraceActor['spans'][number]]),
    actor("download('B', 1)", 0, 1.25, [{ kind: 'sleep', from: 0.25, to: 1.25 } as TraceActor['spans'][number]]),
  ]);

  it('has one section per actor and bars at the recorded milliseconds, waiting and running apart', () => {
    const text = ganttText(run);
    expect(text.split('\n')).toEqual([
      'gantt',
      '  dateFormat x',
      '  axisFormat %-Ss',
      '  tickInterval 1second',
      '  section main()',
      '  waits (gather) :a0s0, 0, 3000',
      "  section download('A', 2)",
      '  waits (sleep) :a1s0, 0, 2000',
      "  section download('B', 1)",
      '  running :active, a2s0, 0, 250',
      '  waits (sleep) :a2s1, 250, 1250',
    ]);
  });

  it('is drawn only where actors overlap', () => {
    expect(hasTimeline(run)).toBe(true);
    expect(hasTimeline(runOf([actor('a()', 0, 1), actor('b()', 1, 2)]))).toBe(false);
  });
});

describe('the axis', () => {
  it('counts seconds, with finer ticks for short runs', () => {
    expect(axisFor(1)).toEqual({ scale: 1, format: '%-S.%Ls', tick: '200millisecond' });
    expect(axisFor(11)).toEqual({ scale: 1, format: '%-Ss', tick: '1second' });
    expect(axisFor(45)).toEqual({ scale: 1, format: '%-Ss', tick: '5second' });
  });

  it('counts minutes past a minute, never a date\'s minutes (they move with the time zone)', () => {
    const long = axisFor(600);
    expect(long.format).not.toContain('%M');
    const text = ganttText(runOf([actor('a()', 0, 600), actor('b()', 0, 90)]));
    expect(text).toContain('axisFormat %-S min');
    // 90 virtual seconds are drawn as 1.5 minutes: 1500 "milliseconds".
    expect(text).toContain('running :active, a1s0, 0, 1500');
  });
});
