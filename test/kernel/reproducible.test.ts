// An interpreter prints the same thing on every machine and every build: string hashing is seeded
// (set order, ties on the virtual clock), and `random` is seeded by each cell's own code, in
// snapshot-booted and plain interpreters alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KernelPool } from '../../src/kernel/node/pool.ts';
import { text } from './helpers.ts';

const PROBE = [
  'import sys, random',
  'print(sys.flags.hash_randomization, random.random())',
  "print(sorted({'alpha', 'beta', 'gamma'}) == ['alpha', 'beta', 'gamma'], list({'alpha', 'beta', 'gamma', 'delta'}))",
].join('\n');

const SEEDED_BY_PROBE = '0.7928951072006485';

async function probe(pool: KernelPool, id: string): Promise<string[]> {
  const [run] = await pool.runDocument({ id, cells: [{ id: 'a', code: PROBE }] });
  return text(run!);
}

describe('a reproducible interpreter', () => {
  let snapshotBooted: KernelPool;
  let plain: KernelPool;
  beforeAll(() => { snapshotBooted = new KernelPool(1); plain = new KernelPool(1, { snapshot: false }); });
  afterAll(async () => { await Promise.all([snapshotBooted.close(), plain.close()]); });

  it('has string hashing seeded and random seeded by the cell code, as random.seed(code) in any CPython', async () => {
    const [first] = await probe(snapshotBooted, 'seeded');
    // random.seed(PROBE); random.random() under CPython 3.13: seeding from a str is the same everywhere.
    expect(first).toBe(`0 ${SEEDED_BY_PROBE}`);
  });

  it("draws the same numbers in a cell whatever ran before it, until the document seeds random itself", async () => {
    const draw = 'import random\nprint(random.random())\n';
    const runs = await snapshotBooted.runDocument({ id: 'draws', cells: [
      { id: 'a', code: draw }, { id: 'b', code: 'import random\nrandom.random(); random.random()\n' }, { id: 'c', code: draw },
      { id: 'd', code: 'import random\nrandom.seed(42)\n' }, { id: 'e', code: draw },
    ] });
    expect(text(runs[2]!)).toEqual(text(runs[0]!));
    // After random.seed(42), the document's own sequence goes on across cells.
    expect(text(runs[4]!)).toEqual(['0.6394267984578837']);
  });

  it('prints the same set order and random values in every document and with or without the snapshot', async () => {
    const [a, b, c] = await Promise.all([probe(snapshotBooted, 'one'), probe(snapshotBooted, 'two'), probe(plain, 'three')]);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('creates the tasks of as_completed in the order given, not in the order of the coroutines\' addresses', async () => {
    const code = [
      'import asyncio',
      'async def fetch(url, delay):',
      '    await asyncio.sleep(delay)',
      '    return url',
      'async def main():',
      '    for coro in asyncio.as_completed([fetch(f"url{i}", 1) for i in range(8)]):',
      '        print(await coro)',
      'asyncio.run(main())',
    ].join('\n');
    const labels = async (pool: KernelPool, id: string) => {
      const [run] = await pool.runDocument({ id, cells: [{ id: 'a', code }] });
      return { printed: text(run!), tasks: run!.trace.actors.map((a) => a.label) };
    };
    const [a, b] = await Promise.all([labels(snapshotBooted, 'snap'), labels(plain, 'plain')]);
    const order = Array.from({ length: 8 }, (_, i) => `url${i}`);
    expect(a.tasks).toEqual(['main()', ...order.map((u) => `fetch('${u}', 1)`)]);
    expect(a.printed).toEqual(order);
    expect(b).toEqual(a);
  });
});
