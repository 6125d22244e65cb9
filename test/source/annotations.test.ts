import { describe, expect, it } from 'vitest';
import { isEllipsisLine, stripTimingAnnotation } from '../../src/source/annotations.ts';

const strip = (line: string) => {
  const { text, at, approximate } = stripTimingAnnotation(line);
  return [text, at, approximate];
};

describe('stripTimingAnnotation', () => {
  it('removes a trailing Korean annotation and keeps the time (async-io-performance.md)', () => {
    expect(strip('작업 1 완료! (2초 후)')).toEqual(['작업 1 완료!', 2, false]);
    expect(strip('모든 작업 완료! (총 4초)')).toEqual(['모든 작업 완료!', 4, false]);
    // `(0초)` marks the start in the cooking example of asyncio-complete-guide.md.
    expect(strip('밥 짓기 시작 (0초)')).toEqual(['밥 짓기 시작', 0, false]);
  });

  it('removes a leading annotation (asyncio-complete-guide.md, the event loop)', () => {
    expect(strip('(0.5초 후) Task 2 완료')).toEqual(['Task 2 완료', 0.5, false]);
    expect(strip('(2초 후) 타임아웃! 2초 안에 완료되지 않음')).toEqual(['타임아웃! 2초 안에 완료되지 않음', 2, false]);
  });

  it('reads other Korean wordings: 경과, 째, no space before the parenthesis', () => {
    expect(strip('x (1초 경과)')).toEqual(['x', 1, false]);
    expect(strip('x (3초째)')).toEqual(['x', 3, false]);
    expect(strip('x(2초 후)')).toEqual(['x', 2, false]);
  });

  it('makes 약 / about / ~ annotations approximate', () => {
    expect(strip('x (약 3초 후)')).toEqual(['x', 3, true]);
    expect(strip('x (총 약 4초)')).toEqual(['x', 4, true]);
    expect(strip('done (about 3 s)')).toEqual(['done', 3, true]);
    expect(strip('done (~2s)')).toEqual(['done', 2, true]);
  });

  it('reads the English forms', () => {
    expect(strip('done (after 2 s)')).toEqual(['done', 2, false]);
    expect(strip('(after 2 s) done')).toEqual(['done', 2, false]);
    expect(strip('Task (at 1.5 s)')).toEqual(['Task', 1.5, false]);
    expect(strip('x (2.5 seconds later)')).toEqual(['x', 2.5, false]);
    expect(strip('x (0.5 sec)')).toEqual(['x', 0.5, false]);
    expect(strip('x (2 s total)')).toEqual(['x', 2, false]);
  });

  it('trims trailing spaces whether or not there is an annotation', () => {
    expect(strip('x (1 s)   ')).toEqual(['x', 1, false]);
    expect(strip('plain line   ')).toEqual(['plain line', null, false]);
  });

  it('leaves printed parentheses alone: calls, durations that are not a moment, mid-line remarks', () => {
    expect(strip('sleep(1)')).toEqual(['sleep(1)', null, false]);
    expect(strip('x (2초 소요)')).toEqual(['x (2초 소요)', null, false]);
    expect(strip('결과 (1초 후) 끝')).toEqual(['결과 (1초 후) 끝', null, false]);
    expect(strip('타임아웃! 2초 안에 완료되지 않음')).toEqual(['타임아웃! 2초 안에 완료되지 않음', null, false]);
  });
});

describe('isEllipsisLine', () => {
  it('accepts `...`, `…` and a remark between two ellipses (asyncio-complete-guide.md)', () => {
    expect(isEllipsisLine('...')).toBe(true);
    expect(isEllipsisLine('…')).toBe(true);
    expect(isEllipsisLine('  ...  ')).toBe(true);
    expect(isEllipsisLine('... 동시 진행 ...')).toBe(true);
    expect(isEllipsisLine('... 3초 대기 (밥솥만 동작, 사람은 가만히 있음) ...')).toBe(true);
    expect(isEllipsisLine('… 3초 대기 …')).toBe(true);
  });

  it('rejects printed text that merely contains dots', () => {
    expect(isEllipsisLine('Loading...')).toBe(false);
    expect(isEllipsisLine('...더 있음')).toBe(false);
    expect(isEllipsisLine("'...'")).toBe(false);
    expect(isEllipsisLine('. . .')).toBe(false);
    expect(isEllipsisLine('메인 작업 수행 중...')).toBe(false);
  });
});
