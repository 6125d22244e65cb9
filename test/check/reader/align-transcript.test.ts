import { describe, expect, it } from 'vitest';
import { ALIGNMENT_THRESHOLD, alignment, statedToCompare } from '../../../src/check/align.ts';
import { compareTranscript } from '../../../src/check/transcript.ts';
import type { CellRun, OutputEvent } from '../../../src/kernel/types.ts';
import type { StatedOutput, TranscriptExample } from '../../../src/source/model.ts';
import { problemText } from '../../../src/check/reasons.ts';
import { statedLine } from '../../../src/source/stated.ts';

function run(overrides: Partial<CellRun> = {}): CellRun {
  return {
    status: 'ok', events: [], result: null, error: null, virtualSeconds: 0, cpuMs: 1, trace: { actors: [] },
    statements: [], defines: [], imports: [], uses: [], world: [], ...overrides,
  };
}
const out = (...lines: string[]): OutputEvent[] => lines.map((text) => ({ stream: 'stdout', text: text + '\n', t: 0 }));
const line = (text: string, sourceLine = 1) => ({ text, at: null, approximate: false, raw: text, sourceLine });
const printed = (...texts: string[]) => texts.map((text) => ({ text, t: 0 }));
const stated = (texts: string[], candidate = true): StatedOutput => ({ kind: 'output', lines: texts.map((t) => line(t)), unordered: false, sourceLine: 1, found: 'fence-after', ...(candidate ? { candidate } : {}) });
const example = (source: string, expected: string[], sourceLine = 1): TranscriptExample => ({ source, codeLine: sourceLine, sourceLine, expected: expected.map((t) => line(t, sourceLine + 1)) });
const raised = (ename: string, evalue: string): Partial<CellRun> => ({ status: 'error', error: { ename, evalue, traceback: [`${ename}: ${evalue}\n`] } });

describe('alignment', () => {
  it('is the share of stated lines that match some printed line', () => {
    expect(alignment(stated(['a', 'b', 'x', 'y']), printed('a', 'b'))).toBe(0.5);
    expect(alignment(stated(['a', 'b']), printed('b', 'a'))).toBe(1);
  });

  it('leaves ellipsis lines out of the share', () => {
    expect(alignment(stated(['a', '...', 'zzz']), printed('a'))).toBe(0.5);
  });

  it('is 0 for an output with no lines or only ellipses', () => {
    expect(alignment(stated([]), printed('a'))).toBe(0);
    expect(alignment(stated(['...']), printed('a'))).toBe(0);
  });

  it('matches lines after normalisation (spaces, quote style)', () => {
    expect(alignment(stated(['["a",  "b"]']), printed("['a', 'b']"))).toBe(1);
  });
});

describe('statedToCompare', () => {
  it('takes a candidate at exactly the threshold', () => {
    expect(ALIGNMENT_THRESHOLD).toBe(0.5);
    const s = stated(['a', 'changed']);
    expect(statedToCompare([s], printed('a', 'b'))).toEqual([s]);
  });

  it('leaves a candidate below the threshold alone', () => {
    expect(statedToCompare([stated(['a', 'x', 'y'])], printed('a', 'b', 'c'))).toEqual([]);
  });

  it('leaves a candidate that matches nothing (a file, a shell session) alone', () => {
    expect(statedToCompare([stated(['{"name": "x"}', 'key=value'])], printed('done'))).toEqual([]);
  });

  it('always keeps an announced output, aligned or not', () => {
    const s = stated(['nothing', 'matches'], false);
    expect(statedToCompare([s], printed('done'))).toEqual([s]);
  });
});

