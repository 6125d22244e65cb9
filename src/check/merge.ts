// Joining the shards of a check (`--merge DIR`) into the result a single run would have given.
// Finding and reading the files is the caller's; here the shards' reports are validated (one
// runtime, one number of shards, each shard once, disjoint and complete) and joined. No
// interpreter is needed: the reports hold every verdict and each cell's locked state.
import type { Problem } from './diagnostics.ts';
import type { LockFile } from './lock.ts';
import type { Report, ReportCell } from './report.ts';

/** What a shard's JSON report holds beyond a single run's report. */
export interface ShardReport extends Report {
  shard: { index: number; total: number; files: string[] };
  /** The lock entries of the shard's cells as this run produced them: the merge compares them with the lock. */
  lock: LockFile;
  /** `problems` by origin, so the merge can redo the lock comparison over all documents. */
  problemParts: { check: Problem[]; lock: Problem[]; cells: Problem[] };
}

export function isShardReport(value: unknown): value is ShardReport {
  const v = value as Partial<ShardReport> | null;
  return typeof v === 'object' && v !== null && typeof v.shard === 'object' && v.shard !== null
    && Array.isArray(v.cells) && typeof v.lock === 'object' && typeof v.problemParts === 'object';
}

export interface MergedShards {
  runtime: Report['runtime'];
  cells: ReportCell[];
  /** Problems of loading and running, then of the cells' verdicts (the lock's are recomputed). */
  checkProblems: Problem[];
  cellProblems: Problem[];
  reused: number;
  ran: number;
  lock: LockFile;
  files: string[];
}

/**
 * The shards joined, or every reason they cannot be. `reports` carry where they were read from
 * (`path`), so each error names the file. `expectedFiles`, when given, are the documents a single
 * run would check: the shards must cover exactly these.
 */
export function mergeShards(reports: { path: string; report: ShardReport }[], expectedFiles: string[] | null): MergedShards | { errors: string[] } {
  const errors: string[] = [];
  if (reports.length === 0) return { errors: ['no shard reports found (JSON reports written with --shard K/N)'] };
  const [first] = reports;
  const total = first!.report.shard.total;
  const runtimeText = JSON.stringify(first!.report.runtime);
  const byIndex = new Map<number, string>();
  const owner = new Map<string, string>();
  for (const { path, report } of reports) {
    const { index, total: n, files } = report.shard;
    if (n !== total) errors.push(`${path}: shard ${index}/${n}, but ${first!.path} is of ${total} shards`);
    if (JSON.stringify(report.runtime) !== runtimeText) errors.push(`${path}: runtime ${JSON.stringify(report.runtime)}, but ${first!.path} has ${runtimeText}`);
    const seen = byIndex.get(index);
    if (seen) errors.push(`${path}: shard ${index}/${n} again (also ${seen})`);
    else byIndex.set(index, path);
    for (const file of files) {
      const other = owner.get(file);
      if (other) errors.push(`${path}: ${file} is also checked by ${other}`);
      else owner.set(file, path);
    }
  }
  for (let i = 1; i <= total; i++) if (!byIndex.has(i)) errors.push(`shard ${i}/${total} is missing: its report was not found`);
  if (expectedFiles) {
    for (const file of expectedFiles) if (!owner.has(file)) errors.push(`${file}: checked by no shard`);
    const expected = new Set(expectedFiles);
    for (const [file, path] of owner) if (!expected.has(file)) errors.push(`${path}: ${file} is not a document of the source directory`);
  }
  if (errors.length > 0) return { errors };

  const ordered = [...reports].sort((a, b) => a.report.shard.index - b.report.shard.index).map((r) => r.report);
  // A single run orders cells by document (localeCompare, as the check sorts them), each document's
  // cells in their own order; every document is in one shard, so a stable sort by file restores it.
  const cells = ordered.flatMap((r) => r.cells).sort((a, b) => a.file.localeCompare(b.file));
  const lockCells: LockFile['cells'] = {};
  for (const r of ordered) Object.assign(lockCells, r.lock.cells);
  return {
    runtime: first!.report.runtime,
    cells,
    checkProblems: ordered.flatMap((r) => r.problemParts.check),
    // As a single run lists them: by document.
    cellProblems: ordered.flatMap((r) => r.problemParts.cells).sort((a, b) => a.file.localeCompare(b.file)),
    reused: ordered.reduce((n, r) => n + r.summary.reused, 0),
    ran: ordered.reduce((n, r) => n + r.summary.ran, 0),
    lock: { runtime: first!.report.lock.runtime, cells: lockCells },
    files: [...owner.keys()].sort(),
  };
}

/** A cache entry's file name (`ResultCache` writes `<key>.json`, the key 24 hex digits). */
export function isCacheEntryName(name: string): boolean {
  return /^[0-9a-f]{24}\.json$/.test(name);
}
