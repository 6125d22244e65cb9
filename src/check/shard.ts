// A shard's share of the documents: `--shard K/N`. Every shard of a CI matrix computes the whole
// assignment from the same inputs (the sorted Markdown files, the committed lock, the documents'
// block counts), so the shards agree without talking to each other, and together they cover every
// document exactly once. Pure: the caller reads the files.
import { resolve } from 'node:path';
import type { LockFile } from './lock.ts';

export interface ShardSpec {
  /** 1-based, as the CI matrix counts. */
  index: number;
  total: number;
}

/** `K/N` with 1 <= K <= N, or a message saying what is wrong with it. */
export function parseShard(text: string): ShardSpec | string {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return `--shard ${JSON.stringify(text)}: expected K/N, e.g. --shard 2/4`;
  const index = Number(match[1]);
  const total = Number(match[2]);
  if (total < 1) return `--shard ${text}: the number of shards must be at least 1`;
  if (index < 1 || index > total) return `--shard ${text}: the shard must be between 1 and ${total}`;
  return { index, total };
}

export interface WeightedDocument {
  file: string;
  weight: number;
}

/**
 * Each document's expected cost. The lock's recorded CPU time is the best guess of what a cold check
 * spends, but it is only comparable between documents when every document has it: a document the
 * lock does not know yet (new, or the lock missing) would weigh nothing. Then every document is
 * weighed by its number of python blocks instead, one unit for all.
 */
export function documentWeights(files: string[], blockCounts: Map<string, number>, lock: LockFile | null): WeightedDocument[] {
  const cpuByFile = new Map<string, number>();
  for (const entry of Object.values(lock?.cells ?? {})) {
    if (entry.cpuMs === undefined) continue;
    const file = resolve(entry.file);
    cpuByFile.set(file, (cpuByFile.get(file) ?? 0) + entry.cpuMs);
  }
  const lockCoversAll = files.length > 0 && files.every((f) => cpuByFile.has(resolve(f)));
  return files.map((file) => ({ file, weight: lockCoversAll ? cpuByFile.get(resolve(file))! : blockCounts.get(file) ?? 0 }));
}

/**
 * Greedy balancing: heaviest document first (ties by path, so the order is total), each to the
 * currently lightest shard (ties to the lowest index). Returns the files of every shard, each list
 * sorted by path as a single run orders them.
 */
export function assignShards(documents: WeightedDocument[], total: number): string[][] {
  const order = [...documents].sort((a, b) => b.weight - a.weight || compareText(a.file, b.file));
  const shards = Array.from({ length: total }, () => ({ files: [] as string[], load: 0 }));
  for (const doc of order) {
    let lightest = 0;
    for (let i = 1; i < total; i++) if (shards[i]!.load < shards[lightest]!.load) lightest = i;
    shards[lightest]!.files.push(doc.file);
    shards[lightest]!.load += doc.weight;
  }
  return shards.map((s) => s.files.sort(compareText));
}

/** The files of one shard (1-based index). */
export function shardFiles(documents: WeightedDocument[], spec: ShardSpec): string[] {
  return assignShards(documents, spec.total)[spec.index - 1]!;
}

/** Code-point order: the same on every machine, unlike a locale's collation. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The lock restricted to some documents: what a shard compares its own cells against. */
export function lockFor(lock: LockFile, files: string[]): LockFile {
  const wanted = new Set(files.map((f) => resolve(f)));
  return { runtime: lock.runtime, cells: Object.fromEntries(Object.entries(lock.cells).filter(([, e]) => wanted.has(resolve(e.file)))) };
}
