import { describe, expect, it } from 'vitest';
import { hasOwnWords, leadingLiteral, printArguments, printTemplate, templatePattern, trailingComment } from '../../../src/source/print-template.ts';

const H = { hole: true } as const;
const L = (literal: string) => ({ literal });
const fits = (line: string, text: string) => templatePattern(printTemplate(line)!).test(text);

describe('printTemplate', () => {
  it('reads an f-string as literals and holes', () => {
    expect(printTemplate('print(f"합계: {total}개")')!.parts).toEqual([L('합계: '), H, L('개')]);
  });

  it('reads doubled braces in an f-string as literal braces', () => {
    expect(printTemplate('print(f"{{x}} = {x}")')!.parts).toEqual([L('{x} = '), H]);
  });

  it('keeps braces literal in a plain string', () => {
    expect(printTemplate('print("{x}")')!.parts).toEqual([L('{x}')]);
  });

  it('reads a format field with a nested spec as one hole', () => {
    expect(printTemplate('print(f"{x:{width}} end")')!.parts).toEqual([H, L(' end')]);
  });

  it('reads .format() fields as holes', () => {
    expect(printTemplate('print("{} of {}".format(a, b))')!.parts).toEqual([H, L(' of '), H]);
  });

  it('reads % formatting as holes, and %% as a percent sign', () => {
    expect(printTemplate('print("%s took %.2f s, 100%%" % (name, t))')!.parts).toEqual([H, L(' took '), H, L(' s, 100%')]);
  });

  it('does not read % in a string without a % operator as a hole', () => {
    expect(printTemplate('print("100%d")')!.parts).toEqual([L('100%d')]);
  });

  it('joins several arguments with a space', () => {
    expect(printTemplate('print("결과:", result)')!.parts).toEqual([L('결과:'), L(' '), H]);
  });

  it('joins arguments with the sep= string', () => {
    expect(printTemplate('print("a", x, sep="-")')!.parts).toEqual([L('a'), L('-'), H]);
    expect(printTemplate('print("a", "b", sep="")')!.literalText).toBe('ab');
  });

  it('ignores end= and other keywords', () => {
    expect(printTemplate('print("done", end="!", flush=True)')!.parts).toEqual([L('done')]);
  });

  it('reads *args as one hole', () => {
    expect(printTemplate('print("items:", *items)')!.parts).toEqual([L('items:'), L(' '), H]);
  });

  it('reads a comparison argument as a value, not a keyword', () => {
    expect(printTemplate('print(a == b)')!.parts).toEqual([H]);
  });

  it('unescapes \\n, \\t and escaped quotes', () => {
    expect(printTemplate('print("a\\tb \\"c\\"")')!.literalText).toBe('a\tb "c"');
  });

  it('returns null for a line that does not call print', () => {
    expect(printTemplate('x = 1  # 1')).toBeNull();
    expect(printTemplate('logger.print("x")')).toBeNull();
    expect(printTemplate('reprint("x")')).toBeNull();
  });

  it('returns null when the call does not close on the line', () => {
    expect(printTemplate('print(')).toBeNull();
    expect(printTemplate('print("a",  # comment')).toBeNull();
  });
});

describe('printArguments', () => {
  it('finds the closing parenthesis past brackets and strings', () => {
    expect(printArguments('print(f(x), ")")  # c')).toBe('f(x), ")"');
  });
});

describe('templatePattern', () => {
  it('matches a line the print could write', () => {
    expect(fits('print(f"합계: {total}개")', '합계: 30개')).toBe(true);
  });

  it('does not match a line with other literal words', () => {
    expect(fits('print(f"합계: {total}개")', '평균: 30개')).toBe(false);
  });

  it('accepts any whitespace where the template has some', () => {
    expect(fits('print("a", x)', 'a   1')).toBe(true);
    expect(fits('print("a", x)', 'a1')).toBe(true);
  });

  it('escapes regex characters of the literals', () => {
    expect(fits('print(f"[{x}] (ok)")', '[1] (ok)')).toBe(true);
    expect(fits('print(f"[{x}] (ok)")', '1 ok')).toBe(false);
  });

  it('does not match an empty hole', () => {
    expect(fits('print(f"n={n}")', 'n=')).toBe(false);
  });
});

describe('hasOwnWords and leadingLiteral', () => {
  it('says a template of holes and punctuation has no words', () => {
    expect(hasOwnWords(printTemplate('print(x, y)')!)).toBe(false);
    expect(hasOwnWords(printTemplate('print(f"{x}: {y}")')!)).toBe(false);
    expect(hasOwnWords(printTemplate('print(f"x={x}")')!)).toBe(true);
  });

  it('gives the literal before the first hole, trimmed', () => {
    expect(leadingLiteral(printTemplate('print(f"상태: {s}")')!)).toBe('상태:');
    expect(leadingLiteral(printTemplate('print(f"{s} 완료")')!)).toBe('');
  });
});

describe('trailingComment', () => {
  it('returns the comment after code', () => {
    expect(trailingComment('print(x)  # [1, 2]')).toBe('[1, 2]');
  });

  it('ignores # inside strings', () => {
    expect(trailingComment('print("#1 done")')).toBeNull();
    expect(trailingComment("print('a # b')  # a # b")).toBe('a # b');
    expect(trailingComment('print("say \\"#\\"")  # ok')).toBe('ok');
  });

  it('returns null for a line that is only a comment', () => {
    expect(trailingComment('    # just a comment')).toBeNull();
  });
});
