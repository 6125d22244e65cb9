// An interpreter prints the same thing on every machine and every build: string hashing is seeded
// (set order, ties on the virtual clock) and so is `random`, in snapshot-booted and plain interpreters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KernelPool } from '../../src/kernel/node/pool.ts';
import { text } from './helpers.ts';

const PROBE = [
  'import sys, random',
  'print(sys.flags.hash_randomization, random.random())',
  "print(sorted({'alpha', 'beta', 'gamma'}) == ['alpha', 'beta', 'gamma'], list({'alpha', 'beta', 'gamma', 'delta'}))",
].join('\n');

async function probe(pool: KernelPool, id: string): Promise<string[]> {
  const [run] = await pool.runDocument({ id, cells: [{ id: 'a', code: PROBE }] });
  return text(run!);
}

describe('a reproducible interpreter', () => {
  let snapshotBooted: KernelPool;
  let plain: KernelPool;
  beforeAll(() => { snapshotBooted = new KernelPool(1); plain = new KernelPool(1, { snapshot: false }); });
  afterAll(async () => { await Promise.all([snapshotBooted.close(), plain.close()]); });

  it('has string hashing seeded and random seeded as CPython seeds it with random.seed(0)', async () => {
    const [first] = await probe(snapshotBooted, 'seeded');
    // random.seed(0); random.random() in any CPython: the Mersenne Twister is the same everywhere.
    expect(first).toBe('0 0.8444218515250481');
  });

  it('prints the same set order and random values in every document and with or without the snapshot', async () => {
    const [a, b, c] = await Promise.all([probe(snapshotBooted, 'one'), probe(snapshotBooted, 'two'), probe(plain, 'three')]);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });
});
