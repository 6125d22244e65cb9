// Documents -> runs -> verdicts. Reuses cached runs whose key is unchanged and reruns the rest,
// together with the earlier cells they depend on (they share the document's namespace).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from '../source/document.ts';
import { possibleUses } from '../source/names.ts';
import type { Cell, SourceDocument } from '../source/model.ts';
import type { CellRun, KernelDocument } from '../kernel/types.ts';
import type { KernelPool } from '../kernel/node/pool.ts';
import { kernelFingerprint } from '../kernel/node/runtime-files.ts';
import { loadAnnotations, type AnnotationFile, type CellAnnotation } from './annotations.ts';
import { documentFixtures, sharedFixtures } from './fixtures.ts';
import { hashOf, type ResultCache } from './cache.ts';
import { judge, type CellVerdict } from './verdict.ts';

export interface CheckedCell {
  cell: Cell;
  run: CellRun | null;
  verdict: CellVerdict;
  cached: boolean;
}

export interface CheckedDocument {
  document: SourceDocument;
  cells: CheckedCell[];
}

export interface Problem {
  file: string;
  line: number;
  message: string;
}

export interface CheckResult {
  runtime: { pyodide: string; kernel: string; python: string };
  documents: CheckedDocument[];
  problems: Problem[];
  reused: number;
  ran: number;
}

export function pyodideVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../node_modules/pyodide/package.json', import.meta.url), 'utf8'));
  return pkg.version as string;
}

export function listMarkdown(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.(md|markdown)$/i.test(f) && f.toLowerCase() !== 'readme.md')
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .sort();
}

/** Earlier cells a cell depends on, from the names they defined and it used in their last runs. */
function dependencies(cells: Cell[], index: number, previous: (CellRun | null)[]): number[] {
  // The last run's exact names, or (for an edited cell, not run yet) a static over-approximation.
  const last = previous[index];
  const own = new Set(last?.imports ?? []);
  const uses = last ? last.uses.filter((name) => !own.has(name)) : possibleUses(cells[index]!.runCode);
  const needed = new Set<number>();
  const wanted = new Set(uses);
  for (let i = index - 1; i >= 0 && wanted.size > 0; i--) {
    const defined = previous[i]?.defines;
    if (!defined || defined.some((name) => wanted.has(name))) {
      needed.add(i);
      for (const name of previous[i]?.uses ?? possibleUses(cells[i]!.runCode)) wanted.add(name);
    }
  }
  return [...needed].sort((a, b) => a - b);
}

export interface CheckOptions {
  sourceDir: string;
  pool: KernelPool;
  cache: ResultCache | null;
  onCell?: (doc: SourceDocument, cell: Cell, cached: boolean) => void;
}

export async function checkDocuments(options: CheckOptions): Promise<CheckResult> {
  const runtime = { pyodide: pyodideVersion(), kernel: kernelFingerprint(), python: '3.14' };
  const shared = sharedFixtures();
  const problems: Problem[] = [];
  const documents: CheckedDocument[] = [];
  let reused = 0;
  let ran = 0;

  const work = listMarkdown(options.sourceDir).map(async (file) => {
    const shown = relative(process.cwd(), file) || file;
    let document: SourceDocument;
    try {
      document = parseDocument(readFileSync(file, 'utf8'), shown);
    } catch (error) {
      problems.push({ file: shown, line: 1, message: `cannot read the document: ${(error as Error).message}` });
      return;
    }
    const notes: AnnotationFile = loadAnnotations(file);
    problems.push(...notes.errors.map((e) => ({ ...e, file: relative(process.cwd(), e.file) })));
    for (const note of notes.cells.values()) {
      if (!document.cells.some((c) => c.key === note.key)) {
        problems.push({ file: relative(process.cwd(), notes.file), line: note.line, message: `annotation for cell ${note.key} matches no python block of ${shown} (was the block edited?)` });
      }
    }
    const noteOf = (cell: Cell): CellAnnotation | undefined => notes.cells.get(cell.key);
    const extraFixtures = document.cells.flatMap((c) => noteOf(c)?.fixtures ?? []);
    const fixtures = [...shared, ...documentFixtures(file, [...new Set(extraFixtures)])];

    // Cache keys: the code, the code of the earlier cells it depends on, its settings, the runtime.
    // Which earlier cells a cell depends on comes from the names recorded in the last run of each
    // (stored under the cell's own base key); unknown means all earlier cells.
    const runnable = document.cells.map((c) => !c.notPython && !noteOf(c)?.skip);
    const segmentsOf = (cell: Cell) => cell.claims.flatMap((c) => (c.segment ? [c.segment] : []));
    // The timed segments are part of what a run records, so they are part of its key.
    const baseKey = (i: number) => {
      const cell = document.cells[i]!;
      const segments = segmentsOf(cell);
      return hashOf(runtime, fixtures, noteOf(cell) ?? null, cell.runCode, ...(segments.length ? [segments] : []));
    };
    const fullKey = (i: number, known: (CellRun | null)[]) =>
      hashOf(baseKey(i), dependencies(document.cells, i, known).map((d) => document.cells[d]!.runCode));
    const known = document.cells.map((_, i) => (options.cache ? options.cache.get(baseKey(i)) : null));
    const cachedRuns = document.cells.map((_, i) => (options.cache ? options.cache.get(fullKey(i, known)) : null));
    const missing = document.cells.map((_, i) => i).filter((i) => runnable[i] && !cachedRuns[i]);
    const toRun = new Set<number>();
    for (const i of missing) {
      toRun.add(i);
      for (const d of dependencies(document.cells, i, known)) if (runnable[d]) toRun.add(d);
    }
    const order = [...toRun].sort((a, b) => a - b);
    const runs: (CellRun | null)[] = cachedRuns.map((r, i) => (runnable[i] ? r : null));
    if (order.length > 0) {
      const kernelDoc: KernelDocument = {
        id: document.slug,
        fixtures,
        cells: order.map((i) => {
          const cell = document.cells[i]!;
          const note = noteOf(cell);
          const segments = segmentsOf(cell);
          return { id: cell.id, code: cell.runCode, budget: note?.budget, realBudget: note?.realBudget, ...(segments.length ? { segments } : {}) };
        }),
      };
      try {
        const fresh = await options.pool.runDocument(kernelDoc, (k) => options.onCell?.(document, document.cells[order[k]!]!, false));
        order.forEach((i, k) => { runs[i] = fresh[k] ?? null; });
        ran += order.length;
        if (options.cache) {
          for (const i of order) {
            const run = runs[i];
            if (!run) continue;
            options.cache.set(baseKey(i), run);
            options.cache.set(fullKey(i, runs), run);
          }
        }
      } catch (error) {
        problems.push({ file: shown, line: 1, message: `the kernel failed on this document: ${(error as Error).message}` });
      }
    }
    const checked: CheckedCell[] = document.cells.map((cell, i) => {
      const cached = runnable[i]! && !toRun.has(i) && runs[i] !== null;
      if (cached) {
        reused++;
        options.onCell?.(document, cell, true);
      } else if (!runnable[i]) {
        options.onCell?.(document, cell, true);
      }
      return { cell, run: runs[i] ?? null, verdict: judge(cell, runs[i] ?? null, noteOf(cell)), cached };
    });
    documents.push({ document, cells: checked });
  });
  await Promise.all(work);
  documents.sort((a, b) => a.document.file.localeCompare(b.document.file));
  return { runtime, documents, problems, reused, ran };
}
