// The comparison classes that made false drifts (issue 27), each through the whole reading and
// judging path: a document as the check parses it, a run as the kernel reports it, the verdict and
// its English reason. Examples in English, Korean, Chinese and Japanese.
import { describe, expect, it } from 'vitest';
import { judge } from '../../src/check/verdict.ts';
import { compareStated } from '../../src/check/compare.ts';
import { statedLine } from '../../src/source/stated.ts';
import type { CellRun, OutputEvent } from '../../src/kernel/types.ts';
import { parseDocument } from '../../src/source/document.ts';

/** The only python block of a small document (fence on line 1, code from line 2). */
function cellOf(code: string, after = '') {
  return parseDocument('```python\n' + code + '\n```\n' + after, 'docs/demo.md').cells[0]!;
}

function run(lines: [string, number][], virtualSeconds = lines.at(-1)?.[1] ?? 0): CellRun {
  const events: OutputEvent[] = lines.map(([text, t]) => ({ stream: 'stdout', text: text + '\n', t }));
  return {
    status: 'ok', events, result: null, error: null, virtualSeconds, cpuMs: 1, trace: { actors: [] },
    // One top-level statement on the block's first line, taking the whole run.
    statements: [{ line: 1, endLine: 1, start: 0, end: virtualSeconds }], defines: [], imports: [], uses: [], world: [],
  };
}

/** A block whose output fence (after a label) states `stated`; the code itself does not matter here. */
function fenced(stated: string[], label = 'Output:') {
  return cellOf('main()', `\n${label}\n\n\`\`\`\n${stated.join('\n')}\n\`\`\`\n`);
}

const verdictOf = (cell: ReturnType<typeof cellOf>, lines: [string, number][], virtualSeconds?: number) => {
  const v = judge(cell, run(lines, virtualSeconds), undefined);
  return [v.verdict, v.reason];
};
const VERIFIED = 'the stated output and timing claims match the run';

