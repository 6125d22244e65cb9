// The Korean table: every word the site itself says on a Korean page (not the documents' own words).
// Its shape is the type every other language's table must have (`Strings`), so a key missing from
// one language is a type error, not a Korean word on an English page.
import type { Problem, Verdict, Why } from '../check/why.ts';
import type { HangKind } from '../check/hang.ts';

type Of<U, K extends string, V> = Extract<U, Record<K, V>>;
/** One sentence per reason code, from the reason's data. */
export type ReasonTable = { [C in Why['code']]: (why: Of<Why, 'code', C>) => string };
/** One sentence per kind of difference between what a document says and what ran. */
export type ProblemTable = { [K in Problem['kind']]: (problem: Of<Problem, 'kind', K>) => string };

/** A line of a document, as a reader can find it (the line number alone means nothing to them). */
const source = (line: number) => `원문 ${line}번째 줄`;

const reasons: ReasonTable = {
  'not-python': (w) => `Python 코드가 아니므로 실행하지 않았습니다 (${w.detail})`,
  skip: (w) => `설정에 따라 실행하지 않았습니다: ${w.detail}`,
  'fence-no-run': (w) => `실행하지 않았습니다: 코드 블록 표시가 \`${w.marker}\`입니다`,
  'not-run': () => '실행되지 않았습니다',
  'never-ends': (w) => {
    // The diagnosis is the kernel's, in English: quoted, as Python's own messages are.
    const what = w.status === 'timeout' ? `프로그램이 CPU를 놓지 않아 중단되었습니다 ("${w.detail}")` : `프로그램이 끝나지 않습니다 ("${w.detail}")`;
    return w.stated ? `문서는 프로그램이 정상적으로 끝난다고 전제하지만, ${what}` : what;
  },
  'expected-error': (w) => w.by === 'setting'
    ? `설정에 적힌 대로 ${w.ename} 예외가 발생합니다: ${w.detail}`
    : w.by === 'text'
      ? `문서에 적힌 대로 ${w.ename} 예외가 발생합니다 ("${w.detail}")`
      : `문서가 표시한 대로 ${w.ename} 예외가 발생합니다 (${w.detail})`,
  illustration: () => '프로그램이 아니라 예시입니다: 스스로 실행하는 것이 없고, 보여 주기만 하는 이름이나 문법에서 멈춥니다',
  fragment: (w) => `프로그램의 일부(조각)이며 프로그램이 아닙니다: 스스로 실행을 시작하지 않고, 이 페이지의 어느 블록도 정의하지 않는 \`${w.name}\`를 씁니다 (이 페이지의 그런 블록은 모두 이렇게 읽습니다)`,
  'syntax-error': (w) => `${w.line !== null ? `${source(w.line)}에서 ` : ''}${w.ename} 오류가 납니다: "${w.detail}". 의사 코드라는 말(설정의 \`pseudo: true\`)도, 일부러 내는 오류라는 표시(\`# SyntaxError!\`, \`expect-error:\`)도 없습니다`,
  'pseudo-code': (w) => w.by === 'setting'
    ? '프로그램이 아니라 의사 코드입니다(설정에 적힘): 실행하지 않고 보여 줍니다'
    : w.by === 'prose'
      ? `문서에 적힌 대로 프로그램이 아니라 의사 코드입니다 ("${w.detail}"): 실행하지 않고 보여 줍니다`
      : w.by === 'signature'
        ? '프로그램이 아니라 API 시그니처입니다: 실행하지 않고 보여 줍니다'
        : `프로그램이 아니라 의사 코드입니다: 자리 표시자 ${w.detail}에서 컴파일되지 않습니다`,
  'reads-input': () => '키보드 입력(input())을 읽습니다: 설정(`input:`)에 입력을 적으면 실행합니다',
  'runtime-limit': (w) => `확인하지 않음: 샌드박스가 제공하지 않는 ${w.limit}이(가) 필요합니다 (거부된 채로 실행한 판정은 ${w.instead})`,
  'server-elsewhere': (w) => `문서가 ${w.language}(으)로 보여 주는 서버가 필요하고, 응답할 fixture가 없습니다 (${w.detail})`,
  'announced-hang': (w) => `문서에 적힌 대로 끝나지 않습니다 ("${w.said}"): "${w.detail}"`,
  'does-not-raise': (w) => `문서는 예외가 발생한다고 하지만 ("${w.said}", ${source(w.line)}) 끝까지 실행되었습니다`,
  raises: (w) => {
    const where = w.line ? `셀 코드의 ${w.line}번째 줄에서 ` : '';
    return w.stated
      ? `${where}${w.ename} 예외가 발생합니다 ("${w.detail}"). 문서는 정상적으로 끝난다고 전제합니다`
      : `${where}${w.ename} 예외가 발생합니다: "${w.detail}"`;
  },
  ran: () => '정상적으로 실행되었습니다. 문서에 적힌 출력은 없습니다',
  'stated-for-later': (w) => `정상적으로 실행되었습니다. 정의만 하고 여기서 호출하지 않으므로, 원문 ${w.line}번째 줄의 출력은 이 실행이 아니라 나중 호출의 것입니다`,
  // The problems are joined by the caller (src/check/reasons.ts), each in this table's words.
  mismatch: () => '문서에 적힌 내용이 실행 결과와 다릅니다',
  verified: (w) => {
    const notes = (w.notes ?? []).map((n) => `${source(n.line)}: 자리 표시자 "${n.stated}"는 "${n.printed}"를 나타냅니다`);
    return `문서에 적힌 출력과 시간이 실행 결과와 일치합니다${notes.length ? ` (${notes.join('; ')})` : ''}`;
  },
};

