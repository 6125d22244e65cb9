// The English table: the same keys as the Korean one (src/i18n/ko.ts), checked by the type. The
// reasons and problems here are also the English `reason` of the check's reports (JSON, JUnit, CI).
import type { Strings, ReasonTable, ProblemTable } from './ko.ts';
import { plural } from './plural.ts';
import type { HangKind } from '../check/hang.ts';

const source = (line: number) => `line ${line} of the source document`;
const cells = (n: number) => plural('en', n, { one: '{n} cell', other: '{n} cells' });

const reasons: ReasonTable = {
  'not-python': (w) => w.detail,
  skip: (w) => w.detail,
  'fence-no-run': (w) => `not run: its fence says \`${w.marker}\``,
  'not-run': () => 'the cell was not run',
  'never-ends': (w) => {
    const what = w.status === 'timeout' ? `never yields: ${w.detail}` : `never ends: ${w.detail}`;
    return w.stated ? `the document implies a normal end, but the program ${what}` : `the program ${what}`;
  },
  'expected-error': (w) => w.by === 'setting'
    ? `raises ${w.ename}, as its setting says: ${w.detail}`
    : w.by === 'text'
      ? `raises ${w.ename}, as the document says ("${w.detail}")`
      : `raises ${w.ename} where the document marks it (${w.detail})`,
  illustration: () => 'an illustration, not a program: it runs nothing of its own and stops at a name or syntax it only shows',
  fragment: (w) => `a fragment of a program, not a program: it starts none of its own and uses \`${w.name}\`, which no block of this page defines (every such block of the page is read so)`,
  'syntax-error': (w) => `${w.ename}${w.line !== null ? ` at ${source(w.line)}` : ''}: ${w.detail}; nothing says the block is pseudo-code (\`pseudo: true\` in its settings) or means to fail (a \`# SyntaxError!\` cue, \`expect-error:\`)`,
  'pseudo-code': (w) => w.by === 'setting'
    ? 'pseudo-code, not a program (its settings say so): it is shown, not run'
    : w.by === 'prose'
      ? `pseudo-code, not a program, as the document says ("${w.detail}"): it is shown, not run`
      : w.by === 'signature'
        ? 'an API signature, not a program: it is shown, not run'
        : `pseudo-code, not a program: it does not compile at its placeholder ${w.detail}`,
  'reads-input': () => 'reads input (input()): give it in the settings (`input:`) to run it',
  'runtime-limit': (w) => `not checked: it needs ${w.limit}, which the sandbox does not provide (refused that, the run's verdict would be ${w.instead})`,
  'server-elsewhere': (w) => `needs a server the document shows in ${w.language}, which no fixture answers (${w.detail})`,
  'announced-hang': (w) => `never ends, as the document says ("${w.said}"): ${w.detail}`,
  'does-not-raise': (w) => `the document says it raises ("${w.said}", ${source(w.line)}), but it ran to the end`,
  raises: (w) => {
    const where = w.line ? ` at line ${w.line} of the cell` : '';
    return w.stated
      ? `raises ${w.ename}${where} (${w.detail}) where the document implies a normal end`
      : `raises ${w.ename}${where}: ${w.detail}`;
  },
  ran: () => 'ran cleanly; the document states no output',
  'stated-for-later': (w) => `ran cleanly; it only defines what nothing here calls, so the output stated at line ${w.line} of the source document is about a later call, not this run`,
  // The report's reason is the problems themselves (src/check/reasons.ts joins them).
  mismatch: () => '',
  verified: (w) => {
    const notes = (w.notes ?? []).map((n) => `line ${n.line}: the placeholder "${n.stated}" stands for "${n.printed}"`);
    return `the stated output and timing claims match the run${notes.length ? ` (${notes.join('; ')})` : ''}`;
  },
};

