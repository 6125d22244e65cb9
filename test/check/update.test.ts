// `check --update` writes the lock from runs made in that very check, never from the cache: an entry
// of the cache may be a forgery (written by an earlier run of a hostile document, copied in by
// `--merge` from a shard's artifact, restored by a CI cache), and the lock is what gets committed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentsToRerun, main } from '../../src/cli/check.ts';
import type { CheckResult } from '../../src/check/run.ts';
import type { LockFile } from '../../src/check/lock.ts';

const DOC = '# B\n\n```python\nprint(1 + 1)\n# 출력: 2\n```\n\n```python\nprint("after")\n```\n';

describe('check --update', () => {
  let dir: string;
  let cacheDir: string;
  const quiet = () => {
    // The command prints its report; the test reads the lock and the cache instead.
    const out = process.stdout.write.bind(process.stdout);
    const err = process.stderr.write.bind(process.stderr);
    const said: string[] = [];
    process.stdout.write = ((chunk: string) => { said.push(String(chunk)); return true; }) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string) => { said.push(String(chunk)); return true; }) as typeof process.stderr.write;
    return () => { process.stdout.write = out; process.stderr.write = err; return said.join(''); };
  };
  const check = async (...flags: string[]) => {
    const restore = quiet();
    try {
      const code = await main(['--config', join(dir, 'execdocs.config.json'), '--cache-dir', cacheDir, ...flags]);
      return { code, said: restore() };
    } catch (error) {
      restore();
      throw error;
    }
  };
  const lock = () => JSON.parse(readFileSync(join(dir, 'check.lock.json'), 'utf8')) as LockFile;
  const entries = () => readdirSync(cacheDir).filter((f) => f.endsWith('.json')).sort();

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'update-'));
    cacheDir = join(dir, 'cache');
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'b.md'), DOC);
    writeFileSync(join(dir, 'execdocs.config.json'), JSON.stringify({ sources: ['docs'], language: 'ko' }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs again the cells whose entry would change when their runs came from the cache, and records those runs', async () => {
    expect((await check('--update')).code).toBe(0);
    const accepted = lock();
    const outputs = () => Object.values(lock().cells).map((c) => [c.verdict, c.output]);
    expect(outputs()).toEqual([['verified', '[0.000] 2'], ['ran', '[0.000] after']]);

    // Forge the first cell's entry: it now "prints" 3. (The second cell's entry, keyed after the
    // first, is left as it was.)
    const first = entries().map((f) => join(cacheDir, f)).find((f) => readFileSync(f, 'utf8').includes('"2\\n"'))!;
    const forged = JSON.parse(readFileSync(first, 'utf8'));
    forged.events = [{ stream: 'stdout', text: '3\n', t: 0 }];
    writeFileSync(first, JSON.stringify(forged));

    // A plain check reads the cache: it reports the forged drift and the difference from the lock.
    const plain = await check();
    expect(plain.code).toBe(1);
    expect(plain.said).toMatch(/drift/);

    // --update does not write the forgery into the lock: the document runs again and its fresh run is recorded.
    const updated = await check('--update');
    expect(updated.code).toBe(0);
    expect(outputs()).toEqual([['verified', '[0.000] 2'], ['ran', '[0.000] after']]);
    expect(lock()).toEqual(accepted);
    expect(updated.said).toMatch(/--update: running 1 document\(s\) again whose changed cells came from the cache: \S*docs\/b\.md\n/);
    // The fresh run replaced the forged entry.
    expect(JSON.parse(readFileSync(first, 'utf8')).events.map((e: { text: string }) => e.text)).toEqual(['2\n']);
    expect((await check()).code).toBe(0);
  });
});

describe('which documents --update runs again', () => {
  const cell = (id: string, cached: boolean, text: string) => ({
    cell: { id, file: 'docs/b.md', line: 3, key: id.split('/')[1] }, cached, needs: [],
    run: { events: [{ stream: 'stdout', text, t: 0 }], cpuMs: 1 }, verdict: { verdict: 'ran' },
  });
  const result = (cells: ReturnType<typeof cell>[]) => ({
    runtime: { pyodide: 'p', kernel: 'k', python: '3.14' }, problems: [], reused: 0, ran: 0,
    documents: [{ document: { file: 'docs/b.md' }, cells }],
  }) as unknown as CheckResult;
  const lockWith = (output: string): LockFile => ({ runtime: {}, cells: { 'b/c1': { file: 'docs/b.md', line: 3, verdict: 'ran', key: 'c1', output, needs: [] } } });

  it('a document with a cached cell whose entry is new or differs; not one whose cached cells match the lock, nor one that ran now', () => {
    expect(documentsToRerun(result([cell('b/c1', true, 'x\n')]), lockWith('[0.000] x'))).toEqual([]);
    expect(documentsToRerun(result([cell('b/c1', true, 'y\n')]), lockWith('[0.000] x'))).toEqual(['docs/b.md']);
    expect(documentsToRerun(result([cell('b/c1', false, 'y\n')]), lockWith('[0.000] x'))).toEqual([]);
    expect(documentsToRerun(result([cell('b/c1', true, 'x\n')]), null)).toEqual(['docs/b.md']);
  });
});
