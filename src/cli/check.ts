// `npm run check -- [--source DIR] [--report FILE.json] [--junit FILE.xml] [--no-cache] [--update]`
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { KernelPool } from '../kernel/node/pool.ts';
import { ResultCache } from '../check/cache.ts';
import { checkDocuments, listMarkdown, type CheckResult, type Problem } from '../check/run.ts';
import { buildReport, githubAnnotations, junit, problemLine, summaryText, type Report } from '../check/report.ts';
import { lockDifferences, readLock, writeLock, type LockFile } from '../check/lock.ts';
import { outputLines } from '../check/compare.ts';
import { maskAddresses } from '../check/normalize.ts';
import { translationDir, translationStatus, translationSummary } from '../translate/status.ts';
import { coverageLine, type DocumentCoverage } from '../translate/coverage.ts';
import { consoleText } from '../emit/escape.ts';
import { capText } from '../emit/limits.ts';

export const DEFAULT_SOURCE = 'content/ko';
export const CACHE_DIR = '.cache/check';

interface Args { source: string; report?: string; junit?: string; noCache: boolean; update: boolean }

export function parseArgs(argv: string[]): Args | string {
  const args: Args = { source: DEFAULT_SOURCE, noCache: false, update: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => argv[++i] ?? '';
    if (arg === '--source') args.source = value();
    else if (arg === '--report') args.report = value();
    else if (arg === '--junit') args.junit = value();
    else if (arg === '--no-cache') args.noCache = true;
    else if (arg === '--update') args.update = true;
    else return `unknown option ${arg}`;
  }
  return args;
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
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\nusage: npm run check -- [--source DIR] [--report FILE.json] [--junit FILE.xml] [--no-cache] [--update]\n`);
    return 2;
  }
  if (!existsSync(args.source)) {
    process.stderr.write(`--source ${consoleText(args.source)}: no such directory\n`);
    return 2;
  }
  const files = listMarkdown(args.source);
  const { parseDocument } = await import('../source/document.ts');
  const { readFileSync } = await import('node:fs');
  const total = files.reduce((n, f) => n + parseDocument(readFileSync(f, 'utf8'), f).cells.length, 0);
  const tick = progress(total);
  const pool = new KernelPool(undefined, { log: (line) => process.stderr.write(`${line}\n`) });
  // Once per check: which of the sandbox's boundaries hold on this machine.
  process.stderr.write(`${pool.stats.boundaries}\n`);
  let result: CheckResult;
  try {
    result = await checkDocuments({
      sourceDir: args.source,
      pool,
      cache: args.noCache ? null : new ResultCache(CACHE_DIR),
      onCell: (doc, cell) => tick(`${doc.slug} #${cell.index}`),
    });
  } finally {
    await pool.close();
  }
  const lockFile = lockPath(resolve(args.source));
  const isProject = resolve(args.source) === resolve(DEFAULT_SOURCE);
  const lockProblems: Problem[] = [];
  const lock = readLock(lockFile);
  const next = lockOf(result, lock);
  if (args.update) {
    writeLock(lockFile, next);
    process.stderr.write(`updated ${lockFile}\n`);
  } else {
    if (!lock && isProject) lockProblems.push({ file: lockFile, line: 1, message: 'no lock file: run `npm run check -- --update` to create it' });
    if (lock) {
      for (const d of lockDifferences(lock, next)) {
        const entry = next.cells[d.id] ?? lock.cells[d.id];
        lockProblems.push({ file: entry?.file ?? lockFile, line: entry?.line ?? 1, message: `${d.id}: ${d.message} (run \`npm run check -- --update\` to accept)` });
      }
    }
  }
  // Translations (no kernel needed): the English edition beside a `ko` source directory.
  const enDir = translationDir(args.source);
  const translations = enDir ? translationStatus(args.source, enDir) : null;
  const report = buildReport(result, [...lockProblems, ...(translations?.problems ?? [])]);
  if (args.report) {
    mkdirSync(dirname(resolve(args.report)), { recursive: true });
    const json = translations ? { ...report, summary: { ...report.summary, translation: translationSummary(translations) } } : report;
    writeFileSync(args.report, JSON.stringify(json, null, 2) + '\n');
  }
  if (args.junit) {
    mkdirSync(dirname(resolve(args.junit)), { recursive: true });
    writeFileSync(args.junit, junit(report));
  }
  process.stdout.write(consoleReport(report, (translations?.documents ?? []).map((d) => d.coverage), process.env.GITHUB_ACTIONS === 'true'));
  return report.problems.length === 0 ? 0 : 1;
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
