// A snapshot-booted interpreter is indistinguishable from a plainly booted one, as a cell sees it:
// the same modules, namespace, search path, clock, random numbers and sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KernelPool } from '../../src/kernel/node/pool.ts';
import { text } from './helpers.ts';

const PROBES = {
  modules: 'import sys\nprint(sorted(m for m in sys.modules if not m.startswith("_frozen")))',
  namespace: 'print(sorted(globals()))',
  path: 'import sys\nprint(sys.path, sys.argv, sys.flags.hash_randomization)',
  clock: 'import time, datetime\nprint(time.time(), time.monotonic(), time.perf_counter(), datetime.datetime.now())',
  random: 'import random\nprint(random.random(), random.randint(1, 100))',
  sandbox: [
    'import os',
    'print(os.system("true"), dict(os.environ))',
    'for name in ("js", "pyodide_js", "_pyodide_core", "kernel_host"):',
    '    try:',
    '        __import__(name)',
    '        print(name, "imported")',
    '    except ImportError as e:',
    '        print(name, type(e).__name__)',
  ].join('\n'),
  asyncio: 'import asyncio\nasync def main():\n    await asyncio.sleep(2)\n    return asyncio.get_running_loop().time()\nprint(asyncio.run(main()))',
};

async function observe(pool: KernelPool): Promise<Record<string, string[]>> {
  const names = Object.keys(PROBES);
  const runs = await pool.runDocument({ id: 'probe', cells: names.map((id) => ({ id, code: PROBES[id as keyof typeof PROBES] })) });
  return Object.fromEntries(names.map((name, i) => [name, [runs[i]!.status, ...text(runs[i]!), ...text(runs[i]!, 'stderr')]]));
}

describe('a snapshot-booted interpreter', () => {
  let snapshotBooted: KernelPool;
  let plain: KernelPool;
  beforeAll(() => { snapshotBooted = new KernelPool(1); plain = new KernelPool(1, { snapshot: false }); });
  afterAll(async () => { await Promise.all([snapshotBooted.close(), plain.close()]); });

  it('looks to every cell exactly like a plainly booted one', async () => {
    const [fromSnapshot, fresh] = await Promise.all([observe(snapshotBooted), observe(plain)]);
    // One document, one interpreter (a spare may boot too, once the first has: also from the snapshot).
    expect(snapshotBooted.stats.snapshotBoots).toBe(snapshotBooted.stats.bootMs.length);
    expect(snapshotBooted.stats.snapshotBoots).toBeGreaterThanOrEqual(1);
    expect(plain.stats.snapshotBoots).toBe(0);
    expect(fromSnapshot).toEqual(fresh);
    expect(fresh.sandbox).toContain('js ModuleNotFoundError');
    expect(fresh.sandbox[1]).toMatch(/^32512 /); // os.system: the status of a shell that cannot start
    // No path of the host's machine in the environment: `_` is the name a browser's interpreter has.
    expect(fresh.sandbox[1]).toContain("'_': './this.program'");
    expect(fresh.sandbox[1]).not.toMatch(/\/(work|tmp|home\/(?!pyodide))|\.ts'/);
  });
});
