// Why a cell got its verdict, as data, and the sentence that says it in each locale. The English
// sentence is the report's `reason` (JSON, JUnit, CI annotations); pages show the reader's locale.
// Details that come from elsewhere (Python's error messages, the comparison's problems, a setting's
// reason) are quoted as they are.

export type Why =
  | { code: 'not-python'; detail: string }
  | { code: 'skip'; detail: string }
  | { code: 'not-run' }
  | { code: 'never-ends'; status: 'hangs' | 'timeout'; detail: string; stated: boolean }
  | { code: 'expected-error'; ename: string; by: 'setting' | 'cue' | 'text'; detail: string }
  | { code: 'illustration' }
  | { code: 'reads-input' }
  | { code: 'server-elsewhere'; language: string; detail: string }
  | { code: 'announced-hang'; detail: string; said: string }
  | { code: 'does-not-raise'; said: string; line: number }
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
      return why.by === 'setting'
        ? `raises ${why.ename}, as its setting says: ${why.detail}`
        : why.by === 'text'
          ? `raises ${why.ename}, as the document says ("${why.detail}")`
          : `raises ${why.ename} where the document marks it (${why.detail})`;
    case 'illustration':
      return 'an illustration, not a program: it runs nothing of its own and stops at a name or syntax it only shows';
    case 'reads-input':
      return 'reads input (input()): give it in the settings (`input:`) to run it';
    case 'server-elsewhere':
      return `needs a server the document shows in ${why.language}, which no fixture answers (${why.detail})`;
    case 'announced-hang':
      return `never ends, as the document says ("${why.said}"): ${why.detail}`;
    case 'does-not-raise':
      return `the document says it raises ("${why.said}", line ${why.line}), but it ran to the end`;
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
      return why.by === 'setting'
        ? `설정에 적힌 대로 ${why.ename} 예외가 발생합니다: ${why.detail}`
        : why.by === 'text'
          ? `문서에 적힌 대로 ${why.ename} 예외가 발생합니다 ("${why.detail}")`
          : `문서가 표시한 대로 ${why.ename} 예외가 발생합니다 (${why.detail})`;
    case 'illustration':
      return '프로그램이 아니라 예시입니다: 스스로 실행하는 것이 없고, 보여 주기만 하는 이름이나 문법에서 멈춥니다';
    case 'reads-input':
      return '키보드 입력(input())을 읽습니다: 설정(`input:`)에 입력을 적으면 실행합니다';
    case 'server-elsewhere':
      return `문서가 ${why.language}(으)로 보여 주는 서버가 필요하고, 응답할 fixture가 없습니다 (${why.detail})`;
    case 'announced-hang':
      return `문서에 적힌 대로 끝나지 않습니다 ("${why.said}"): ${why.detail}`;
    case 'does-not-raise':
      return `문서는 예외가 발생한다고 하지만 ("${why.said}", ${why.line}번째 줄) 끝까지 실행되었습니다`;
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
