import { describe, expect, it } from 'vitest';
import { errorCues, timingClaims } from '../../src/source/claims.ts';

// What the check needs of a claim: its kind, number, tolerance class, scope and where it is written.
const brief = (code: string, start = 1) =>
  timingClaims(code, start).map((c) => [c.kind, c.seconds, c.approximate, c.scope, c.codeLine, c.sourceLine, c.text]);

describe('timingClaims: totals', () => {
  it('reads `# 총 6초 소요 ❌` after the calls it sums up (asyncio-complete-guide.md)', () => {
    // The trailing `# 2초` comments on the calls are notes, not claims.
    const code = [
      'download_file("file1.txt")  # 2초',
      'download_file("file2.txt")  # 2초',
      'download_file("file3.txt")  # 2초',
      '# 총 6초 소요 ❌',
    ].join('\n');
    expect(brief(code, 90)).toEqual([['total', 6, false, 'before', 4, 93, '총 6초 소요 ❌']]);
  });

  it('reads `# 총 6초` above the calls as heading them (async-programming.md)', () => {
    const code = 'def task(name, duration):\n    time.sleep(duration)\n\n# 총 6초\ntask("작업1", 2)\ntask("작업2", 2)';
    expect(brief(code, 10)).toEqual([['total', 6, false, 'after', 4, 13, '총 6초']]);
  });

  it('keeps the remark after the number in the text', () => {
    const code = 'asyncio.run(cook_meal())\n# 총 3초 소요 (밥 짓는 시간만큼)';
    expect(brief(code)).toEqual([['total', 3, false, 'before', 2, 2, '총 3초 소요 (밥 짓는 시간만큼)']]);
  });

  it('makes 약 claims approximate, in every Korean form', () => {
    // `# 약 5초 (각 사이트당 1초씩)` follows the scraper's print in asyncio-complete-guide.md.
    const forms = ['약 5초 (각 사이트당 1초씩)', '약 5초 소요', '총 약 5초'];
    for (const form of forms) {
      expect(brief(`results = scrape_sync(urls)\n# ${form}`)).toEqual([['total', 5, true, 'before', 2, 2, form]]);
    }
  });

  it('reads the English forms `took 2 s` and `3 s in total`', () => {
    expect(brief('asyncio.run(main())\n# took 2 s')).toEqual([['total', 2, false, 'before', 2, 2, 'took 2 s']]);
    expect(brief('asyncio.run(main())\n# took about 2 seconds')).toEqual([['total', 2, true, 'before', 2, 2, 'took about 2 seconds']]);
    expect(brief('asyncio.run(main())\n# 1.5 s in total')).toEqual([['total', 1.5, false, 'before', 2, 2, '1.5 s in total']]);
  });

  it('reads two totals in one block, each with its own line', () => {
    // asyncio-complete-guide.md puts the slow and the fast version in one block.
    const code = 'cook_meal()\n# 총 5초 소요\n\nasyncio.run(cook_meal())\n# 총 3초 소요';
    expect(brief(code, 120).map((c) => [c[1], c[4], c[5]])).toEqual([[5, 2, 121], [3, 5, 124]]);
  });

  it('ignores a total before any code that heads nothing', () => {
    // Nothing above it to sum up, and a blank line below: a remark about the whole section.
    expect(brief('# 총 3초\n\nimport asyncio\nasyncio.run(main())')).toEqual([]);
  });

  it('ignores comments that name a time without claiming a total', () => {
    const code = 'asyncio.run(main())\n# 1초 후 출력\n# 각 1초씩 대기\n# 2초 대기 (블로킹!)';
    expect(brief(code)).toEqual([]);
  });

  it('ignores a trailing comment inside a function body, even one that says 총', () => {
    // Only comment lines can be totals; a note on a statement inside a function is not one.
    const code = 'async def f():\n    await asyncio.sleep(2)  # 총 2초\n\nasyncio.run(f())';
    expect(brief(code)).toEqual([]);
  });

  it('ignores a comment inside a function that names a time but no total', () => {
    const code = 'async def f():\n    await asyncio.sleep(2)\n    # 2초 대기 후 종료\n    return 1\n\nasyncio.run(f())';
    expect(brief(code)).toEqual([]);
  });
});

describe('timingClaims: printed elapsed times', () => {
  it('reads `# 약 3초 ❌` after a print of the elapsed time (asyncio-complete-guide.md)', () => {
    const code = 'start = time.time()\ndata = fetch_websites()\nprint(f"소요 시간: {time.time() - start:.2f}초")  # 약 3초 ❌';
    expect(brief(code, 24)).toEqual([['printed', 3, true, 'before', 3, 26, '약 3초 ❌']]);
  });

  it('reads aligned comments on consecutive prints (the benchmark)', () => {
    const code = 'print(f"동기: {sync_time:.2f}초")    # 약 10초\nprint(f"비동기: {async_time:.2f}초")  # 약 1초';
    expect(brief(code, 1360).map((c) => [c[0], c[1], c[2], c[5]])).toEqual([
      ['printed', 10, true, 1360],
      ['printed', 1, true, 1361],
    ]);
  });

  it('reads a plain number as exact and `about 3 s` as approximate', () => {
    expect(brief('print(f"{t:.1f}")  # 2.5초').map((c) => [c[0], c[1], c[2]])).toEqual([['printed', 2.5, false]]);
    expect(brief('print(f"elapsed: {t:.1f}s")  # about 3 s').map((c) => [c[0], c[1], c[2]])).toEqual([['printed', 3, true]]);
  });

  it('does not read a value after print as a time', () => {
    expect(brief("print(results)  # ['User 1', 'User 2', 'User 3']\nprint(n)  # 3")).toEqual([]);
  });
});

describe('errorCues', () => {
  it('names the exception of `# SyntaxError!` and `# ❌ TypeError! (...)` cues', () => {
    // From asyncio-complete-guide.md, "규칙".
    const code = [
      'def wrong():',
      '    await asyncio.sleep(1)  # ❌ SyntaxError!',
      '',
      'async def example():',
      '    await 123  # ❌ TypeError! (int는 awaitable 아님)',
    ].join('\n');
    expect(errorCues(code)).toEqual([
      { codeLine: 2, ename: 'SyntaxError', text: '# ❌ SyntaxError!' },
      { codeLine: 5, ename: 'TypeError', text: '# ❌ TypeError! (int는 awaitable 아님)' },
    ]);
  });

  it('reads a bare `# ❌` as a cue with no exception name', () => {
    expect(errorCues('# ❌ 실행 안됨\nresult = task()  # 코루틴 객체만 생성')).toEqual([
      { codeLine: 1, ename: null, text: '# ❌ 실행 안됨' },
    ]);
  });

  it('reads dotted, Exit and Interrupt names, and a name followed by Korean', () => {
    const code = 'x = await t  # asyncio.TimeoutError 발생\nsys.exit(1)  # SystemExit\nloop()  # KeyboardInterrupt로 중단';
    expect(errorCues(code).map((c) => [c.codeLine, c.ename])).toEqual([
      [1, 'TimeoutError'],
      [2, 'SystemExit'],
      [3, 'KeyboardInterrupt'],
    ]);
  });

  it('finds no cue in comments that only talk about errors', () => {
    const code = '# 에러!\n# error handling\nawait fetch_data()  # 예외 발생 가능\nprint("done")  # ✅ OK';
    expect(errorCues(code)).toEqual([]);
  });
});
