import { describe, expect, it } from 'vitest';
import { compareStated, outputLines, type ActualLine } from '../../src/check/compare.ts';
import { isEllipsisLine, stripTimingAnnotation } from '../../src/source/annotations.ts';
import type { StatedKind, StatedOutput } from '../../src/source/model.ts';
import { problemText } from '../../src/check/reasons.ts';

/** A stated output as the parser makes it: annotations stripped, lines numbered from `sourceLine`. */
function stated(kind: StatedKind, raws: string[], sourceLine = 10, unordered = false): StatedOutput {
  const lines = raws.map((raw, i) => {
    const { text, at, approximate } = stripTimingAnnotation(raw);
    return { text: isEllipsisLine(text) ? '...' : text, at, approximate, raw, sourceLine: sourceLine + i };
  });
  return { kind, lines, unordered, sourceLine, found: 'test' };
}

/** Printed lines, each `[text, virtual time]`. */
const printed = (...lines: [string, number][]): ActualLine[] => lines.map(([text, t]) => ({ text, t }));
const claimsOf = (r: ReturnType<typeof compareStated>) => r.claims.map((c) => [c.kind, c.sourceLine, c.expected, c.actual, c.ok]);

describe('outputLines', () => {
  it('splits stdout events into lines, each with its event time, and skips stderr', () => {
    const lines = outputLines([
      { stream: 'stdout', text: 'a\nb\n', t: 0 },
      { stream: 'stderr', text: 'warning\n', t: 0.5 },
      { stream: 'stdout', text: 'c', t: 1 },
      { stream: 'stdout', text: '\n', t: 1 },
    ]);
    expect(lines).toEqual([{ text: 'a', t: 0 }, { text: 'b', t: 0 }, { text: 'c', t: 1 }, { text: '', t: 1 }]);
    expect(outputLines([{ stream: 'stderr', text: 'x\n', t: 2 }], 'stderr')).toEqual([{ text: 'x', t: 2 }]);
  });
});

describe('compareStated: complete outputs', () => {
  // async-programming.md, create_task: the output fence after the block.
  const fence = stated('output', ['태스크 생성됨', 'A 시작', 'B 시작', 'B 완료', 'A 완료', '결과: A, B'], 172);
  const run = printed(['태스크 생성됨', 0], ['A 시작', 0], ['B 시작', 0], ['B 완료', 1], ['A 완료', 2], ['결과: A, B', 2]);

  it('accepts the same lines, with no problems and no diff', () => {
    expect(compareStated([fence], run, 'doc/k')).toEqual({ ok: true, problems: [], claims: [], diff: null, notes: [] });
  });

  it('rejects an extra printed line and a missing one, with a diff of stated against printed', () => {
    const extra = compareStated([fence], [...run, { text: '끝', t: 2 }], 'doc/k');
    expect(extra.ok).toBe(false);
    expect(extra.problems.map((p) => problemText(p))).toEqual(['the stated output at line 172 of the source document does not match what the program printed']);
    const missing = compareStated([fence], run.slice(0, 5), 'doc/k');
    expect(missing.ok).toBe(false);
    expect(missing.diff).toContain('--- doc/k\tstated in the document');
    expect(missing.diff).toContain('+++ doc/k\tprinted by the run');
    expect(missing.diff).toContain('\n-결과: A, B\n');
  });

  it('rejects a printed line between stated lines: a complete output is not an order', () => {
    const between = [...run.slice(0, 3), { text: '디버그', t: 0 }, ...run.slice(3)];
    expect(compareStated([fence], between, 'doc/k').ok).toBe(false);
    expect(compareStated([{ ...fence, kind: 'order' }], between, 'doc/k').ok).toBe(true);
  });

  it('shows a line printed in another order as removed and added in the diff', () => {
    // asyncio-complete-guide.md, create_task: the document puts '메인 작업 수행 중...' third.
    const doc = stated('output', ['Task1 백그라운드 작업 시작', 'Task2 백그라운드 작업 시작', '메인 작업 수행 중...'], 774);
    const r = compareStated([doc], printed(['메인 작업 수행 중...', 0], ['Task1 백그라운드 작업 시작', 0], ['Task2 백그라운드 작업 시작', 0]), 'guide/e5035329');
    expect(r.ok).toBe(false);
    expect(r.diff).toContain('+메인 작업 수행 중...\n Task1 백그라운드 작업 시작\n Task2 백그라운드 작업 시작\n-메인 작업 수행 중...');
  });

  it('lets a line of its own `...` stand for any number of lines, even none', () => {
    const doc = stated('output', ['시작', '...', '끝']);
    expect(compareStated([doc], printed(['시작', 0], ['a', 1], ['b', 2], ['끝', 3]), 'x').ok).toBe(true);
    expect(compareStated([doc], printed(['시작', 0], ['끝', 3]), 'x').ok).toBe(true);
    expect(compareStated([doc], printed(['시작', 0], ['끝', 3], ['더', 4]), 'x').ok).toBe(false);
  });

  it('accepts any order only when the block says so, and still needs every line', () => {
    const lines = ['작업 A 완료', '작업 B 완료'];
    const run = printed(['작업 B 완료', 1], ['작업 A 완료', 1]);
    expect(compareStated([stated('output', lines)], run, 'x').ok).toBe(false);
    expect(compareStated([stated('output', lines, 10, true)], run, 'x').ok).toBe(true);
    expect(compareStated([stated('output', lines, 10, true)], run.slice(0, 1), 'x').ok).toBe(false);
    expect(compareStated([stated('output', lines, 10, true)], [...run, { text: '작업 C 완료', t: 1 }], 'x').ok).toBe(false);
  });
});

