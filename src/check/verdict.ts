// One verdict per cell, with the reason a reader sees. The seven names are a fixed contract: reports,
// the lock, CI and pages use them, so a new case gets a reason, never a new verdict name.
// How it is decided is src/check/rules.ts: one table of named rules in their order of precedence.
import type { CellRun } from '../kernel/types.ts';
import type { Cell } from '../source/model.ts';
import type { CellSettings } from './settings.ts';
import type { ClaimResult } from './compare.ts';
import { reasonText, type Why } from './reasons.ts';
import { decide } from './rules.ts';
export { raisingLine, compileErrorLine } from './error-reading.ts';

export type { Verdict } from './why.ts';
import type { Verdict } from './why.ts';
export const FAILING: ReadonlySet<Verdict> = new Set(['drift', 'error', 'hangs']);

export interface CellVerdict {
  verdict: Verdict;
  /** Why, in English (reports, CI); `why` holds it as data, for pages in the reader's locale. */
  reason: string;
  why: Why;
  diff: string | null;
  claims: ClaimResult[];
  /** A setting acknowledges this verdict; the reason is shown to readers as an erratum. */
  acknowledged: { ko: string; en: string } | null;
  /** A problem with the cell's settings themselves (they no longer apply). */
  settingsProblem: string | null;
  /** A hang the document itself announces: the document's own statement, so not a failure. */
  announced: boolean;
}

/** Does this verdict fail the check? */
export function isFailure(verdict: Pick<CellVerdict, 'verdict' | 'acknowledged' | 'announced'>): boolean {
  return FAILING.has(verdict.verdict) && !verdict.acknowledged && !verdict.announced;
}

/** `ignored`: the diagnostic codes the project and the document ignore (a block's own are in its settings). */
export function judge(cell: Cell, run: CellRun | null, settings: CellSettings | undefined, ignored: ReadonlySet<string> = new Set()): CellVerdict {
  const decision = decide({ cell, run, settings, ignored });
  const decided = { ...decision, announced: decision.announced ?? false, reason: reasonText(decision.why) };
  let acknowledged: CellVerdict['acknowledged'] = null;
  let settingsProblem: string | null = null;
  if (settings?.acknowledge) {
    if (settings.acknowledge.verdict === decided.verdict) acknowledged = settings.acknowledge.reason;
    else settingsProblem = `the setting acknowledges "${settings.acknowledge.verdict}" but the cell is now "${decided.verdict}": it no longer applies`;
  }
  if (settings?.expectError && decided.verdict !== 'expected-error') {
    settingsProblem = `the setting expects ${settings.expectError.ename} but the cell is "${decided.verdict}": it no longer applies`;
  }
  return { ...decided, acknowledged, settingsProblem };
}
