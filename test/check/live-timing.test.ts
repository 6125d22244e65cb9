// A reader's run is timed and judged by the same timing claims as the build's (check/kernel-cells.ts,
// check/live.ts): a claim inside a function body needs its segment timed, and a run that did not
// time it never passes the claim.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDocuments, type CheckedCell } from '../../src/check/run.ts';
import { kernelCellsOf } from '../../src/check/kernel-cells.ts';
import { liveJudgeInput, liveKernelCell, liveVerdict } from '../../src/check/live.ts';
import { KernelPool } from '../../src/kernel/node/pool.ts';
import type { CellRun, KernelCell } from '../../src/kernel/types.ts';

const CODE = [
  'import asyncio',
  '',
  'async def fetch_user(user_id):',
  '    await asyncio.sleep(1)',
  '    return f"User {user_id}"',
  '',
  'async def main():',
  '    # 3개 동시 실행 → 총 1초 (3초 아님!)',
  '    results = await asyncio.gather(',
  '        fetch_user(1),',
  '        fetch_user(2),',
  '        fetch_user(3)',
  '    )',
  '    print(results)  # [\'User 1\', \'User 2\', \'User 3\']',
  '',
  'asyncio.run(main())',
].join('\n');
const DOC = ['# Gather', '', '```python', CODE, '```', ''].join('\n');
/** The page's English code: the same program, its comments translated. */
const ENGLISH = CODE.replace('# 3개 동시 실행 → 총 1초 (3초 아님!)', '# 3 run concurrently → 1 s in total (not 3 s!)');

const root = mkdtempSync(join(tmpdir(), 'live-timing-'));
let checked: CheckedCell;
let pool: KernelPool;

async function runOf(code: string, options: Omit<KernelCell, 'id' | 'code'>): Promise<CellRun> {
  const [run] = await pool.runDocument({ id: `live-${Math.random().toString(36).slice(2)}`, cells: [{ ...options, id: 'c', code }] });
  return run!;
}

beforeAll(async () => {
  const dir = join(root, 'ko');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'gather.md'), DOC);
  pool = new KernelPool(1);
  const result = await checkDocuments({ sourceDir: dir, pool, cache: null });
  checked = result.documents[0]!.cells[0]!;
}, 120_000);
afterAll(async () => {
  await pool?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('a timing claim in a function body, run in the page', () => {
  it('is verified at build time, timed by its segment', () => {
    expect(checked.verdict.verdict).toBe('verified');
    expect(checked.verdict.claims.find((c) => c.kind === 'total')).toMatchObject({ expected: 1, actual: 1, ok: true });
  });

  it('asks the page\'s kernel for the segments the build\'s plan asks for', () => {
    const input = liveJudgeInput(checked.cell, checked.settings);
    const built = kernelCellsOf(checked.cell, checked.settings)[0]!;
    expect(built.segments).toEqual([{ fromLine: 9, toLine: 14 }]);
    expect(liveKernelCell(input, CODE, CODE).segments).toEqual(built.segments);
    // Read again from the reader's code, in either language: a line added above moves the segment.
    expect(liveKernelCell(input, CODE, ENGLISH.replace('asyncio.sleep(1)', 'asyncio.sleep(2)')).segments).toEqual([{ fromLine: 9, toLine: 14 }]);
    expect(liveKernelCell(input, CODE, `import time\n${ENGLISH}`).segments).toEqual([{ fromLine: 10, toLine: 15 }]);
  });

  it('drifts when an edited delay makes the claim wrong (2 s against 1 s), in English code too', async () => {
    const input = JSON.parse(JSON.stringify(liveJudgeInput(checked.cell, checked.settings)));
    for (const page of [CODE, ENGLISH]) {
      const edited = page.replace('asyncio.sleep(1)', 'asyncio.sleep(2)');
      const run = await runOf(edited, liveKernelCell(input, CODE, edited));
      const live = liveVerdict(input, CODE, edited, run)!;
      expect(live.verdict).toBe('drift');
      expect(live.why).toMatchObject({ code: 'mismatch', problems: [{ kind: 'claim-time', expected: 1, actual: 2 }] });
    }
  }, 60_000);

  it('is never verified by a run that did not time it: unchecked, because not timed', async () => {
    const input = liveJudgeInput(checked.cell, checked.settings);
    const edited = CODE.replace('asyncio.sleep(1)', 'asyncio.sleep(2)');
    // What the page's kernel was given before: the code and a real budget, no segments.
    const run = await runOf(edited, { realBudget: 10 });
    expect(run.segments ?? []).toEqual([]);
    const live = liveVerdict(input, CODE, edited, run)!;
    expect(live.verdict).not.toBe('verified');
    expect(live.why).toMatchObject({ code: 'mismatch', problems: [{ kind: 'claim-unchecked', cause: 'not-timed' }] });
    expect(live.reason).toContain('did not time');
  }, 60_000);
});