const problems: ProblemTable = {
  output: (p) => `${source(p.line)}에 적힌 출력이 프로그램이 출력한 내용과 다릅니다`,
  'print-value': (p) => `print 뒤에 보여 준 값(${source(p.line)})이 프로그램이 출력한 내용과 다릅니다`,
  'line-time': (p) => `${source(p.line)}: "${p.text}"는 ${p.expected}초라고 하지만, 실행에서는 ${p.actual}초입니다`,
  'claim-time': (p) => `"${p.text}"(${source(p.line)})는 ${p.expected}초라고 하지만, 실행에는 ${p.actual}초가 걸렸습니다`,
  'claim-unchecked': (p) => p.cause === 'not-timed'
    ? `"${p.text}"(${source(p.line)}): 이번 실행은 이 주석이 말하는 코드의 시간을 재지 않아 확인하지 못했습니다`
    : `"${p.text}"(${source(p.line)}): 비교할 출력된 시간을 찾지 못했습니다`,
  'claim-order': (p) => `"${p.text}"(${source(p.line)})는 "${p.before}" 다음에 "${p.after}"가 나온다고 하지만, 실행에서는 "${p.before}" 뒤에 "${p.after}"가 출력되지 않았습니다`,
  'claim-gap': (p) => `"${p.text}"(${source(p.line)})는 "${p.after}"가 ${p.before === null ? '시작' : `"${p.before}"`}부터 ${p.expected}초 뒤에 나온다고 하지만, 실행에서는 ${p.actual}초 뒤에 출력되었습니다`,
  'event-time': (p) => `표에는 "${p.description}"(${source(p.line)})이(가) 첫 사건 ${p.expected}초 뒤에 일어난다고 적혀 있지만, "${p.printed}"는 ${p.actual}초 뒤에 출력되었습니다`,
  'shown-traceback': (p) => `문서는 ${p.shown}(${source(p.line)})를 보여 주지만, 실행에서는 ${p.ename} 예외가 발생했습니다: "${p.evalue}"`,
  'session-output': (p) => `${source(p.line)}의 문장: 세션은 ${JSON.stringify(p.shows)}를 보여 주지만, 실행은 ${JSON.stringify(p.printed)}를 출력했습니다`,
  'session-no-raise': (p) => `${source(p.line)}의 문장: 세션은 ${JSON.stringify(p.shows)}를 보여 주지만, 이 문장은 예외를 일으키지 않았습니다`,
  'session-other-raise': (p) => `${source(p.line)}의 문장: 세션은 ${JSON.stringify(p.shows)}를 보여 주지만, 실행에서는 ${JSON.stringify(p.raised)} 예외가 발생했습니다`,
  'session-unshown-raise': (p) => `${source(p.line)}의 문장에서 ${JSON.stringify(p.raised)} 예외가 발생했지만, 세션에는 보이지 않습니다`,
};

const verdicts: Record<Verdict, string> = { verified: '검증됨', drift: '불일치', ran: '실행됨', 'expected-error': '예상된 오류', error: '오류', hangs: '멈춤', skipped: '건너뜀' };

