import { describe, expect, it } from 'vitest';
import { commentBlocks, fenceAfter, printValues } from '../../src/source/stated.ts';
import { parseMarkdown } from '../../src/source/markdown.ts';

// The text, timing and source line of each stated line: what the check compares.
const summary = (lines: { text: string; at: number | null; approximate: boolean; sourceLine: number }[]) =>
  lines.map((l) => [l.text, l.at, l.approximate, l.sourceLine]);

/** The output stated by the label and fence after the first python block of `md`. */
function fenceOf(md: string) {
  const children = parseMarkdown(md).children;
  const index = children.findIndex((n) => n.type === 'code' && n.lang === 'python');
  return fenceAfter(children, index);
}

describe('commentBlocks', () => {
  it('reads a `# 출력:` block with annotations, stopping at the first code line', () => {
    // From asyncio-complete-guide.md (asyncio.gather): annotations give the time, not the text.
    const code = [
      'asyncio.run(main())',
      '',
      '# 출력:',
      '# 작업1 시작',
      '# 작업2 완료 (1초 후)',
      "# ['작업1 결과', '작업2 결과']",
      'print("after")',
      '# 작업3',
    ].join('\n');
    const blocks = commentBlocks(code, 101);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.kind).toBe('output');
    expect(blocks[0]!.unordered).toBe(false);
    expect(blocks[0]!.sourceLine).toBe(103);
    expect(summary(blocks[0]!.lines)).toEqual([
      ['작업1 시작', null, false, 104],
      ['작업2 완료', 1, false, 105],
      ["['작업1 결과', '작업2 결과']", null, false, 106],
    ]);
    // The raw text keeps the annotation, for messages.
    expect(blocks[0]!.lines[1]!.raw).toBe('작업2 완료 (1초 후)');
  });

  it('reads the English `# Output:` marker and a value on the marker line itself', () => {
    const blocks = commentBlocks('print(6 * 7)\n# Output: 42\n# done (after 2 s)', 1);
    expect(blocks.map((b) => b.kind)).toEqual(['output']);
    expect(summary(blocks[0]!.lines)).toEqual([
      ['42', null, false, 2],
      ['done', 2, false, 3],
    ]);
  });

  it('reads `# 실행 순서:` as an order block, with leading annotations and ellipsis lines', () => {
    // From asyncio-complete-guide.md: the event-loop example and the cooking example.
    const code = [
      '# 실행 순서:',
      '# Task 1 시작',
      '# (0.5초 후) Task 2 완료',
      '# ... 3초 대기 (밥솥만 동작, 사람은 가만히 있음) ...',
      '# (1초 후) Task 1 완료',
    ].join('\n');
    const [block] = commentBlocks(code, 10);
    expect(block!.kind).toBe('order');
    expect(summary(block!.lines)).toEqual([
      ['Task 1 시작', null, false, 11],
      ['Task 2 완료', 0.5, false, 12],
      ['...', null, false, 13],
      ['Task 1 완료', 1, false, 14],
    ]);
  });

  it('accepts a parenthesised remark in the marker and the English "Execution order"', () => {
    const [ko] = commentBlocks('# 실행 순서 (빠르게 전환):\n# 테이블1 주문 → 테이블2 주문', 1);
    expect(ko!.kind).toBe('order');
    expect(ko!.lines.map((l) => l.text)).toEqual(['테이블1 주문 → 테이블2 주문']);
    const [en] = commentBlocks('# Execution order:\n# A\n# B', 1);
    expect(en!.kind).toBe('order');
    expect(en!.lines.map((l) => l.text)).toEqual(['A', 'B']);
  });

  it('marks a block unordered when the marker says 순서 무관 or "order may vary"', () => {
    expect(commentBlocks('# 출력 (순서 무관):\n# a\n# b', 1)[0]!.unordered).toBe(true);
    expect(commentBlocks('# Output (order may vary):\n# a\n# b', 1)[0]!.unordered).toBe(true);
    expect(commentBlocks('# 출력:\n# a\n# b', 1)[0]!.unordered).toBe(false);
  });

  it('keeps two blocks apart when a new marker starts right after the first', () => {
    const blocks = commentBlocks('# 출력:\n# a\n# 실행 순서:\n# b\n# c', 1);
    expect(blocks.map((b) => [b.kind, b.sourceLine, b.lines.map((l) => l.text)])).toEqual([
      ['output', 1, ['a']],
      ['order', 3, ['b', 'c']],
    ]);
  });

  it('skips empty comment lines inside a block, and a blank line ends it', () => {
    const blocks = commentBlocks('# 출력:\n# a\n#\n# b\n\n# 다음 예제', 1);
    expect(summary(blocks[0]!.lines)).toEqual([
      ['a', null, false, 2],
      ['b', null, false, 4],
    ]);
  });

  it('reads a marker indented inside a function body', () => {
    const [block] = commentBlocks('def f():\n    # 출력:\n    # 42\n    return 42', 1);
    expect(summary(block!.lines)).toEqual([['42', null, false, 3]]);
  });

  it('does not take prose comments for stated output', () => {
    // Real comments: no colon after 결과, or not a marker word at all.
    const code = [
      '# 결과 대기',
      'result1 = await task1',
      '# 이벤트 루프 = asyncio의 심장',
      '# 출력 결과를 확인합니다',
      'print(result1)  # 결과: A',
    ].join('\n');
    expect(commentBlocks(code, 1)).toEqual([]);
  });

  it('drops a marker with nothing stated under it', () => {
    expect(commentBlocks('# 출력:\nprint(1)', 1)).toEqual([]);
  });
});

