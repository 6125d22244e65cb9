// `execdocs check [DIR...]` (`npm run check -- …` here): check the documents, report, compare with the lock.
// Where the documents, the lock, the cache and the fixtures are comes from the configuration
// (src/config/); the flags override it.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { KernelPool } from '../kernel/node/pool.ts';
import { UNTRUSTED_HELP, UNTRUSTED_OPTION, refusedHere, untrustedPool } from './untrusted.ts';
import { ResultCache } from '../check/cache.ts';
import { checkDocuments, loadSource, selectSource, type CheckResult, type Problem } from '../check/run.ts';
import type { LoadedDocument, LoadOptions } from '../check/load.ts';
import { ParseCache } from '../source/parse-cache.ts';
import { buildReport, failuresOf, githubAnnotations, junit, problemLine, summarize, summaryText, type Report } from '../check/report.ts';
import { changedCells, LockFileError, lockDifferences, readLock, writeLock, type LockFile } from '../check/lock.ts';
import { documentWeights, lockFor, parseShard, shardFiles, type ShardSpec } from '../check/shard.ts';
import { isCacheEntryName, isShardReport, mergeShards, type ShardReport } from '../check/merge.ts';
import { outputLines } from '../check/compare.ts';
import { maskAddresses } from '../check/normalize.ts';
import { translationStatus, translationSummary } from '../translate/status.ts';
import { coverageLine, type DocumentCoverage } from '../translate/coverage.ts';
import type { CellRun } from '../kernel/types.ts';
import { consoleText } from '../emit/escape.ts';
import { capText } from '../emit/limits.ts';
import { CONFIG_HELP, CONFIG_OPTIONS, answer, parseCommand } from './args.ts';
import { cacheDirs, ConfigError, loadConfig, sourceFiles, type Config } from '../config/load.ts';
import { loadOptionsOf } from '../config/project.ts';
import { contentRoots, documentImages, imageSources } from '../site/doc-images.ts';
import { asDiagnostics, diagnostic, isError, NO_SUPPRESSION, unsuppressed } from '../check/diagnostics.ts';
import { Phases, type CheckTimings } from '../check/timings.ts';

export const DEFAULT_SOURCE = 'content/ko';
export const CACHE_DIR = '.cache/check';
/** Parsed documents (src/source/parse-cache.ts), beside the results. */
export const PARSE_CACHE_DIR = '.cache/source';

/** How the user calls the check, for the hints it prints: the npm script here, the installed command elsewhere. */
export function checkCommand(): string {
  return process.env.npm_lifecycle_event === 'check' ? 'npm run check --' : 'execdocs check';
}

const SPEC = {
  name: 'execdocs check',
  usage: '[DIR...] [--report FILE.json] [--junit FILE.xml] [--timings FILE.json] [--no-cache] [--update] [--shard K/N] [--cache-out DIR] [--cache-dir DIR] [--lock FILE] [--untrusted] [--config FILE] | --merge DIR [--report FILE.json] [--junit FILE.xml]',
  help: [
    'Runs every python block of the documents and compares what it prints with what the documents say.',
    'Exit 0: all verified; 1: a drift, error, hang or a difference from the lock; 2: bad usage or unreadable input.',
    '  DIR...              directories of Markdown documents (.md, .mdx), documents, or globs (default: the configuration\'s `sources`)',
    '  --source DIR        the same as a DIR argument',
    '  --report FILE.json  the report as JSON',
    '  --junit FILE.xml    the report as JUnit XML',
    '  --timings FILE.json when each phase ran and what each interpreter did (npm run bench reads it)',
    '  --no-cache          run every block, reusing no earlier result',
    '  --update            accept the current state: write the lock (from runs made now, never from the cache)',
    '  --shard K/N         check the K-th of N shares of the documents (CI); --cache-out DIR keeps its cache entries',
    '  --merge DIR         join the shards\' reports and cache entries found under DIR',
    '  --cache-dir DIR     the result cache (default: the configuration\'s cache, then .cache/check)',
    '  --lock FILE         the lock file (default: the configuration\'s, or check.lock.json beside the first source)',
    UNTRUSTED_HELP,
    CONFIG_HELP,
  ].join('\n'),
  positionals: true,
  options: {
    ...CONFIG_OPTIONS,
    ...UNTRUSTED_OPTION,
    source: { type: 'string', multiple: true },
    report: { type: 'string' },
    junit: { type: 'string' },
    timings: { type: 'string' },
    'no-cache': { type: 'boolean' },
    update: { type: 'boolean' },
    shard: { type: 'string' },
    merge: { type: 'string' },
    'cache-out': { type: 'string' },
    'cache-dir': { type: 'string' },
    lock: { type: 'string' },
  },
} as const;