describe('a real clock printed by the author matches within the precision it was written with', () => {
  it('reads a long float after a time word as an elapsed time (en)', () => {
    const cell = fenced(['start', 'elapsed: 3.0031824111938477']);
    expect(verdictOf(cell, [['start', 0], ['elapsed: 3.0', 3]])).toEqual(['verified', VERIFIED]);
    // A real drift still shows: the run takes 2 s where the document says 3.
    expect(verdictOf(cell, [['start', 0], ['elapsed: 2.0', 2]])).toEqual(['drift',
      'line 9 of the source document: "elapsed: 3.0031824111938477" says 3.003182s, the run shows 2s']);
  });

  it('gives a reading written with one decimal one tenth, not a second (ko)', () => {
    const cell = fenced(['작업 완료', '소요: 3.0'], '실행 결과:');
    expect(verdictOf(cell, [['작업 완료', 3], ['소요: 3.0', 3]])).toEqual(['verified', VERIFIED]);
    expect(verdictOf(cell, [['작업 완료', 2], ['소요: 2.0', 2]])).toEqual(['drift',
      'line 9 of the source document: "소요: 3.0" says 3s, the run shows 2s']);
  });

  it('reads 耗时 and 経過 the same way (zh, ja)', () => {
    expect(verdictOf(fenced(['全部完成', '耗时 2.0031'], '输出：'), [['全部完成', 2], ['耗时 2.0', 2]])).toEqual(['verified', VERIFIED]);
    expect(verdictOf(fenced(['全部完成', '耗时 1.0'], '输出：'), [['全部完成', 2], ['耗时 2.0', 2]])).toEqual(['drift',
      'line 9 of the source document: "耗时 1.0" says 1s, the run shows 2s']);
    expect(verdictOf(fenced(['経過時間: 1.5023'], '出力:'), [['経過時間: 1.5', 1.5]])).toEqual(['verified', VERIFIED]);
  });

  it('reads a clock difference printed bare, with no word, by its shape: many digits where the run prints a round value', () => {
    const cell = fenced(['done', '1.0012345678901234']);
    expect(verdictOf(cell, [['done', 1], ['1.0', 1]])).toEqual(['verified', VERIFIED]);
    expect(verdictOf(cell, [['done', 1], ['2.0', 2]])[0]).toBe('drift');
  });

  it('reads a finely written number anywhere in a line that names time', () => {
    const cell = fenced(['elapsed time for task A: 3.0031 (2 tasks)']);
    expect(verdictOf(cell, [['elapsed time for task A: 3.0 (2 tasks)', 3]])).toEqual(['verified', VERIFIED]);
    expect(verdictOf(cell, [['elapsed time for task A: 3.0 (3 tasks)', 3]])[0]).toBe('drift');
    expect(verdictOf(cell, [['elapsed time for task A: 4.0 (2 tasks)', 4]])).toEqual(['drift',
      'line 8 of the source document: "elapsed time for task A: 3.0031 (2 tasks)" says 3.0031s, the run shows 4s']);
  });

  it('lets time.time() and time.ctime() show another moment', () => {
    expect(verdictOf(fenced(['now: 1714564803.1234567']), [['now: 1735689600.0', 0]])).toEqual(['verified', VERIFIED]);
    const ctime = fenced(['Wed May  1 12:00:03 2024 start', 'Wed May  1 12:00:05 2024 end']);
    expect(verdictOf(ctime, [['Wed Jan  1 00:00:00 2025 start', 0], ['Wed Jan  1 00:00:02 2025 end', 2]])).toEqual(['verified', VERIFIED]);
    expect(verdictOf(ctime, [['Wed Jan  1 00:00:00 2025 start', 0], ['Wed Jan  1 00:00:04 2025 end', 4]])[0]).toBe('drift');
  });

  it('compares numbers that are not clock readings exactly', () => {
    expect(verdictOf(fenced(['result: 42']), [['result: 42', 0]])).toEqual(['verified', VERIFIED]);
    expect(verdictOf(fenced(['result: 42']), [['result: 43', 0]])).toEqual(['drift',
      'the stated output at line 8 of the source document does not match what the program printed']);
    expect(verdictOf(fenced(['sum = 3.5']), [['sum = 3.52', 0]])[0]).toBe('drift');
    // Many digits where the run prints many other digits: a computed value, not a clock.
    expect(verdictOf(fenced(['pi = 3.14159265']), [['pi = 3.14159266', 0]])[0]).toBe('drift');
  });

  it('takes timestamps with a date and a fraction of a second as readings, checked by their steps', () => {
    const cell = fenced(['2024-05-01 12:00:03.123456 start', '2024-05-01 12:00:05.125001 end']);
    expect(verdictOf(cell, [['2025-01-01 00:00:00 start', 0], ['2025-01-01 00:00:02 end', 2]])).toEqual(['verified', VERIFIED]);
    expect(verdictOf(cell, [['2025-01-01 00:00:00 start', 0], ['2025-01-01 00:00:04 end', 4]])).toEqual(['drift',
      'line 9 of the source document: "2024-05-01 12:00:05.125001 end" says 2.001545s, the run shows 4s']);
    // logging's asctime: a comma before the milliseconds.
    const logged = fenced(['2024-05-01 12:00:03,123 INFO ready']);
    expect(verdictOf(logged, [['2025-01-01 00:00:00,000 INFO ready', 0]])).toEqual(['verified', VERIFIED]);
  });

  it('takes the date alone as a reading when the run printed the virtual clock\'s date', () => {
    expect(verdictOf(fenced(['오늘: 2024-05-01'], '출력:'), [['오늘: 2025-01-01', 0]])).toEqual(['verified', VERIFIED]);
    // A date the program computes is compared as it is.
    expect(verdictOf(fenced(['due: 2024-05-01']), [['due: 2024-05-02', 0]])[0]).toBe('drift');
  });

  it('lets object ids, pids and thread idents differ', () => {
    expect(verdictOf(fenced(['object id: 140234567890123', 'pid=12345']), [['object id: 9876544', 0], ['pid=42', 0]])).toEqual(['verified', VERIFIED]);
    expect(verdictOf(fenced(['<Thread(Thread-3 (worker), started 139876543210)>', '스레드 ID: 139876543210'], '출력:'), [
      ['<Thread(Thread-1 (worker), started 5)>', 0], ['스레드 ID: 7', 0],
    ])).toEqual(['verified', VERIFIED]);
    expect(verdictOf(fenced(['线程 ThreadPoolExecutor-0_1 完成', '进程ID: 4242'], '输出：'), [['线程 ThreadPoolExecutor-0_0 完成', 0], ['进程ID: 42', 0]])).toEqual(['verified', VERIFIED]);
    // The words around them still count, and an id the program chose is its value.
    expect(verdictOf(fenced(['pid=12345 ready']), [['pid=42 failed', 0]])[0]).toBe('drift');
    expect(verdictOf(fenced(['order id: 1001']), [['order id: 1002', 0]])[0]).toBe('drift');
  });
});

