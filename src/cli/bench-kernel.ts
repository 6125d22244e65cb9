// Kernel and check figures for `npm run bench`: a snapshot boot, a cold check of the five
// documents against the floor their cells' CPU time sets, and a re-check with nothing changed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KernelPool } from '../kernel/node/pool.ts';
import { ResultCache } from '../check/cache.ts';
import { checkDocuments } from '../check/run.ts';
import { CACHE_DIR, DEFAULT_SOURCE } from './check.ts';
import { coldCheckFigure, figureLine, notMeasured, seconds, type ScaleSample } from './bench-format.ts';
import { runMeasured, tail, type Measured } from './bench-proc.ts';
import { consoleText } from '../emit/escape.ts';
import type { CheckTimings } from '../check/timings.ts';
import { breakdownLines, chainBound } from './bench-breakdown.ts';

const BOOTS = 4;

export async function snapshotBoot(): Promise<string[]> {
  const name = 'interpreter ready for a document (snapshot boot)';
  const pool = new KernelPool(1);
  try {
    // One document after another: each gets a fresh interpreter, as every document of a check does.
    for (let i = 0; i < BOOTS; i++) await pool.runDocument({ id: `bench-boot-${i}`, cells: [{ id: 'c', code: 'pass' }] });
  } finally {
    await pool.close();
  }
  const { bootMs, snapshotBoots, snapshotProblem } = pool.stats;
  if (bootMs.length === 0) return [notMeasured(name, 'no interpreter reported its boot')];
  const sorted = [...bootMs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const fromSnapshot = snapshotBoots === bootMs.length;
  return [figureLine({
    name,
    value: `${seconds(median)} median of ${bootMs.length} boots (${seconds(sorted[0]!)} to ${seconds(sorted.at(-1)!)}), ${snapshotBoots} from the snapshot${snapshotProblem ? `; ${consoleText(snapshotProblem)}` : ''}`,
    target: '<= 0.3 s, from the snapshot',
    met: fromSnapshot && median <= 300,
  })];
}

/** `npm run check` as a user runs it, on this Node (scripts run on the Node that runs the bench). */
export function runCheck(args: string[]): Promise<Measured> {
  return runMeasured(process.execPath, ['scripts/check.ts', ...args], { timeoutMs: 30 * 60_000 });
}

interface ReportCells { cells: { file: string; cpuMs: number | null; virtualSeconds: number | null; verdict: string }[] }

export interface CheckRun {
  measured: Measured;
  report: ReportCells | null;
  /** The check's own timeline (`--timings`); null when it wrote none. */
  timings: CheckTimings | null;
}

/** A check with no cache and an empty cache directory, writing its JSON report. */
export async function coldCheckOf(source: string): Promise<CheckRun> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-check-'));
  try {
    const report = join(dir, 'report.json');
    const timings = join(dir, 'timings.json');
    const measured = await runCheck(['--source', source, '--no-cache', '--cache-dir', join(dir, 'cache'), '--report', report, '--timings', timings]);
    const read = <T>(file: string): T | null => {
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as T;
      } catch {
        return null; // not written: the reason is in the output
      }
    };
    return { measured, report: read<ReportCells>(report), timings: read<CheckTimings>(timings) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const cpuOf = (r: ReportCells) => r.cells.reduce((n, c) => n + (c.cpuMs ?? 0), 0);

/** The 1x sample of the scale run: the cold check's own figures. */
export function sampleOf(run: CheckRun): ScaleSample | null {
  const { measured, report } = run;
  if (!report || measured.peakTreeKiB === null || measured.peakWorkerKiB === null) return null;
  return { wallMs: measured.wallMs, cells: report.cells.length, peakTreeKiB: measured.peakTreeKiB, peakWorkerKiB: measured.peakWorkerKiB };
}

export function coldCheckLines(run: CheckRun, cores: number): string[] {
  const name = 'cold check, five documents (--no-cache)';
  const { measured, report } = run;
  if (!report) return [notMeasured(name, `the check wrote no report (exit ${measured.code}: ${tail(measured.stderr)})`)];
  const cpu = cpuOf(report);
  const virtual = report.cells.reduce((n, c) => n + (c.virtualSeconds ?? 0), 0);
  const byDocument = new Map<string, number>();
  for (const c of report.cells) byDocument.set(c.file, (byDocument.get(c.file) ?? 0) + (c.cpuMs ?? 0));
  const bound = chainBound(byDocument, cores);
  return [
    figureLine(coldCheckFigure(measured.wallMs, cpu, cores, bound)),
    ...(run.timings ? breakdownLines(run.timings, measured.wallMs, bound) : ['  no breakdown: the check wrote no timings']),
    // Context, no target: what the virtual clock saves, and the throughput the figure above implies.
    `  ${report.cells.length} python blocks, ${(report.cells.length / (measured.wallMs / 1000)).toFixed(1)} per second; ` +
      `${virtual.toFixed(1)} virtual seconds in ${seconds(cpu, 1)} of cell CPU (${(virtual / (cpu / 1000)).toFixed(0)}x real time); check exit ${measured.code}`,
  ];
}

/**
 * A re-check with nothing changed: once to bring the cache up to date with the documents, then
 * timed as a user runs it; then once more in this process, where the pool says how many
 * interpreters it booted.
 */
export async function warmRecheck(): Promise<string[]> {
  const name = 're-check with nothing changed (warm cache)';
  const first = await runCheck([]);
  if (!first.stdout.includes('check passed') && !first.stdout.includes('check FAILED')) {
    return [notMeasured(name, `the check did not finish (exit ${first.code}: ${tail(first.stderr)})`)];
  }
  const timed = await runCheck([]);
  const pool = new KernelPool();
  let ran = 0;
  try {
    ran = (await checkDocuments({ sourceDir: DEFAULT_SOURCE, pool, cache: new ResultCache(CACHE_DIR) })).ran;
  } finally {
    await pool.close();
  }
  const interpreters = pool.stats.bootMs.length;
  return [figureLine({
    name,
    value: `${seconds(timed.wallMs)} (npm run check's own process), ${interpreters} interpreters started, ${ran} cells run`,
    target: '<= 1 s and 0 interpreters',
    met: timed.wallMs <= 1000 && interpreters === 0 && !pool.started,
  })];
}