export interface Args {
  /** Sources from the command line (empty: the configuration's). */
  sources: string[];
  report?: string; junit?: string; timings?: string; noCache: boolean; update: boolean;
  shard?: ShardSpec; merge?: string; cacheOut?: string; cacheDir?: string; lock?: string; config?: string;
  /** --untrusted: no snippet runs without a PID namespace (src/cli/untrusted.ts). */
  untrusted?: boolean;
}

/** The command line as Args, or what to print instead (the help, exit 0, or one line of bad usage, exit 2). */
export function checkArgs(argv: string[]): Args | { exit: 0 | 2; text: string } {
  const parsed = parseCommand(argv, SPEC);
  if (!parsed.ok) return { exit: parsed.exit, text: parsed.text };
  const v = parsed.values;
  const bad = (text: string) => ({ exit: 2 as const, text: `${SPEC.name}: ${text}` });
  const args: Args = {
    sources: [...(v.source ?? []), ...parsed.positionals], noCache: v['no-cache'] ?? false, update: v.update ?? false,
    ...(v.report ? { report: v.report } : {}), ...(v.junit ? { junit: v.junit } : {}), ...(v.timings ? { timings: v.timings } : {}),
    ...(v.merge ? { merge: v.merge } : {}), ...(v['cache-out'] ? { cacheOut: v['cache-out'] } : {}),
    ...(v['cache-dir'] ? { cacheDir: v['cache-dir'] } : {}), ...(v.lock ? { lock: v.lock } : {}), ...(v.config ? { config: v.config } : {}),
    ...(v.untrusted ? { untrusted: true } : {}),
  };
  if (v.shard !== undefined) {
    const spec = parseShard(v.shard);
    if (typeof spec === 'string') return bad(spec);
    args.shard = spec;
  }
  // The lock is the whole project's: a shard sees only its own cells and would drop the others'.
  if (args.update && args.shard) return bad(`--update cannot be used with --shard: a shard sees only its own documents; accept the new state with an unsharded \`${checkCommand()} --update\``);
  if (args.update && args.merge) return bad(`--update cannot be used with --merge: run an unsharded \`${checkCommand()} --update\``);
  if (args.merge && (args.shard || args.cacheOut || args.noCache)) return bad('--merge joins finished shards: --shard, --cache-out and --no-cache do not apply');
  if (args.cacheOut && !args.shard) return bad('--cache-out is for a shard (--shard K/N), whose cache entries a later --merge collects');
  return args;
}

/** Everything a run needs to know, from the configuration with the flags laid over it. */
interface Run {
  args: Args;
  config: Config;
  /** The first source directory: what the documents' other files are found beside. */
  source: string;
  files: string[];
  load: Omit<LoadOptions, 'parseCache'>;
  cacheDir: string;
  parseCacheDir: string;
}

