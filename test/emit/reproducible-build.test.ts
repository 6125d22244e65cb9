// Two builds from nothing but the sources and the lock write byte-identical pages and notebooks:
// here one checks with snapshot-booted interpreters and the other with plainly booted ones (as two
// machines with different snapshots would), and the cells print addresses, sets, random values and
// a timeline of tasks that tie on the virtual clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KernelPool } from '../../src/kernel/node/pool.ts';
import { checkDocuments } from '../../src/check/run.ts';
import { siteFiles } from '../../src/emit/site.ts';
import { asRecorded } from '../../src/emit/recorded.ts';
import { lockOf } from '../../src/cli/check.ts';

const DOC = `# 재현

## 주소와 집합

\`\`\`python
import asyncio, random

async def work(name, lock):
    async with lock:
        await asyncio.sleep(random.uniform(0.5, 1.5))
    print(name, {"alpha", "beta", "gamma", "delta"})

async def main():
    lock = asyncio.Lock()
    print(work, main())
    await asyncio.gather(*(work(n, lock) for n in ("a", "b", "c")))

asyncio.run(main())
\`\`\`
`;

describe('a reproducible build', () => {
  let snapshotBooted: KernelPool;
  let plain: KernelPool;
  let dir: string;
  beforeAll(() => {
    snapshotBooted = new KernelPool(1);
    plain = new KernelPool(1, { snapshot: false });
    dir = mkdtempSync(join(tmpdir(), 'reproducible-'));
    mkdirSync(join(dir, 'ko'));
    writeFileSync(join(dir, 'ko', 'doc.md'), DOC);
  });
  afterAll(async () => {
    await Promise.all([snapshotBooted.close(), plain.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the same files from two independent checks', async () => {
    const first = await checkDocuments({ sourceDir: join(dir, 'ko'), pool: snapshotBooted, cache: null });
    const second = await checkDocuments({ sourceDir: join(dir, 'ko'), pool: plain, cache: null });
    expect(first.documents[0]!.cells[0]!.run!.status).toBe('ok');
    const lock = lockOf(first);
    const a = siteFiles(asRecorded(first, lock));
    const b = siteFiles(asRecorded(second, lock));
    expect([...b.docs.keys()]).toEqual([...a.docs.keys()]);
    for (const [path, content] of a.docs) expect(b.docs.get(path), path).toBe(content);
    for (const [path, content] of a.notebooks) expect(b.notebooks.get(path), path).toBe(content);
    const page = [...a.docs.values()].join('\n');
    expect(page).toContain('0x…');
    expect(page).not.toMatch(/0x[0-9a-f]{5,}/);
  });
});
