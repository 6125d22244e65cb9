// Why a cell got its verdict, as data, and the sentence that says it in each locale. The English
// sentence is the report's `reason` (JSON, JUnit, CI annotations); pages show the reader's locale.
// Details that come from elsewhere (Python's error messages, the comparison's problems, a setting's
// reason) are quoted as they are.

export type Why =
  | { code: 'not-python'; detail: string }
  | { code: 'skip'; detail: string }
  | { code: 'not-run' }
  | { code: 'never-ends'; status: 'hangs' | 'timeout'; detail: string; stated: boolean }
  | { code: 'expected-error'; ename: string; by: 'annotation' | 'cue'; detail: string }
  | { code: 'raises'; ename: string; line: number | null; detail: string; stated: boolean }
  | { code: 'ran' }
  | { code: 'mismatch'; problems: string[] }
  | { code: 'verified' };

export type ReasonLocale = 'ko' | 'en';

function english(why: Why): string {
  switch (why.code) {
    case 'not-python':
    case 'skip':
      return why.detail;
    case 'not-run':
      return 'the cell was not run';
    case 'never-ends': {
      const what = why.status === 'timeout' ? `never yields: ${why.detail}` : `never ends: ${why.detail}`;
      return why.stated ? `the document implies a normal end, but the program ${what}` : `the program ${what}`;
    }
    case 'expected-error':
      return why.by === 'annotation'
        ? `raises ${why.ename}, as the annotation says: ${why.detail}`
        : `raises ${why.ename} where the document marks it (${why.detail})`;
    case 'raises': {
      const where = why.line ? ` at line ${why.line}` : '';
      return why.stated
        ? `raises ${why.ename}${where} (${why.detail}) where the document implies a normal end`
        : `raises ${why.ename}${where}: ${why.detail}`;
    }
    case 'ran':
      return 'ran cleanly; the document states no output';
    case 'mismatch':
      return why.problems.join('; ');
    case 'verified':
      return 'the stated output and timing claims match the run';
  }
}

function korean(why: Why): string {
  switch (why.code) {
    case 'not-python':
      return `Python 코드가 아니므로 실행하지 않았습니다 (${why.detail})`;
    case 'skip':
      return `설정에 따라 실행하지 않았습니다: ${why.detail}`;
    case 'not-run':
      return '실행되지 않았습니다';
    case 'never-ends': {
      const what = why.status === 'timeout'
        ? `프로그램이 CPU를 놓지 않아 중단되었습니다: ${why.detail}`
        : `프로그램이 끝나지 않습니다: ${why.detail}`;
      return why.stated ? `문서는 프로그램이 정상적으로 끝난다고 전제하지만, ${what}` : what;
    }
    case 'expected-error':
      return why.by === 'annotation'
        ? `설정에 적힌 대로 ${why.ename} 예외가 발생합니다: ${why.detail}`
        : `문서가 표시한 대로 ${why.ename} 예외가 발생합니다 (${why.detail})`;
    case 'raises': {
      const where = why.line ? `${why.line}번째 줄에서 ` : '';
      return why.stated
        ? `${where}${why.ename} 예외가 발생합니다 (${why.detail}). 문서는 정상적으로 끝난다고 전제합니다`
        : `${where}${why.ename} 예외가 발생합니다: ${why.detail}`;
    }
    case 'ran':
      return '정상적으로 실행되었습니다. 문서에 적힌 출력은 없습니다';
    case 'mismatch':
      return `문서에 적힌 내용이 실행 결과와 다릅니다: ${why.problems.join('; ')}`;
    case 'verified':
      return '문서에 적힌 출력과 시간이 실행 결과와 일치합니다';
  }
}

export function reasonText(why: Why, locale: ReasonLocale = 'en'): string {
  return locale === 'ko' ? korean(why) : english(why);
}
