import { describe, expect, it } from 'vitest';
import { appearAnnotation, errorCues, timingClaims } from '../../../src/source/claims.ts';

const kinds = (code: string) => timingClaims(code, 1).map((c) => [c.kind, c.seconds, c.approximate, c.found]);

describe('appearAnnotation', () => {
  it.each([
    ['약 3초 뒤 출력', 3, true],
    ['after ~2 s', 2, true],
    ['(2초 후)', 2, false],
    ['3秒 后输出', 3, false],
    ['0.5초 후에 출력됨', 0.5, false],
    ['printed after 1.5 seconds', 1.5, false],
    ['2 s later', 2, false],
  ])('reads %j as the time a line appears', (text, seconds, approximate) => {
    expect(appearAnnotation(text)).toEqual({ seconds, approximate });
  });

  // BUG (claims.ts, APPEAR_PATTERNS / UNIT): the unit ends with `(?![\p{L}])`, so a unit written
  // straight before the next word, as Chinese and Japanese always write it (and Korean often), never
  // matches: `3秒后输出` (the function's own documented example), `3秒後`, `3초후 출력` give null,
  // so when the line appears is not read and not checked.
  it.each([
    ['3秒后输出', 3, false],
    ['3秒後', 3, false],
    ['3초후 출력', 3, false],
  ])('reads the unspaced %j as the time a line appears', (text, seconds, approximate) => {
    expect(appearAnnotation(text)).toEqual({ seconds, approximate });
  });

  it.each([
    '3초',
    '총 3초 소요',
    '3초 뒤에 main이 끝나고 결과를 모읍니다',
    'after the loop ends',
    'takes 2 s',
    '3 steps later',
  ])('does not read %j as the time a line appears', (text) => {
    expect(appearAnnotation(text)).toBeNull();
  });
});

describe('timingClaims', () => {
  it('reads a trailing `# 총 3초 소요` after asyncio.run(main()) as the total', () => {
    const [c, ...rest] = timingClaims('import asyncio\nasyncio.run(main())  # 총 3초 소요', 10);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ kind: 'total', seconds: 3, trailing: true, codeLine: 2, sourceLine: 11, found: 'timing:code:trailing' });
  });

  it('reads an English trailing total', () => {
    expect(kinds('asyncio.run(main())  # takes about 2 seconds')).toEqual([['total', 2, true, 'timing:code:trailing']]);
  });

  it('reads `# 총 3초 소요` on its own line after the code as a total of what is above', () => {
    expect(timingClaims('asyncio.run(main())\n# 총 3초 소요', 1)).toMatchObject([{ kind: 'total', scope: 'before', found: 'timing:code' }]);
  });

  it('does not read a total comment on the first line with nothing to head', () => {
    expect(timingClaims('# 총 3초 소요\n\nimport asyncio', 1)).toEqual([]);
  });

  it('reads an appear annotation on a print line', () => {
    const [c] = timingClaims('    print("done")  # 약 3초 뒤 출력', 1);
    expect(c).toMatchObject({ kind: 'appear', seconds: 3, approximate: true, found: 'timing:appear' });
    expect(new RegExp(c!.pattern!).test('done')).toBe(true);
  });

  it('reads a bare time after a print of plain text as when it appears', () => {
    expect(kinds('print("완료")  # 2초')).toEqual([['appear', 2, false, 'timing:appear']]);
  });

  it('reads a bare time after a print of a value as the value printed', () => {
    expect(kinds('print(f"elapsed: {time.time() - t0:.1f}")  # 약 3초')).toEqual([['printed', 3, true, 'timing:printed']]);
  });

  it('does not read a time comment on a line that is no print', () => {
    expect(timingClaims('    await asyncio.sleep(3)  # 3초', 1)).toEqual([]);
  });

  it('does not read a print comment that states no time', () => {
    expect(timingClaims('print("done")  # 완료 메시지', 1)).toEqual([]);
  });

  it('reads a nested total heading the statements below it', () => {
    const code = 'async def main():\n    # 총 2초\n    await a()\n    await b()\n\nasyncio.run(main())';
    expect(timingClaims(code, 1)).toMatchObject([{ kind: 'total', scope: 'after', segment: { fromLine: 3, toLine: 4 }, found: 'timing:code:nested' }]);
  });
});

describe('errorCues', () => {
  it('reads an exception named in a comment and a ❌ comment as cues', () => {
    expect(errorCues('await x  # SyntaxError!\nbad()  # ❌ 안 됨')).toEqual([
      { codeLine: 1, ename: 'SyntaxError', text: '# SyntaxError!' },
      { codeLine: 2, ename: null, text: '# ❌ 안 됨' },
    ]);
  });

  it('does not read a comment without an exception name as a cue', () => {
    expect(errorCues('x = 1  # error handling comes later')).toEqual([]);
  });
});
