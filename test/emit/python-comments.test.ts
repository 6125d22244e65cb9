// A translated block runs as the page shows it only when it is the build's program, comments aside.
import { describe, expect, it } from 'vitest';
import { linesWithoutComments, sameProgram } from '../../src/emit/python-comments.ts';

describe('comments of a Python block', () => {
  it('are removed outside strings only', () => {
    expect(linesWithoutComments('x = "# not"  # yes\ns = \'\'\'a\n# in\nb\'\'\'  # c\nprint(f"{a}#")#z'))
      .toEqual(['x = "# not"', "s = '''a", '# in', "b'''", 'print(f"{a}#")']);
    expect(linesWithoutComments("r'\\'#' # c")).toEqual(["r'\\'#'"]);
  });

  it('make a comment-only translation the same program, and a changed string or line count another', () => {
    expect(sameProgram('# 한국어\nprint("안녕")  # 출력: 안녕', '# English\nprint("안녕")  # Output: 안녕')).toBe(true);
    expect(sameProgram('print("안녕")', 'print("hi")')).toBe(false);
    expect(sameProgram('def f():\n    """문서"""', 'def f():\n    """Docs"""')).toBe(false);
    expect(sameProgram('# 긴 설명\nx = 1', '# a long\n# explanation\nx = 1')).toBe(false);
  });
});