describe('a placeholder the author wrote matches what it stands for, and the reason says so', () => {
  it('matches `<your file>` and `File "path"` (en)', () => {
    const cell = fenced(['running at <your file>', 'File "path", line 3, in <module>']);
    expect(verdictOf(cell, [['running at /sandbox/main.py', 0], ['File "/sandbox/main.py", line 3, in <module>', 0]])).toEqual(['verified',
      `${VERIFIED} (line 8: the placeholder "<your file>" stands for "/sandbox/main.py"; line 9: the placeholder "path" stands for "/sandbox/main.py")`]);
    // Only the placeholder is free: the line number is not.
    expect(verdictOf(cell, [['running at /sandbox/main.py', 0], ['File "/sandbox/main.py", line 4, in <module>', 0]])[0]).toBe('drift');
  });

  it('matches `<경로>`, `…` and `xxx` (ko, ja)', () => {
    expect(verdictOf(fenced(['파일 위치: <경로>'], '출력:'), [['파일 위치: /home/a/b.txt', 0]])).toEqual(['verified',
      `${VERIFIED} (line 8: the placeholder "<경로>" stands for "/home/a/b.txt")`]);
    expect(verdictOf(fenced(['プロセスID: xxxx', '結果: …'], '出力:'), [['プロセスID: 42', 0], ['結果: [1, 2, 3]', 0]])).toEqual(['verified',
      `${VERIFIED} (line 8: the placeholder "xxxx" stands for "42"; line 9: the placeholder "…" stands for "[1, 2, 3]")`]);
  });

  it('matches `0x...` and an abbreviated repr `<object at 0x...>` (zh)', () => {
    const cell = fenced(['地址: 0x...', '对象: <object at 0x...>'], '输出：');
    expect(verdictOf(cell, [['地址: 0x7f3a9c2b1e40', 0], ['对象: <__main__.Foo object at 0x7f3a9c2b1e40>', 0]])).toEqual(['verified',
      `${VERIFIED} (line 8: the placeholder "0x..." stands for "0x…"; line 9: the placeholder "<object at 0x...>" stands for "<__main__.Foo object at 0x…>")`]);
    expect(verdictOf(fenced(['id: 0x7f3a...']), [['id: 0x7f3a9c2b1e40', 0]])[0]).toBe('verified');
  });

  it('does not take a repr shortened to its first words for a placeholder', () => {
    // The guide's own `print(f"상태: {coro}")  # <coroutine object>`, an acknowledged erratum.
    expect(verdictOf(fenced(['상태: <coroutine object>'], '출력:'), [['상태: <coroutine object my_coroutine at 0x14929a8>', 0]])).toEqual(['drift',
      'the stated output at line 8 of the source document does not match what the program printed']);
  });

  it('says nothing of the ellipses the reader itself puts around the items of an order', () => {
    const cell = cellOf('for c in done:\n    print(result)  # 완료 순서: url2, url3, url1');
    expect(verdictOf(cell, [['url2 데이터', 1], ['url3 데이터', 2], ['url1 데이터', 3]])).toEqual(['verified', VERIFIED]);
  });

  it('still needs the rest of the line', () => {
    expect(verdictOf(fenced(['running at <your file> with 3 tasks']), [['running at /x.py with 4 tasks', 0]])[0]).toBe('drift');
  });
});

