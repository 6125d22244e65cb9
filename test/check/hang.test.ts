// A run stopped because it never ends is told apart: waiting (deadlock, or a wait past the budget)
// or running (still printing when the budget ran out), from real runs of the kernel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hangDetail, hangKind } from '../../src/check/hang.ts';
import { KernelPool } from '../../src/kernel/node/pool.ts';
import type { CellRun } from '../../src/kernel/types.ts';

let pool: KernelPool;
beforeAll(() => { pool = new KernelPool(1); });
afterAll(async () => { await pool?.close(); });

async function runOf(code: string, budget?: number): Promise<CellRun> {
  const [run] = await pool.runDocument({ id: `hang-${Math.random().toString(36).slice(2)}`, cells: [{ id: 'c', code, ...(budget ? { budget } : {}) }] });
  return run!;
}

describe('hangKind', () => {
  it('a loop that keeps printing until the budget is running, not waiting', async () => {
    const run = await runOf('import asyncio\nasync def main():\n    n = 0\n    while True:\n        n += 1\n        print(n)\n        await asyncio.sleep(1)\nasyncio.run(main())\n', 120);
    expect(run.status).toBe('hangs');
    expect(hangKind(run)).toBe('running');
    expect(run.error?.evalue).toMatch(/^virtual-time budget spent: the program keeps waiting on timers/);
    expect(hangDetail(run)).toBe('virtual-time budget spent: the program was still running, and printing, when it ran out (it never ends)');
  }, 60_000);

  it('a queue nobody fills is a deadlock', async () => {
    const run = await runOf('import asyncio\nasync def main():\n    q = asyncio.Queue()\n    print("waiting")\n    await q.get()\nasyncio.run(main())\n');
    expect(hangKind(run)).toBe('deadlock');
  }, 60_000);

  it('a timer past the budget, after printing once at the start, is waiting', async () => {
    const run = await runOf('import asyncio\nasync def main():\n    print("start")\n    await asyncio.sleep(10**6)\nasyncio.run(main())\n', 120);
    expect(run.status).toBe('hangs');
    expect(hangKind(run)).toBe('waiting');
    // Waiting is what the kernel's words say: they stand.
    expect(hangDetail(run)).toBe(run.error!.evalue);
    expect(hangDetail(run)).toMatch(/keeps waiting on timers/);
  }, 60_000);

  it('a run that ended is no hang', async () => {
    expect(hangKind(await runOf('print(1)\n'))).toBeNull();
  }, 60_000);
});