/** The run of some Args: the configuration read and the sources listed, or a problem (exit 2). */
function runOf(args: Args): Run | string {
  let config: Config;
  try {
    config = loadConfig({ ...(args.config ? { file: args.config } : {}), overrides: { sources: args.sources, ...(args.lock ? { lock: args.lock } : {}) } });
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  const dirs = cacheDirs(config);
  const listed = args.merge ? { files: [], problems: [] } : sourceFiles(config);
  if (listed.problems.length > 0) return listed.problems.map(consoleText).join('\n');
  return {
    args, config, source: loadOptionsOf(config).sourceDir, files: listed.files, load: loadOptionsOf(config).load,
    // Without a configuration's cache (or a flag), the places the check always used.
    cacheDir: args.cacheDir ?? dirs.results,
    parseCacheDir: dirs.parsed,
  };
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

/** Documents (as the cells name them) with a cell reused from the cache whose lock entry would change. */
export function documentsToRerun(result: CheckResult, previous: LockFile | null): string[] {
  const changed = changedCells(previous, lockOf(result, previous));
  return result.documents.filter((d) => d.cells.some((c) => c.cached && changed.has(c.cell.id))).map((d) => d.document.file);
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
    process.stderr.write(`${[...asDiagnostics('bad-lock', error.problems).map(problemLine), error.hint].join('\n')}\n`);
    process.stdout.write('check FAILED: the lock file is not valid\n');
    return 1;
  }
}

async function checkMain(argv: string[]): Promise<number> {
  // From the process's start: Node and the modules loading are the first phase.
  const phases = new Phases();
  phases.lap('start');
  const args = checkArgs(argv);
  if ('exit' in args) return answer(args);
  const run = runOf(args);
  if (typeof run === 'string') {
    process.stderr.write(`${run}\n`);
    return 2;
  }
  if (args.merge) return mergeMain(run, args.merge);
  if (run.files.length === 0) {
    process.stderr.write(`${run.config.sources.map(consoleText).join(', ')}: no Markdown documents to check\n`);
    return 2;
  }
  // A damaged lock stops the check here, before any interpreter starts.
  const lockFile = run.config.paths.lock;
  const lock = readLock(lockFile);
  const pool = new KernelPool(run.config.kernel.workers, { log: (line) => process.stderr.write(`${line}\n`), ...untrustedPool(args.untrusted) });
  // Once per check: which of the sandbox's boundaries hold on this machine.
  process.stderr.write(`${pool.stats.boundaries}\n`);
  const refused = refusedHere(pool);
  if (refused !== null) {
    await pool.close();
    return refused;
  }
  try {
    return await checkWith(run, pool, lockFile, lock, phases);
  } finally {
    await pool.close();
  }
}

async function checkWith(run: Run, pool: KernelPool, lockFile: string, lock: LockFile | null, phases: Phases): Promise<number> {
  const { args, files } = run;
  // Without the cache every cell runs: the interpreters start while the documents are parsed.
  if (args.noCache) pool.warmUp();
  phases.lap('setup');
  // Every document is read and parsed once: the shard weights, the check and the translations use it.
  const source = loadSource(run.source, files, { ...run.load, parseCache: args.noCache ? null : new ParseCache(run.parseCacheDir) });
  phases.lap('parse');
  const blockCounts = new Map(files.map((f) => [f, source.documents.find((d) => d.file === f)?.document.cells.length ?? 0]));
  const selected = args.shard ? shardFiles(documentWeights(files, blockCounts, lock), args.shard) : files;
  if (args.shard) process.stderr.write(`shard ${args.shard.index}/${args.shard.total}: ${selected.length} of ${files.length} documents\n`);
  const cache = args.noCache ? null : args.cacheOut ? new MirroredCache(run.cacheDir, args.cacheOut) : new ResultCache(run.cacheDir);
  const checkSelected = (rerun: string[] = []) => {
    const tick = progress(selected.reduce((n, f) => n + blockCounts.get(f)!, 0));
    return checkDocuments({ sourceDir: run.source, source: selectSource(source, selected), pool, cache, rerun, phases, onCell: (doc, cell) => tick(`${doc.slug} #${cell.index}`) });
  };
  // The images need the documents, not their runs: looked up while the first runs go on in the
  // sandbox processes (the documents were handed to them before checkSelected returned), not after.
  const checking = checkSelected();
  const images = phases.run('images (during the runs)', () => documentImages(imageSources(selectSource(source, selected).documents), contentRoots(run.config)));
  let result: CheckResult = await checking;
  // The lock records only runs made now: a document whose changed cells came from the cache (written
  // by an earlier check, of whatever was there then) runs again, reading nothing from it.
  const rerun = args.update ? documentsToRerun(result, lock) : [];
  if (rerun.length > 0) {
    process.stderr.write(`--update: running ${rerun.length} document(s) again whose changed cells came from the cache: ${rerun.map(consoleText).join(', ')}\n`);
    result = await checkSelected(rerun);
  }
  // The images as the build will show them: each one it would refuse is a problem at its line.
  result = { ...result, problems: [...result.problems, ...unsuppressed(images.problems, result.suppression ?? NO_SUPPRESSION)] };
  // The interpreters are done: the lock, the reports and the translations need none.
  await pool.close();
  phases.lap('close');
  const next = lockOf(result, lock);
  let lockProblems: Problem[] = [];
  if (args.update) {
    writeLock(lockFile, next);
    process.stderr.write(`updated ${lockFile}\n`);
  } else {
    // A shard answers for its own documents only: another shard's cells are not "gone".
    lockProblems = lockProblemsOf(lock && args.shard ? lockFor(lock, selected) : lock, next, lockFile, run.config.paths.lockRequired);
  }
  // Translations cover every document and need no interpreter: the merge reports them, not each shard.
  phases.lap('lock');
  const translations = args.shard ? null : translationsOf(run, source.documents);
  phases.lap('translations');
  const report = buildReport(result, [...lockProblems, ...(translations?.problems ?? [])]);
  const json = args.shard
    ? shardReport(report, args.shard, selected, next, { check: result.problems, lock: lockProblems, cells: failuresOf(result) })
    : translations ? { ...report, summary: { ...report.summary, translation: translationSummary(translations) } } : report;
  phases.lap('report');
  writeOutputs(args, report, json);
  process.stdout.write(consoleReport(report, (translations?.documents ?? []).map((d) => d.coverage), githubRoot()));
  phases.lap('write');
  if (args.timings) writeTimings(args.timings, { phases: phases.list, lanes: pool.timeline.lanes, end: phases.time() });
  return report.problems.some(isError) ? 1 : 0;
}

function writeTimings(file: string, timings: CheckTimings): void {
  mkdirSync(dirname(resolve(file)), { recursive: true });
  writeFileSync(file, JSON.stringify(timings) + '\n');
}

const shownPath = (file: string) => relative(process.cwd(), file) || file;

/**
 * Under GitHub Actions, the directory annotation paths are relative to: the checkout
 * (GITHUB_WORKSPACE), where the pull request's files are; null elsewhere (no annotations).
 */
export function githubRoot(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.GITHUB_ACTIONS !== 'true') return null;
  return resolve(env.GITHUB_WORKSPACE || process.cwd());
}

