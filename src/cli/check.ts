// `npm run check -- [--source DIR] [--report FILE.json] [--junit FILE.xml] [--no-cache] [--update]
//   [--shard K/N] [--cache-out DIR] [--merge DIR] [--cache-dir DIR]`
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { KernelPool } from '../kernel/node/pool.ts';
import { ResultCache } from '../check/cache.ts';
import { checkDocuments, listMarkdown, loadSource, selectSource, type CheckResult, type Problem } from '../check/run.ts';
import type { LoadedDocument } from '../check/load.ts';
import { ParseCache } from '../source/parse-cache.ts';
import { buildReport, failuresOf, githubAnnotations, junit, problemLine, summarize, summaryText, type Report } from '../check/report.ts';
import { LockFileError, lockDifferences, readLock, writeLock, type LockFile } from '../check/lock.ts';
import { documentWeights, lockFor, parseShard, shardFiles, type ShardSpec } from '../check/shard.ts';
import { isCacheEntryName, isShardReport, mergeShards, type ShardReport } from '../check/merge.ts';
import { outputLines } from '../check/compare.ts';
import { maskAddresses } from '../check/normalize.ts';
import { translationDir, translationStatus, translationSummary } from '../translate/status.ts';
import { coverageLine, type DocumentCoverage } from '../translate/coverage.ts';
import type { CellRun } from '../kernel/types.ts';
import { consoleText } from '../emit/escape.ts';
import { capText } from '../emit/limits.ts';

export const DEFAULT_SOURCE = 'content/ko';
export const CACHE_DIR = '.cache/check';
/** Parsed documents (src/source/parse-cache.ts), beside the results. */
export const PARSE_CACHE_DIR = '.cache/source';
const USAGE = 'usage: npm run check -- [--source DIR] [--report FILE.json] [--junit FILE.xml] [--no-cache] [--update] [--shard K/N] [--cache-out DIR] [--cache-dir DIR] | --merge DIR [--report FILE.json] [--junit FILE.xml]';

interface Args {
  source: string; report?: string; junit?: string; noCache: boolean; update: boolean;
  shard?: ShardSpec; merge?: string; cacheOut?: string; cacheDir: string;
}

export function parseArgs(argv: string[]): Args | string {
  const args: Args = { source: DEFAULT_SOURCE, noCache: false, update: false, cacheDir: CACHE_DIR };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => argv[++i] ?? '';
    if (arg === '--source') args.source = value();
    else if (arg === '--report') args.report = value();
    else if (arg === '--junit') args.junit = value();
    else if (arg === '--no-cache') args.noCache = true;
    else if (arg === '--update') args.update = true;
    else if (arg === '--shard') {
      const spec = parseShard(value());
      if (typeof spec === 'string') return spec;
      args.shard = spec;
    } else if (arg === '--merge') args.merge = value();
    else if (arg === '--cache-out') args.cacheOut = value();
    else if (arg === '--cache-dir') args.cacheDir = value();
    else return `unknown option ${arg}`;
  }
  for (const [name, v] of [['--merge', args.merge], ['--cache-out', args.cacheOut], ['--cache-dir', args.cacheDir]] as const) {
    if (v === '') return `${name} needs a directory`;
  }
  // The lock is the whole project's: a shard sees only its own cells and would drop the others'.
  if (args.update && args.shard) return '--update cannot be used with --shard: a shard sees only its own documents; accept the new state with an unsharded `npm run check -- --update`';
  if (args.update && args.merge) return '--update cannot be used with --merge: run an unsharded `npm run check -- --update`';
  if (args.merge && (args.shard || args.cacheOut || args.noCache)) return '--merge joins finished shards: --shard, --cache-out and --no-cache do not apply';
  if (args.cacheOut && !args.shard) return '--cache-out is for a shard (--shard K/N), whose cache entries a later --merge collects';
  return args;
}

/** The result cache that also copies every entry this run reads or writes to `out`: a shard's artifact. */
class MirroredCache extends ResultCache {
  private readonly out: ResultCache;
  constructor(dir: string, out: string) {
    super(dir);
    this.out = new ResultCache(out);
  }
  override get(key: string): CellRun | null {
    const run = super.get(key);
    if (run) this.out.set(key, run);
    return run;
  }
  override set(key: string, run: CellRun): void {
    super.set(key, run);
    this.out.set(key, run);
  }
}

export function lockPath(source: string): string {
  return join(source, '..', 'check.lock.json');
}

/** The lock of a result. A cell's real cost is measured again only when its code changed: the lock
 * (and so the pages built from it) keeps the figure recorded when the cell was last accepted. */
export function lockOf(result: CheckResult, previous: LockFile | null = null): LockFile {
  const cells: LockFile['cells'] = {};
  for (const { cells: checked } of result.documents) {
    for (const { cell, run, verdict, needs } of checked) {
      const old = previous?.cells[cell.id];
      const cpuMs = old?.key === cell.key && old.cpuMs !== undefined ? old.cpuMs : run ? Math.round(run.cpuMs * 10) / 10 : undefined;
      cells[cell.id] = {
        file: cell.file, line: cell.line, verdict: verdict.verdict, key: cell.key,
        output: run ? capText(outputLines(run.events).map((l) => `[${l.t.toFixed(3)}] ${maskAddresses(l.text)}`).join('\n')) : '',
        ...(cpuMs !== undefined ? { cpuMs } : {}),
        needs,
      };
    }
  }
  return { runtime: { pyodide: result.runtime.pyodide, kernel: result.runtime.kernel, python: result.runtime.python }, cells };
}

