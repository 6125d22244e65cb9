// Documents -> runs -> verdicts, in four stages: load (the only file reading, load.ts), plan (pure:
// keys, what to reuse, what to run and how to group it, plan.ts), execute (the kernel pool,
// execute.ts) and judge (pure, verdict.ts). A cached run is reused only where its key (the document
// and every runnable cell up to it) is unchanged; the rest run in order after the cells before them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Cell, SourceDocument } from '../source/model.ts';
import type { CellRun } from '../kernel/types.ts';
import type { KernelPool } from '../kernel/node/pool.ts';
import { kernelFingerprint } from '../kernel/node/runtime-files.ts';
import type { ResultCache } from './cache.ts';
import { judge, type CellVerdict } from './verdict.ts';
import { loadSource, settingOf, type LoadedDocument, type LoadedSource, type LoadOptions } from './load.ts';
import type { TranslationFile } from '../translate/load.ts';
import type { ParseCache } from '../source/parse-cache.ts';
import { dependencies, planDocument } from './plan.ts';
import { execute } from './execute.ts';
import { unsuppressed, type Problem, type Suppression } from './diagnostics.ts';
import { Phases } from './timings.ts';

export { listMarkdown, loadSource, selectSource } from './load.ts';
export { mergeParts } from './execute.ts';

export interface CheckedCell {
  cell: Cell;
  run: CellRun | null;
  verdict: CellVerdict;
  /** The document's settings for it (`*.snippets.yaml`), which the verdict was judged with. */
  settings: Parameters<typeof judge>[2];
  cached: boolean;
  /** Keys of the earlier cells it needed, by the names of this check's runs (runnable cells only). */
  needs: string[];
}

export interface CheckedDocument {
  document: SourceDocument;
  cells: CheckedCell[];
  /** The fixtures its cells ran with (the shared ones, then its own): what the pages' cells load. */
  fixtures: Record<string, unknown>[];
  /** Its English translation as loaded and validated beside the check (invalid entries left out); null: none. */
  translation: TranslationFile | null;
}

export type { Problem } from './diagnostics.ts';

export interface CheckResult {
  runtime: { pyodide: string; kernel: string; python: string };
  documents: CheckedDocument[];
  problems: Problem[];
  /** Who ignores which diagnostics (the reports leave those out); absent: nobody. */
  suppression?: Suppression;
  reused: number;
  ran: number;
}

export function pyodideVersion(): string {
  // Resolved, not found at a fixed place: an installed package's Pyodide sits beside it, not inside.
  const pkg = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('pyodide/package.json'), 'utf8'));
  return pkg.version as string;
}

export interface CheckOptions {
  sourceDir: string;
  /** Check only these Markdown files of `sourceDir` (a shard's share); default all of them. */
  files?: string[];
  /** The documents already loaded (load.ts `loadSource`): then neither `sourceDir` nor `files` is read again. */
  source?: LoadedSource;
  /** Parsed documents kept between runs; absent: parse every document. */
  parseCache?: ParseCache | null;
  /** Where the lock, translations, fixtures and settings are (the configuration's paths). */
  load?: Omit<LoadOptions, 'parseCache'>;
  pool: KernelPool;
  cache: ResultCache | null;
  /** Documents (their `document.file`) whose every cell runs now, reading nothing from the cache: what `--update` records. */
  rerun?: readonly string[];
  onCell?: (doc: SourceDocument, cell: Cell, cached: boolean) => void;
  /** Where the plan, the runs and the judging record when they ran (`--timings`); absent: nowhere. */
  phases?: Phases;
}

function checkedDocument(loaded: LoadedDocument, runs: (CellRun | null)[], ran: Set<number>, suppression: Suppression): CheckedDocument {
  const { document } = loaded;
  // What the project and the document ignore; a block's own `ignore:` is in its settings.
  const ignored = new Set([...suppression.project, ...(suppression.files.get(document.file)?.codes ?? [])]);
  const cells = document.cells.map((cell, i): CheckedCell => {
    const run = runs[i] ?? null;
    const needs = run ? dependencies(document.cells, i, runs).filter((d) => runs[d] !== null).map((d) => document.cells[d]!.key) : [];
    const settings = settingOf(loaded, cell);
    return { cell, run, verdict: judge(cell, run, settings, ignored), settings, cached: run !== null && !ran.has(i), needs };
  });
  return { document, cells, fixtures: loaded.fixtures, translation: loaded.translation?.translation ?? null };
}

export async function checkDocuments(options: CheckOptions): Promise<CheckResult> {
  const runtime = { pyodide: pyodideVersion(), kernel: kernelFingerprint(), python: '3.14' };
  const source = options.source ?? loadSource(options.sourceDir, options.files, { ...options.load, parseCache: options.parseCache ?? null });
  const rerun = new Set(options.rerun ?? []);
  const phases = options.phases ?? new Phases();
  const planned = source.documents.map((loaded) => ({
    loaded,
    plan: planDocument(loaded, { runtime, sourceRoot: options.sourceDir }, rerun.has(loaded.document.file) ? null : options.cache),
  }));
  // Cells reused or never run are told at once; the others as their runs come in.
  for (const { loaded, plan } of planned) {
    loaded.document.cells.forEach((cell, i) => { if (!plan.toRun.includes(i)) options.onCell?.(loaded.document, cell, true); });
  }
  phases.lap('plan');
  const executed = await execute(options.pool, planned, (doc, cell) => options.onCell?.(planned[doc]!.loaded.document, cell, false));
  phases.lap('execute');
  const documents = planned.map(({ loaded, plan }, doc) => {
    const runs = executed.runs[doc]!;
    if (options.cache) {
      for (const i of plan.toRun) {
        const run = runs[i];
        if (!run) continue;
        options.cache.set(plan.keys[i]!, run);
      }
    }
    return checkedDocument(loaded, runs, new Set(plan.toRun), source.suppression);
  });
  documents.sort((a, b) => a.document.file.localeCompare(b.document.file));
  const reused = planned.reduce((n, { plan }) => n + plan.cached.filter((r, i) => r !== null && plan.runnable[i]).length, 0);
  const ran = planned.reduce((n, { plan }) => n + plan.toRun.length, 0);
  const problems = unsuppressed([...source.problems, ...executed.problems], source.suppression);
  phases.lap('judge');
  return { runtime, documents, problems, suppression: source.suppression, reused, ran };
}