describe('fenceAfter', () => {
  it('reads `#### 출력 결과` and the fence after it, with annotations and source lines', () => {
    // From async-io-performance.md, the synchronous example.
    const md = [
      '```python',           // 1
      'task("작업 1", 2)',    // 2
      '```',                 // 3
      '#### 출력 결과',       // 4
      '```',                 // 5
      '작업 1 완료! (2초 후)', // 6
      '',                    // 7
      '모든 작업 완료! (총 4초)', // 8
      '```',
    ].join('\n');
    const stated = fenceOf(md)!;
    expect(stated.kind).toBe('output');
    expect(stated.sourceLine).toBe(6);
    expect(summary(stated.lines)).toEqual([
      ['작업 1 완료!', 2, false, 6],
      ['모든 작업 완료!', 4, false, 8],
    ]);
  });

  it('reads a paragraph label `출력:` (async-programming.md)', () => {
    const md = '```python\nprint("태스크 생성됨")\n```\n\n출력:\n```\n태스크 생성됨\nA 시작\n```\n';
    expect(fenceOf(md)!.lines.map((l) => l.text)).toEqual(['태스크 생성됨', 'A 시작']);
  });

  it('reads a `### 결과 (...)` heading with a remark, and keeps `...` inside a line', () => {
    // From async-io-performance.md: the aiohttp example; the line is not an ellipsis line.
    const md = '```python\nx\n```\n### 결과 (세 개의 URL을 동시에 요청하여 빠르게 응답받음)\n```\n응답 1: { "userId": 1, "id": 1, "title": "... \n```\n';
    expect(fenceOf(md)!.lines.map((l) => l.text)).toEqual(['응답 1: { "userId": 1, "id": 1, "title": "...']);
  });

  it('reads the English `Output:` label with a text fence, and "order may vary"', () => {
    const md = '```python\nx\n```\n\nOutput (order may vary):\n\n```text\nb\na (after 1 s)\n```\n';
    const stated = fenceOf(md)!;
    expect(stated.unordered).toBe(true);
    expect(summary(stated.lines)).toEqual([
      ['b', null, false, 8],
      ['a', 1, false, 9],
    ]);
  });

  it('marks `출력 결과 (순서 무관)` unordered', () => {
    const md = '```python\nx\n```\n#### 출력 결과 (순서 무관)\n```\nb\na\n```\n';
    expect(fenceOf(md)!.unordered).toBe(true);
  });

  it('takes a sentence that ends by introducing the output, in any language', () => {
    expect(fenceOf('```python\nx\n```\n\n출력 결과는 다음과 같습니다:\n\n```\n1\n```\n')!.found).toBe('label:ko');
    expect(fenceOf('```python\nx\n```\n\nRun it and you get the following output:\n\n```\n1\n```\n')!.found).toBe('label:en');
    expect(fenceOf('```python\nx\n```\n\n运行后输出如下：\n\n```\n1\n```\n')!.found).toBe('label:zh');
    expect(fenceOf('```python\nx\n```\n\n**実行結果**\n\n```\n1\n```\n')!.found).toBe('label:ja');
  });

  it('ignores a prose paragraph before a fence, and a python fence of code after a label', () => {
    expect(fenceOf('```python\nx\n```\n\nThe next step is to add a timeout:\n\n```python\nawait x\n```\n')).toBeNull();
    expect(fenceOf('```python\nx\n```\n\n출력:\n\n```python\nprint(1)\n```\n')).toBeNull();
    // A label with no fence right after it states nothing.
    expect(fenceOf('```python\nx\n```\n\n출력:\n\n텍스트\n\n```\n1\n```\n')).toBeNull();
  });
});

describe('printValues', () => {
  it('reads the value after a print call, with its code line and source line', () => {
    // From async-programming.md (asyncio.gather): an indented print inside main().
    const code = 'async def main():\n    results = await gather()\n    print(results)  # [\'url1 데이터\', \'url2 데이터\']';
    const found = printValues(code, 20);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'print-value', sourceLine: 22, codeLine: 3, unordered: false });
    expect(summary(found[0]!.lines)).toEqual([["['url1 데이터', 'url2 데이터']", null, false, 22]]);
  });

  it('reads literals, numbers, booleans and English text values, dropping a trailing ✅', () => {
    const code = [
      'print(len(xs))  # 3',
      'print(ok)  # True',
      'print(name)  # "Alice"',
      'print(greet("World"))  # Hello, World!',
      'print(xs)  # [1, 2] ✅',
    ].join('\n');
    expect(printValues(code, 1).map((s) => [s.codeLine, s.lines[0]!.text])).toEqual([
      [1, '3'],
      [2, 'True'],
      [3, '"Alice"'],
      [4, 'Hello, World!'],
      [5, '[1, 2]'],
    ]);
  });

  it('does not take timings or Korean prose after print for a value', () => {
    const code = [
      'print(f"소요 시간: {time.time() - start:.2f}초")  # 약 3초 ❌', // a timing claim
      'print(f"동기: {sync_time:.2f}초")    # 약 10초',
      'print(f"{elapsed:.1f}")  # 2.0초',
      'print(f"응답 {i}: {data[:50]}...")  # 첫 50글자만 출력',
      'print(x)  # ❌ 실행 안 됨',
      'x = 1  # [1, 2]', // not a print call
    ].join('\n');
    expect(printValues(code, 1)).toEqual([]);
  });
});
