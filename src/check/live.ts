// The verdict of a run in the reader's browser: the same judge the build uses, over the cell as the
// build read it (or read again for the reader's edited code), with the document's settings. What a
// page carries for it is `LiveJudgeInput`; everything here is pure and free of Node APIs.
import type { CellRun } from '../kernel/types.ts';
import type { Cell } from '../source/model.ts';
import { cellWithCode } from '../source/reread.ts';
import { judge, type CellVerdict } from './verdict.ts';

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

/**
 * `run` of `code` judged as the build judges. `originalCode` is the code the build ran: unchanged,
 * the verdict is the build's own rule applied to this run; changed, the code's own statements are
 * read again from it. Null for an interactive transcript, whose statements the build runs one by
 * one: a run of the whole as one program cannot be compared statement by statement.
 */
export function liveVerdict(input: LiveJudgeInput, originalCode: string, code: string, run: CellRun): LiveVerdict | null {
  if (input.cell.form === 'transcript') return null;
  const built: Cell = { ...input.cell, runCode: originalCode };
  const edited = code !== originalCode;
  if (!edited) return { ...judge(built, run, input.settings), edited };
  // An acknowledged erratum is about the document's code, not the reader's.
  const settings = input.settings ? { ...input.settings, acknowledge: undefined } : input.settings;
  return { ...judge(cellWithCode(built, code), run, settings), edited };
}
