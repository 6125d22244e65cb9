import { describe, expect, it } from 'vitest';
import { boundNames, pageFragments, startsProgram } from '../../src/source/fragments.ts';
import { parseDocument } from '../../src/source/document.ts';

describe('boundNames', () => {
  it('takes module-level bindings only: imports, defs, classes, assignments, loop and with targets', () => {
    const code = 'import asyncio\nfrom x import y as z\nasync def fetch(url):\n    local = 1\nclass C: pass\na, b = 1, 2\nfor i in range(3): pass\nwith open("f") as fh: pass';
    expect([...boundNames(code)].sort()).toEqual(['C', 'a', 'asyncio', 'b', 'fetch', 'fh', 'i', 'z']);
  });
});

describe('startsProgram', () => {
  it('is true for asyncio.run, run_until_complete, a __main__ guard or a call of its own function', () => {
    expect(['asyncio.run(main())', 'loop.run_until_complete(f())', 'if __name__ == "__main__":\n    main()', 'def f():\n    pass\nf()', 'async def f(): ...\nawait f()'].map(startsProgram)).toEqual([true, true, true, true, true]);
  });
  it('is false for a line of some program: a top-level await, a print, a call of a name it does not define', () => {
    expect(['data = await some_call()', 'print(result)', 'async with session.get(url) as r:\n    ...', 'process(items)'].map(startsProgram)).toEqual([false, false, false, false]);
  });
});

describe('pageFragments', () => {
  it('lists, for each fragment, the names no block of the page binds; a program gets null', () => {
    const page = [
      'import asyncio\nasync def fetch_data():\n    await asyncio.sleep(1)\n    return 1',
      'result = await fetch_data()',
      'data = await some_call()',
      'async with session.get(url) as resp:\n    ...',
      'asyncio.run(mian())',
    ];
    expect(pageFragments(page)).toEqual([[], [], ['some_call'], ['session', 'url'], null]);
  });
});

describe('parseDocument: every block of a page is read against the page', () => {
  it('records the unbound names of each fragment on the cell', () => {
    const md = ['# p', '', '```python', 'import asyncio', '```', '', '```python', 'data = await some_call()', '```', '', '```python', 'asyncio.run(main())', '```', ''].join('\n');
    expect(parseDocument(md, 'p.md').cells.map((c) => c.illustration.unbound)).toEqual([[], ['some_call'], null]);
  });
});
