import { describe, expect, it } from 'vitest';
import { inlineOutput, looksLikePython } from '../../../src/source/inline-output.ts';

const texts = (r: ReturnType<typeof inlineOutput>) => r?.lines.map((l) => l.text) ?? null;

describe('looksLikePython', () => {
  it.each([
    'import asyncio',
    'async def main():',
    '    await asyncio.sleep(1)',
    'result = await asyncio.gather(a(), b())',
    'print(f"작업 {i} 완료")',
    'print("任务完成")  # 输出结果',
    'for i in range(3):',
    'x: int = 3',
    'return await fetch(url)',
    'lambda x: 1',
    '...',
    '',
  ])('takes the code line %j for Python', (line) => {
    expect(looksLikePython(line)).toBe(true);
  });

  it.each([
    'Task 1 done',
    'Hello World',
    '12:00:01 started',
    'total: 3',
    '작업 1 완료',
    '任务完成',
    'All tasks finished.',
    'Done!',
  ])('takes the printed line %j for output', (line) => {
    expect(looksLikePython(line)).toBe(false);
  });
});

describe('inlineOutput: marker lines', () => {
  it('takes the lines after `# Output` as the output', () => {
    const r = inlineOutput('print("hi")\nprint("bye")\n# Output\nhi\nbye');
    expect(r).toMatchObject({ fromLine: 2, found: 'inline:marker' });
    expect(r!.lines).toEqual([{ text: 'hi', index: 3 }, { text: 'bye', index: 4 }]);
  });

  it('takes a Korean `# 결과:` marker followed by raw lines', () => {
    expect(texts(inlineOutput('print("완료")\n# 결과:\n완료'))).toEqual(['완료']);
  });

  it('drops lone triple-quote lines around the output', () => {
    expect(texts(inlineOutput('print(1)\n"""\n# Output:\n1\n"""'))).toEqual(['1']);
  });

  it('does not take a marker on the first line (nothing ran before it)', () => {
    expect(inlineOutput('# Output\nhello world')).toBeNull();
  });

  it('does not take a `# 실행 순서:` marker followed by comment lines and more code', () => {
    const code = 'import asyncio\n# 실행 순서:\n# 1. main 시작\n# 2. task 생성\nasync def main():\n    await asyncio.sleep(1)\nasyncio.run(main())';
    expect(inlineOutput(code)).toBeNull();
  });

  it('does not take a marker that is followed by code', () => {
    expect(inlineOutput('import asyncio\n# Output\nx = compute(1)\nprint(x)')).toBeNull();
  });

  it('does not take a marker with words after the label (a heading comment)', () => {
    expect(inlineOutput('x = 1\n# Output of the worker threads\nprint(x)')).toBeNull();
  });
});

describe('inlineOutput: rules and chevrons', () => {
  it('takes the lines after a `---` rule', () => {
    expect(inlineOutput('print("a")\n---\na')).toMatchObject({ fromLine: 1, found: 'inline:rule', lines: [{ text: 'a', index: 2 }] });
  });

  it('does not take a rule that follows an open bracket', () => {
    expect(inlineOutput('data = [\n---\n]')).toBeNull();
  });

  it('does not take a rule followed by more code', () => {
    expect(inlineOutput('print("a")\n---\nx = 1\nprint(x)')).toBeNull();
  });

  it('takes `>>` lines at the end, without their prefix', () => {
    expect(inlineOutput('print("hello")\nprint([1])\n>> hello\n>> [1]')).toMatchObject({
      fromLine: 2, found: 'inline:chevron', lines: [{ text: 'hello', index: 2 }, { text: '[1]', index: 3 }],
    });
  });

  it('does not take `>>>` prompts or `>>` with no code before them', () => {
    expect(inlineOutput('>>> print(1)\n1')).toBeNull();
    expect(inlineOutput('>> hello\n>> world')).toBeNull();
  });
});

describe('inlineOutput: the tail after the program', () => {
  it('takes bare words after asyncio.run(main()) as output', () => {
    const r = inlineOutput('import asyncio\nasync def main():\n    print("cba")\nasyncio.run(main())\ncba\n[1, 2]\nDone');
    expect(r).toMatchObject({ fromLine: 4, found: 'inline:tail' });
    expect(texts(r)).toEqual(['cba', '[1, 2]', 'Done']);
  });

  it('does not take a call after asyncio.run(main()) as output', () => {
    expect(inlineOutput('asyncio.run(main())\ncleanup()')).toBeNull();
  });

  it('does not take code after asyncio.run(main()) as output', () => {
    expect(inlineOutput('asyncio.run(main())\nresult = 3\nprint(result)')).toBeNull();
  });

  it('takes printed sentences after the last statement', () => {
    expect(texts(inlineOutput('print("Task 1 done")\nprint("All done.")\nTask 1 done\nAll done.'))).toEqual(['Task 1 done', 'All done.']);
  });

  it('does not take anything when the code ends with an open bracket', () => {
    expect(inlineOutput('items = [\n  first second\n]')).toBeNull();
    expect(inlineOutput('result = call(\nTask 1 done')).toBeNull();
  });

  it('leaves a block of ordinary code alone', () => {
    expect(inlineOutput('import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    print("done")\n\nasyncio.run(main())')).toBeNull();
  });

  it('leaves comment lines after the program alone', () => {
    expect(inlineOutput('asyncio.run(main())\n# 총 3초 소요')).toBeNull();
  });
});

describe('inlineOutput: lines inside a multi-line string are code', () => {
  // BUG (inline-output.ts, nonPythonTail): the lines of a triple-quoted string that spans lines are
  // read one by one; `Hello World` inside `MESSAGE = """ ... """` "cannot be Python", so the rest of
  // the block (the string's end and the entry point) is taken as pasted output and cut from the
  // code that runs, which then fails with an unterminated string.
  it('does not take the body of a triple-quoted string as output', () => {
    const code = 'import asyncio\nasync def main(text):\n    print(text)\nMESSAGE = """\nHello World\n"""\nasyncio.run(main(MESSAGE))';
    expect(inlineOutput(code)).toBeNull();
  });

  it('does not take a triple-quoted string that ends the block as output', () => {
    expect(inlineOutput('import asyncio\nQUERY = """\nSELECT name FROM users\n"""')).toBeNull();
  });
});

describe('inlineOutput: identifiers in other scripts', () => {
  // BUG (inline-output.ts, looksLikePython): any non-ASCII character outside strings and comments
  // makes a line "not Python", but Python 3 identifiers may be Hangul (`결과 = x + 1`), so the last
  // statement of such a block is read as its output and not run.
  it('does not take an assignment to a Hangul name as output', () => {
    expect(inlineOutput('x = 1\n결과 = x + 1')).toBeNull();
  });
});
