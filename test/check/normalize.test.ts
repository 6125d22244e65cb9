import { describe, expect, it } from 'vitest';
import { lineMatcher, matchLine, matchesWithin, normalizeText, statedNumbers } from '../../src/check/normalize.ts';
import { EXACT_TOLERANCE, readingTolerance, tolerance, within } from '../../src/check/tolerance.ts';

const matches = (stated: string, actual: string) => matchLine(lineMatcher(stated), actual);

describe('normalizeText', () => {
  it('collapses whitespace, unifies quotes and hides memory addresses', () => {
    expect(normalizeText('  <Foo object at 0x7F3a9c>   "x"\t y ')).toBe("<Foo object at 0x…> 'x' y");
  });
});

describe('matchLine: what a careful reader accepts', () => {
  it('accepts another quote style in a literal written in a comment', () => {
    // Documents often write lists with double quotes; Python prints single quotes.
    expect(matches('["작업1 결과", "작업2 결과"]', "['작업1 결과', '작업2 결과']")).toEqual([]);
  });

  it('accepts a quoted string for the printed text without quotes, not the reverse', () => {
    expect(matches("'hello'", 'hello')).toEqual([]);
    expect(matches('"hello"', 'hello')).toEqual([]);
    expect(matches('hello', "'hello'")).toBeNull();
  });

  it('accepts different memory addresses', () => {
    expect(matches('<coroutine object main at 0x7f8b2c3d4e50>', '<coroutine object main at 0x10a2b3c4d>')).toEqual([]);
  });

  it('accepts different runs of whitespace, not different words or punctuation', () => {
    expect(matches('Task1   성공:  성공', 'Task1 성공: 성공')).toEqual([]);
    expect(matches('Task1 성공', 'Task1 실패')).toBeNull();
    expect(matches('완료!', '완료')).toBeNull();
  });

  it('reads `...` inside a line as "anything here"', () => {
    // From async-io-performance.md: the response body is cut short in the document.
    expect(matches('응답 1: { "userId": 1, "id": 1, "title": "...', '응답 1: { "userId": 1, "id": 1, "title": "sunt aut facere" }')).toEqual([
      { kind: 'placeholder', statedText: '...', text: "sunt aut facere' }" },
    ]);
    expect(matches('응답 1: { "userId": 1, "id": 1, "title": "...', '응답 2: { "userId": 1 }')).toBeNull();
  });

  it('matches regex metacharacters literally', () => {
    expect(matches('(1+2)*3 = [9]?', '(1+2)*3 = [9]?')).toEqual([]);
    expect(matches('a.c', 'abc')).toBeNull();
  });

  it('captures elapsed times so that the number is checked as a time, not as text', () => {
    expect(matches('소요 시간: 3.00초', '소요 시간: 3.01초')).toEqual([{ kind: 'seconds', stated: 3, value: 3.01, decimals: 2, statedText: '3.00초', text: '3.01' }]);
    expect(matches('elapsed: 2s', 'elapsed: 2.5 s')).toEqual([{ kind: 'seconds', stated: 2, value: 2.5, decimals: 0, statedText: '2s', text: '2.5' }]);
    // The unit still has to be the same.
    expect(matches('elapsed: 2s', 'elapsed: 2초')).toBeNull();
  });

  it('captures HH:MM:SS stamps as seconds of the day', () => {
    expect(matches('[10:00:02] 끝', '[00:00:05] 끝')).toEqual([{ kind: 'clock', stated: 36002, value: 5, decimals: 0, statedText: '10:00:02', text: '00:00:05' }]);
    // With a date and a fraction of a second (a real run's `datetime.now()`); the virtual clock's has none.
    expect(matches('2024-05-01 12:00:03.123456 start', '2025-01-01 00:00:03 start')).toEqual([
      { kind: 'clock', stated: 43203.123456, value: 3, decimals: 6, statedText: '2024-05-01 12:00:03.123456', text: '00:00:03' },
    ]);
  });

  it('does not read a count followed by a word as a time', () => {
    expect(lineMatcher('5 sessions opened').tokens).toEqual([]);
    expect(statedNumbers('작업 3 완료')).toEqual([]);
  });

  it('treats a line of its own `...` as a wildcard line', () => {
    expect(lineMatcher('...').wildcardLine).toBe(true);
    expect(lineMatcher(' … ').wildcardLine).toBe(true);
    expect(lineMatcher('Loading...').wildcardLine).toBe(false);
  });
});

