// Two interpreter snapshots made from scratch are the same bytes (the site serves one: its build is
// reproducible only if they are), while an interpreter booted from one still reads the host's own
// random bytes: the steady host (src/kernel/steady-host.ts) is there only while the snapshot is made.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KernelPool, makeSnapshotBytes } from '../../src/kernel/node/pool.ts';
import { STEADY_EPOCH_MS, withSteadyHost } from '../../src/kernel/steady-host.ts';
import { text } from './helpers.ts';

function firstDifference(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : Math.min(a.length, b.length);
}

describe('the interpreter snapshot', () => {
  it('is the same bytes when made twice from scratch', async () => {
    const [a, b] = [await makeSnapshotBytes(), await makeSnapshotBytes()];
    if (typeof a === 'string' || typeof b === 'string') throw new Error(`no snapshot: ${String(a)} ${String(b)}`);
    expect(a.byteLength).toBeGreaterThan(1e6);
    // The offset, not a 30 MB diff, when it fails.
    expect(firstDifference(a, b)).toBe(-1);
  }, 120_000);

  describe('booted from', () => {
    let pool: KernelPool;
    beforeAll(() => { pool = new KernelPool(1); });
    afterAll(async () => { await pool.close(); });

    it("reads the host's random bytes in every interpreter, not the steady ones", async () => {
      const code = 'import os, uuid, random\nprint(os.urandom(16).hex(), uuid.uuid4(), random.SystemRandom().random())';
      const [[one], [two]] = await Promise.all(['one', 'two'].map(async (id) => text((await pool.runDocument({ id, cells: [{ id: 'a', code }] }))[0]!)));
      expect(pool.stats.snapshotBoots).toBeGreaterThanOrEqual(2);
      expect(one).toMatch(/^[0-9a-f]{32} /);
      expect(two).not.toBe(one);
      expect(one!.split(' ')[1]).not.toBe(two!.split(' ')[1]);
    }, 120_000);
  });
});

describe('the steady host', () => {
  it('gives the same clock and bytes every time and puts the real ones back', async () => {
    const realNow = Date.now;
    const reading = () => withSteadyHost(async () => {
      const bytes = new Uint8Array(8);
      crypto.getRandomValues(bytes);
      const t0 = performance.now();
      return { now: Date.now(), bytes: [...bytes], rising: performance.now() > t0, random: Math.random() };
    });
    const [a, b] = [await reading(), await reading()];
    expect(b).toEqual(a);
    expect(a.now).toBe(STEADY_EPOCH_MS + 1);
    expect(a.rising).toBe(true);
    expect(Date.now).toBe(realNow);
    expect(Date.now()).toBeGreaterThan(STEADY_EPOCH_MS + 1e9);
    expect(Object.prototype.hasOwnProperty.call(performance, 'now')).toBe(false);
  });
});