function progress(total: number) {
  let done = 0;
  const tty = process.stderr.isTTY && !process.env.CI;
  return (label: string) => {
    done++;
    if (tty) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${consoleText(label).slice(0, 40).padEnd(40)}`);
      if (done === total) process.stderr.write('\n');
    } else {
      process.stderr.write(`checked ${done}/${total}: ${consoleText(label)}\n`);
    }
  };
}

export async function main(argv: string[]): Promise<number> {
  try {
    return await checkMain(argv);
  } catch (error) {
    // A damaged lock stops the check with its problems at their lines, not with a stack trace.
    if (!(error instanceof LockFileError)) throw error;
    process.stderr.write(`${[...error.problems.map(problemLine), error.hint].join('\n')}\n`);
    process.stdout.write('check FAILED: the lock file is not valid\n');
    return 1;
  }
}

async function checkMain(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n${USAGE}\n`);
    return 2;
  }
  if (args.merge) return mergeMain(args, args.merge);
  if (!existsSync(args.source)) {
    process.stderr.write(`--source ${consoleText(args.source)}: no such directory\n`);
    return 2;
  }
  const files = listMarkdown(args.source);
  // A damaged lock stops the check here, before any interpreter starts.
  const lockFile = lockPath(resolve(args.source));
  const lock = readLock(lockFile);
  const pool = new KernelPool(undefined, { log: (line) => process.stderr.write(`${line}\n`) });
  // Once per check: which of the sandbox's boundaries hold on this machine.
  process.stderr.write(`${pool.stats.boundaries}\n`);
  try {
    return await checkWith(args, files, pool, lockFile, lock);
  } finally {
    await pool.close();
  }
}

async function checkWith(args: Args, files: string[], pool: KernelPool, lockFile: string, lock: LockFile | null): Promise<number> {
  // Without the cache every cell runs: the interpreters start while the documents are parsed.
  if (args.noCache) pool.warmUp();
  // Every document is read and parsed once: the shard weights, the check and the translations use it.
  const source = loadSource(args.source, files, { parseCache: args.noCache ? null : new ParseCache(PARSE_CACHE_DIR) });
  const blockCounts = new Map(files.map((f) => [f, source.documents.find((d) => d.file === f)?.document.cells.length ?? 0]));
  const selected = args.shard ? shardFiles(documentWeights(files, blockCounts, lock), args.shard) : files;
  if (args.shard) process.stderr.write(`shard ${args.shard.index}/${args.shard.total}: ${selected.length} of ${files.length} documents\n`);
  const tick = progress(selected.reduce((n, f) => n + blockCounts.get(f)!, 0));
  const result: CheckResult = await checkDocuments({
    sourceDir: args.source,
    source: selectSource(source, selected),
    pool,
    cache: args.noCache ? null : args.cacheOut ? new MirroredCache(args.cacheDir, args.cacheOut) : new ResultCache(args.cacheDir),
    onCell: (doc, cell) => tick(`${doc.slug} #${cell.index}`),
  });
  // The interpreters are done: the lock, the reports and the translations need none.
  await pool.close();
  const next = lockOf(result, lock);
  let lockProblems: Problem[] = [];
  if (args.update) {
    writeLock(lockFile, next);
    process.stderr.write(`updated ${lockFile}\n`);
  } else {
    // A shard answers for its own documents only: another shard's cells are not "gone".
    lockProblems = lockProblemsOf(lock && args.shard ? lockFor(lock, selected) : lock, next, lockFile, isProjectSource(args.source));
  }
  // Translations cover every document and need no interpreter: the merge reports them, not each shard.
  const translations = args.shard ? null : translationsOf(args.source, source.documents);
  const report = buildReport(result, [...lockProblems, ...(translations?.problems ?? [])]);
  const json = args.shard
    ? shardReport(report, args.shard, selected, next, { check: result.problems, lock: lockProblems, cells: failuresOf(result) })
    : translations ? { ...report, summary: { ...report.summary, translation: translationSummary(translations) } } : report;
  writeOutputs(args, report, json);
  process.stdout.write(consoleReport(report, (translations?.documents ?? []).map((d) => d.coverage), process.env.GITHUB_ACTIONS === 'true'));
  return report.problems.length === 0 ? 0 : 1;
}

const shownPath = (file: string) => relative(process.cwd(), file) || file;

function isProjectSource(source: string): boolean {
  return resolve(source) === resolve(DEFAULT_SOURCE);
}