describe('a duration inside a printed line is what the line says, not when it appears', () => {
  it('does not read a comment-block line as a total claim (zh)', () => {
    const code = [
      'async def main():',
      '    await a()',
      '    await b()',
      'asyncio.run(main())',
      '# 输出:',
      '# 任务A完成，耗时1s',
      '# 任务B完成，耗时3s',
    ].join('\n');
    const cell = cellOf(code);
    expect(verdictOf(cell, [['任务A完成，耗时1s', 1], ['任务B完成，耗时3s', 4]])).toEqual(['verified', VERIFIED]);
    // The printed duration is still compared, with one unit of the written precision.
    expect(verdictOf(cell, [['任务A完成，耗时1s', 1], ['任务B完成，耗时5s', 6]])).toEqual(['drift',
      'line 8 of the source document: "任务B完成，耗时3s" says 3s, the run shows 5s']);
  });

  it('keeps the text after the label when it is a printed line with a duration (en, ko, ja)', () => {
    const en = cellOf('asyncio.run(main())\n# Output: fetched, took 3 s');
    expect(en.stated.map((s) => s.lines.map((l) => l.text))).toEqual([['fetched, took 3 s']]);
    expect(verdictOf(en, [['fetched, took 3 s', 4]], 4)).toEqual(['verified', VERIFIED]);
    const ko = cellOf('asyncio.run(main())\n# 결과:\n# 다운로드 완료: 3초 소요');
    expect(verdictOf(ko, [['다운로드 완료: 3초 소요', 5]], 5)).toEqual(['verified', VERIFIED]);
    const ja = cellOf('asyncio.run(main())\n# 出力:\n# 完了（3秒かかりました）');
    expect(verdictOf(ja, [['完了（3秒かかりました）', 4]], 4)).toEqual(['verified', VERIFIED]);
  });

  it('takes a timing remark in an output block the program does not print as the document\'s claim (ko, en)', () => {
    // `# 총 3초 소요` under the printed lines: printed, it is a line; not printed, a claim about the code.
    const ko = cellOf('asyncio.run(main())\n# 출력:\n# A 완료\n# B 완료\n# 총 3초 소요');
    expect(verdictOf(ko, [['A 완료', 1], ['B 완료', 3]], 3)).toEqual(['verified', VERIFIED]);
    expect(verdictOf(ko, [['A 완료', 1], ['B 완료', 2]], 2)).toEqual(['drift', '"총 3초 소요" (line 6 of the source document) says 3s, the run took 2s']);
    expect(verdictOf(ko, [['A 완료', 1], ['B 완료', 3], ['총 3초 소요', 3]], 3)).toEqual(['verified', VERIFIED]);
    // After the label: `took 3 s in total` printed is a line, not printed the document's total.
    const en = cellOf('asyncio.run(main())\n# Output: took 3 s in total');
    expect(verdictOf(en, [['done', 3]], 3)).toEqual(['verified', VERIFIED]);
    expect(verdictOf(en, [['done', 2]], 2)).toEqual(['drift', '"Output: took 3 s in total" (line 3 of the source document) says 3s, the run took 2s']);
    expect(verdictOf(en, [['took 3 s in total', 3]], 3)).toEqual(['verified', VERIFIED]);
  });

  it('still reads the document\'s own claims: a timing after the label, a `# N초 후` comment', () => {
    const total = cellOf('asyncio.run(main())\n# 결과: 총 1초 소요');
    expect(total.claims.map((c) => [c.kind, c.seconds, c.sourceLine])).toEqual([['total', 1, 3]]);
    const appear = cellOf('print("끝")  # 2초 후');
    expect(appear.claims.map((c) => [c.kind, c.seconds])).toEqual([['appear', 2]]);
  });

  it('reads an `[MM:SS]` marker before a stated line as when it appears, unless the program prints it', () => {
    const cell = fenced(['[00:00] 시작', '[00:01] A 완료', '[00:02.5] B 완료'], '출력:');
    expect(verdictOf(cell, [['시작', 0], ['A 완료', 1], ['B 완료', 2.5]])).toEqual(['verified', VERIFIED]);
    expect(verdictOf(cell, [['시작', 0], ['A 완료', 1], ['B 완료', 3]])).toEqual(['drift',
      'line 10 of the source document: "[00:02.5] B 완료" says 2.5s, the run shows 3s']);
    // A program that prints its own minutes and seconds: the marker is text.
    expect(verdictOf(fenced(['[00:00] start', '[00:01] done']), [['[00:00] start', 0], ['[00:01] done', 1]])).toEqual(['verified', VERIFIED]);
  });

  it('does not read a printed line quoted in the prose as the program\'s run time (zh)', () => {
    const cell = cellOf('asyncio.run(main())', '\n程序会打印 `任务B完成，耗时3s`。\n');
    expect(cell.claims).toEqual([]);
    expect(cellOf('asyncio.run(main())', '\nAt the end it prints `fetched, took 3 s` and exits.\n').claims).toEqual([]);
    // The prose's own time, even written as code, is still a claim about the run.
    const own = cellOf('asyncio.run(main())', '\nThis takes `~3s` in total.\n');
    expect(own.claims.map((c) => [c.kind, c.seconds, c.found])).toEqual([['program', 3, 'timing:prose:en']]);
  });
});

describe('the diff of a drift shows only what differs', () => {
  it('shows a line a reading or a placeholder matched as the run printed it, not as a change', () => {
    const stated = { kind: 'output' as const, lines: ['start <your file>', 'sum: 5', 'elapsed: 3.0031824111938477'].map((l, i) => statedLine(l, 20 + i)), unordered: false, sourceLine: 20, found: 'test' };
    const r = compareStated([stated], [{ text: 'start /sandbox/a.py', t: 0 }, { text: 'sum: 6', t: 3 }, { text: 'elapsed: 3.0', t: 3 }], 'doc/c');
    expect(r.problems).toEqual([{ kind: 'output', line: 20 }]);
    expect(r.diff!.split('\n').slice(4)).toEqual(['@@ -1,3 +1,3 @@', ' start /sandbox/a.py', '-sum: 5', '+sum: 6', ' elapsed: 3.0', '']);
  });
});
