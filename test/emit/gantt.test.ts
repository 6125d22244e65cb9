// Timelines from a trace: bars exactly at the recorded times, one row per task, running, waiting and
// blocking apart, every task shown however it ended, words in the page's language, and the table.
import { describe, expect, it } from 'vitest';
import { axisFor, columns, niceStep, ganttText, hasTimeline, LABEL_COLUMNS, MAX_ROWS, timelineOf, truncate } from '../../src/emit/gantt.ts';
import type { CellRun, TraceActor, TraceSpan } from '../../src/kernel/types.ts';

type Extra = Partial<TraceActor>;
// Ids as the kernel gives them: its creation counter (the timeline's last tie-break before labels).
let created = 0;
function actor(label: string, started: number, finished: number | null, spans: Omit<TraceSpan, 'detail'>[] = [], extra: Extra = {}): TraceActor {
  return { id: `${extra.kind ?? 'task'}-${++created}`, kind: 'task', name: 'Task-1', label, thread: 'MainThread', created: started, started, finished, outcome: finished === null ? 'pending' : 'ok', error: null, spans: spans.map((s) => ({ ...s, detail: null })), ...extra };
}

function runOf(actors: TraceActor[], virtualSeconds = Math.max(0, ...actors.map((a) => a.finished ?? 0))): CellRun {
  return { status: 'ok', events: [], result: null, error: null, virtualSeconds, cpuMs: 0, trace: { actors }, statements: [], defines: [], imports: [], uses: [], world: [] };
}

const bars = (text: string) => text.split('\n').filter((l) => /:.*b\d+, \d+, \d+$/.test(l));
const sections = (text: string) => text.split('\n').filter((l) => l.startsWith('  section ')).map((l) => l.slice(10));

describe('gantt text', () => {
  const run = runOf([
    actor('main()', 0, 3, [{ kind: 'gather', from: 0, to: 3 }]),
    actor("download('A', 2)", 0, 2, [{ kind: 'http', from: 0, to: 2 }]),
    actor("download('B', 1)", 0, 1.25, [{ kind: 'sleep', from: 0.25, to: 1.25 }]),
  ]);

  it('has one section per actor and bars at the recorded milliseconds, running and waiting apart', () => {
    const text = ganttText(run, 'en');
    expect(text.split('\n').slice(0, 5)).toEqual(['gantt', '  dateFormat x', '  axisFormat %-S.%L s', '  tickInterval 500millisecond', '  todayMarker off']);
    expect(sections(text)).toEqual(['main()', "download('A', 2)", "download('B', 1)"]);
    const b = bars(text).map((l) => l.replace(/^ {2}/, ''));
    expect(b[0]).toBe('gather :b0, 0, 3000');
    expect(b[1]).toBe('HTTP request :b1, 0, 2000');
    // 250 ms is too short for the word: the bar is there, its text is empty (a zero-width space).
    expect(b[2]).toBe('\u200b :active, b2, 0, 250');
    expect(b[3]).toBe('sleep :b3, 250, 1250');
  });

  it('speaks the page\'s language', () => {
    const ko = ganttText(run, 'ko');
    expect(ko).toContain('HTTP 요청 :b1');
    expect(ko).not.toContain('HTTP request');
    const t = timelineOf(run, 'ko');
    expect(t.name).toContain('타임라인');
    expect(t.rows[1]!.waited).toEqual(['HTTP 요청 (0.000–2.000초)']);
  });

  it('says in its name when the kernel kept only the first tasks of the trace', () => {
    const cut = { ...run, trace: { ...run.trace, cut: { actors: 40_001, spans: 0, statements: 0, world: 0 } } };
    expect(timelineOf(cut, 'en').name).toBe('Timeline of 3 tasks and threads over 3.000 virtual seconds (the trace keeps the first 3 of 40004 tasks and threads)');
    expect(timelineOf(cut, 'ko').name).toBe('태스크·스레드 3개의 타임라인, 가상 시간 3.000초 (추적에는 태스크·스레드 40004개 중 처음 3개만 남아 있습니다)');
    expect(timelineOf(run, 'en').name).toBe('Timeline of 3 tasks and threads over 3.000 virtual seconds');
  });

  it('draws blocking as crit and says so', () => {
    const text = ganttText(runOf([actor('main()', 0, 2, [{ kind: 'block', from: 0, to: 2 }])]), 'en');
    expect(bars(text)[0]).toContain('blocks the loop :crit, b0, 0, 2000');
  });

  it('is drawn only where actors overlap or block', () => {
    expect(hasTimeline(run)).toBe(true);
    expect(hasTimeline(runOf([actor('a()', 0, 1), actor('b()', 1, 2)]))).toBe(false);
  });
});