describe('matchLine: what a real clock and the machine wrote', () => {
  it('captures a number after a time word as a reading, with the precision it was written with', () => {
    expect(matches('elapsed: 3.0031824111938477', 'elapsed: 3.0')).toEqual([
      { kind: 'reading', stated: 3.0031824111938477, value: 3, decimals: 16, statedText: '3.0031824111938477', text: '3.0' },
    ]);
    expect(matches('耗时 2.0', '耗时 5')).toEqual([{ kind: 'reading', stated: 2, value: 5, decimals: 1, statedText: '2.0', text: '5' }]);
    expect(matches("{'elapsed_time': 3.0031}", "{'elapsed_time': 3.0}")).toEqual([{ kind: 'reading', stated: 3.0031, value: 3, decimals: 4, statedText: '3.0031', text: '3.0' }]);
    // No time word: the number is text. A word that only contains one is none.
    expect(matches('sum = 3.5', 'sum = 3.6')).toBeNull();
    expect(matches('timeout 3.0031, runtime: 2.0', 'timeout 3.0, runtime: 2.0')).toBeNull();
  });

  it('accepts a long float for a round value near it, and only then', () => {
    expect(matches('1.0012345678901234', '1.0')).toEqual([{ kind: 'long-float', statedText: '1.0012345678901234', text: '1.0' }]);
    expect(matches('1.0012345678901234', '1.2')).toBeNull();
    expect(matches('3.14159265', '3.14159266')).toBeNull();
  });

  it('captures what a placeholder stood for', () => {
    expect(matches('at <your file>', 'at /sandbox/a.py')).toEqual([{ kind: 'placeholder', statedText: '<your file>', text: '/sandbox/a.py' }]);
    expect(matches('in <module>', 'in <module>')).toEqual([{ kind: 'placeholder', statedText: '<module>', text: '<module>' }]);
    expect(matches('<Task at 0x...>', "<Task pending name='Task-1' at 0x7f3a9c2b1e40>")).toEqual([
      { kind: 'placeholder', statedText: '<Task at 0x...>', text: "<Task pending name='Task-1' at 0x…>" },
    ]);
  });

  it('lets identities differ, not the text around them', () => {
    expect(matches('pid 4242, ident 139876543210', 'pid 42, ident 7')).toEqual([]);
    expect(matches('id=140234567890123', 'id=9876544')).toEqual([]);
    expect(matches('id=1001', 'id=1002')).toBeNull();
  });

  it('holds a reading to its tolerance where no claim checks it (a transcript)', () => {
    expect(matchesWithin(lineMatcher('elapsed: 3.0031'), 'elapsed: 3.0')).toBe(true);
    expect(matchesWithin(lineMatcher('elapsed: 3.0031'), 'elapsed: 2.0')).toBe(false);
    expect(matchesWithin(lineMatcher('took 3 s'), 'took 3.5 s')).toBe(true);
    expect(matchesWithin(lineMatcher('took 3 s'), 'took 4 s')).toBe(false);
  });
});

describe('statedNumbers', () => {
  it('lists the stated times and clock stamps in the order they are written', () => {
    expect(statedNumbers('[10:00:02] 끝 3초 후 1.5 s')).toEqual([
      { kind: 'clock', value: 36002 },
      { kind: 'seconds', value: 3 },
      { kind: 'seconds', value: 1.5 },
    ]);
  });
});

describe('tolerance', () => {
  it('is 0.05 s for a plain claim', () => {
    expect(tolerance(3, false)).toBe(EXACT_TOLERANCE);
    expect(within(3.05, 3, false)).toBe(true);
    expect(within(2.95, 3, false)).toBe(true);
    expect(within(3.06, 3, false)).toBe(false);
  });

  it('is 20% or 0.5 s, whichever is larger, for an approximate claim', () => {
    expect(tolerance(1, true)).toBe(0.5);
    expect(tolerance(10, true)).toBe(2);
    expect(within(1.5, 1, true)).toBe(true);
    expect(within(1.51, 1, true)).toBe(false);
    expect(within(12, 10, true)).toBe(true);
    expect(within(7.9, 10, true)).toBe(false);
  });

  it('gives a reading of a real clock its jitter and half a unit of its last written digit', () => {
    expect([readingTolerance(0), readingTolerance(1), readingTolerance(2), readingTolerance(16)]).toEqual([0.55, 0.1, 0.055, 0.05]);
  });

  it('applies to a claim of zero', () => {
    expect(within(0.04, 0, false)).toBe(true);
    expect(within(0.4, 0, true)).toBe(true);
    expect(within(0.6, 0, true)).toBe(false);
  });
});
