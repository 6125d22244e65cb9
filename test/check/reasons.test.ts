// The reason for a verdict: one fact, told in English for reports and in the reader's language on pages.
import { describe, expect, it } from 'vitest';
import { reasonText, type Why } from '../../src/check/reasons.ts';

const HANGUL = /[\uAC00-\uD7A3]/;

const cases: [Why, string][] = [
  [{ code: 'verified' }, 'the stated output and timing claims match the run'],
  [{ code: 'ran' }, 'ran cleanly; the document states no output'],
  [{ code: 'not-run' }, 'the cell was not run'],
  [{ code: 'not-python', detail: 'Java code (CompletableFuture)' }, 'Java code (CompletableFuture)'],
  [{ code: 'never-ends', status: 'hangs', detail: 'deadlock', stated: true }, 'the document implies a normal end, but the program never ends: deadlock'],
  [{ code: 'never-ends', status: 'timeout', detail: 'interrupted', stated: false }, 'the program never yields: interrupted'],
  [{ code: 'expected-error', ename: 'SyntaxError', by: 'cue', detail: '# SyntaxError!' }, 'raises SyntaxError where the document marks it (# SyntaxError!)'],
  [{ code: 'raises', ename: 'RuntimeError', line: 27, detail: 'no loop', stated: true }, 'raises RuntimeError at line 27 (no loop) where the document implies a normal end'],
  [{ code: 'raises', ename: 'NameError', line: null, detail: "name 'x' is not defined", stated: false }, "raises NameError: name 'x' is not defined"],
  [{ code: 'mismatch', problems: ['a', 'b'] }, 'a; b'],
];

describe('reasons', () => {
  for (const [why, english] of cases) {
    it(`${why.code}: English for reports, Korean for Korean pages, with the details kept`, () => {
      expect(reasonText(why)).toBe(english);
      const korean = reasonText(why, 'ko');
      expect(korean).toMatch(HANGUL);
      for (const detail of ['detail' in why ? why.detail : '', 'ename' in why ? why.ename : ''].filter(Boolean)) {
        expect(korean).toContain(detail);
      }
    });
  }

  it('names the line in Korean as well', () => {
    expect(reasonText({ code: 'raises', ename: 'RuntimeError', line: 27, detail: 'x', stated: false }, 'ko')).toBe('27번째 줄에서 RuntimeError 예외가 발생합니다: x');
  });
});
