// The check's plan, a pure function of a loaded document and the cache: each cell's cache key,
// which runs can be reused, which cells must run, and the interpreter run that runs them.
//
// Cells share a document's interpreter in order, like a notebook, and any cell can change what a
// later one does without sharing a name with it (patch `builtins.print`, a module, the kernel
// itself; advance the task counter or the virtual clock). So a run stands only for the document
// prefix it ran after: a cell's key covers the runtime, the document (its path and the source
// root, so no other document can write an entry this one reads), its fixtures, and the code and
// settings of every runnable cell up to and including it. Nothing a run reports about itself (the
// names it defined and used) decides which results are reused: those names come from code running
// in the interpreter, which can make them say anything.
import { usesTopLevelAwait } from '../source/traits.ts';
import { relative, resolve, sep } from 'node:path';
import { possibleUses } from '../source/names.ts';
import { earlierCellsNeeded, wantedNames, type CellNames } from '../source/dependencies.ts';
import type { Cell } from '../source/model.ts';
import type { CellRun, KernelCell, KernelDocument } from '../kernel/types.ts';
import type { CellSettings } from './settings.ts';
import { hashOf } from './cache.ts';
import { settingOf, type LoadedDocument } from './load.ts';

/** The cache as the plan sees it: runs by key. */
export interface RunCache {
  get(key: string): CellRun | null;
}

export interface Runtime {
  pyodide: string;
  kernel: string;
  python: string;
}

/** What, besides the document itself, a key is made of. */
export interface KeyContext {
  runtime: Runtime;
  /** The source directory the document was found in. */
  sourceRoot: string;
}

/** One interpreter run: kernel cells in order, of which the `targets`' runs are reported. */
export interface RunGroup {
  kernel: KernelDocument;
  /** The source cell (index) each kernel cell belongs to. */
  owners: number[];
  /** Cells whose runs this group reports; the other cells are replayed to rebuild the namespace. */
  targets: number[];
  /** Estimated real cost in ms: groups start in decreasing cost, so the longest never starts last. */
  cost: number;
}

export interface DocumentPlan {
  runnable: boolean[];
  /** Each cell's key: its document, and every runnable cell up to it (see above). */
  keys: string[];
  /** Runs reused from the cache (null where the cell runs, or never runs). */
  cached: (CellRun | null)[];
  /** Cells that run, ascending. */
  toRun: number[];
  /** At most one: a document's cells run in one interpreter, in order. */
  groups: RunGroup[];
}

/** An interpreter's start and bookkeeping. */
const GROUP_OVERHEAD_MS = 300;
/** A cell never measured: most cells cost a few milliseconds. */
const UNKNOWN_CELL_MS = 5;

function namesOf(run: CellRun | null): CellNames {
  return run ? { defines: run.defines, uses: run.uses, imports: run.imports } : { defines: null, uses: null };
}

/**
 * Earlier cells a cell depends on by name, from the names recorded in their runs (cautious: a cell
 * never run may define anything). One rule with the pages and the browser (source/dependencies.ts).
 * What the lock records as a cell's `needs` and what a page's runnable cell replays; never which
 * results the check reuses.
 */
export function dependencies(cells: Cell[], index: number, runs: (CellRun | null)[]): number[] {
  const names = cells.map((_, i) => namesOf(runs[i] ?? null));
  const own = names[index]!;
  const wanted = own.uses === null ? new Set(possibleUses(cells[index]!.runCode)) : wantedNames(own);
  return earlierCellsNeeded(names, index, 'cautious', wanted);
}