const problems: ProblemTable = {
  output: (p) => `the stated output at ${source(p.line)} does not match what the program printed`,
  'print-value': (p) => `the value shown after print (${source(p.line)}) does not match what the program printed`,
  'line-time': (p) => `${source(p.line)}: "${p.text}" says ${p.expected}s, the run shows ${p.actual}s`,
  'claim-time': (p) => `"${p.text}" (${source(p.line)}) says ${p.expected}s, the run took ${p.actual}s`,
  'claim-unchecked': (p) => p.cause === 'not-timed'
    ? `"${p.text}" (${source(p.line)}): this run did not time the code it describes, so the claim is unchecked`
    : `"${p.text}" (${source(p.line)}): no printed time found to check`,
  'claim-order': (p) => `"${p.text}" (${source(p.line)}) says "${p.after}" comes after "${p.before}"; the run printed no "${p.after}" after "${p.before}"`,
  'claim-gap': (p) => `"${p.text}" (${source(p.line)}) says "${p.after}" appears ${p.expected}s after ${p.before === null ? 'the start' : `"${p.before}"`}; the run printed it ${p.actual}s after`,
  'event-time': (p) => `the table says "${p.description}" (${source(p.line)}) happens ${p.expected}s after its first event; "${p.printed}" was printed ${p.actual}s after`,
  'shown-traceback': (p) => `the document shows ${p.shown} (${source(p.line)}), the run raised ${p.ename}: ${p.evalue}`,
  'session-output': (p) => `the statement at ${source(p.line)}: the session shows ${JSON.stringify(p.shows)}, the run printed ${JSON.stringify(p.printed)}`,
  'session-no-raise': (p) => `the statement at ${source(p.line)}: the session shows ${JSON.stringify(p.shows)}, the statement raised nothing`,
  'session-other-raise': (p) => `the statement at ${source(p.line)}: the session shows ${JSON.stringify(p.shows)}, the run raised ${JSON.stringify(p.raised)}`,
  'session-unshown-raise': (p) => `the statement at ${source(p.line)} raised ${JSON.stringify(p.raised)}, which the session does not show`,
};