export const ko = {
  /** The reader's word for each verdict; the index signature lets pages look up any verdict name. */
  verdicts: verdicts as Record<Verdict, string> & Record<string, string | undefined>,
  cell: {
    definesOnly: (names: string) => `${names}을(를) 정의만 합니다. 실행되는 코드는 없습니다.`,
    cpuOnly: '가상 시간이 0초인 것은 이 코드가 기다리지 않고 CPU로 계산만 하기 때문입니다. 가상 시계는 기다림(sleep, I/O)만 셉니다. 계산에 든 시간은 실제 비용입니다.',
    built: '빌드 실행', virtual: '가상 시간', real: '실제 비용', showTimes: '시각 표시', noOutput: '(출력 없음)',
    erratum: '정오표', stated: '문서에 적힌 출력', simulated: '시뮬레이션된 I/O (실제 네트워크 아님)',
    timeline: '실행 기록으로 그린 타임라인 (가상 초)', partial: '일부만 실행', readings: '이렇게 읽었습니다',
    seconds: (s: string) => `${s}초`,
    milliseconds: (ms: string) => `${ms}ms`,
    sourceLine: source,
    partialReason: (fromLine: number, language: string) => `${fromLine}번째 줄부터는 비교를 위해 보여 주는 ${language} 코드이고, Python 부분만 실행합니다`,
  },
  diff: { legend: '문서와 실행 결과의 차이', removed: '문서에만 있음', added: '실행 결과에만 있음', context: '같음', gap: '같은 줄 생략' },
  errata: {
    total: '셀', errata: '정오표', passing: '검증 통과', all: '전체', byVerdict: '판정별', byDocument: '문서별',
    document: '문서', cells: '셀', cell: '셀', source: '원문 위치', verdict: '판정', reason: '이유',
    acknowledged: '설정에서 인정됨', unacknowledged: '인정되지 않음 (CI 실패)', none: '조건에 맞는 정오표가 없습니다.',
    showing: '보기', filters: '정오표 거르기', passingNote: '검증됨, 실행됨, 예상된 오류, 건너뜀',
  },
  transforms: {
    gutter: '코드와 함께 복사된 줄 번호를 지우고 실행했습니다.',
    'inline-output': '블록 끝의 출력 줄은 코드가 아니라 출력으로 보고, 실행하지 않고 비교했습니다.',
    autoawait: '함수 밖의 await는 Jupyter·IPython처럼 (최상위 await) 실행했습니다. 독자가 이 코드를 실행하는 곳이 그곳이기 때문입니다.',
    transcript: '대화형 세션: 각 문장을 차례로 실행해, 세션이 그 뒤에 보여 주는 내용과 비교했습니다.',
    script: '문서가 이 코드를 파일로 실행합니다(python main.py). 그래서 CPython이 파일을 컴파일하듯 컴파일했습니다. 파일에서는 함수 밖의 await가 SyntaxError입니다.',
  } as Record<'gutter' | 'inline-output' | 'autoawait' | 'transcript' | 'script', string> & Record<string, string | undefined>,
  runner: {
    run: '실행', edit: '편집', reset: '원래 코드로', stop: '중지', replay: '실시간 재생', replayTitle: '기록된 출력을 기록된 속도(가상 1초 = 1초)로 다시 보여 줍니다. 10초가 넘으면 10초로 줄입니다.',
    runAll: '이 페이지의 코드 모두 실행',
    restart: '인터프리터 재시작', restartTitle: 'Python을 새로 시작합니다. 이 페이지에서 실행한 셀의 정의는 사라집니다.',
    kernel: { idle: 'Python: 시작 전', starting: 'Python: 시작 중…', ready: 'Python: 준비됨', busy: 'Python: 실행 중' },
    shortcut: 'Shift+Enter: 실행', runTitle: '이 셀을 실행합니다 (편집기에서는 Shift+Enter)',
    count: (n: number) => `${n}번째 실행`,
    runAllNote: (n: number, mb: number | null): string => `셀 ${n}개 · 코드는 이 브라우저 안의 Pyodide(CPython 3.14)에서 가상 시계로 실행됩니다. 처음 실행할 때 ${mb === null ? 'Python을' : `약 ${mb} MB를`} 이 사이트에서 내려받고, 그 뒤에는 오프라인에서도 동작합니다.`,
    loading: (mb: number | null): string => (mb === null ? 'Python 불러오는 중… (처음 한 번)' : `Python 불러오는 중… (처음 한 번, 약 ${mb} MB)`),
    queued: '대기 중…',
    running: '실행 중…',
    dependency: (n: number) => `먼저 이 셀이 쓰는 앞의 셀 #${n}을 실행합니다…`,
    ranAsDependency: (n: number) => `셀 #${n}이 이 셀의 정의를 써서 먼저 실행했습니다.`,
    ok: '이 브라우저에서 실행을 마쳤습니다',
    thisRun: '이번 실행', thisRunEdited: '이번 실행 · 수정한 코드', notJudged: '판정 없음',
    notJudgedStopped: '중지한 실행이라 문서와 비교하지 않았습니다.',
    notJudgedTranscript: '대화형 세션은 빌드에서 문장마다 따로 실행해 비교합니다. 여기서는 한 프로그램으로 실행하므로 판정하지 않습니다.',
    error: (name: string) => `오류: ${name}`,
    stopped: '중지됨 (KeyboardInterrupt)',
    timeout: (s: number) => `시간 초과: 실제 시간 ${s}초 동안 끝나지 않아 중단했습니다.`,
    hangs: (kind: HangKind): string => kind === 'running'
      ? '끝나지 않음: 가상 시간 한도가 다 될 때까지 계속 실행하며 출력했습니다'
      : kind === 'deadlock'
        ? '멈춤: 모든 작업이 기다리기만 하고 아무것도 깨우지 못합니다 (교착 상태)'
        : '멈춤: 가상 시간 한도가 다 될 때까지 기다리기만 했습니다',
    restarted: (why: string) => `${why} 인터프리터를 새로 시작했으므로 이 페이지에서 앞서 실행한 셀의 정의는 사라졌습니다. 다음에 실행할 때 필요한 앞의 셀을 다시 실행합니다.`,
    restartStopped: '중지함: 이 페이지는 교차 출처 격리(cross-origin isolation)가 되어 있지 않아, 실행 중인 코드를 중단하는 대신 Python 작업자를 종료했습니다.',
    restartUnanswered: '중지함: 인터프리터가 중단 요청에 응답하지 않아 Python 작업자를 종료했습니다.',
    restartTimeout: (s: number) => `시간 초과: 실제 시간 ${s}초 동안 끝나지 않아 Python 작업자를 종료했습니다.`,
    restartCrashed: (m: string) => `Python 작업자가 중단되었습니다 (${m}).`,
    restartRequested: '인터프리터를 재시작해 실행을 멈췄습니다.',
    bootFailed: (m: string) => `Python을 불러오지 못했습니다: ${m}`,
    noJspi: '이 브라우저는 WebAssembly 스택 전환(JSPI)을 지원하지 않아 스레드(threading, to_thread, 실행기)를 쓰는 코드는 실행할 수 없습니다. 나머지는 실행됩니다. Chrome·Edge 137 이상에서 스레드 예제도 실행됩니다.',
    edited: '수정됨',
    ofOriginal: '원래 코드의 판정',
    ofLastRun: '지난 실행 코드의 판정',
    result: '결과',
    noOutput: '(출력 없음)',
    truncated: (n: number) => `… (${n}줄 더 있음)`,
    replayRealTime: (s: string) => `실시간 재생 중: 가상 ${s}를 그대로 재생합니다`,
    replayCompressed: (s: string, cap: number, x: string) => `재생 중: 가상 ${s}를 ${cap}초로 줄여 재생합니다 (×${x} 빠르게)`,
    replayDone: '재생 끝',
    replayNothing: '재생할 출력이 없습니다',
    showTimes: '시각 표시',
    timeline: '이 브라우저에서 실행한 기록으로 그린 타임라인 (가상 초)',
  },
  timeline: {
    running: '실행 중',
    blocking: '루프 차단',
    waits: {
      sleep: 'sleep', lock: '락', semaphore: '세마포어', event: '이벤트', condition: '조건 변수',
      queue: '큐', barrier: '배리어', wait_for: 'wait_for', wait: 'asyncio.wait', gather: 'gather',
      as_completed: 'as_completed', thread: '스레드', taskgroup: '태스크 그룹', timeout: '타임아웃',
      io: 'I/O', http: 'HTTP 요청', db: '데이터베이스', file: '파일', app: '웹 앱', task: '다른 태스크',
      future: 'Future', join: 'join', busy: '작업 중', select: '이벤트 루프',
    } as Record<string, string>,
    finished: '완료',
    raised: (error: string) => `${error} 발생`,
    cancelled: '취소됨',
    pending: '끝나지 않음',
    notStarted: '시작되지 않음',
    wholeRun: '셀 전체',
    topLevel: (line: string) => `최상위 코드, ${line}행`,
    more: (n: number) => `같은 모양 ${n}개 더`,
    name: (tasks: number, seconds: string) => `태스크·스레드 ${tasks}개의 타임라인, 가상 시간 ${seconds}초`,
    cut: (kept: number, total: number) => `추적에는 태스크·스레드 ${total}개 중 처음 ${kept}개만 남아 있습니다`,
    table: { summary: '타임라인을 표로 보기', task: '태스크', started: '시작', waited: '기다린 것', ended: '끝', nothing: '–' },
    legend: '채워진 막대: 실행 중. 점선 막대: 기다리는 중 (막대에 적힌 것을). 빨간 막대: 이벤트 루프 차단. ✕ 예외 발생, ⊘ 취소, … 끝나지 않음.',
    seconds: (s: string) => `${s}초`,
  },
  site: {
    home: '실행되는 asyncio 가이드',
    intro: '이 사이트의 모든 Python 코드는 CPython 3.14(Pyodide)에서 가상 시계로 실제 실행되었고, 문서가 말하는 출력과 시간이 실행 결과와 대조되었습니다.',
    errata: '정오표와 검증 현황',
    documents: '문서',
    notebook: 'Jupyter 노트북으로 받기 (.ipynb, 실행 결과 포함)',
    fallback: '이 페이지는 아직 모두 번역되지 않았습니다. 번역되지 않은 부분은 한국어 원문으로 보여 줍니다.',
    notFound: '페이지를 찾을 수 없습니다',
  },
  reasons,
  problems,
  /**
   * Starlight's own words (header, search, footer, pagination, code blocks' copy button, the
   * Pagefind search UI), written to src/content/i18n/ko.json for Starlight's i18n collection.
   */
  starlight: {
    'skipLink.label': '본문으로 건너뛰기',
    'search.label': '검색',
    'search.ctrlKey': 'Ctrl',
    'search.cancelLabel': '취소',
    'search.devWarning': '검색은 프로덕션 빌드에서만 동작합니다. 사이트를 빌드한 뒤 미리 보기로 확인하세요.',
    'themeSelect.accessibleLabel': '테마 선택',
    'themeSelect.dark': '어두운 테마',
    'themeSelect.light': '밝은 테마',
    'themeSelect.auto': '자동',
    'languageSelect.accessibleLabel': '언어 선택',
    'menuButton.accessibleLabel': '메뉴',
    'sidebarNav.accessibleLabel': '주 메뉴',
    'tableOfContents.onThisPage': '이 페이지의 내용',
    'tableOfContents.overview': '개요',
    'i18n.untranslatedContent': '이 내용은 아직 한국어로 번역되지 않았습니다.',
    'page.editLink': '이 페이지 편집',
    'page.lastUpdated': '마지막 업데이트:',
    'page.previousLink': '이전',
    'page.nextLink': '다음',
    'page.draft': '초안입니다. 프로덕션 빌드에는 포함되지 않습니다.',
    '404.text': '페이지를 찾을 수 없습니다. 주소를 확인하거나 검색을 이용해 보세요.',
    'aside.note': '참고',
    'aside.tip': '팁',
    'aside.caution': '주의',
    'aside.danger': '위험',
    'fileTree.directory': '디렉터리',
    'builtWithStarlight.label': 'Starlight로 만들었습니다',
    'heading.anchorLabel': '“{{title}}” 절로 가는 링크',
    'expressiveCode.copyButtonTooltip': '클립보드로 복사',
    'expressiveCode.copyButtonCopied': '복사했습니다!',
    'expressiveCode.terminalWindowFallbackTitle': '터미널 창',
    'pagefind.clear_search': '지우기',
    'pagefind.load_more': '결과 더 보기',
    'pagefind.search_label': '이 사이트 검색',
    'pagefind.filters_label': '필터',
    'pagefind.zero_results': '[SEARCH_TERM]에 대한 결과가 없습니다',
    'pagefind.many_results': '[SEARCH_TERM] 검색 결과 [COUNT]건',
    'pagefind.one_result': '[SEARCH_TERM] 검색 결과 [COUNT]건',
    'pagefind.alt_search': '[SEARCH_TERM]에 대한 결과가 없어 [DIFFERENT_TERM]의 결과를 보여 줍니다',
    'pagefind.search_suggestion': '[SEARCH_TERM]에 대한 결과가 없습니다. 다음 검색어를 써 보세요:',
    'pagefind.searching': '[SEARCH_TERM] 검색 중…',
  },
};

/** The shape every language's table has. */
export type Strings = typeof ko;
