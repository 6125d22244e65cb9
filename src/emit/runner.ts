// What a page needs to run a cell again in the reader's browser (src/components/runner/): the code
// that ran at build time and the names it defined and used (to run the earlier cells it depends
// on first). Null for blocks that were not run (not Python, or skipped).
import type { SourceLineBase } from './source-links.ts';
import { sameProgram } from './python-comments.ts';
import type { CheckedCell } from '../check/run.ts';
import { liveJudgeInput, type LiveJudgeInput } from '../check/live.ts';
import { DEFAULT_REAL_BUDGET } from '../kernel/types.ts';
import { earlierCellsNeeded, wantedNames, type CellNames } from '../source/dependencies.ts';

export interface RunnerProps {
  /** The code the editor opens with and Reset returns to: the page's own code block, in its language. */
  code: string;
  /**
   * The code a live run counts as unedited against (src/check/live.ts): the page's code when it is
   * the program the build ran (a translation that changed comments only), else the build's.
   */
  original: string;
  defines: string[];
  uses: string[];
  /** Real seconds before a CPU-bound run is interrupted: the default, or more for cells that needed it. */
  realBudget: number;
  /** What the page needs to judge a reader's run the way the build judged its own. */
  judge: LiveJudgeInput;
  /** Where the source document's lines are shown, for the links in a run's reason; null: none. */
  sourceLines: SourceLineBase;
}

/**
 * `pageCode`: the block as the page shows it (a translation's code on a translated page). Where the
 * build ran the block as written, the editor opens on the page's code, so the reader edits and runs
 * what they read; where it ran a transformed block (a transcript's prompts, a gutter stripped), on
 * the code that ran.
 */
export function runnerProps({ cell, run, settings }: CheckedCell, sourceLines: SourceLineBase = null, pageCode: string = cell.code): RunnerProps | null {
  if (!run || cell.notPython) return null;
  const asWritten = cell.runCode === cell.code;
  const code = asWritten ? pageCode : cell.runCode;
  return {
    code,
    original: code === cell.runCode || sameProgram(code, cell.runCode) ? code : cell.runCode,
    defines: run.defines,
    uses: run.uses,
    realBudget: Math.max(DEFAULT_REAL_BUDGET, Math.ceil((run.cpuMs / 1000) * 3)),
    judge: liveJudgeInput(cell, settings),
    sourceLines,
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
 * (`import asyncio` in an early chapter, a helper defined before) run first, silently: chosen by the
 * same rule as the check's and the runner's (source/dependencies.ts), nearest definition first.
 */
export function pagePrelude(documentCells: CheckedCell[], chapter: string): PreludeCell[] {
  const firstOnPage = documentCells.findIndex((c) => c.cell.chapter === chapter);
  if (firstOnPage <= 0) return [];
  const names: CellNames[] = documentCells.map(({ cell, run }) => ({
    defines: run ? run.defines : [], uses: run ? run.uses : [], imports: run?.imports ?? [], runnable: run !== null && !cell.notPython,
  }));
  const page = documentCells.flatMap((c, i) => (c.cell.chapter === chapter && c.run ? [names[i]!] : []));
  const definedOnPage = new Set(page.flatMap((n) => n.defines ?? []));
  const wanted = new Set(page.flatMap((n) => [...wantedNames(n)]).filter((n) => !definedOnPage.has(n)));
  return earlierCellsNeeded(names, firstOnPage, 'nearest', wanted).map((i) => ({ id: documentCells[i]!.cell.id, code: documentCells[i]!.cell.runCode }));
}
