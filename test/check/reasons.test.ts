// The reason for a verdict: one fact, told in English for reports and in the reader's language on pages.
import { describe, expect, it } from 'vitest';
import { problemText, reasonText, type Problem, type Why } from '../../src/check/reasons.ts';

const HANGUL = /[\uAC00-\uD7A3]/;
/** An English sentence: three or more Latin words in a row (names such as `RuntimeError` are single words). */
const ENGLISH_SENTENCE = /\b[A-Za-z]{2,}\b(?:[\s,;:]+\b[A-Za-z]{2,}\b){2,}/;

const cases: [Why, string][] = [
  [{ code: 'verified' }, 'the stated output and timing claims match the run'],
  [{ code: 'ran' }, 'ran cleanly; the document states no output'],
  [{ code: 'not-run' }, 'the cell was not run'],
  [{ code: 'not-python', detail: 'Java code (CompletableFuture)' }, 'Java code (CompletableFuture)'],
  [{ code: 'never-ends', status: 'hangs', detail: 'deadlock', stated: true }, 'the document implies a normal end, but the program never ends: deadlock'],
  [{ code: 'never-ends', status: 'timeout', detail: 'interrupted', stated: false }, 'the program never yields: interrupted'],
  [{ code: 'expected-error', ename: 'SyntaxError', by: 'cue', detail: '# SyntaxError!' }, 'raises SyntaxError where the document marks it (# SyntaxError!)'],
  [{ code: 'raises', ename: 'RuntimeError', line: 27, detail: 'no loop', stated: true }, 'raises RuntimeError at line 27 of the cell (no loop) where the document implies a normal end'],
  [{ code: 'raises', ename: 'NameError', line: null, detail: "name 'x' is not defined", stated: false }, "raises NameError: name 'x' is not defined"],
  [{ code: 'mismatch', problems: [{ kind: 'output', line: 158 }, { kind: 'print-value', line: 12 }] },
    'the stated output at line 158 of the source document does not match what the program printed; the value shown after print (line 12 of the source document) does not match what the program printed'],
];

/** The sentence without the values it quotes (Python's messages are English in every locale). */
function ownWords(text: string, quoted: Problem[]): string {
  const values = quoted.flatMap((p) => Object.values(p).filter((v): v is string => typeof v === 'string'));
  return values.sort((a, b) => b.length - a.length).reduce((rest, v) => rest.replaceAll(v, ''), text);
}

/** One of every kind of problem, with values a Korean sentence must keep. */
const problems: Problem[] = [
  { kind: 'output', line: 158 },
  { kind: 'print-value', line: 75 },
  { kind: 'line-time', line: 634, text: '(1초 후) Task 1 완료', expected: 1, actual: 2 },
  { kind: 'claim-time', line: 4, text: '총 2초 소요', expected: 2, actual: 6 },
  { kind: 'claim-unchecked', line: 4, text: '약 3초' },
  { kind: 'event-time', line: 9, description: '파일B 완료', expected: 1, printed: '파일B 완료!', actual: 2 },
  { kind: 'shown-traceback', line: 20, shown: 'ValueError', ename: 'KeyError', evalue: "'x'" },
  { kind: 'session-output', line: 5, shows: '3', printed: '2' },
  { kind: 'session-no-raise', line: 3, shows: 'ValueError: boom' },
  { kind: 'session-other-raise', line: 3, shows: 'ValueError: boom', raised: "KeyError: 'x'" },
  { kind: 'session-unshown-raise', line: 7, raised: 'RuntimeError: no loop' },
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

  it('says what each placeholder stood for, in both languages', () => {
    const why: Why = { code: 'verified', notes: [{ line: 8, stated: '<your file>', printed: '/sandbox/main.py' }, { line: 9, stated: 'xxxx', printed: '42' }] };
    expect(reasonText(why)).toBe('the stated output and timing claims match the run (line 8: the placeholder "<your file>" stands for "/sandbox/main.py"; line 9: the placeholder "xxxx" stands for "42")');
    expect(reasonText(why, 'ko')).toBe('문서에 적힌 출력과 시간이 실행 결과와 일치합니다 (원문 8번째 줄: 자리 표시자 "<your file>"는 "/sandbox/main.py"를 나타냅니다; 원문 9번째 줄: 자리 표시자 "xxxx"는 "42"를 나타냅니다)');
  });

  it('names the line in Korean as well', () => {
    expect(reasonText({ code: 'raises', ename: 'RuntimeError', line: 27, detail: 'x', stated: false }, 'ko')).toBe('셀 코드의 27번째 줄에서 RuntimeError 예외가 발생합니다: "x"');
  });

  it('a Korean reason for a mismatch carries no English sentence, whatever the problems', () => {
    const korean = reasonText({ code: 'mismatch', problems }, 'ko');
    expect(korean).toMatch(HANGUL);
    expect(ownWords(korean, problems)).not.toMatch(ENGLISH_SENTENCE);
    // ...while the report's English reason is English throughout (the quoted Korean aside).
    expect(reasonText({ code: 'mismatch', problems })).toMatch(ENGLISH_SENTENCE);
  });

  for (const problem of problems) {
    it(`${problem.kind}: a Korean sentence that names the source line and keeps the values`, () => {
      const korean = problemText(problem, 'ko');
      expect(ownWords(korean, [problem])).not.toMatch(ENGLISH_SENTENCE);
      expect(korean).toContain(`원문 ${problem.line}번째 줄`);
      expect(problemText(problem, 'en')).toContain(`line ${problem.line} of the source document`);
      for (const [key, value] of Object.entries(problem)) {
        if (key !== 'kind' && key !== 'line') expect(korean).toContain(typeof value === 'string' && key.startsWith('s') ? JSON.stringify(value).slice(1, -1) : String(value));
      }
    });
  }
});
