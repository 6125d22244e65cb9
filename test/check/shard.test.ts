// The shards' assignment is computed by every shard alone: it must be the same everywhere, give
// each document to exactly one shard, and keep the shards' loads close.
import { describe, expect, it } from 'vitest';
import { assignShards, documentWeights, lockFor, parseShard, shardFiles, type WeightedDocument } from '../../src/check/shard.ts';
import { checkArgs } from '../../src/cli/check.ts';
import type { LockFile } from '../../src/check/lock.ts';

/** A reproducible pseudo-random sequence (no Math.random: a failure must be replayable). */
function numbers(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function corpus(count: number, seed: number): WeightedDocument[] {
  const next = numbers(seed);
  return Array.from({ length: count }, (_, i) => ({ file: `docs/doc-${String(i).padStart(3, '0')}.md`, weight: Math.round(next() * 1000) / 10 }));
}

describe('parseShard', () => {
  it('reads K/N and names what is wrong with a bad value', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, total: 4 });
    expect(parseShard('1/1')).toEqual({ index: 1, total: 1 });
    expect(parseShard('0/4')).toMatch(/between 1 and 4/);
    expect(parseShard('5/4')).toMatch(/between 1 and 4/);
    expect(parseShard('1/0')).toMatch(/at least 1/);
    expect(parseShard('two/4')).toMatch(/expected K\/N/);
    expect(parseShard('')).toMatch(/expected K\/N/);
    expect(parseShard('1/2/3')).toMatch(/expected K\/N/);
  });

  it('the command line refuses a bad shard, --update with --shard, and --cache-out without one', () => {
    expect(checkArgs(['--shard', '3/2'])).toMatchObject({ exit: 2, text: expect.stringMatching(/between 1 and 2/) });
    expect(checkArgs(['--shard'])).toEqual({ exit: 2, text: 'execdocs check: --shard needs a value (see execdocs check --help)' });
    expect(checkArgs(['--shard', '1/2', '--update'])).toMatchObject({ exit: 2, text: expect.stringMatching(/--update cannot be used with --shard/) });
    expect(checkArgs(['--update', '--merge', 'dir'])).toMatchObject({ exit: 2, text: expect.stringMatching(/--update cannot be used with --merge/) });
    expect(checkArgs(['--cache-out', 'out'])).toMatchObject({ exit: 2, text: expect.stringMatching(/--cache-out is for a shard/) });
    expect(checkArgs(['--shard', '1/2', '--cache-out', 'out'])).toMatchObject({ shard: { index: 1, total: 2 }, cacheOut: 'out' });
  });
});

describe('assignShards', () => {
  it('is deterministic: the same assignment whatever order the documents come in', () => {
    const docs = corpus(60, 7);
    const shuffled = [...docs].reverse();
    expect(assignShards(shuffled, 4)).toEqual(assignShards(docs, 4));
    // Equal weights are ordered by path, not by arrival.
    const ties = ['b.md', 'a.md', 'd.md', 'c.md'].map((file) => ({ file, weight: 1 }));
    expect(assignShards(ties, 2)).toEqual([['a.md', 'c.md'], ['b.md', 'd.md']]);
    expect(assignShards([...ties].reverse(), 2)).toEqual([['a.md', 'c.md'], ['b.md', 'd.md']]);
  });

  it('gives every document to exactly one shard, each shard sorted by path', () => {
    for (const total of [1, 2, 3, 4, 7, 80]) {
      const docs = corpus(60, total);
      const shards = assignShards(docs, total);
      expect(shards).toHaveLength(total);
      const all = shards.flat();
      expect(new Set(all).size).toBe(all.length);
      expect([...all].sort()).toEqual(docs.map((d) => d.file).sort());
      for (const files of shards) expect(files).toEqual([...files].sort());
      shards.forEach((files, i) => expect(shardFiles(docs, { index: i + 1, total })).toEqual(files));
    }
  });

  it('is balanced: no shard exceeds the mean load by more than the heaviest document', () => {
    for (const seed of [1, 2, 3]) {
      const docs = corpus(100, seed);
      const weightOf = new Map(docs.map((d) => [d.file, d.weight]));
      const loads = assignShards(docs, 4).map((files) => files.reduce((n, f) => n + weightOf.get(f)!, 0));
      const mean = docs.reduce((n, d) => n + d.weight, 0) / 4;
      const heaviest = Math.max(...docs.map((d) => d.weight));
      expect(Math.max(...loads)).toBeLessThanOrEqual(mean + heaviest);
      // Greedy on this corpus does far better than the bound: within 2% of the mean.
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThan(mean * 0.02);
    }
  });

  it('puts one expensive document alone when it outweighs the rest', () => {
    const docs = [{ file: 'big.md', weight: 100 }, { file: 'a.md', weight: 1 }, { file: 'b.md', weight: 1 }, { file: 'c.md', weight: 1 }];
    expect(assignShards(docs, 2)).toEqual([['big.md'], ['a.md', 'b.md', 'c.md']]);
  });
});

describe('documentWeights', () => {
  const lock: LockFile = {
    runtime: {},
    cells: {
      'a/1': { file: 'docs/a.md', line: 1, verdict: 'ran', key: '1', output: '', cpuMs: 500 },
      'a/2': { file: 'docs/a.md', line: 5, verdict: 'ran', key: '2', output: '', cpuMs: 20 },
      'b/1': { file: 'docs/b.md', line: 1, verdict: 'ran', key: '3', output: '', cpuMs: 7 },
    },
  };
  const counts = new Map([['docs/a.md', 2], ['docs/b.md', 9], ['docs/c.md', 3]]);

  it('weighs by the locked CPU time when the lock knows every document', () => {
    expect(documentWeights(['docs/a.md', 'docs/b.md'], counts, lock)).toEqual([{ file: 'docs/a.md', weight: 520 }, { file: 'docs/b.md', weight: 7 }]);
  });

  it('weighs every document by its python blocks when the lock is missing or does not know one', () => {
    expect(documentWeights(['docs/a.md', 'docs/b.md', 'docs/c.md'], counts, lock).map((d) => d.weight)).toEqual([2, 9, 3]);
    expect(documentWeights(['docs/a.md', 'docs/b.md'], counts, null).map((d) => d.weight)).toEqual([2, 9]);
  });

  it('lockFor keeps only the entries of the given documents', () => {
    expect(Object.keys(lockFor(lock, ['docs/a.md']).cells)).toEqual(['a/1', 'a/2']);
  });
});