export const en: Strings = {
  verdicts: { verified: 'verified', drift: 'drift', ran: 'ran', 'expected-error': 'expected error', error: 'error', hangs: 'hangs', skipped: 'skipped' },
  cell: {
    definesOnly: (names: string) => `Defines ${names}; nothing runs.`,
    cpuOnly: 'The virtual time is 0 because this code only computes and never waits: the virtual clock counts waiting (sleep, I/O), not computing. The time the computation took is the real cost.',
    built: 'build run', virtual: 'virtual time', real: 'real cost', showTimes: 'show times', noOutput: '(no output)',
    erratum: 'Erratum', stated: 'Output stated in the document', simulated: 'Simulated I/O (not a live call)',
    timeline: 'Timeline drawn from the recorded trace (virtual seconds)', partial: 'Partly run', readings: 'How this block was read',
    seconds: (s: string) => `${s} s`,
    milliseconds: (ms: string) => `${ms} ms`,
    sourceLine: source,
    partialReason: (fromLine: number, language: string) => `from line ${fromLine} the block is ${language}, shown for comparison; only the Python part runs`,
  },
  diff: { legend: 'What the document states against what the run printed', removed: 'only in the document', added: 'only in the run', context: 'same in both', gap: 'equal lines skipped' },
  errata: {
    total: 'cells', errata: 'Errata', passing: 'Passing', all: 'All', byVerdict: 'By verdict', byDocument: 'By document',
    document: 'Document', cells: 'Cells', cell: 'Cell', source: 'Source', verdict: 'Verdict', reason: 'Why',
    acknowledged: 'acknowledged in the settings', unacknowledged: 'not acknowledged (fails CI)', none: 'No errata match.',
    showing: 'Showing', filters: 'Filter the errata', passingNote: 'verified, ran, expected error, skipped',
  },
  transforms: {
    gutter: 'Line numbers copied with the code were removed before running.',
    'inline-output': 'The lines at the end of the block are its output, not code: they were compared, not run.',
    autoawait: 'The await outside a function runs as Jupyter and IPython run it (top-level await), because that is where readers run it.',
    transcript: 'An interactive session: each statement ran in turn and was compared with what the session shows after it.',
    script: 'The document runs this code as a file (python main.py): it was compiled as CPython compiles a file, where await outside a function is a SyntaxError.',
  },
  runner: {
    run: 'Run', edit: 'Edit', reset: 'Reset code', stop: 'Stop', replay: 'Replay in real time', replayTitle: 'Plays the recorded output at its recorded pace (one virtual second = one second), compressed to 10 s when longer.',
    runAll: 'Run all the code on this page',
    restart: 'Restart the interpreter', restartTitle: 'Starts Python afresh: the definitions of the cells run on this page are gone.',
    kernel: { idle: 'Python: not started', starting: 'Python: starting…', ready: 'Python: ready', busy: 'Python: busy' },
    shortcut: 'Shift+Enter: run', runTitle: 'Runs this cell (Shift+Enter in the editor)',
    count: (n: number) => `run ${n}`,
    runAllNote: (n: number, mb: number | null) => `${cells(n)} · the code runs in this browser, in Pyodide (CPython 3.14) on a virtual clock. The first run downloads ${mb === null ? 'Python' : `about ${mb} MB`} from this site; after that it works offline.`,
    loading: (mb: number | null) => (mb === null ? 'Loading Python… (once)' : `Loading Python… (once, about ${mb} MB)`),
    queued: 'queued…',
    running: 'running…',
    dependency: (n: number) => `first running earlier cell #${n}, whose definitions this cell uses…`,
    ranAsDependency: (n: number) => `Ran first because cell #${n} uses its definitions.`,
    ok: 'finished in this browser',
    thisRun: 'this run', thisRunEdited: 'this run · edited code', notJudged: 'not judged',
    notJudgedStopped: 'The run was stopped, so it was not compared with the document.',
    notJudgedTranscript: 'The build runs an interactive session statement by statement and compares each; here it runs as one program, so it is not judged.',
    error: (name: string) => `error: ${name}`,
    stopped: 'stopped (KeyboardInterrupt)',
    timeout: (s: number) => `timeout: interrupted after ${s} s of real time`,
    hangs: (kind: HangKind): string => kind === 'running'
      ? 'never ends: still running (and printing) when the virtual-time budget ran out'
      : kind === 'deadlock'
        ? 'hangs: every task waits and nothing can wake them (deadlock)'
        : 'hangs: still waiting when the virtual-time budget ran out',
    restarted: (why: string) => `${why} The interpreter was restarted, so the definitions of cells run earlier on this page are gone; the earlier cells a cell needs run again next time.`,
    restartStopped: 'Stopped: this page is not cross-origin isolated, so instead of interrupting the code the Python worker was terminated.',
    restartUnanswered: 'Stopped: the interpreter did not answer the interrupt, so the Python worker was terminated.',
    restartTimeout: (s: number) => `Timeout: still running after ${s} s of real time, the Python worker was terminated.`,
    restartCrashed: (m: string) => `The Python worker failed (${m}).`,
    restartRequested: 'The run ended because the interpreter was restarted.',
    bootFailed: (m: string) => `Python could not be loaded: ${m}`,
    noJspi: 'This browser lacks WebAssembly stack switching (JSPI), so code that starts threads (threading, to_thread, executors) cannot run here; everything else runs. Chrome and Edge 137 or later run the thread examples too.',
    edited: 'edited',
    ofOriginal: 'of the original code',
    ofLastRun: "of the last run's code",
    result: 'result',
    noOutput: '(no output)',
    truncated: (n: number) => `… (${plural('en', n, { one: '{n} more line', other: '{n} more lines' })})`,
    replayRealTime: (s: string) => `replaying in real time: ${s} of virtual time`,
    replayCompressed: (s: string, cap: number, x: string) => `replaying ${s} of virtual time compressed to ${cap} s (×${x} faster)`,
    replayDone: 'replay finished',
    replayNothing: 'no output to replay',
    showTimes: 'show times',
    timeline: 'Timeline drawn from the run in this browser (virtual seconds)',
  },
  timeline: {
    running: 'running',
    blocking: 'blocks the loop',
    waits: {
      sleep: 'sleep', lock: 'lock', semaphore: 'semaphore', event: 'event', condition: 'condition',
      queue: 'queue', barrier: 'barrier', wait_for: 'wait_for', wait: 'asyncio.wait', gather: 'gather',
      as_completed: 'as_completed', thread: 'a thread', taskgroup: 'task group', timeout: 'timeout',
      io: 'I/O', http: 'HTTP request', db: 'database', file: 'file', app: 'web app', task: 'a task',
      future: 'a future', join: 'join', busy: 'busy', select: 'the event loop',
    },
    finished: 'finished',
    raised: (error: string) => `raised ${error}`,
    cancelled: 'cancelled',
    pending: 'never finished',
    notStarted: 'never started',
    wholeRun: 'the whole cell',
    topLevel: (line: string) => `top level, line ${line}`,
    more: (n: number) => `+ ${n} more like this`,
    name: (tasks: number, seconds: string) => `Timeline of ${tasks} ${tasks === 1 ? 'task' : 'tasks and threads'} over ${seconds} virtual seconds`,
    cut: (kept: number, total: number) => `the trace keeps the first ${kept} of ${total} tasks and threads`,
    table: { summary: 'The timeline as a table', task: 'Task', started: 'Started', waited: 'Waited for', ended: 'Ended', nothing: '–' },
    legend: 'Solid bars: running. Dashed bars: waiting (for what is written on the bar). Red: blocking the event loop. ✕ raised, ⊘ cancelled, … never finished.',
    seconds: (s: string) => `${s} s`,
  },
  site: {
    home: 'The executable asyncio guide',
    intro: 'Every Python snippet on this site was really run in CPython 3.14 (Pyodide) on a virtual clock, and what the documents say it prints, and when, was checked against the run.',
    errata: 'Errata and status',
    documents: 'Documents',
    notebook: 'Download as a Jupyter notebook (.ipynb, with the recorded outputs)',
    fallback: 'This page is not fully translated yet: untranslated parts are shown in the Korean original.',
    notFound: 'Page not found',
  },
  reasons,
  problems,
  starlight: {
    'skipLink.label': 'Skip to content',
    'search.label': 'Search',
    'search.ctrlKey': 'Ctrl',
    'search.cancelLabel': 'Cancel',
    'search.devWarning': 'Search is only available in production builds. Build and preview the site to try it.',
    'themeSelect.accessibleLabel': 'Select theme',
    'themeSelect.dark': 'Dark',
    'themeSelect.light': 'Light',
    'themeSelect.auto': 'Auto',
    'languageSelect.accessibleLabel': 'Select language',
    'menuButton.accessibleLabel': 'Menu',
    'sidebarNav.accessibleLabel': 'Main',
    'tableOfContents.onThisPage': 'On this page',
    'tableOfContents.overview': 'Overview',
    'i18n.untranslatedContent': 'This content is not available in English yet.',
    'page.editLink': 'Edit page',
    'page.lastUpdated': 'Last updated:',
    'page.previousLink': 'Previous',
    'page.nextLink': 'Next',
    'page.draft': 'This content is a draft and will not be included in production builds.',
    '404.text': 'Page not found. Check the address or try the search.',
    'aside.note': 'Note',
    'aside.tip': 'Tip',
    'aside.caution': 'Caution',
    'aside.danger': 'Danger',
    'fileTree.directory': 'Directory',
    'builtWithStarlight.label': 'Built with Starlight',
    'heading.anchorLabel': 'Section titled “{{title}}”',
    'expressiveCode.copyButtonTooltip': 'Copy to clipboard',
    'expressiveCode.copyButtonCopied': 'Copied!',
    'expressiveCode.terminalWindowFallbackTitle': 'Terminal window',
    'pagefind.clear_search': 'Clear',
    'pagefind.load_more': 'Load more results',
    'pagefind.search_label': 'Search this site',
    'pagefind.filters_label': 'Filters',
    'pagefind.zero_results': 'No results for [SEARCH_TERM]',
    'pagefind.many_results': '[COUNT] results for [SEARCH_TERM]',
    'pagefind.one_result': '[COUNT] result for [SEARCH_TERM]',
    'pagefind.alt_search': 'No results for [SEARCH_TERM]. Showing results for [DIFFERENT_TERM] instead',
    'pagefind.search_suggestion': 'No results for [SEARCH_TERM]. Try one of the following searches:',
    'pagefind.searching': 'Searching for [SEARCH_TERM]...',
  },
};
