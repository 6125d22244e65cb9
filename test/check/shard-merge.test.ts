// Sharding must not change the result: the merge of `--shard 1/2` and `--shard 2/2` reports the same
// cells, verdicts, summary and exit code as one unsharded run, and a missing shard fails the merge.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/check.ts';

const DOCS: Record<string, string> = {
  'alpha.md': '# Alpha\n\n```python\nx = 21\n```\n\n```python\nprint(x * 2)  # 42\n```\n',
  'beta.md': '# Beta\n\n```python\nimport asyncio\nasync def main():\n    await asyncio.sleep(1)\n    print("done")\nasyncio.run(main())\n# 출력: done\n```\n\n```python\nraise RuntimeError("nobody said so")\n```\n',
  'delta.md': '# Delta\n\n```python\nprint("four")\n# 출력: four\n```\n',
  'gamma.md': '# Gamma\n\n```python\nprint("one")\n```\n\n```python\nprint("two")\n# 출력: three\n```\n\n```python\nprint("end")\n```\n',
};

const root = mkdtempSync(join(tmpdir(), 'shard-merge-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The check's main in this process, its console output captured. */
async function check(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { out += String(chunk); return true; });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => { err += String(chunk); return true; });
  try {
    return { code: await main(argv), out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

function sourceOf(name: string, files: string[]): string {
  const dir = join(root, name, 'docs');
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f), DOCS[f]!);
  return dir;
}

const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
/** A report's cells without what is measured afresh on every run (the CPU time). */
const unmeasured = (cells: { cpuMs: number }[]) => cells.map(({ cpuMs: _, ...rest }) => rest);
/** The console without its progress and timing-free summary lines that differ by design. */
const summaryLines = (out: string) => out.split('\n').filter((l) => !l.startsWith('reused '));

interface Runs { single: { code: number; out: string }; merged: { code: number; out: string }; dir: string; artifacts: string }

async function singleAndSharded(name: string, files: string[]): Promise<Runs> {
  const source = sourceOf(name, files);
  const dir = join(root, name);
  const single = await check(['--source', source, '--no-cache', '--report', join(dir, 'single.json'), '--junit', join(dir, 'single.xml')]);
  const artifacts = join(dir, 'artifacts');
  for (const k of [1, 2]) {
    const out = join(artifacts, `check-shard-${k}`);
    const shard = await check(['--source', source, '--shard', `${k}/2`, '--report', join(out, 'check-report.json'), '--junit', join(out, 'check-junit.xml'),
      '--cache-out', join(out, 'cache'), '--cache-dir', join(dir, `shard-cache-${k}`)]);
    expect(shard.err).toContain(`shard ${k}/2:`);
  }
  const merged = await check(['--merge', artifacts, '--source', source, '--report', join(dir, 'merged.json'), '--junit', join(dir, 'merged.xml'), '--cache-dir', join(dir, 'merged-cache')]);
  return { single, merged, dir, artifacts };
}

describe('--shard and --merge', () => {
  let failing: Runs;
  let passing: Runs;
  beforeAll(async () => {
    failing = await singleAndSharded('failing', ['alpha.md', 'beta.md', 'gamma.md']);
    passing = await singleAndSharded('passing', ['alpha.md', 'delta.md']);
  }, 240_000);

  it('each shard checks its own share and records it; together they cover every document once', () => {
    const shards = [1, 2].map((k) => json(join(failing.artifacts, `check-shard-${k}`, 'check-report.json')));
    expect(shards.map((s) => [s.shard.index, s.shard.total])).toEqual([[1, 2], [2, 2]]);
    const files = shards.flatMap((s) => s.shard.files as string[]).map((f) => f.split('/').pop());
    expect(files.sort()).toEqual(['alpha.md', 'beta.md', 'gamma.md']);
    for (const s of shards) expect(new Set(s.cells.map((c: { file: string }) => c.file))).toEqual(new Set(s.shard.files));
    // No lock here, so no lock problem; a shard does not report the other shard's cells as gone.
    for (const s of shards) expect(s.problemParts.lock).toEqual([]);
  });

  it('the merged report equals the unsharded one: cells, verdicts, problems, summary, JUnit', () => {
    const single = json(join(failing.dir, 'single.json'));
    const merged = json(join(failing.dir, 'merged.json'));
    expect(unmeasured(merged.cells)).toEqual(unmeasured(single.cells));
    expect(merged.cells.map((c: { verdict: string }) => c.verdict)).toEqual(['ran', 'verified', 'verified', 'error', 'ran', 'drift', 'ran']);
    expect(merged.summary).toEqual(single.summary);
    expect(merged.problems).toEqual(single.problems);
    expect(merged.runtime).toEqual(single.runtime);
    const junitOf = (file: string) => readFileSync(join(failing.dir, file), 'utf8').replace(/ time="[\d.]+"/g, ' time="…"');
    expect(junitOf('merged.xml')).toBe(junitOf('single.xml'));
  });

  it('the exit code and the console summary are a single run\'s, for a failing and a passing source', () => {
    expect([failing.single.code, failing.merged.code]).toEqual([1, 1]);
    expect(summaryLines(failing.merged.out)).toEqual(summaryLines(failing.single.out));
    expect(failing.merged.out).toMatch(/check FAILED: 2 problem\(s\)\n$/);
    expect([passing.single.code, passing.merged.code]).toEqual([0, 0]);
    expect(summaryLines(passing.merged.out)).toEqual(summaryLines(passing.single.out));
  });

  it('collects the shards\' cache entries into the cache directory', () => {
    const written = [1, 2].flatMap((k) => readdirSync(join(failing.artifacts, `check-shard-${k}`, 'cache')));
    // One entry per cell that ran: every cell of the merged report ran in one shard or the other.
    expect(written.length).toBe(json(join(failing.dir, 'merged.json')).cells.length);
    expect(readdirSync(join(failing.dir, 'merged-cache')).sort()).toEqual([...new Set(written)].sort());
  });

  it('a missing shard, a shard of another total or a doubled document fails the merge', async () => {
    const source = join(failing.dir, 'docs');
    const partial = join(failing.dir, 'partial');
    mkdirSync(join(partial, 'check-shard-1'), { recursive: true });
    writeFileSync(join(partial, 'check-shard-1', 'check-report.json'), readFileSync(join(failing.artifacts, 'check-shard-1', 'check-report.json')));
    const missing = await check(['--merge', partial, '--source', source, '--cache-dir', join(failing.dir, 'partial-cache')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/shard 2\/2 is missing/);
    expect(missing.out).toMatch(/check FAILED: the shards could not be merged/);
    expect(existsSync(join(failing.dir, 'partial-cache'))).toBe(false);

    const other = json(join(failing.artifacts, 'check-shard-2', 'check-report.json'));
    other.shard.total = 3;
    other.shard.files.push(json(join(failing.artifacts, 'check-shard-1', 'check-report.json')).shard.files[0]);
    mkdirSync(join(partial, 'check-shard-2'), { recursive: true });
    writeFileSync(join(partial, 'check-shard-2', 'check-report.json'), JSON.stringify(other));
    const wrong = await check(['--merge', partial, '--source', source, '--cache-dir', join(failing.dir, 'partial-cache')]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/shard 2\/3, but .* is of 2 shards/);
    expect(wrong.err).toMatch(/is also checked by/);

    const empty = join(failing.dir, 'empty');
    mkdirSync(empty);
    expect((await check(['--merge', empty, '--source', source])).err).toMatch(/no shard reports found/);
    expect((await check(['--merge', join(failing.dir, 'nowhere')])).code).toBe(2);
  });
});
