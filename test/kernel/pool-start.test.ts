// A check calls warmUp and then parses its documents in the same turn: the sandbox processes must
// be started by warmUp itself (when the snapshot is already made), so that they boot during the
// parse instead of after it. And the pool's timeline records each process's boots, documents and
// cells on the host's clock, in order.
import { describe, expect, it } from 'vitest';
import { KernelPool } from '../../src/kernel/node/pool.ts';

describe('starting the pool', () => {
  it('starts the processes within warmUp when the snapshot exists, and records their work', async () => {
    const maker = new KernelPool(1);
    expect(await maker.snapshotFile()).not.toBeNull(); // made now if this checkout has none yet
    await maker.close();
    const pool = new KernelPool(2);
    try {
      pool.warmUp();
      // No await in between: what a synchronous parse after warmUp would see.
      expect(pool.timeline.lanes.length).toBe(2);
      const [run] = await pool.runDocument({ id: 'doc', cells: [{ id: 'doc/1', code: 'print(1)' }] });
      expect(run!.status).toBe('ok');
      const lane = pool.timeline.lanes.find((l) => l.jobs.length > 0)!;
      const job = lane.jobs[0]!;
      expect(job.doc).toBe('doc');
      expect(job.cells.map((c) => c.index)).toEqual([0]);
      const cell = job.cells[0]!;
      expect(lane.spawned).toBeLessThanOrEqual(job.dispatched);
      expect(job.queued).toBeLessThanOrEqual(job.dispatched);
      expect(lane.boots[0]!).toBeLessThanOrEqual(cell.start);
      expect(cell.start).toBeLessThanOrEqual(cell.end!);
      expect(cell.end!).toBeLessThanOrEqual(job.done!);
    } finally {
      await pool.close();
    }
  }, 120_000);
});
