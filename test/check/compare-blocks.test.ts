// Several stated blocks in one cell, and printed times that look like annotations.
import { describe, expect, it } from 'vitest';
import { compareStated, type ActualLine } from '../../src/check/compare.ts';
import { commentBlocks } from '../../src/source/stated.ts';
import { parseDocument } from '../../src/source/document.ts';
import { problemText } from '../../src/check/reasons.ts';

const printed = (...lines: [string, number][]): ActualLine[] => lines.map(([text, t]) => ({ text, t }));

describe('several blocks in one cell', () => {
  it('match an order block after the lines the previous block matched, not inside them', () => {
    const code = 'sync()\n# 실행 순서:\n# 준비 (0초)\n# 작업 A (1초)\n# 작업 B (2초)\n\nasyncio.run(main())\n# 실행 순서:\n# 작업 A (0초)\n# 작업 B (3초)\n';
    const blocks = commentBlocks(code, 1);
    const run = printed(['준비', 0], ['작업 A', 1], ['작업 B', 2], ['작업 A', 2], ['작업 B', 5]);
    const result = compareStated(blocks, run, 'doc/k');
    expect(result.problems).toEqual([]);
    expect(result.claims.filter((c) => c.sourceLine >= 9).map((c) => [c.expected, c.actual])).toEqual([[0, 0], [3, 3]]);
  });

  it('match complete outputs one after another, each its own program\'s lines', () => {
    const code = 'print("a")\n# 출력:\n# a\n\nprint("b")\n# 출력:\n# b\n';
    const result = compareStated(commentBlocks(code, 1), printed(['a', 0], ['b', 0]), 'doc/k');
    expect(result).toMatchObject({ ok: true, problems: [] });
  });

  it('still report a complete output that matches neither way', () => {
    const code = 'print("a")\n# 출력:\n# a\n\nprint("b")\n# 출력:\n# c\n';
    const result = compareStated(commentBlocks(code, 1), printed(['a', 0], ['b', 0]), 'doc/k');
    expect(result.problems.map((p) => problemText(p))).toEqual(['the stated output at line 6 of the source document does not match what the program printed']);
  });
});

describe('a printed time in parentheses', () => {
  const markdown = '# t\n\n```python\nprint(f"다운로드 완료 ({t:.1f}초)")\n```\n\n출력:\n\n```\n다운로드 완료 (2.0초)\n```\n';
  const [cell] = parseDocument(markdown, 'doc.md').cells;

  it('is printed text when the program prints it, not an annotation', () => {
    const result = compareStated(cell!.stated, printed(['다운로드 완료 (2.0초)', 2]), 'doc/k');
    expect(result.problems).toEqual([]);
    expect(result.claims.map((c) => [c.kind, c.expected, c.actual, c.ok])).toEqual([['printed-time', 2, 2, true]]);
  });

  it('is still compared as a printed time', () => {
    const result = compareStated(cell!.stated, printed(['다운로드 완료 (3.0초)', 3]), 'doc/k');
    expect(result.ok).toBe(false);
  });

  it('stays an annotation when the program prints the line without it', () => {
    const result = compareStated(cell!.stated, printed(['다운로드 완료', 2]), 'doc/k');
    expect(result.claims.map((c) => [c.kind, c.expected, c.actual])).toEqual([['line-time', 2, 2]]);
  });
});
