import { describe, expect, it } from 'vitest';
import { judge } from '../../src/check/verdict.ts';
import type { CellRun } from '../../src/kernel/types.ts';
import { parseDocument } from '../../src/source/document.ts';
import { handMadeRun } from '../support/hand-made.ts';

const nameError = (name: string, printed: string[] = [], line = 1): Partial<CellRun> => ({
  status: 'error', events: printed.map((text) => ({ stream: 'stdout' as const, text: text + '\n', t: 0 })),
  error: { ename: 'NameError', evalue: `name '${name}' is not defined`, traceback: [`  File "<cell 2>", line ${line}, in <module>\n`] },
});

// A page that shows fragments of one program: a definition, two fragments that await what the page
// never defines (one after printing), one that awaits what it does define, and a program with a typo.
const PAGE = [
  '# Fragments', '',
  '```python', 'import asyncio', '', 'async def fetch_data():', '    await asyncio.sleep(1)', '    return "data"', '```', '',
  'Awaiting a call:', '',
  '```python', 'data = await some_call()', '```', '',
  '```python', 'print("connecting")', 'async with session.get(url) as resp:', '    body = await resp.text()', '```', '',
  '```python', 'result = await fetch_data()', '```', '',
  '```python', 'asyncio.run(mian())', '```', '',
].join('\n');

describe('judge: the fragments of a page are judged alike', () => {
  const cells = parseDocument(PAGE, 'content/en/fragments.md').cells;
  const verdict = (i: number, run: Partial<CellRun>) => {
    const v = judge(cells[i]!, handMadeRun(run), undefined);
    return [v.verdict, v.reason];
  };

  it('skips, with the name, every fragment that stops at a name the page never binds', () => {
    expect(verdict(1, nameError('some_call'))).toEqual(['skipped', 'a fragment of a program, not a program: it starts none of its own and uses `some_call`, which no block of this page defines (every such block of the page is read so)']);
    // It printed first, so the block-level illustration rule would not skip it; the page's rule does.
    expect(verdict(2, nameError('session', ['connecting']))[0]).toBe('skipped');
  });

  it('keeps the failure of a fragment whose names the page binds, and of a program', () => {
    // `fetch_data` is the page's own: a NameError inside it (here `asyncio`) is this block's failure.
    expect(verdict(3, nameError('asyncio'))[0]).toBe('error');
    // A program with a typo is never an illustration, though nothing on the page binds `mian`.
    expect(verdict(4, nameError('mian'))[0]).toBe('error');
  });

  it('keeps the failure of a fragment that states its output or announces an error: it claims to run', () => {
    const page = parseDocument('```python\nprint(total)\n# Output:\n# 3\n```\n\n```python\nawait 123  # TypeError!\nx = y\n```\n', 'content/en/f.md').cells;
    expect(judge(page[0]!, handMadeRun(nameError('total')), undefined).verdict).toBe('drift');
    // Raised at line 2, not at the cue's line 1: the error the cue names did not happen.
    expect(judge(page[1]!, handMadeRun(nameError('y', [], 2)), undefined).verdict).toBe('error');
  });
});