/** The kernel cells a source cell runs as: a transcript one per statement, as the REPL runs it. */
export function kernelCellsOf(cell: Cell, settings: CellSettings | undefined): KernelCell[] {
  const how = { budget: settings?.budget, realBudget: settings?.realBudget, number: cell.index, ...(settings?.input !== undefined ? { stdin: settings.input } : {}) };
  if (cell.form === 'transcript') {
    return cell.examples.map((example, k) => ({ id: `${cell.id}#${k + 1}`, code: example.source, ...how, ...(cell.topLevelAwait ? { onLoop: true } : {}) }));
  }
  const segments = cell.claims.flatMap((c) => (c.segment ? [c.segment] : []));
  // Only a file that awaits outside a function compiles differently from a notebook cell.
  const script = cell.script && usesTopLevelAwait(cell.runCode) ? { script: true } : {};
  return [{ id: cell.id, code: cell.runCode, ...how, ...(segments.length ? { segments } : {}), ...script }];
}

export function isRunnable(loaded: LoadedDocument, cell: Cell): boolean {
  const settings = settingOf(loaded, cell);
  return !cell.notPython && !cell.noRun && !settings?.skip && !(cell.readsInput && settings?.input === undefined);
}

/** A path as the key holds it: from the working directory, with forward slashes. */
function keyPath(path: string): string {
  return relative(process.cwd(), resolve(path)).split(sep).join('/');
}

/** The key every cell key of a document starts from. */
export function documentKeyOf(loaded: LoadedDocument, context: KeyContext): string {
  return hashOf('document', context.runtime, keyPath(context.sourceRoot), keyPath(loaded.file), loaded.document.slug, loaded.fixtures);
}

/**
 * Every cell's key, as a chain: a runnable cell's key is the hash of the previous runnable cell's
 * key (the document's, for the first) and of what the kernel is given for the cell (its code,
 * number, budgets, input and timed segments) with all its settings. A cell that does not run adds
 * nothing and carries the key before it.
 */
export function cellKeysOf(loaded: LoadedDocument, context: KeyContext, runnable = loaded.document.cells.map((c) => isRunnable(loaded, c))): string[] {
  let key = documentKeyOf(loaded, context);
  return loaded.document.cells.map((cell, i) => {
    if (!runnable[i]) return key;
    const settings = settingOf(loaded, cell);
    key = hashOf(key, settings ?? null, kernelCellsOf(cell, settings));
    return key;
  });
}

export function group(loaded: LoadedDocument, cells: number[], targets: number[], cost: (i: number) => number): RunGroup {
  const document = loaded.document;
  const kernelCells = cells.flatMap((i) => kernelCellsOf(document.cells[i]!, settingOf(loaded, document.cells[i]!)).map((cell) => ({ cell, owner: i })));
  return {
    kernel: { id: document.slug, fixtures: loaded.fixtures, cells: kernelCells.map((k) => k.cell) },
    owners: kernelCells.map((k) => k.owner),
    targets,
    cost: GROUP_OVERHEAD_MS + cells.reduce((n, i) => n + cost(i), 0),
  };
}

/** `cache` null: reuse nothing (every runnable cell runs). */
export function planDocument(loaded: LoadedDocument, context: KeyContext, cache: RunCache | null): DocumentPlan {
  const cells = loaded.document.cells;
  const runnable = cells.map((cell) => isRunnable(loaded, cell));
  const keys = cellKeysOf(loaded, context, runnable);
  const hits = cells.map((_, i) => (runnable[i] ? cache?.get(keys[i]!) ?? null : null));
  const toRun = cells.flatMap((_, i) => (runnable[i] && !hits[i] ? [i] : []));
  const cached = hits.map((run, i) => (toRun.includes(i) ? null : run));
  const groups: RunGroup[] = [];
  if (toRun.length > 0) {
    // Every runnable cell before the last one that runs is run again in the same interpreter, in
    // order: that is the run its key stands for. Those reused from the cache are replayed, not reported.
    const last = toRun.at(-1)!;
    const replayed = cells.flatMap((_, i) => (runnable[i] && i <= last ? [i] : []));
    const cost = (i: number) => loaded.locked(cells[i]!)?.cpuMs ?? UNKNOWN_CELL_MS;
    groups.push(group(loaded, replayed, toRun, cost));
  }
  return { runnable, keys, cached, toRun, groups };
}
