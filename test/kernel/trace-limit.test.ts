// One limit for a run's lists on both sides (RUN_LIST_LIMIT): a program that makes more tasks than
// a trace keeps gets its trace cut by the kernel, with a count of what was left out, and is judged
// on its output; the host still refuses a run whose lists are longer (a forged one).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KernelPool } from '../../src/kernel/node/pool.ts';
import { checkCellRun } from '../../src/kernel/node/validate.ts';
import { RUN_LIST_LIMIT } from '../../src/kernel/types.ts';
import { traceCutNote } from '../../src/check/report.ts';
import { dedent, text } from './helpers.ts';

// Above the limit, and few enough to run in seconds (each task costs the tracer some work).
const TASKS = RUN_LIST_LIMIT + 5_000;

describe('a run with more tasks than a trace keeps', () => {
  let pool: KernelPool;
  beforeAll(() => { pool = new KernelPool(1); });
  afterAll(async () => { await pool.close(); });

  it('is cut by the kernel, says how much it left out, and keeps its output', async () => {
    const code = dedent(`
      import asyncio
      async def main():
          await asyncio.gather(*(asyncio.sleep(0) for _ in range(${TASKS})))
          print("done")
      asyncio.run(main())
    `);
    const [run] = await pool.runDocument({ id: 'many-tasks', cells: [{ id: 'many', code, realBudget: 120 }] });
    expect(run!.status).toBe('ok');
    expect(text(run!)).toEqual(['done']);
    expect(run!.trace.actors.length).toBe(RUN_LIST_LIMIT);
    // The gathered tasks and main(): all but the first RUN_LIST_LIMIT are counted, not kept.
    expect(run!.trace.cut).toEqual({ actors: TASKS + 1 - RUN_LIST_LIMIT, spans: 0, statements: 0, world: 0 });
    expect(run!.trace.actors[0]!.label).toBe('main()');
    // The check's report says so beside the verdict.
    expect(traceCutNote(run)).toBe(`trace cut at 20000 items (${TASKS + 1 - RUN_LIST_LIMIT} more left out)`);
  }, 120_000);
});

describe('the host', () => {
  it('refuses a run whose trace is longer than the limit', () => {
    const actor = { id: 'a', kind: 'task', name: 'Task-1', label: 'x()', thread: 'MainThread', created: 0, started: 0, finished: 1, outcome: 'ok', error: null, spans: [] };
    const run = { status: 'ok', events: [], result: null, error: null, virtualSeconds: 1, cpuMs: 1, statements: [], defines: [], imports: [], uses: [], world: [] };
    expect(checkCellRun({ ...run, trace: { actors: Array(RUN_LIST_LIMIT).fill(actor) } }).ok).toBe(true);
    const refused = checkCellRun({ ...run, trace: { actors: Array(RUN_LIST_LIMIT + 1).fill(actor) } });
    expect(refused).toEqual({ ok: false, problem: expect.stringMatching(/^trace\.actors: /) });
  });
});
