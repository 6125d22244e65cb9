// A block the document runs as a file (`$ python main.py`, a traceback from `File "main.py"`) is
// compiled as that file: `await` outside a function is the SyntaxError CPython gives, not the
// notebook's top-level await. Checked with the real command on a document written for this rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseDocument } from '../../src/source/document.ts';
import { kernelCellsOf } from '../../src/check/plan.ts';
import { liveJudgeInput, liveKernelCell } from '../../src/check/live.ts';

const FENCE = '```';
const DOCUMENT = [
  '# Scripts and notebooks', '',
  '## A file that shows its SyntaxError', '',
  `${FENCE}python`, 'import asyncio', '', 'await asyncio.sleep(0.1)', 'print("done")', FENCE, '',
  `${FENCE}console`, '$ python main.py', '  File "/home/me/main.py", line 3', '    await asyncio.sleep(0.1)', '    ^^^^^^^^^^^^^^^^^^^^^^^^', "SyntaxError: 'await' outside function", FENCE, '',
  '## A file that claims to print', '',
  'Save it as `app.py` and run `python app.py`:', '',
  `${FENCE}python`, 'import asyncio', '', 'await asyncio.sleep(0.1)', 'print("finished")', FENCE, '',
  `${FENCE}text`, 'finished', FENCE, '',
  '## A notebook cell', '',
  'In Jupyter, a cell may await directly:', '',
  `${FENCE}python`, 'import asyncio', '', 'await asyncio.sleep(0.1)', 'print("in a notebook")', FENCE, '',
  `${FENCE}text`, 'in a notebook', FENCE, '',
  '## A traceback from the file, no command', '',
  `${FENCE}python`, 'import asyncio', '', 'async for x in range(3):', '    print(x)', FENCE, '',
  'Output:', '',
  `${FENCE}text`, '  File "main.py", line 3', '    async for x in range(3):', '    ^^^^^^^^^^^^^^^^^^^^^^^^', "SyntaxError: 'async for' outside async function", FENCE, '',
].join('\n');

const root = mkdtempSync(join(tmpdir(), 'script-await-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('reading: what shows a block run as a file', () => {
  const cells = parseDocument(DOCUMENT, 'scripts.md').cells;
  it('finds the command after the block, in its prose, or the frame of a traceback it shows; a notebook cell has none', () => {
    expect(cells.map((c) => c.script ?? null)).toEqual(['python main.py', 'python app.py', null, 'File "main.py"']);
    expect(cells.map((c) => c.topLevelAwait)).toEqual([false, false, true, false]);
    expect(cells.map((c) => c.transforms.map((t) => t.kind))).toEqual([['script'], ['script'], ['autoawait'], ['script']]);
  });
  it('asks the kernel to compile a file as a file', () => {
    expect(cells.map((c) => kernelCellsOf(c, undefined)[0]!.script ?? false)).toEqual([true, true, false, true]);
  });
  it('asks the page\'s kernel the same, for the page\'s code and for a reader\'s edit of it', () => {
    const live = (edit: (code: string) => string) => cells.map((c) => {
      const input = JSON.parse(JSON.stringify(liveJudgeInput(c, undefined)));
      return liveKernelCell(input, c.runCode, edit(c.runCode)).script ?? false;
    });
    expect(live((code) => code)).toEqual([true, true, false, true]);
    expect(live((code) => `${code}\nprint("edited")`)).toEqual([true, true, false, true]);
  });
});

describe('check: a file compiles as a file', () => {
  let cells: { line: number; verdict: string; reason: string }[] = [];
  beforeAll(() => {
    writeFileSync(join(root, 'scripts.md'), DOCUMENT);
    const report = join(root, 'r.json');
    try {
      execFileSync('npm', ['run', '-s', 'check', '--', '--source', root, '--no-cache', '--report', report], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    } catch {
      // The drift fails the check; the report is what is looked at.
    }
    cells = (JSON.parse(readFileSync(report, 'utf8')) as { cells: typeof cells }).cells;
  }, 300_000);

  it('gives the SyntaxError the document shows (expected), and fails where it shows normal output', () => {
    // The second block's output fence has no label: a candidate, taken only when it aligns with the
    // run, and a run that did not compile printed nothing, so the block is an error, not a drift.
    expect(cells.map((c) => [c.line, c.verdict])).toEqual([[5, 'expected-error'], [24, 'error'], [39, 'verified'], [52, 'expected-error']]);
    expect(cells[1]!.reason).toMatch(/SyntaxError/);
  });
});
