// Editing one cell of a document re-runs that cell and the later cells of the same document (any of
// them may depend on it, by name or not); the earlier cells and the other documents come from the
// cache. This is what keeps `npm run dev` fast.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KernelPool } from '../../src/kernel/node/pool.ts';
import { ResultCache } from '../../src/check/cache.ts';
import { checkDocuments } from '../../src/check/run.ts';
import { syncTree } from '../../src/emit/write.ts';

const DOC = `# 문서

\`\`\`python
def greet(name):
    return f"안녕, {name}"
\`\`\`

\`\`\`python
print(greet("세계"))
# 출력: 안녕, 세계
\`\`\`

\`\`\`python
import asyncio
asyncio.run(asyncio.sleep(1))
print("끝")
\`\`\`
`;

describe('incremental re-check', () => {
  let pool: KernelPool;
  let dir: string;
  beforeAll(() => {
    pool = new KernelPool(1);
    dir = mkdtempSync(join(tmpdir(), 'incremental-'));
  });
  afterAll(async () => {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reruns only the edited cell and the cells after it', async () => {
    const source = join(dir, 'docs');
    const cache = new ResultCache(join(dir, 'cache'));
    const { mkdirSync } = await import('node:fs');
    mkdirSync(source);
    writeFileSync(join(source, 'doc.md'), DOC);
    const first = await checkDocuments({ sourceDir: source, pool, cache });
    expect(first.ran).toBe(3);
    expect(first.documents[0]!.cells.map((c) => c.verdict.verdict)).toEqual(['ran', 'verified', 'ran']);

    // Nothing changed: everything comes from the cache and no interpreter is started at all.
    const idle = new KernelPool(1);
    const again = await checkDocuments({ sourceDir: source, pool: idle, cache });
    expect([again.ran, again.reused]).toEqual([0, 3]);
    expect(idle.started).toBe(false);
    await idle.close();

    // Edit the second cell: it and the third run (the first is replayed before them, from the
    // cache as far as the report goes); the third shares no name with it and still runs.
    writeFileSync(join(source, 'doc.md'), DOC.replace('print(greet("세계"))', 'print(greet("모두"))'));
    const edited = await checkDocuments({ sourceDir: source, pool, cache });
    expect([edited.ran, edited.reused]).toEqual([2, 1]);
    expect(edited.documents[0]!.cells.map((c) => c.cached)).toEqual([true, false, false]);
    expect(edited.documents[0]!.cells[1]!.verdict.verdict).toBe('drift');

    // Edit the last cell: only it runs.
    writeFileSync(join(source, 'doc.md'), readFileSync(join(source, 'doc.md'), 'utf8').replace('print("끝")', 'print("끝!")'));
    const third = await checkDocuments({ sourceDir: source, pool, cache });
    expect([third.ran, third.reused]).toEqual([1, 2]);

    // Edit the first: every cell runs again.
    writeFileSync(join(source, 'doc.md'), readFileSync(join(source, 'doc.md'), 'utf8').replace('안녕, {name}', '안녕, {name}!'));
    const first2 = await checkDocuments({ sourceDir: source, pool, cache });
    expect([first2.ran, first2.reused]).toEqual([3, 0]);
    expect(first2.documents[0]!.cells[1]!.run!.events.map((e) => e.text).join('')).toBe('안녕, 모두!\n');
  });

  it('has interpreters booted and waiting after a warm-up, before any document asks (npm run dev)', async () => {
    const warm = new KernelPool(1);
    try {
      expect(warm.started).toBe(false);
      warm.warmUp();
      expect(warm.started).toBe(true);
      // The sandbox boots its first document's interpreter at once: booted with no document sent.
      for (let i = 0; i < 600 && warm.stats.bootMs.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      // At least one, not exactly: the spare interpreter boots once the first has, at any moment now.
      expect(warm.stats.bootMs.length).toBeGreaterThanOrEqual(1);
      const [run] = await warm.runDocument({ id: 'warm', cells: [{ id: 'warm/1', code: 'print("ready")' }] });
      expect(run!.events.map((e) => e.text).join('')).toBe('ready\n');
    } finally {
      await warm.close();
    }
  });

  it('rewrites only files whose content changed and removes files no longer generated', () => {
    const root = join(dir, 'site');
    expect(syncTree(root, new Map([['a.mdx', 'A'], ['b/c.mdx', 'C']])).sort()).toEqual(['a.mdx', 'b/c.mdx']);
    expect(syncTree(root, new Map([['a.mdx', 'A'], ['b/c.mdx', 'C']]))).toEqual([]);
    expect(syncTree(root, new Map([['a.mdx', 'A2']])).sort()).toEqual(['a.mdx', 'b/c.mdx']);
    expect(readFileSync(join(root, 'a.mdx'), 'utf8')).toBe('A2');
  });
});
