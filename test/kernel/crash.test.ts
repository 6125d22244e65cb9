// An interpreter that fails inside a cell (here: a cell that kills the WebAssembly runtime) is
// reported on that cell; the document's other cells still run, in a new interpreter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KernelPool } from '../../src/kernel/node/pool.ts';

describe('a crashing cell', () => {
  let pool: KernelPool;
  beforeAll(() => { pool = new KernelPool(1); });
  afterAll(async () => { await pool.close(); });

  it('is reported as failed and the document goes on', async () => {
    const runs = await pool.runDocument({ id: 'crash', cells: [
      { id: 'a', code: 'x = 41' },
      { id: 'b', code: 'import ctypes\nctypes.string_at(0xFFFFFFF0, 64)' },
      { id: 'c', code: 'print(x + 1)' },
    ] });
    expect(runs[0]!.status).toBe('ok');
    expect(runs[1]!.status).not.toBe('ok');
    expect(runs[2]!.status).toBe('ok');
    expect(runs[2]!.events.map((e) => e.text).join('')).toBe('42\n');
  });
});

describe('the replay after a crash', () => {
  let pool: KernelPool;
  beforeAll(() => { pool = new KernelPool(1); });
  afterAll(async () => { await pool.close(); });

  it('rebuilds the namespace in a fresh interpreter without repeating side effects or output', async () => {
    const runs = await pool.runDocument({ id: 'replay', cells: [
      { id: 'a', code: "with open('log.txt', 'a') as f:\n    f.write('appended\\n')\ncount = 1\nprint('first cell')" },
      { id: 'b', code: 'import ctypes\nctypes.string_at(0xFFFFFFF0, 64)' },
      { id: 'c', code: "print(repr(open('log.txt').read()), count)" },
    ] });
    expect(runs[0]!.events.map((e) => e.text).join('')).toBe('first cell\n');
    expect(runs[1]!.status).not.toBe('ok');
    // The replayed cell wrote again, but into the new interpreter's own fresh file system: once.
    expect(runs[2]!.events.map((e) => e.text).join('')).toBe("'appended\\n' 1\n");
  });
});
