import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/source/document.ts';

const cells = (md: string) => parseDocument(md, 'content/ko/demo.md').cells;
const one = (md: string) => {
  const all = cells(md);
  expect(all).toHaveLength(1);
  return all[0]!;
};

describe('parseDocument: where cells are found', () => {
  it('finds a python fence and tags it', () => {
    const c = one('# T\n\n```python\nprint(1)\n```\n');
    expect([c.found, c.line, c.form, c.runCode, c.transforms]).toEqual(['fence:python', 3, 'script', 'print(1)', []]);
  });

  it('finds a fence inside a list item', () => {
    expect(one('1. 첫 단계:\n\n   ```py\n   print(1)\n   ```\n')).toMatchObject({ found: 'fence:py', line: 3, code: 'print(1)' });
  });

  it('finds a fence inside a block quote', () => {
    expect(one('> ```python\n> print(1)\n> ```\n')).toMatchObject({ found: 'fence:python', code: 'print(1)' });
  });

  it('finds a ~~~ fence', () => {
    expect(one('~~~python\nprint(1)\n~~~\n')).toMatchObject({ found: 'fence:python', code: 'print(1)' });
  });

  it('finds a Liquid highlight block and keeps its line number', () => {
    const c = one('intro\n\n{% highlight python %}\nprint(1)\n{% endhighlight %}\n');
    expect([c.found, c.line, c.code]).toEqual(['liquid:python', 3, 'print(1)']);
  });

  it('finds an unlabelled fence of asyncio code', () => {
    expect(one('```\nimport asyncio\nasyncio.run(main())\n```\n')).toMatchObject({ found: 'fence:unlabelled+python' });
  });

  it('does not make cells of other languages, output fences or Liquid raw blocks', () => {
    expect(cells('```js\nawait x\n```\n\n```\nTask 1 done\n```\n\n{% raw %}\nprint(1)\n{% endraw %}\n')).toEqual([]);
  });

  it('does not make a cell of a python fence of output after a label', () => {
    const all = cells('```python\nprint("Task 1 done")\n```\n\n출력:\n\n```python\nTask 1 done\n```\n');
    expect(all).toHaveLength(1);
    expect(all[0]!.stated).toMatchObject([{ found: 'label:ko', lines: [{ text: 'Task 1 done' }] }]);
  });

  it('numbers cells in order and gives repeated code distinct keys', () => {
    const all = cells('```python\nprint(1)\n```\n\n```python\nprint(1)\n```\n');
    expect(all.map((c) => c.index)).toEqual([1, 2]);
    expect(all[1]!.key).toBe(`${all[0]!.key}-2`);
  });
});

describe('parseDocument: transforms', () => {
  it('records a gutter strip and runs the stripped code', () => {
    const c = one('```python\n1  import asyncio\n2  x = 1\n3  print(x)\n```\n');
    expect(c.runCode).toBe('import asyncio\nx = 1\nprint(x)');
    expect(c.transforms.map((t) => t.kind)).toEqual(['gutter']);
  });

  it('records inline output, runs only the code and states the rest', () => {
    const c = one('```python\nprint("hi")\n# Output\nhi\n```\n');
    expect(c.runCode).toBe('print("hi")\n');
    expect(c.transforms.map((t) => t.kind)).toEqual(['inline-output']);
    expect(c.stated).toMatchObject([{ found: 'inline:marker', sourceLine: 3, lines: [{ text: 'hi', sourceLine: 4 }] }]);
  });

  it('marks a tail of output after the program as a candidate', () => {
    const c = one('```python\nimport asyncio\nasyncio.run(main())\nDone\n```\n');
    expect(c.stated).toMatchObject([{ found: 'inline:tail', candidate: true }]);
  });

  it('records top-level await', () => {
    const c = one('```python\nimport asyncio\nawait asyncio.sleep(1)\n```\n');
    expect([c.topLevelAwait, c.transforms.map((t) => t.kind)]).toEqual([true, ['autoawait']]);
  });

  it('does not record top-level await for awaits inside functions', () => {
    const c = one('```python\nasync def main():\n    await asyncio.sleep(1)\nasyncio.run(main())\n```\n');
    expect([c.topLevelAwait, c.transforms]).toEqual([false, []]);
  });

  it('reads a pycon fence as a transcript, statement by statement', () => {
    const c = one('```pycon\n>>> 1 + 1\n2\n>>> await asyncio.sleep(0)\n```\n');
    expect([c.form, c.found, c.runCode, c.topLevelAwait]).toEqual(['transcript', 'fence:pycon', '1 + 1\nawait asyncio.sleep(0)\n', true]);
    expect(c.examples.map((e) => [e.sourceLine, e.expected.map((l) => l.text)])).toEqual([[2, ['2']], [4, []]]);
    expect(c.transforms.map((t) => t.kind)).toEqual(['transcript']);
  });

  it('reads a shown traceback in a transcript as an announced error', () => {
    const c = one('```pycon\n>>> 1/0\nTraceback (most recent call last):\n  File "<stdin>", line 1\nZeroDivisionError: division by zero\n```\n');
    expect(c.announcements).toMatchObject([{ kind: 'error', ename: 'ZeroDivisionError', found: 'stated-traceback' }]);
  });
});

