import { describe, expect, it } from 'vitest';
import { FAILING, judge, raisingLine } from '../../src/check/verdict.ts';
import type { CellSettings } from '../../src/check/settings.ts';
import type { CellRun, OutputEvent } from '../../src/kernel/types.ts';
import { parseDocument } from '../../src/source/document.ts';

/** The only python block of a small document, parsed as the check parses it (fence on line 1). */
function cellOf(code: string, after = '') {
  return parseDocument('```python\n' + code + '\n```\n' + after, 'content/ko/demo.md').cells[0]!;
}

/** A run as the kernel reports it; only what a test sets differs from a clean, silent run. */
function run(overrides: Partial<CellRun> = {}): CellRun {
  return {
    status: 'ok', events: [], result: null, error: null, virtualSeconds: 0, cpuMs: 1, trace: { actors: [] },
    statements: [], defines: [], imports: [], uses: [], world: [], ...overrides,
  };
}

const out = (...lines: [string, number][]): OutputEvent[] => lines.map(([text, t]) => ({ stream: 'stdout', text: text + '\n', t }));

function raised(ename: string, evalue: string, line: number): Partial<CellRun> {
  return { status: 'error', error: { ename, evalue, traceback: ['Traceback (most recent call last):\n', `  File "<cell 1>", line ${line}, in <module>\n`, `${ename}: ${evalue}\n`] } };
}

const settings = (extra: Partial<CellSettings>): CellSettings => ({ key: 'k', line: 1, ...extra });
const verdictOf = (v: ReturnType<typeof judge>) => [v.verdict, v.reason];

describe('judge: cells that are not run', () => {
  it('skips a python block of shell commands, and a cell the settings skip', () => {
    expect(verdictOf(judge(cellOf('pip install aiohttp'), null, undefined))).toEqual(['skipped', 'shell commands, not Python']);
    expect(verdictOf(judge(cellOf('print(1)'), run(), settings({ skip: '의사 코드' })))).toEqual(['skipped', '의사 코드']);
  });

  it('calls a cell with no run an error', () => {
    expect(verdictOf(judge(cellOf('print(1)'), null, undefined))).toEqual(['error', 'the cell was not run']);
  });
});

describe('judge: clean runs', () => {
  it('is `ran` when the document states nothing', () => {
    const v = judge(cellOf('print("안녕")'), run({ events: out(['안녕', 0]) }), undefined);
    expect(verdictOf(v)).toEqual(['ran', 'ran cleanly; the document states no output']);
    expect([v.diff, v.claims, v.acknowledged, v.settingsProblem]).toEqual([null, [], null, null]);
  });

  it('is `verified` when the stated output and its timing match', () => {
    // async-io-performance.md, create_task: the output fence after the block.
    const cell = cellOf('asyncio.run(main())', '#### 출력 결과\n```\n메인 작업 실행 중...\n메인 작업 완료! (1초 후)\n백그라운드 작업 완료! (2초 후)\n```\n');
    const v = judge(cell, run({ events: out(['메인 작업 실행 중...', 0], ['메인 작업 완료!', 1], ['백그라운드 작업 완료!', 2]) }), undefined);
    expect(verdictOf(v)).toEqual(['verified', 'the stated output and timing claims match the run']);
    expect(v.claims.map((c) => [c.kind, c.sourceLine, c.expected, c.actual, c.ok])).toEqual([
      ['line-time', 7, 1, 1, true],
      ['line-time', 8, 2, 2, true],
    ]);
  });

  it('is `drift` with a diff when a stated line differs', () => {
    const cell = cellOf('print("B 완료")\nprint("A 완료")\n# 출력:\n# A 완료\n# B 완료');
    const v = judge(cell, run({ events: out(['B 완료', 1], ['A 완료', 2]) }), undefined);
    expect(verdictOf(v)).toEqual(['drift', 'the stated output at line 4 of the source document does not match what the program printed']);
    expect(v.diff).toContain('-A 완료\n B 완료\n+A 완료');
    expect(FAILING.has(v.verdict)).toBe(true);
  });

  it('accepts another order when the settings say the order may vary', () => {
    const cell = cellOf('print("B 완료")\nprint("A 완료")\n# 출력:\n# A 완료\n# B 완료');
    expect(judge(cell, run({ events: out(['B 완료', 1], ['A 완료', 2]) }), settings({ orderMayVary: true })).verdict).toBe('verified');
  });

  it('checks `# 총 N초 소요` against the statements it sums up', () => {
    const code = 'import asyncio\nasyncio.run(main())\n# 총 2초 소요';
    const statements = (end: number) => [{ line: 1, endLine: 1, start: 0, end: 0 }, { line: 2, endLine: 2, start: 0, end }];
    expect(judge(cellOf(code), run({ statements: statements(2) }), undefined).verdict).toBe('verified');
    const slow = judge(cellOf(code), run({ statements: statements(6) }), undefined);
    expect(verdictOf(slow)).toEqual(['drift', '"총 2초 소요" (line 4 of the source document) says 2s, the run took 6s']);
  });

  it('checks `print(...)  # 약 3초` against the printed number, within its tolerance', () => {
    // asyncio-complete-guide.md, "결론부터 말하면".
    const cell = cellOf('start = time.time()\ndata = fetch_websites()\nprint(f"소요 시간: {time.time() - start:.2f}초")  # 약 3초 ❌');
    expect(judge(cell, run({ events: out(['소요 시간: 3.40초', 3.4]) }), undefined).verdict).toBe('verified');
    const slow = judge(cell, run({ events: out(['소요 시간: 6.00초', 6]) }), undefined);
    expect(verdictOf(slow)).toEqual(['drift', '"약 3초 ❌" (line 4 of the source document) says 3s, the run took 6s']);
    const silent = judge(cell, run(), undefined);
    expect(verdictOf(silent)).toEqual(['drift', '"약 3초 ❌" (line 4 of the source document): no printed time found to check']);
  });
});

