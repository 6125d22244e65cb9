// Documents -> runs -> verdicts. Reuses cached runs whose key is unchanged and reruns the rest,
// together with the earlier cells they depend on (they share the document's namespace).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from '../source/document.ts';
import { possibleUses } from '../source/names.ts';
import { earlierCellsNeeded, wantedNames, type CellNames } from '../source/dependencies.ts';
import type { Cell, SourceDocument } from '../source/model.ts';
import type { CellRun, KernelCell, KernelDocument } from '../kernel/types.ts';
import type { KernelPool } from '../kernel/node/pool.ts';
import { kernelFingerprint } from '../kernel/node/runtime-files.ts';
import { loadAnnotations, type AnnotationFile, type CellAnnotation } from './annotations.ts';
import { loadDocumentFixtures, loadShared } from './fixtures.ts';
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

/** Earlier cells a cell depends on, from the names recorded in their last runs (cautious: a cell
 * never run may define anything). One rule with the pages and the browser (source/dependencies.ts). */
function dependencies(cells: Cell[], index: number, previous: (CellRun | null)[]): number[] {
  const names: CellNames[] = cells.map((cell, i) => {
    const run = previous[i];
    return run ? { defines: run.defines, uses: run.uses, imports: run.imports } : { defines: null, uses: null };
  });
  const own = names[index]!;
  const wanted = own.uses === null ? new Set(possibleUses(cells[index]!.runCode)) : wantedNames(own);
  return earlierCellsNeeded(names, index, 'cautious', wanted);
}

/** The kernel cells a source cell runs as. */
function kernelCellsOf(cell: Cell, note: CellAnnotation | undefined): KernelCell[] {
  const settings = { budget: note?.budget, realBudget: note?.realBudget, number: cell.index, ...(note?.input !== undefined ? { stdin: note.input } : {}) };
  if (cell.form === 'transcript') {
    return cell.examples.map((example, k) => ({ id: `${cell.id}#${k + 1}`, code: example.source, ...settings, ...(cell.topLevelAwait ? { onLoop: true } : {}) }));
  }
  const segments = cell.claims.flatMap((c) => (c.segment ? [c.segment] : []));
  return [{ id: cell.id, code: cell.runCode, ...settings, ...(segments.length ? { segments } : {}) }];
}

/** One run for a transcript: its statements' runs in order, with their output and names together. */
export function mergeParts(parts: (CellRun | null)[]): CellRun | null {
  const runs = parts.filter((p): p is CellRun => p !== null);
  if (runs.length === 0) return null;
  let offset = 0;
  const events = runs.flatMap((r) => {
    const shifted = r.events.map((e) => ({ ...e, t: e.t + offset }));
    offset += r.virtualSeconds;
    return shifted;
  });
  const stopped = runs.find((r) => r.status === 'hangs' || r.status === 'timeout');
  const union = (pick: (r: CellRun) => string[]) => [...new Set(runs.flatMap(pick))];
  return {
    status: stopped?.status ?? 'ok',
    events,
    result: null,
    error: stopped?.error ?? null,
    virtualSeconds: runs.reduce((n, r) => n + r.virtualSeconds, 0),
    cpuMs: runs.reduce((n, r) => n + r.cpuMs, 0),
    trace: { actors: runs.flatMap((r) => r.trace.actors) },
    statements: [],
    defines: union((r) => r.defines),
    imports: union((r) => r.imports),
    uses: union((r) => r.uses),
    world: runs.flatMap((r) => r.world),
    parts: runs,
  };
}

export interface CheckOptions {
  sourceDir: string;
  /** Check only these Markdown files of `sourceDir` (a shard's share); default all of them. */
  files?: string[];
  pool: KernelPool;
  cache: ResultCache | null;
  onCell?: (doc: SourceDocument, cell: Cell, cached: boolean) => void;
}

export async function checkDocuments(options: CheckOptions): Promise<CheckResult> {
  const runtime = { pyodide: pyodideVersion(), kernel: kernelFingerprint(), python: '3.14' };
  const sharedLoad = loadShared();
  const shared = sharedLoad.fixtures;
  const problems: Problem[] = [...sharedLoad.problems];
  const documents: CheckedDocument[] = [];
  let reused = 0;
  let ran = 0;

  const work = (options.files ?? listMarkdown(options.sourceDir)).map(async (file) => {
    const shown = relative(process.cwd(), file) || file;
    let document: SourceDocument;
    try {
      document = parseDocument(readFileSync(file, 'utf8'), shown);
    } catch (error) {
      problems.push({ file: shown, line: 1, message: `cannot read the document: ${(error as Error).message}` });
      return;
    }
    problems.push(...document.problems.map((p) => ({ file: shown, ...p })));
    const notes: AnnotationFile = loadAnnotations(file);
    problems.push(...notes.errors.map((e) => ({ ...e, file: relative(process.cwd(), e.file) })));
    for (const note of notes.cells.values()) {
      if (!document.cells.some((c) => c.key === note.key)) {
        problems.push({ file: relative(process.cwd(), notes.file), line: note.line, message: `annotation for cell ${note.key} matches no python block of ${shown} (was the block edited?)` });
      }
    }
    const noteOf = (cell: Cell): CellAnnotation | undefined => notes.cells.get(cell.key);
    const named = new Map<string, { name: string; settingsFile: string; line: number }>();
    for (const c of document.cells) for (const name of noteOf(c)?.fixtures ?? []) if (!named.has(name)) named.set(name, { name, settingsFile: notes.file, line: noteOf(c)!.line });
    const own = loadDocumentFixtures(file, [...named.values()], join(options.sourceDir, '..'));
    problems.push(...own.problems);
    const fixtures = [...shared, ...own.fixtures];

    // Cache keys: the code, the code of the earlier cells it depends on, its settings, the runtime.
    // Which earlier cells a cell depends on comes from the names recorded in the last run of each
    // (stored under the cell's own base key); unknown means all earlier cells.
    const runnable = document.cells.map((c) => !c.notPython && !noteOf(c)?.skip && !(c.readsInput && noteOf(c)?.input === undefined));
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
      // A transcript runs as one kernel cell per statement, as the REPL runs it; the others as one.
      const kernelCells = order.flatMap((i) => kernelCellsOf(document.cells[i]!, noteOf(document.cells[i]!)).map((cell) => ({ cell, owner: i })));
      const kernelDoc: KernelDocument = { id: document.slug, fixtures, cells: kernelCells.map((k) => k.cell) };
      try {
        const fresh = await options.pool.runDocument(kernelDoc, (k) => {
          const owner = kernelCells[k]!.owner;
          if (kernelCells[k + 1]?.owner !== owner) options.onCell?.(document, document.cells[owner]!, false);
        });
        order.forEach((i) => {
          const own = kernelCells.flatMap((k, n) => (k.owner === i ? [fresh[n] ?? null] : []));
          runs[i] = document.cells[i]!.form === 'transcript' ? mergeParts(own) : own[0] ?? null;
        });
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