/** The lock's differences as problems at the cells' lines (or the lock's missing, when the configuration names it). */
function lockProblemsOf(lock: LockFile | null, next: LockFile, lockFile: string, required: boolean): Problem[] {
  if (!lock) return required ? [diagnostic('lock-missing', { file: lockFile, line: 1 }, checkCommand())] : [];
  return lockDifferences(lock, next).map((d) => {
    const entry = next.cells[d.id] ?? lock.cells[d.id];
    return diagnostic('lock-mismatch', { file: entry?.file ?? lockFile, line: entry?.line ?? 1 }, d.id, d.message, checkCommand());
  });
}

/** Translations (no kernel needed): the configured translation directory (of the documents the check loaded, when given). */
function translationsOf(run: Run, loaded?: LoadedDocument[]) {
  const enDir = run.load.translationDir ?? null;
  const known = loaded?.map((d) => ({ file: d.file, slug: d.document.slug, markdown: d.document.markdown, translation: d.translation }));
  return enDir ? translationStatus(run.source, enDir, known) : null;
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
async function mergeMain(run: Run, dir: string): Promise<number> {
  const { args } = run;
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
  const listed = sourceFiles(run.config);
  const merged = mergeShards(reports, listed.problems.length === 0 ? listed.files.map(shownPath) : null);
  if ('errors' in merged || unreadable.length > 0) {
    for (const e of [...unreadable, ...('errors' in merged ? merged.errors : [])]) process.stderr.write(`${consoleText(e)}\n`);
    process.stdout.write('check FAILED: the shards could not be merged\n');
    return 1;
  }
  if (cacheEntries.length > 0) mkdirSync(run.cacheDir, { recursive: true });
  for (const entry of cacheEntries) copyFileSync(entry, join(run.cacheDir, basename(entry)));
  process.stderr.write(`merged ${reports.length} shards: ${merged.files.length} documents, ${merged.cells.length} python blocks, ${cacheEntries.length} cache entries into ${run.cacheDir}\n`);
  const lockFile = run.config.paths.lock;
  const lockProblems = lockProblemsOf(readLock(lockFile), merged.lock, lockFile, run.config.paths.lockRequired);
  const translations = translationsOf(run);
  // The shards left out what their documents ignore; the project's codes hold for the translations too.
  const ignored = { ...NO_SUPPRESSION, project: new Set(run.config.diagnostics.ignore) };
  const problems = unsuppressed([...merged.checkProblems, ...lockProblems, ...(translations?.problems ?? []), ...merged.cellProblems], ignored);
  const report: Report = { runtime: merged.runtime, cells: merged.cells, problems, summary: summarize(merged.cells, problems, merged.reused, merged.ran) };
  const json = translations ? { ...report, summary: { ...report.summary, translation: translationSummary(translations) } } : report;
  writeOutputs(args, report, json);
  process.stdout.write(consoleReport(report, (translations?.documents ?? []).map((d) => d.coverage), githubRoot()));
  return problems.some(isError) ? 1 : 0;
}

/**
 * What the check prints after the run. Problems quote documents and snippets: problemLine escapes
 * them, so the last line ("check passed" or "check FAILED") is the only one that can say so.
 */
export function consoleReport(report: Report, coverage: DocumentCoverage[], github: string | boolean | null): string {
  const lines = report.problems.map(problemLine);
  // Annotations name files from the repository's root, whichever directory the check ran in.
  if (github) lines.push(...githubAnnotations(typeof github === 'string' ? report.problems.map((p) => ({ ...p, file: repositoryPath(p.file, github) })) : report.problems));
  lines.push(summaryText(report));
  for (const c of coverage) lines.push(consoleText(coverageLine(c)));
  const errors = report.problems.filter(isError).length;
  const warnings = report.problems.length - errors;
  const also = warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : '';
  lines.push(errors === 0 ? `check passed${also}` : `check FAILED: ${errors} problem(s)${also}`);
  return lines.join('\n') + '\n';
}

/** A problem's file (relative to the working directory) as a path from `root`; unchanged when it lies outside. */
export function repositoryPath(file: string, root: string, cwd = process.cwd()): string {
  const path = relative(root, resolve(cwd, file));
  return path === '' || path.startsWith('..') || resolve(path) === path ? file : path.split('\\').join('/');
}
