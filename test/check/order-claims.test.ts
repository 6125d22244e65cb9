import { describe, expect, it } from 'vitest';
import { judge } from '../../src/check/verdict.ts';
import { checkEvery, checkSequence, namesLine } from '../../src/check/order-claims.ts';
import type { CellRun, OutputEvent } from '../../src/kernel/types.ts';
import type { TimingClaim } from '../../src/source/model.ts';
import { parseDocument } from '../../src/source/document.ts';
import { handMadeRun } from '../support/hand-made.ts';

const out = (...lines: [string, number][]): OutputEvent[] => lines.map(([text, t]) => ({ stream: 'stdout', text: text + '\n', t }));
const lines = (...l: [string, number][]) => l.map(([text, t]) => ({ text, t }));
const sequence = (...steps: [string, number | null][]): TimingClaim => ({
  kind: 'sequence', seconds: 0, approximate: true, text: 's', codeLine: 0, sourceLine: 9, scope: 'before', found: 'order:prose:zh',
  steps: steps.map(([marker, gap]) => ({ marker, gap })),
});
const every = (seconds: number, marker: string | null = null): TimingClaim => ({
  kind: 'every', seconds, marker, approximate: true, text: 'e', codeLine: 0, sourceLine: 9, scope: 'before', found: 'interval:prose:zh',
});
const brief = (results: ReturnType<typeof checkSequence>) => results?.map((r) => [r.kind, r.expected, r.actual, r.ok, r.before ?? null, r.after ?? null]) ?? null;

/** The verdict and reason of the only block of a document whose prose follows it. */
function verdict(prose: string, run: Partial<CellRun>): [string, string] {
  const cell = parseDocument('```python\nimport asyncio\nasyncio.run(main())\n```\n\n' + prose + '\n', 'content/zh/demo.md').cells[0]!;
  const v = judge(cell, handMadeRun(run), undefined);
  return [v.verdict, v.reason];
}

describe('namesLine', () => {
  it('finds Latin words whole and CJK words anywhere', () => {
    expect([namesLine('A', 'Task A done'), namesLine('A', 'All done'), namesLine('start', 'Start!'), namesLine('任务A', '任务A完成')]).toEqual([true, false, true, true]);
  });
});

describe('checkSequence', () => {
  it('holds an order and its wait, and tells a wrong wait and a wrong order', () => {
    expect(brief(checkSequence(sequence(['start', null], ['end', 2]), lines(['start', 0], ['end', 2])))).toEqual([['order', 2, 2, true, null, null], ['gap', 2, 2, true, 'start', 'end']]);
    expect(brief(checkSequence(sequence(['start', null], ['end', 2]), lines(['start', 0], ['end', 5])))).toEqual([['order', 2, 2, true, null, null], ['gap', 2, 5, false, 'start', 'end']]);
    expect(brief(checkSequence(sequence(['start', null], ['end', null]), lines(['end', 0], ['start', 1])))).toEqual([['order', 2, 1, false, 'start', 'end']]);
  });
  it('reads the waits from the start when the first step has one and that reading holds', () => {
    // 1秒后打印 A，2秒后打印 B: A at 1 s and B at 2 s (from the start), not at 3 s.
    const claim = sequence(['A', 1], ['B', 2]);
    expect(checkSequence(claim, lines(['A', 1], ['B', 2]))!.every((r) => r.ok)).toBe(true);
    expect(checkSequence(claim, lines(['A', 1], ['B', 3]))!.every((r) => r.ok)).toBe(true);
    expect(checkSequence(claim, lines(['A', 1], ['B', 6]))!.every((r) => r.ok)).toBe(false);
  });
  it('picks, of a line printed more than once, one after the step before', () => {
    expect(checkSequence(sequence(['tick', null], ['done', null]), lines(['done', 0], ['tick', 1], ['done', 2]))!.every((r) => r.ok)).toBe(true);
  });
  it('is unreadable (null) when a step names no printed line', () => {
    expect(checkSequence(sequence(['start', null], ['finish', 2]), lines(['start', 0], ['end', 2]))).toBeNull();
  });
});