describe('compareStated: orders and values', () => {
  // asyncio-complete-guide.md, the event loop: `# 실행 순서:` with leading annotations.
  const order = stated('order', ['Task 1 시작', 'Task 2 시작', '(0.5초 후) Task 2 완료', '(1초 후) Task 1 완료'], 631);

  it('accepts the stated lines in order with other lines between them', () => {
    const run = printed(['Task 1 시작', 0], ['디버그', 0], ['Task 2 시작', 0], ['Task 2 완료', 0.5], ['Task 1 완료', 1], ['끝', 1]);
    const r = compareStated([order], run, 'x');
    expect(r.ok).toBe(true);
    expect(claimsOf(r)).toEqual([['line-time', 633, 0.5, 0.5, true], ['line-time', 634, 1, 1, true]]);
  });

  it('rejects the stated lines in another order', () => {
    const run = printed(['Task 2 시작', 0], ['Task 1 시작', 0], ['Task 2 완료', 0.5], ['Task 1 완료', 1]);
    expect(compareStated([order], run, 'x').problems.map((p) => problemText(p))).toEqual(['the stated output at line 631 of the source document does not match what the program printed']);
  });

  it('reports a line that appears at another time than its annotation says', () => {
    const run = printed(['Task 1 시작', 0], ['Task 2 시작', 0], ['Task 2 완료', 0.5], ['Task 1 완료', 2]);
    const r = compareStated([order], run, 'x');
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => problemText(p))).toEqual(['line 634 of the source document: \"(1초 후) Task 1 완료" says 1s, the run shows 2s']);
    // The text matched, so there is no diff: only the timing is wrong.
    expect(r.diff).toBeNull();
  });

  it('finds a value after print anywhere in the output, in either quote style', () => {
    const value = { ...stated('print-value', ['["User 1", "User 2"]'], 75), codeLine: 13 };
    const r = compareStated([value], printed(['시작', 0], ["['User 1', 'User 2']", 1]), 'x');
    expect(r.ok).toBe(true);
    const wrong = compareStated([value], printed(["['User 1']", 1]), 'x');
    expect(wrong.problems.map((p) => problemText(p))).toEqual(['the value shown after print (line 75 of the source document) does not match what the program printed']);
  });

  it('matches two order blocks of one cell one after the other', () => {
    // One block describes the first program, the next one the program after it.
    const first = stated('order', ['A 시작', 'A 끝'], 5);
    const second = stated('order', ['A 시작', 'A 끝'], 9);
    expect(compareStated([first, second], printed(['A 시작', 0], ['A 끝', 1]), 'x').ok).toBe(false);
    expect(compareStated([first, second], printed(['A 시작', 0], ['A 끝', 1], ['A 시작', 1], ['A 끝', 2]), 'x').ok).toBe(true);
  });
});