describe('compareTranscript', () => {
  it('accepts echoed values and printed lines that match', () => {
    const r = compareTranscript(
      [example('1 + 1\n', ['2']), example('print("a")\n', ['a']), example('x = 1\n', [])],
      [run({ result: { 'text/plain': '2' } }), run({ events: out('a') }), run()],
    );
    expect(r).toEqual({ problems: [], shownErrors: [], compared: 2, stoppedAt: null });
  });

  it('compares printed lines before the echoed value', () => {
    const r = compareTranscript([example('f()\n', ['hi', "'ok'"])], [run({ events: out('hi'), result: { 'text/plain': "'ok'" } })]);
    expect(r.problems).toEqual([]);
  });

  it('holds a clock reading to its tolerance, and keeps a marker the statement printed itself', () => {
    const shows = (lines: string[]): TranscriptExample => ({ source: 'await main()\n', codeLine: 1, sourceLine: 1, expected: lines.map((t, i) => statedLine(t, 2 + i)) });
    expect(compareTranscript([shows(['elapsed: 2.0031824111938477'])], [run({ events: out('elapsed: 2.0') })]).problems).toEqual([]);
    expect(compareTranscript([shows(['elapsed: 2.0031824111938477'])], [run({ events: out('elapsed: 3.0') })]).problems.map((p) => problemText(p))).toEqual([
      'the statement at line 1 of the source document: the session shows "elapsed: 2.0031824111938477", the run printed "elapsed: 3.0"',
    ]);
    expect(compareTranscript([shows(['[00:01] done'])], [run({ events: out('[00:01] done') })]).problems).toEqual([]);
  });

  it('reports a wrong echo as a problem', () => {
    const r = compareTranscript([example('1 + 1\n', ['3'], 5)], [run({ result: { 'text/plain': '2' } })]);
    expect(r.problems.map((p) => problemText(p))).toEqual(['the statement at line 5 of the source document: the session shows "3", the run printed "2"']);
  });

  it('reports a value the session does not show as a problem', () => {
    expect(compareTranscript([example('f()\n', [])], [run({ result: { 'text/plain': '42' } })]).problems).toHaveLength(1);
  });

  it('accepts a traceback shown for the exception raised, by its last line', () => {
    const r = compareTranscript(
      [example('1/0\n', ['Traceback (most recent call last):', '  File "<stdin>", line 1, in <module>', '    1/0', '    ~^~', 'ZeroDivisionError: division by zero'])],
      [run(raised('ZeroDivisionError', 'division by zero'))],
    );
    expect([r.problems, r.shownErrors]).toEqual([[], ['ZeroDivisionError: division by zero']]);
  });

  it('accepts a bare exception line and a qualified exception name', () => {
    expect(compareTranscript([example('f()\n', ['asyncio.exceptions.TimeoutError'])], [run(raised('TimeoutError', ''))]).problems).toEqual([]);
  });

  it('reports a traceback shown for a statement that raised nothing', () => {
    const r = compareTranscript([example('f()\n', ['Traceback (most recent call last):', 'ValueError: boom'], 3)], [run()]);
    expect(r.problems.map((p) => problemText(p))).toEqual(['the statement at line 3 of the source document: the session shows "ValueError: boom", the statement raised nothing']);
  });

  it('reports a traceback for another exception', () => {
    const r = compareTranscript([example('f()\n', ['Traceback (most recent call last):', 'ValueError: boom'])], [run(raised('KeyError', "'x'"))]);
    expect(r.problems).toHaveLength(1);
    expect(problemText(r.problems[0]!)).toContain('the run raised "KeyError: \'x\'"');
  });

  it('reports an exception the session does not show', () => {
    const r = compareTranscript([example('f()\n', [], 7)], [run(raised('RuntimeError', 'no loop'))]);
    expect(r.problems.map((p) => problemText(p))).toEqual(['the statement at line 7 of the source document raised "RuntimeError: no loop", which the session does not show']);
  });

  it('stops at a statement that never ends and compares nothing after it', () => {
    const r = compareTranscript([example('await forever()\n', [], 2), example('1\n', ['1'])], [run({ status: 'hangs' }), run({ result: { 'text/plain': '2' } })]);
    expect(r).toEqual({ problems: [], shownErrors: [], compared: 0, stoppedAt: 2 });
  });

  it('lets `...` in the shown lines stand for any lines', () => {
    expect(compareTranscript([example('f()\n', ['start', '...', 'end'])], [run({ events: out('start', 'x', 'y', 'end') })]).problems).toEqual([]);
  });
});