describe('checkEvery', () => {
  it('holds one line a second, and tells lines printed at once or two seconds apart', () => {
    expect(brief(checkEvery(every(1), lines(['tick 1', 1], ['tick 2', 2], ['tick 3', 3])))).toEqual([['gap', 1, 1, true, 'tick 1', 'tick 2']]);
    expect(brief(checkEvery(every(1), lines(['tick 1', 0], ['tick 2', 0], ['tick 3', 0])))).toEqual([['gap', 1, 0, false, 'tick 1', 'tick 2']]);
    expect(brief(checkEvery(every(1), lines(['tick 1', 2], ['tick 2', 4])))).toEqual([['gap', 1, 2, false, 'tick 1', 'tick 2']]);
  });
  it('measures the repeated line, not a header and a footer printed with the first and last', () => {
    const run = lines(['starting', 0], ['tick 1', 0], ['tick 2', 1], ['tick 3', 2], ['done', 2]);
    expect(checkEvery(every(1), run)![0]!.ok).toBe(true);
    expect(checkEvery(every(1, 'done'), run)![0]!.ok).toBe(true); // one `done`: the repeated lines are measured
  });
  it('is unreadable when one line is printed, or two shapes as often', () => {
    expect(checkEvery(every(1), lines(['only', 0]))).toBeNull();
    expect(checkEvery(every(1), lines(['a 1', 0], ['b 1', 0], ['a 2', 1], ['b 2', 1]))).toBeNull();
  });
});

describe('judge: the prose claims of order and period', () => {
  it('verifies a right claim and calls a wrong one drift, naming the lines', () => {
    const ok = out(['start', 0], ['end', 2]);
    expect(verdict('先打印 start，两秒后打印 end。', { events: ok, virtualSeconds: 2 })[0]).toBe('verified');
    const [v, reason] = verdict('先打印 start，两秒后打印 end。', { events: out(['start', 0], ['end', 1]), virtualSeconds: 1 });
    expect([v, reason]).toEqual(['drift', '"先打印 start，两秒后打印 end。" (line 6 of the source document) says "end" appears 2s after "start"; the run printed it 1s after']);
    expect(verdict('먼저 start가 출력되고 2초 뒤 end가 출력됩니다.', { events: out(['end', 0], ['start', 2]) })).toEqual(
      ['drift', '"먼저 start가 출력되고 2초 뒤 end가 출력됩니다." (line 6 of the source document) says "end" comes after "start"; the run printed no "end" after "start"']);
  });
  it('checks an arrow chain and a period', () => {
    expect(verdict('执行顺序：A → B → C', { events: out(['Task A', 0], ['Task B', 1], ['Task C', 2]) })[0]).toBe('verified');
    expect(verdict('执行顺序：A → B → C', { events: out(['Task A', 0], ['Task C', 1], ['Task B', 2]) })[0]).toBe('drift');
    expect(verdict('1초마다 한 줄씩 출력됩니다.', { events: out(['1', 1], ['2', 2], ['3', 3]) })[0]).toBe('verified');
    expect(verdict('每秒输出一行。', { events: out(['1', 0], ['2', 0], ['3', 0]) })[0]).toBe('drift');
  });
  it('makes an unreadable claim no claim: the block ran, or its error stays an error', () => {
    // A chain of concepts names no printed line.
    expect(verdict('事件循环 → 任务 → 协程', { events: out(['hello', 0]) })).toEqual(['ran', 'ran cleanly; the document states no output']);
    const raised: Partial<CellRun> = { status: 'error', error: { ename: 'ValueError', evalue: 'x', traceback: ['  File "<cell 1>", line 2, in <module>\n'] } };
    expect(verdict('先打印 start，两秒后打印 end。', raised)[0]).toBe('error');
  });
});
