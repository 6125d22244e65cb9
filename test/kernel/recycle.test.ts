// A sandbox process is replaced after a number of documents, so a long check stays flat in memory
// per worker; documents after the replacement run exactly as before it.
import { describe, expect, it } from 'vitest';
import { KernelPool } from '../../src/kernel/node/pool.ts';

describe('recycling sandbox processes', () => {
  it('replaces a process after `recycleAfter` documents, without changing any result', async () => {
    const pool = new KernelPool(1, { recycleAfter: 2 });
    try {
      const outputs: string[] = [];
      for (let i = 0; i < 5; i++) {
        const [run] = await pool.runDocument({ id: `doc${i}`, cells: [{ id: `doc${i}/1`, code: `import os\nprint(${i}, os.getpid())` }] });
        expect(run!.status).toBe('ok');
        outputs.push(run!.events.map((e) => e.text).join(''));
      }
      expect(outputs.map((o) => o.split(' ')[0])).toEqual(['0', '1', '2', '3', '4']);
      // Five documents, two per process: two processes replaced, the fifth document in the third.
      expect(pool.stats.recycled).toBe(2);
      expect(pool.stats.restarts).toBe(0);
    } finally {
      await pool.close();
    }
  }, 120_000);
});