describe('judge: errors', () => {
  it('is `expected-error` for the exception a `# SyntaxError!` cue names (asyncio-basics.md)', () => {
    const cell = cellOf('def sync_func():\n    await fetch_data()  # SyntaxError!');
    const v = judge(cell, run(raised('SyntaxError', "'await' outside async function", 2)), undefined);
    expect(verdictOf(v)).toEqual(['expected-error', 'raises SyntaxError where the document marks it (# SyntaxError!)']);
    expect(FAILING.has(v.verdict)).toBe(false);
  });

  it('is `expected-error` for a bare `# ❌` only on the line that raised', () => {
    const code = 'async def task():\n    return "완료"\n\n# ❌ 실행 안됨\nresult = task().send(1)  # ❌';
    const at5 = judge(cellOf(code), run(raised('TypeError', "can't send non-None value", 5)), undefined);
    expect(verdictOf(at5)).toEqual(['expected-error', 'raises TypeError where the document marks it (# ❌)']);
    const at2 = judge(cellOf(code), run(raised('TypeError', 'boom', 2)), undefined);
    expect(verdictOf(at2)).toEqual(['error', 'raises TypeError at line 2 of the cell: boom']);
  });

  it('is `error` when a named cue names another exception', () => {
    const cell = cellOf('await 123  # ❌ TypeError! (int는 awaitable 아님)\nx = y');
    const v = judge(cell, run(raised('NameError', "name 'y' is not defined", 2)), undefined);
    expect(verdictOf(v)).toEqual(['error', "raises NameError at line 2 of the cell: name 'y' is not defined"]);
  });

  it('is `drift` when the document states an output but the program raises', () => {
    const cell = cellOf('print(x)\n# 출력:\n# 1');
    const v = judge(cell, run(raised('NameError', "name 'x' is not defined", 1)), undefined);
    expect(verdictOf(v)).toEqual(['drift', "raises NameError at line 1 of the cell (name 'x' is not defined) where the document implies a normal end"]);
  });

  it('is `expected-error` when the settings expect that exception, and flags them when it is another', () => {
    const cell = cellOf('loop = asyncio.get_event_loop()');
    const expectError = { ename: 'RuntimeError', reason: '3.14' };
    const v = judge(cell, run(raised('RuntimeError', 'no current event loop', 1)), settings({ expectError }));
    expect([v.verdict, v.reason, v.settingsProblem]).toEqual(['expected-error', 'raises RuntimeError, as its setting says: 3.14', null]);
    const other = judge(cell, run(raised('ValueError', 'x', 1)), settings({ expectError }));
    expect([other.verdict, other.settingsProblem]).toEqual(['error', 'the setting expects RuntimeError but the cell is "error": it no longer applies']);
  });

  it('finds the raising line in the last frame of the cell', () => {
    const traceback = ['  File "<cell 3>", line 9, in <module>\n', '  File "<cell 3>", line 4, in main\n', '  File "/lib/asyncio/runners.py", line 118\n'];
    expect(raisingLine(run({ status: 'error', error: { ename: 'E', evalue: '', traceback } }))).toBe(4);
    expect(raisingLine(run())).toBeNull();
  });
});

describe('judge: programs that do not end', () => {
  const hang = { status: 'hangs' as const, error: { ename: 'Hang', evalue: 'main() waits for Event.wait()', traceback: [] } };

  it('is `hangs` when nothing is stated, `drift` when the document implies an end', () => {
    expect(verdictOf(judge(cellOf('asyncio.run(main())'), run(hang), undefined))).toEqual(['hangs', 'the program never ends: main() waits for Event.wait()']);
    expect(verdictOf(judge(cellOf('asyncio.run(main())\n# 출력:\n# 끝'), run(hang), undefined))).toEqual(['drift', 'the document implies a normal end, but the program never ends: main() waits for Event.wait()']);
  });

  it('says "never yields" for a CPU loop stopped by the real-time budget', () => {
    const timeout = { status: 'timeout' as const, error: { ename: 'Timeout', evalue: 'after 10 s', traceback: [] } };
    expect(verdictOf(judge(cellOf('while True: pass'), run(timeout), undefined))).toEqual(['hangs', 'the program never yields: after 10 s']);
  });
});

describe('judge: acknowledgements', () => {
  const reason = { ko: '문서의 순서가 다릅니다', en: 'The document has another order' };
  const cell = cellOf('print("B")\nprint("A")\n# 출력:\n# A\n# B');
  const swapped = run({ events: out(['B', 0], ['A', 0]) });

  it('attaches the erratum when the acknowledged verdict is the cell\'s verdict', () => {
    const v = judge(cell, swapped, settings({ acknowledge: { verdict: 'drift', reason } }));
    expect([v.verdict, v.acknowledged, v.settingsProblem]).toEqual(['drift', reason, null]);
  });

  it('reports an acknowledgement that no longer applies', () => {
    const v = judge(cell, run({ events: out(['A', 0], ['B', 0]) }), settings({ acknowledge: { verdict: 'drift', reason } }));
    expect([v.verdict, v.acknowledged, v.settingsProblem]).toEqual(['verified', null, 'the setting acknowledges "drift" but the cell is now "verified": it no longer applies']);
  });

  it('treats drift, error and hangs as failing, and nothing else', () => {
    expect([...FAILING].sort()).toEqual(['drift', 'error', 'hangs']);
  });
});
