// Tables of timed events against the printed lines.
import { describe, expect, it } from 'vitest';
import { checkEventTables } from '../../src/check/events.ts';
import { eventTables } from '../../src/source/events.ts';
import { problemText } from '../../src/check/reasons.ts';

const table = eventTables([
  '# 0.0 | 파일A 시작 → sleep(2)',
  '# 0.0 | 파일B 시작 → sleep(1)',
  '# 1.0 | 파일B 완료! (sleep 1초 끝)',
  '# 2.0 | 파일A 완료!',
  '# 2.0 | 모든 태스크 완료 → 종료',
].join('\n'), 1);

describe('event tables', () => {
  it('match each row to the line that reports it and compare times by differences', () => {
    const lines = [
      { text: '파일A 다운로드 시작', t: 5 }, { text: '파일B 다운로드 시작', t: 5 },
      { text: '파일B 다운로드 완료', t: 6 }, { text: '파일A 다운로드 완료', t: 7 },
    ];
    const result = checkEventTables(table, lines);
    expect(result.problems).toEqual([]);
    expect(result.matched).toBe(4);
    expect(result.claims.map((c) => [c.expected, c.actual, c.ok, c.unchecked ?? null])).toEqual([
      [0, 0, true, null], [0, 0, true, null], [1, 1, true, null], [2, 2, true, null],
      [2, null, true, 'no printed line reports this event'],
    ]);
  });

  it('report a row whose event happens at another time', () => {
    const lines = [
      { text: '파일A 다운로드 시작', t: 0 }, { text: '파일B 다운로드 시작', t: 0 },
      { text: '파일B 다운로드 완료', t: 1 }, { text: '파일A 다운로드 완료', t: 3 },
    ];
    const result = checkEventTables(table, lines);
    expect(result.problems.map((p) => problemText(p))).toEqual([
      'the table says "파일A 완료!" (line 4 of the source document) happens 2s after its first event; "파일A 다운로드 완료" was printed 3s after',
    ]);
  });

  it('state nothing when no row names a printed line', () => {
    const result = checkEventTables(table, [{ text: 'unrelated', t: 0 }]);
    expect(result.matched).toBe(0);
    expect(result.problems).toEqual([]);
  });
});
