// A cell compiled as a script file (`script: true`, for a block the document runs as `python main.py`):
// `await` outside a function is CPython's SyntaxError and nothing runs; the same code as a notebook
// cell awaits at top level.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KernelPool } from '../../src/kernel/node/pool.ts';
import type { CellRun } from '../../src/kernel/types.ts';
import { describeRun, text } from './helpers.ts';

let pool: KernelPool;
let runs: CellRun[];
const code = 'import asyncio\nprint("before")\nawait asyncio.sleep(1)\nprint("after")\n';

beforeAll(async () => {
  pool = new KernelPool(1);
  runs = await pool.runDocument({ id: 'script', cells: [{ id: 'file', code, script: true }, { id: 'cell', code }] });
}, 120_000);

afterAll(async () => {
  await pool.close();
});

describe('script cells', () => {
  it('refuse await outside a function at compile time, as CPython compiles a file', () => {
    const run = runs[0]!;
    expect([run.status, run.error?.ename, run.error?.evalue, text(run)]).toEqual(['error', 'SyntaxError', "'await' outside function (<cell 1>, line 3)", []]);
    expect(run.error?.traceback.join('')).toMatch(/File "<cell 1>", line 3\n/);
  });

  it('leave a notebook cell its top-level await', () => {
    const run = runs[1]!;
    expect(run.status, describeRun(run)).toBe('ok');
    expect(text(run)).toEqual(['before', 'after']);
  });
});
