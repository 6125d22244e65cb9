// What a page needs to run a cell again in the reader's browser (src/components/runner/): the code
// that ran at build time and the names it defined and used (to run the earlier cells it depends
// on first). Null for blocks that were not run (not Python, or skipped).
import type { CheckedCell } from '../check/run.ts';
import { DEFAULT_REAL_BUDGET } from '../kernel/types.ts';

export interface RunnerProps {
  code: string;
  defines: string[];
  uses: string[];
  /** Real seconds before a CPU-bound run is interrupted: the default, or more for cells that needed it. */
  realBudget: number;
}

export function runnerProps({ cell, run }: CheckedCell): RunnerProps | null {
  if (!run || cell.notPython) return null;
  return {
    code: cell.runCode,
    defines: run.defines,
    uses: run.uses,
    realBudget: Math.max(DEFAULT_REAL_BUDGET, Math.ceil((run.cpuMs / 1000) * 3)),
  };
}

/** An earlier chapter's cell that this page's cells need in their namespace. */
export interface PreludeCell {
  id: string;
  code: string;
}

/**
 * At build time a chapter's cells run in the document's namespace, after every earlier chapter. In
 * the browser a page is its own namespace, so the earlier cells that define what this page uses
 * (`import asyncio` in an early chapter, a helper defined before) run first, silently. Found by
 * walking the recorded names backwards, as the check does; only cells that ran cleanly are used.
 */
export function pagePrelude(documentCells: CheckedCell[], chapter: string): PreludeCell[] {
  const firstOnPage = documentCells.findIndex((c) => c.cell.chapter === chapter);
  if (firstOnPage <= 0) return [];
  const page = documentCells.filter((c) => c.cell.chapter === chapter && c.run);
  const definedOnPage = new Set(page.flatMap((c) => c.run!.defines));
  const wanted = new Set(page.flatMap((c) => c.run!.uses).filter((n) => !definedOnPage.has(n)));
  const chosen: PreludeCell[] = [];
  for (let i = firstOnPage - 1; i >= 0 && wanted.size > 0; i--) {
    const { cell, run } = documentCells[i]!;
    if (!run || run.status !== 'ok' || cell.notPython) continue;
    const hit = run.defines.filter((n) => wanted.has(n));
    if (hit.length === 0) continue;
    chosen.unshift({ id: cell.id, code: cell.runCode });
    for (const n of hit) wanted.delete(n);
    for (const n of run.uses) if (!run.defines.includes(n)) wanted.add(n);
  }
  return chosen;
}