describe('parseDocument: what is said about a cell', () => {
  it('collects a comment block, a print value and a labelled fence', () => {
    const c = one('```python\nprint(42)  # 42\nprint("a")\n# 출력:\n# 42\n# a\n```\n\n출력 결과:\n\n```\n42\na\n```\n');
    expect(c.stated.map((s) => s.found)).toEqual(['comment:ko', 'print-comment:value', 'label:ko']);
  });

  it('reads announced errors in the prose and firmness', () => {
    expect(one('이 코드는 에러가 발생합니다.\n\n```python\nawait x\n```\n').announcements).toMatchObject([{ kind: 'error', firm: true, found: 'prose:ko' }]);
    expect(one('```python\nprint(1)\n```\n\nThis version no longer raises.\n').announcements).toEqual([]);
  });

  it('reads timing claims from code and prose', () => {
    const c = one('```python\nasyncio.run(main())  # 총 3초 소요\n```\n\nThis takes about 3 seconds.\n');
    expect(c.claims.map((k) => k.found)).toEqual(['timing:code:trailing', 'timing:prose:en']);
  });

  it('records reading input, placeholders and the missing entry point', () => {
    const c = one('```python\nasync def main():\n    data = await fetch(<url>)\n    name = input()\n```\n');
    // A fragment (it starts no program): every name it uses that the page does not bind, locals and builtins
    // included (an over-approximation; only the name a NameError reports is looked up in it).
    expect([c.readsInput, c.illustration]).toEqual([true, { placeholders: ['<url>'], entryPoint: false, excerpt: false, pseudo: null, unbound: ['data', 'fetch', 'input', 'name', 'url'] }]);
  });

  it('marks a block introduced as an excerpt', () => {
    expect(one('Here is an excerpt of the library:\n\n```python\nasync def sleep(delay):\n    ...\n```\n').illustration.excerpt).toBe(true);
  });

  it('does not run a python block of shell commands', () => {
    expect(one('```python\npip install aiohttp\n```\n')).toMatchObject({ notPython: 'shell commands, not Python', runCode: '', stated: [], claims: [] });
  });
});

describe('parseDocument: known misreadings', () => {
  // BUG (traits.ts, usesTopLevelAwait; see transcript-traits.test.ts): the `):` of a multi-line
  // signature ends the function, so this session is taken to use top-level await and every statement
  // runs on a running loop (check/run.ts `onLoop`), where `asyncio.run(main(1))` raises RuntimeError.
  it('does not run a session on the loop when its awaits are all inside a function', () => {
    const c = one('```pycon\n>>> import asyncio\n>>> async def main(\n...     n,\n... ):\n...     await asyncio.sleep(n)\n...\n>>> asyncio.run(main(1))\n```\n');
    expect(c.topLevelAwait).toBe(false);
  });

  // BUG (inline-output.ts, nonPythonTail; see inline-output.test.ts): the body of a multi-line
  // string is read as pasted output and the code that runs is cut inside the string.
  it('runs the whole block when it ends with a multi-line string and its use', () => {
    const code = 'import asyncio\nasync def main(text):\n    print(text)\nMESSAGE = """\nHello World\n"""\nasyncio.run(main(MESSAGE))';
    const c = one('```python\n' + code + '\n```\n');
    expect([c.runCode, c.transforms]).toEqual([code, []]);
  });
});