describe('labels', () => {
  it('keep a URL\'s colon in the row label, and cut long ones to a fixed width with an ellipsis', () => {
    const url = 'GET https://jsonplaceholder.typicode.com/posts/1';
    const t = timelineOf(runOf([actor(url, 0, 1, [{ kind: 'http', from: 0, to: 1 }]), actor('b()', 0, 1)]), 'en');
    const [title] = sections(t.gantt);
    expect(title).toMatch(/^GET https:\/\/.*…\/posts\/1$/);
    expect(columns(title!)).toBeLessThanOrEqual(LABEL_COLUMNS);
    // The table keeps the whole label.
    expect(t.rows[0]!.label).toBe(url);
  });

  it('count Hangul as two columns', () => {
    expect(columns('작업 1')).toBe(6);
    expect(truncate('다운로드를 아주 오래 기다리는 작업', 10)).toBe('다운로…업');
  });

  it('word the kernel\'s top-level statements in the page\'s language, and leave out those that never waited', () => {
    const run = runOf([actor('(top level, line 3)', 0, 0), actor('(top level, line 5)', 0, 1, [{ kind: 'block', from: 0, to: 1 }])]);
    expect(sections(ganttText(run, 'ko'))).toEqual(['최상위 코드, 5행']);
  });

  it('number repeated labels (Mermaid would merge their rows)', () => {
    const text = ganttText(runOf([actor('fetch()', 0, 1), actor('fetch()', 0, 1)]), 'en');
    expect(sections(text)).toEqual(['fetch()', 'fetch() #2']);
  });

  it('never let Mermaid syntax through', () => {
    const text = ganttText(runOf([actor('evil%%{init: {"theme":"dark"}}%%\nclick x', 0, 1), actor('b()', 0, 1)]), 'en');
    expect(text).not.toMatch(/%%|\{|\nclick/);
  });
});

describe('completeness', () => {
  it('shows a task that raised at once, one that was cancelled and one that never finished', () => {
    const run = runOf([
      actor('main()', 0, null, [{ kind: 'gather', from: 0, to: 5 }]),
      actor('might_fail(2)', 0, 0, [], { outcome: 'error', error: 'ValueError: Error!' }),
      actor('slow()', 0, 1, [{ kind: 'sleep', from: 0, to: 1 }], { outcome: 'cancelled' }),
      actor('consumer()', 0, null, [{ kind: 'queue', from: 0, to: 5 }]),
    ], 5);
    expect(hasTimeline(run)).toBe(true);
    const t = timelineOf(run, 'en');
    expect(sections(t.gantt)).toEqual(['main()', 'might_fail(2)', 'slow()', 'consumer()']);
    const text = t.gantt;
    expect(text).toMatch(/✕ :crit, done, b\d+, 0, \d+/);
    expect(text).toMatch(/⊘ :done, b\d+, 1000, \d+/);
    expect(text).toMatch(/queue :b\d+, 0, 5000/);
    expect(t.rows.map((r) => r.outcome)).toEqual(['never finished', 'raised ValueError', 'cancelled', 'never finished']);
    expect(t.rows[3]!.ended).toBe(5);
  });

  it('covers the whole run on its axis', () => {
    const text = ganttText(runOf([actor('cook_rice()', 5, 8), actor('make_soup()', 5, 7)], 8), 'en');
    expect(sections(text)[0]).toBe('the whole cell');
    expect(bars(text)[0]).toContain(':done, b0, 0, 8000');
  });

  it('shows an executor\'s jobs, not the pool thread that ran them', () => {
    const run = runOf([
      actor('main()', 0, 2, [{ kind: 'thread', from: 0, to: 2 }]),
      actor('asyncio_0', 0, 2, [], { kind: 'thread', name: 'asyncio_0', thread: 'asyncio_0' }),
      actor('blocking_io()', 0, 2, [{ kind: 'sleep', from: 0, to: 2 }], { kind: 'job', thread: 'asyncio_0' }),
    ]);
    expect(sections(ganttText(run, 'en'))).toEqual(['main()', 'blocking_io()']);
  });

  it('folds a thousand identical rows into two and a count, every task still counted', () => {
    const main = actor('main()', 0, 1, [{ kind: 'gather', from: 0, to: 1 }]);
    const many = Array.from({ length: 1000 }, (_, i) => actor(`task('Task${i}')`, 0, 1, [{ kind: 'sleep', from: 0, to: 1 }]));
    const t = timelineOf(runOf([main, ...many]), 'en');
    expect(sections(t.gantt)).toEqual(['main()', "task('Task0')", "task('Task1')", '+ 998 more like this']);
    expect(t.rows.reduce((n, r) => n + r.count, 0)).toBe(1001);
    expect(t.name).toContain('1001');
    // Fewer rows than the limit are never folded.
    const few = Array.from({ length: MAX_ROWS - 1 }, (_, i) => actor(`t(${i})`, 0, 1));
    expect(sections(ganttText(runOf(few), 'en'))).toHaveLength(MAX_ROWS - 1);
  });
});

describe('the axis', () => {
  it('counts seconds, a nice step apart, with no more ticks than the axis holds', () => {
    expect(axisFor(1)).toEqual({ scale: 1, format: '%-S.%L s', tick: '200millisecond' });
    expect(axisFor(2)).toEqual({ scale: 1, format: '%-S.%L s', tick: '500millisecond' });
    expect(axisFor(11)).toEqual({ scale: 1, format: '%-S s', tick: '2second' });
    expect(axisFor(45)).toEqual({ scale: 1, format: '%-S s', tick: '10second' });
    expect(axisFor(0.05)).toEqual({ scale: 1, format: '%-S.%L s', tick: '10millisecond' });
    // A narrower axis gets fewer ticks.
    expect(axisFor(2, 130)).toEqual({ scale: 1, format: '%-S s', tick: '1second' });
    for (const span of [0.003, 0.3, 0.9, 1, 1.2, 1.5, 1.99, 2, 2.5, 7, 13, 59, 61, 200, 600, 3000]) {
      const { scale, tick } = axisFor(span);
      const [, n, unit] = /^(\d+)(millisecond|second)$/.exec(tick)!;
      const step = Number(n) / (unit === 'millisecond' ? 1000 : 1);
      expect(Math.floor((span * scale) / step) + 1, `${span} s`).toBeLessThanOrEqual(7);
      expect(String(step / 10 ** Math.floor(Math.log10(step) + 1e-9)), `${span} s`).toMatch(/^[125]$/);
    }
  });

  it('picks 1, 2 or 5 times a power of ten', () => {
    expect([0.03, 0.12, 0.2, 0.33, 0.7, 3, 40].map(niceStep)).toEqual([0.05, 0.2, 0.2, 0.5, 1, 5, 50]);
  });

  it('counts minutes past a minute, never a date\'s minutes (they move with the time zone)', () => {
    const long = axisFor(600);
    expect(long.format).not.toContain('%M');
    const text = ganttText(runOf([actor('a()', 0, 600), actor('b()', 0, 90)]), 'en');
    expect(text).toContain('axisFormat %-S min');
    // 90 virtual seconds are drawn as 1.5 minutes: 1500 "milliseconds".
    expect(text).toContain(':active, b1, 0, 1500');
  });
});

describe('the order of rows', () => {
  const traced = (id: string, label: string, created: number, started: number | null, finished: number): TraceActor =>
    actor(label, started ?? created, finished, [{ kind: 'sleep', from: started ?? created, to: finished }], { id, created, started });
  const actors = [
    traced('task-1', 'main()', 0, 0, 3),
    traced('task-2', "fetch('url1', 3)", 0, 0, 3),
    traced('task-3', "fetch('url2', 1)", 0, 0, 1),
    traced('task-4', "fetch('url3', 2)", 0, 0, 2),
    traced('thread-5', 'worker(1)', 0.5, 0.5, 2),
    traced('task-6', 'late()', 0, 1, 2),
    traced('job-7', 'blocking()', 0.5, 0.5, 1.5),
  ];
  function shuffled<T>(items: T[], seed: number): T[] {
    const out = [...items];
    let state = seed;
    for (let i = out.length - 1; i > 0; i--) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      const j = state % (i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  it('is a function of the trace alone: start, creation, then the order the kernel created them in', () => {
    const reference = timelineOf(runOf(actors), 'en');
    expect(reference.rows.map((r) => r.label)).toEqual([
      'main()', "fetch('url1', 3)", "fetch('url2', 1)", "fetch('url3', 2)", 'worker(1)', 'blocking()', 'late()',
    ]);
    for (let seed = 1; seed <= 20; seed++) {
      const other = timelineOf(runOf(shuffled(actors, seed)), 'en');
      expect(other.gantt).toBe(reference.gantt);
      expect(other.rows).toEqual(reference.rows);
      expect(ganttText(runOf(shuffled(actors, seed)), 'ko')).toBe(ganttText(runOf(actors), 'ko'));
    }
  });

  it('breaks a tie of every time and counter by label, then id', () => {
    const twins = [traced('x', 'b()', 0, 0, 1), traced('y', 'a()', 0, 0, 1)];
    expect(timelineOf(runOf(twins), 'en').gantt).toBe(timelineOf(runOf([...twins].reverse()), 'en').gantt);
    expect(timelineOf(runOf(twins), 'en').rows.map((r) => r.label)).toEqual(['a()', 'b()']);
  });
});