describe('compareStated: timing', () => {
  // async-io-performance.md, the synchronous example.
  const sync = stated('output', ['작업 1 완료! (2초 후)', '작업 2 완료! (4초 후)', '모든 작업 완료! (총 4초)'], 30);

  it('compares annotated times by their differences from the first annotated line', () => {
    const r = compareStated([sync], printed(['작업 1 완료!', 2], ['작업 2 완료!', 4], ['모든 작업 완료!', 4]), 'x');
    expect(claimsOf(r)).toEqual([['line-time', 30, 2, 2, true], ['line-time', 31, 4, 4, true], ['line-time', 32, 4, 4, true]]);
    // Shifted by a second, the differences still hold.
    expect(compareStated([sync], printed(['작업 1 완료!', 3], ['작업 2 완료!', 5], ['모든 작업 완료!', 5]), 'x').ok).toBe(true);
  });

  it('catches the concurrent timing stated for a sequential run', () => {
    const concurrent = stated('output', ['작업 1 완료! (2초 후)', '작업 2 완료! (2초 후)', '모든 작업 완료! (총 2초)'], 56);
    const r = compareStated([concurrent], printed(['작업 1 완료!', 2], ['작업 2 완료!', 4], ['모든 작업 완료!', 4]), 'x');
    expect(r.problems.map((p) => problemText(p))).toEqual([
      'line 57 of the source document: \"작업 2 완료! (2초 후)" says 2s, the run shows 4s',
      'line 58 of the source document: \"모든 작업 완료! (총 2초)" says 2s, the run shows 4s',
    ]);
  });

  it('gives an approximate annotation 20% or 0.5 s', () => {
    const doc = stated('output', ['시작 (0초)', '끝 (약 3초 후)']);
    expect(compareStated([doc], printed(['시작', 0], ['끝', 3.5]), 'x').ok).toBe(true);
    expect(compareStated([doc], printed(['시작', 0], ['끝', 3.7]), 'x').ok).toBe(false);
    expect(compareStated([stated('output', ['시작 (0초)', '끝 (3초 후)'])], printed(['시작', 0], ['끝', 3.1]), 'x').ok).toBe(false);
  });

  it('reads English annotations the same way', () => {
    const doc = stated('output', ['start (after 0 s)', 'done (after 2 s)']);
    expect(claimsOf(compareStated([doc], printed(['start', 1], ['done', 3]), 'x'))).toEqual([
      ['line-time', 10, 0, 0, true],
      ['line-time', 11, 2, 2, true],
    ]);
  });

  it('checks an elapsed time printed in a stated line as a time', () => {
    const doc = stated('output', ['소요 시간: 3.00초']);
    const close = compareStated([doc], printed(['소요 시간: 3.01초', 3]), 'x');
    expect([close.ok, claimsOf(close)]).toEqual([true, [['printed-time', 10, 3, 3.01, true]]]);
    const far = compareStated([doc], printed(['소요 시간: 1.00초', 1]), 'x');
    expect(far.problems.map((p) => problemText(p))).toEqual(['line 10 of the source document: \"소요 시간: 3.00초" says 3s, the run shows 1s']);
  });

  it('checks HH:MM:SS stamps by their differences: a step of dt seconds shows as floor(dt) or one more', () => {
    const doc = stated('output', ['[10:00:00] 시작', '[10:00:02] 끝']);
    const ok = compareStated([doc], printed(['[00:00:00] 시작', 0], ['[00:00:02] 끝', 2]), 'x');
    expect([ok.ok, claimsOf(ok)]).toEqual([true, [['clock-step', 11, 2, 2, true]]]);
    // A real run started at 10:00:00.9 shows a 1.5 s step as 2 s.
    const fraction = compareStated([doc], printed(['[00:00:00] 시작', 0], ['[00:00:01] 끝', 1.5]), 'x');
    expect(claimsOf(fraction)).toEqual([['clock-step', 11, 2, 1.5, true]]);
    // The finish stamp 2 s after the start, where the run takes 3 s: drift.
    const longer = compareStated([doc], printed(['[00:00:00] 시작', 0], ['[00:00:03] 끝', 3]), 'x');
    expect(claimsOf(longer)).toEqual([['clock-step', 11, 2, 3, false]]);
    const late = compareStated([doc], printed(['[00:00:00] 시작', 0], ['[00:00:05] 끝', 5]), 'x');
    expect(claimsOf(late)).toEqual([['clock-step', 11, 2, 5, false]]);
  });
});