/** The lock's differences as problems at the cells' lines (or the lock's missing, for the project). */
function lockProblemsOf(lock: LockFile | null, next: LockFile, lockFile: string, isProject: boolean): Problem[] {
  if (!lock) return isProject ? [{ file: lockFile, line: 1, message: 'no lock file: run `npm run check -- --update` to create it' }] : [];
  return lockDifferences(lock, next).map((d) => {
    const entry = next.cells[d.id] ?? lock.cells[d.id];
    return { file: entry?.file ?? lockFile, line: entry?.line ?? 1, message: `${d.id}: ${d.message} (run \`npm run check -- --update\` to accept)` };
  });
}

/** Translations (no kernel needed): the English edition beside a `ko` source directory (of the documents the check loaded, when given). */
function translationsOf(source: string, loaded?: LoadedDocument[]) {
  const enDir = translationDir(source);
  const known = loaded?.map((d) => ({ file: d.file, slug: d.document.slug, markdown: d.document.markdown, translation: d.translation }));
  return enDir ? translationStatus(source, enDir, known) : null;
}

function shardReport(report: Report, spec: ShardSpec, files: string[], lock: LockFile, problemParts: ShardReport['problemParts']): ShardReport {
  // Paths as the cells name them (relative to the working directory), so shards run in checkouts at
  // different places still merge.
  return { ...report, shard: { index: spec.index, total: spec.total, files: files.map(shownPath) }, lock, problemParts };
}

function writeOutputs(args: Pick<Args, 'report' | 'junit'>, report: Report, json: unknown): void {
  if (args.report) {
    mkdirSync(dirname(resolve(args.report)), { recursive: true });
    writeFileSync(args.report, JSON.stringify(json, null, 2) + '\n');
  }
  if (args.junit) {
    mkdirSync(dirname(resolve(args.junit)), { recursive: true });
    writeFileSync(args.junit, junit(report));
  }
}

/** Every file under `dir`, sorted, so the merge reads shards in the same order on every machine. */
function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map((f) => join(dir, f)).filter((f) => statSync(f).isFile()).sort();
}

/**
 * `--merge DIR`: the shards' reports and cache entries under DIR (any depth, as a CI artifact
 * download lays them out) joined into one result. The JUnit file is written from the merged report,
 * so it is the one a single run writes. Starts no interpreter.
 */
async function mergeMain(args: Args, dir: string): Promise<number> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    process.stderr.write(`--merge ${consoleText(dir)}: no such directory\n`);
    return 2;
  }
  const reports: { path: string; report: ShardReport }[] = [];
  const cacheEntries: string[] = [];
  const unreadable: string[] = [];
  for (const file of filesUnder(dir)) {
    if (isCacheEntryName(basename(file))) { cacheEntries.push(file); continue; }
    if (!file.endsWith('.json')) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      unreadable.push(`${file}: not valid JSON (${(e as Error).message})`);
      continue;
    }
    if (isShardReport(parsed)) reports.push({ path: file, report: parsed });
  }
  const merged = mergeShards(reports, existsSync(args.source) ? listMarkdown(args.source).map(shownPath) : null);
  if ('errors' in merged || unreadable.length > 0) {
    for (const e of [...unreadable, ...('errors' in merged ? merged.errors : [])]) process.stderr.write(`${consoleText(e)}\n`);
    process.stdout.write('check FAILED: the shards could not be merged\n');
    return 1;
  }
  if (cacheEntries.length > 0) mkdirSync(args.cacheDir, { recursive: true });
  for (const entry of cacheEntries) copyFileSync(entry, join(args.cacheDir, basename(entry)));
  process.stderr.write(`merged ${reports.length} shards: ${merged.files.length} documents, ${merged.cells.length} python blocks, ${cacheEntries.length} cache entries into ${args.cacheDir}\n`);
  const lockFile = lockPath(resolve(args.source));
  const lockProblems = lockProblemsOf(readLock(lockFile), merged.lock, lockFile, isProjectSource(args.source));
  const translations = translationsOf(args.source);
  const problems = [...merged.checkProblems, ...lockProblems, ...(translations?.problems ?? []), ...merged.cellProblems];
  const report: Report = { runtime: merged.runtime, cells: merged.cells, problems, summary: summarize(merged.cells, problems, merged.reused, merged.ran) };
  const json = translations ? { ...report, summary: { ...report.summary, translation: translationSummary(translations) } } : report;
  writeOutputs(args, report, json);
  process.stdout.write(consoleReport(report, (translations?.documents ?? []).map((d) => d.coverage), process.env.GITHUB_ACTIONS === 'true'));
  return problems.length === 0 ? 0 : 1;
}

/**
 * What the check prints after the run. Problems quote documents and snippets: problemLine escapes
 * them, so the last line ("check passed" or "check FAILED") is the only one that can say so.
 */
export function consoleReport(report: Report, coverage: DocumentCoverage[], github: boolean): string {
  const lines = report.problems.map(problemLine);
  if (github) lines.push(...githubAnnotations(report.problems));
  lines.push(summaryText(report));
  for (const c of coverage) lines.push(consoleText(coverageLine(c)));
  lines.push(report.problems.length === 0 ? 'check passed' : `check FAILED: ${report.problems.length} problem(s)`);
  return lines.join('\n') + '\n';
}
