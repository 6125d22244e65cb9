// The check's plan, a pure function of a loaded document, the cache and the lock's hints: each
// cell's cache keys, which runs can be reused, which cells must run, and how they are grouped into
// interpreter runs. Cells share a document's namespace, so a cell runs after the earlier cells it
// needs; an expensive cell that nothing else needs runs in an interpreter of its own (with the
// cells it needs replayed first), so it can take another core instead of holding up the rest.
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
  /** Key of the cell's own code, settings, fixtures and runtime; under it the last run is kept. */
  baseKeys: string[];
  /** Runs reused from the cache (null where the cell runs, or never runs). */
  cached: (CellRun | null)[];
  /** Cells that run, ascending. */
  toRun: number[];
  groups: RunGroup[];
}

export interface PlanOptions {
  /** A cell estimated to cost at least this (ms) may run in an interpreter of its own. */
  splitMs?: number;
  /** Interpreters that can run at once: with one, splitting gains nothing. */
  parallelism?: number;
}

/** An interpreter's start, replaying and bookkeeping: what a split must be worth more than. */
const GROUP_OVERHEAD_MS = 300;
const DEFAULT_SPLIT_MS = 500;
/** A cell never measured: most cells cost a few milliseconds. */
const UNKNOWN_CELL_MS = 5;

function namesOf(run: CellRun | null): CellNames {
  return run ? { defines: run.defines, uses: run.uses, imports: run.imports } : { defines: null, uses: null };
}

/** Earlier cells a cell depends on, from the names recorded in their runs (cautious: a cell never
 * run may define anything). One rule with the pages and the browser (source/dependencies.ts). */
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
  return [{ id: cell.id, code: cell.runCode, ...how, ...(segments.length ? { segments } : {}) }];
}

export function isRunnable(loaded: LoadedDocument, cell: Cell): boolean {
  const settings = settingOf(loaded, cell);
  return !cell.notPython && !settings?.skip && !(cell.readsInput && settings?.input === undefined);
}

export function baseKeyOf(loaded: LoadedDocument, runtime: Runtime, cell: Cell): string {
  const segments = cell.claims.flatMap((c) => (c.segment ? [c.segment] : []));
  // The timed segments are part of what a run records, so they are part of its key.
  return hashOf(runtime, loaded.fixtures, settingOf(loaded, cell) ?? null, cell.runCode, ...(segments.length ? [segments] : []));
}

/** The full key: the base key and the code of the earlier cells the cell depends on. */
export function fullKeyOf(loaded: LoadedDocument, baseKey: string, index: number, runs: (CellRun | null)[]): string {
  const cells = loaded.document.cells;
  return hashOf(baseKey, dependencies(cells, index, runs).map((d) => cells[d]!.runCode));
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

export function planDocument(loaded: LoadedDocument, runtime: Runtime, cache: RunCache | null, options: PlanOptions = {}): DocumentPlan {
  const cells = loaded.document.cells;
  const runnable = cells.map((cell) => isRunnable(loaded, cell));
  const baseKeys = cells.map((cell) => baseKeyOf(loaded, runtime, cell));
  // Which earlier cells a cell depends on comes from the names recorded in the last run of each
  // (stored under the cell's own base key); unknown means all earlier cells.
  const known = cells.map((_, i) => cache?.get(baseKeys[i]!) ?? null);
  const hits = cells.map((_, i) => (runnable[i] ? cache?.get(fullKeyOf(loaded, baseKeys[i]!, i, known)) ?? null : null));
  const toRunSet = new Set<number>();
  for (let i = 0; i < cells.length; i++) {
    if (!runnable[i] || hits[i]) continue;
    toRunSet.add(i);
    for (const d of dependencies(cells, i, known)) if (runnable[d]) toRunSet.add(d);
  }
  const toRun = [...toRunSet].sort((a, b) => a - b);
  const cached = hits.map((run, i) => (toRunSet.has(i) ? null : run));
  const cost = (i: number) => loaded.locked(cells[i]!)?.cpuMs ?? known[i]?.cpuMs ?? UNKNOWN_CELL_MS;

  // What each cell needs, for grouping: the recorded names where every earlier cell's are known,
  // else the lock's record of what it needed when it was accepted, else unknown (all earlier).
  const needs = (i: number): number[] | null => {
    if (known.slice(0, i + 1).every((run, j) => run !== null || !runnable[j])) {
      return dependencies(cells, i, known).filter((d) => runnable[d]);
    }
    const recorded = loaded.locked(cells[i]!)?.needs;
    if (!recorded) return null;
    const found = recorded.map((key) => cells.findIndex((c, j) => j < i && c.key === key));
    return found.includes(-1) ? null : found.filter((d) => runnable[d]);
  };
  const neededBy = (i: number) => toRun.some((j) => j > i && (needs(j)?.includes(i) ?? true));
  const splitMs = options.splitMs ?? DEFAULT_SPLIT_MS;
  const split = (options.parallelism ?? 2) < 2 ? [] : toRun.filter((i) => cost(i) >= splitMs && needs(i) !== null && !neededBy(i));
  const rest = toRun.filter((i) => !split.includes(i));
  const groups: RunGroup[] = [];
  if (rest.length > 0) groups.push(group(loaded, rest, rest, cost));
  for (const i of split) groups.push(group(loaded, [...needs(i)!, i], [i], cost));
  return { runnable, baseKeys, cached, toRun, groups };
}
