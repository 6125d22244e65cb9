// A reader's run judged in the page (check/live.ts) gives the build's verdict for the build's code,
// and for edited code reads the code's own statements again while the document's stay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDocuments, type CheckedCell } from '../../src/check/run.ts';
import { liveJudgeInput, liveVerdict } from '../../src/check/live.ts';
import { cellWithCode } from '../../src/source/reread.ts';
import { parseDocument } from '../../src/source/document.ts';
import { KernelPool } from '../../src/kernel/node/pool.ts';
import type { CellRun } from '../../src/kernel/types.ts';

const DOC = [
  '# Live',
  '',
  'Each task waits, then says so.',
  '',
  '```python',
  'import asyncio',
  'async def task(name, delay):',
  '    await asyncio.sleep(delay)',
  '    print(f"{name} done")',
  'async def main():',
  '    await asyncio.gather(task("a", 2), task("b", 1))',
  'asyncio.run(main())',
  '# 출력:',
  '# b done (1초 후)',
  '# a done (2초 후)',
  '```',
  '',
  'The next one prints:',
  '',
  '```python',
  'print("hello")',
  '```',
  '',
  '출력:',
  '',
  '```',
  'hello',
  '```',
  '',
  '```python',
  'print("stated wrongly")',
  '# 출력: stated rightly',
  '```',
  '',
  '```python',
  'raise ValueError("bad")  # ValueError!',
  '```',
  '',
].join('\n');

const root = mkdtempSync(join(tmpdir(), 'live-verdict-'));
let checked: CheckedCell[];
let pool: KernelPool;

/** A run of `code` as the page's kernel gives it (the same kernel, on Node). */
async function runOf(code: string): Promise<CellRun> {
  const [run] = await pool.runDocument({ id: `live-${Math.random().toString(36).slice(2)}`, cells: [{ id: 'c', code }] });
  return run!;
}

beforeAll(async () => {
  const dir = join(root, 'ko');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'live.md'), DOC);
  pool = new KernelPool(1);
  const result = await checkDocuments({ sourceDir: dir, pool, cache: null });
  checked = result.documents[0]!.cells;
}, 120_000);
afterAll(async () => {
  await pool?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the live verdict', () => {
  it('is the build\'s verdict for the build\'s own code and run', () => {
    expect(checked.map((c) => c.verdict.verdict)).toEqual(['verified', 'verified', 'drift', 'expected-error']);
    for (const c of checked) {
      // Through JSON, as the page receives it.
      const input = JSON.parse(JSON.stringify(liveJudgeInput(c.cell, c.settings)));
      const live = liveVerdict(input, c.cell.runCode, c.cell.runCode, c.run!)!;
      expect({ verdict: live.verdict, reason: live.reason, diff: live.diff, edited: live.edited })
        .toEqual({ verdict: c.verdict.verdict, reason: c.verdict.reason, diff: c.verdict.diff, edited: false });
    }
  });

  it('reads the edited code\'s own output comments again: a changed delay drifts from them', async () => {
    const [gather] = checked;
    const code = gather!.cell.runCode.replace('task("b", 1)', 'task("b", 3)');
    const live = liveVerdict(liveJudgeInput(gather!.cell, gather!.settings), gather!.cell.runCode, code, await runOf(code))!;
    expect(live.edited).toBe(true);
    expect(live.verdict).toBe('drift');
    expect(live.diff).toContain('b done');
  }, 60_000);

  it('verifies an edit that keeps what the document states, and judges an edit of the stated lines by the new ones', async () => {
    const [gather, , wrong] = checked;
    const renamed = gather!.cell.runCode.replace(/main/g, 'entry');
    expect(liveVerdict(liveJudgeInput(gather!.cell, gather!.settings), gather!.cell.runCode, renamed, await runOf(renamed))!.verdict).toBe('verified');
    // The output comment is the code's: the reader who corrects it gets a verified run.
    const corrected = 'print("stated wrongly")\n# 출력: stated wrongly\n';
    expect(liveVerdict(liveJudgeInput(wrong!.cell, wrong!.settings), wrong!.cell.runCode, corrected, await runOf(corrected))!.verdict).toBe('verified');
  }, 60_000);

  it('keeps the document\'s output fence after the block: an edit that prints otherwise drifts from it', async () => {
    const [, hello] = checked;
    const code = 'print("goodbye")\n';
    const live = liveVerdict(liveJudgeInput(hello!.cell, hello!.settings), hello!.cell.runCode, code, await runOf(code))!;
    expect(live.verdict).toBe('drift');
    expect(live.diff).toMatch(/-hello/);
    expect(live.diff).toMatch(/\+goodbye/);
  }, 60_000);

  it('judges an edit that breaks the code as an error of this run, not the document\'s verdict', async () => {
    const [gather, , , raises] = checked;
    const broken = gather!.cell.runCode.replace('async def main():', 'async def main(:');
    expect(liveVerdict(liveJudgeInput(gather!.cell, gather!.settings), gather!.cell.runCode, broken, await runOf(broken))!.verdict).toBe('drift');
    // The cue `# ValueError!` is the code's: removed with an edit, the raise is no longer expected.
    const uncued = 'raise ValueError("bad")\n';
    expect(liveVerdict(liveJudgeInput(raises!.cell, raises!.settings), raises!.cell.runCode, uncued, await runOf(uncued))!.verdict).toBe('error');
  }, 60_000);
});

describe('cellWithCode', () => {
  const doc = parseDocument(DOC, 'live.md');
  it('returns the cell itself for unchanged code', () => {
    for (const cell of doc.cells) expect(cellWithCode(cell, cell.runCode)).toBe(cell);
  });
  it('replaces the code\'s stated output and keeps the document\'s', () => {
    const [gather, hello] = doc.cells;
    expect(cellWithCode(gather!, 'print(1)\n').stated).toEqual([]);
    const stated = cellWithCode(hello!, 'print("x")\n').stated;
    expect(stated.map((s) => s.lines.map((l) => l.text))).toEqual([['hello']]);
  });
});
