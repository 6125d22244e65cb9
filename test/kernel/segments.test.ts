// Timed segments: runs of statements inside function bodies that a timing claim measures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KernelPool } from '../../src/kernel/node/pool.ts';
import type { CellRun } from '../../src/kernel/types.ts';
import { dedent, describeRun, text } from './helpers.ts';

let pool: KernelPool;
let runs: CellRun[];

const sequentialThenConcurrent = dedent(`
  import asyncio
  async def work(n):
      await asyncio.sleep(n)
      return n
  async def main():
      a = await work(1)
      b = await work(2)
      c, d = await asyncio.gather(
          work(1),
          work(2),
      )
      print(a, b, c, d)
  asyncio.run(main())
`);

const raisesInside = dedent(`
  import asyncio
  async def failing():
      await asyncio.sleep(1)
      raise ValueError("boom")
  def never_called():
      x = 1
  asyncio.run(failing())
`);

beforeAll(async () => {
  pool = new KernelPool(1);
  runs = await pool.runDocument({
    id: 'segments',
    cells: [
      { id: 'both', code: sequentialThenConcurrent, segments: [{ fromLine: 6, toLine: 7 }, { fromLine: 8, toLine: 11 }] },
      { id: 'raises', code: raisesInside, segments: [{ fromLine: 3, toLine: 4 }, { fromLine: 6, toLine: 6 }] },
      // Calls the function instrumented in the first cell: its timing stays with that cell.
      { id: 'again', code: 'asyncio.run(main())\n' },
    ],
  });
}, 120_000);

afterAll(async () => {
  await pool.close();
});

describe('timed segments', () => {
  it('time the statements they cover, sequential and concurrent apart', () => {
    const run = runs[0]!;
    expect(run.status, describeRun(run)).toBe('ok');
    expect(text(run)).toEqual(['1 2 1 2']);
    expect(run.segments).toEqual([
      { line: 6, endLine: 7, start: 0, end: 3 },
      { line: 8, endLine: 11, start: 3, end: 5 },
    ]);
  });

  it('stay open where the code raised or never ran, and keep the traceback\'s lines', () => {
    const run = runs[1]!;
    expect(run.status).toBe('error');
    expect(run.error?.traceback.join('')).toMatch(/File "<cell 2>", line 4, in failing\n\s+raise ValueError\("boom"\)/);
    expect(run.segments).toEqual([
      { line: 3, endLine: 4, start: 0, end: null },
      { line: 6, endLine: 6, start: null, end: null },
    ]);
  });

  it('are reported only by the cell that asked for them', () => {
    const run = runs[2]!;
    expect(run.status, describeRun(run)).toBe('ok');
    expect(text(run)).toEqual(['1 2 1 2']);
    expect(run.segments).toEqual([]);
  });
});
