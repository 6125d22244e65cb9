// The verdict of a run in the reader's browser: the same judge the build uses, over the cell as the
// build read it (or read again for the reader's edited code), with the document's settings. What a
// page carries for it is `LiveJudgeInput`; everything here is pure and free of Node APIs.
import type { CellRun, KernelCell } from '../kernel/types.ts';
import type { Cell } from '../source/model.ts';
import { cellWithCode } from '../source/reread.ts';
import { judge, type CellVerdict } from './verdict.ts';
import { kernelCellsOf } from './kernel-cells.ts';

export type CellSettingsInput = Parameters<typeof judge>[2];

/** What a page needs to judge a run of a cell: the cell without its code (the runner has it), and its settings. */
export interface LiveJudgeInput {
  cell: Omit<Cell, 'runCode'>;
  settings: CellSettingsInput;
}

export function liveJudgeInput(cell: Cell, settings: CellSettingsInput): LiveJudgeInput {
  const { runCode: _, ...rest } = cell;
  return { cell: rest, settings };
}

export interface LiveVerdict extends CellVerdict {
  /** The run was of code the reader changed. */
  edited: boolean;
}

/** The cell as the judge reads it for `code`: the build's reading, or the edited code read again. */
function cellFor(input: LiveJudgeInput, originalCode: string, code: string): Cell {
  const built: Cell = { ...input.cell, runCode: originalCode };
  return code === originalCode ? built : cellWithCode(built, code);
}

/**
 * What the page's kernel is given to run `code` in this cell, as the build's plan gives it
 * (check/kernel-cells.ts): its budget, input and the segments its timing claims measure, read from
 * `code` itself when the reader changed it. Without the segments, a claim inside a function body
 * has no timing to be checked against. The cell number stays the page's run count (the reader's
 * `[n]`), and a transcript runs whole, as one program.
 */
export function liveKernelCell(input: LiveJudgeInput, originalCode: string, code: string): Omit<KernelCell, 'id' | 'number' | 'code' | 'onLoop'> {
  const cell = cellFor(input, originalCode, code);
  const [first] = kernelCellsOf({ ...cell, form: 'script' }, input.settings);
  const { id: _, number: __, code: ___, onLoop: ____, ...rest } = first!;
  return rest;
}

/**
 * `run` of `code` judged as the build judges. `originalCode` is the code the build ran: unchanged,
 * the verdict is the build's own rule applied to this run; changed, the code's own statements are
 * read again from it. Null for an interactive transcript, whose statements the build runs one by
 * one: a run of the whole as one program cannot be compared statement by statement.
 */
export function liveVerdict(input: LiveJudgeInput, originalCode: string, code: string, run: CellRun): LiveVerdict | null {
  if (input.cell.form === 'transcript') return null;
  const cell = cellFor(input, originalCode, code);
  const edited = code !== originalCode;
  if (!edited) return { ...judge(cell, run, input.settings), edited };
  // An acknowledged erratum is about the document's code, not the reader's.
  const settings = input.settings ? { ...input.settings, acknowledge: undefined } : input.settings;
  return { ...judge(cell, run, settings), edited };
}
