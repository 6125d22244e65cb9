// One verdict per cell, with the reason a reader sees. Names are fixed (see DESIGN.md).
import type { CellRun } from '../kernel/types.ts';
import type { Cell } from '../source/model.ts';
import type { CellAnnotation } from './annotations.ts';
import { checkClaims } from './claims.ts';
import { compareStated, outputLines, type ClaimResult } from './compare.ts';
import { checkEventTables } from './events.ts';
import { reasonText, type Why } from './reasons.ts';

type Decision = Omit<CellVerdict, 'acknowledged' | 'annotationProblem' | 'reason'>;

export type Verdict = 'verified' | 'drift' | 'ran' | 'expected-error' | 'error' | 'hangs' | 'skipped';
export const FAILING: ReadonlySet<Verdict> = new Set(['drift', 'error', 'hangs']);

export interface CellVerdict {
  verdict: Verdict;
  /** Why, in English (reports, CI); `why` holds it as data, for pages in the reader's locale. */
  reason: string;
  why: Why;
  diff: string | null;
  claims: ClaimResult[];
  /** The annotation acknowledges this verdict; the reason is shown to readers as an erratum. */
  acknowledged: { ko: string; en: string } | null;
  /** Problems with the annotation itself (it no longer applies). */
  annotationProblem: string | null;
}

/** The 1-based line of the cell where the error was raised, from the traceback. */
export function raisingLine(run: CellRun): number | null {
  const text = run.error?.traceback.join('') ?? '';
  const matches = [...text.matchAll(/File "<cell \d+>", line (\d+)/g)];
  return matches.length ? Number(matches.at(-1)![1]) : null;
}

function decide(cell: Cell, run: CellRun | null, note: CellAnnotation | undefined): Decision {
  const none = { diff: null, claims: [] as ClaimResult[] };
  if (cell.notPython) return { verdict: 'skipped', why: { code: 'not-python', detail: cell.notPython }, ...none };
  if (note?.skip) return { verdict: 'skipped', why: { code: 'skip', detail: note.skip }, ...none };
  if (!run) return { verdict: 'error', why: { code: 'not-run' }, ...none };
  const statesOutput = cell.stated.length > 0 || cell.claims.length > 0 || cell.eventTables.length > 0;
  if (run.status === 'hangs' || run.status === 'timeout') {
    const why: Why = { code: 'never-ends', status: run.status, detail: run.error?.evalue ?? '', stated: statesOutput };
    return { verdict: statesOutput ? 'drift' : 'hangs', why, ...none };
  }
  if (run.status === 'error') {
    const ename = run.error?.ename ?? 'Error';
    const line = raisingLine(run);
    const cueLines = cell.errorCues.filter((c) => c.codeLine === line || (c.ename !== null && c.ename === ename));
    const expected = note?.expectError;
    if (expected && (expected.ename === ename)) return { verdict: 'expected-error', why: { code: 'expected-error', ename, by: 'annotation', detail: expected.reason }, ...none };
    if (cueLines.length > 0) return { verdict: 'expected-error', why: { code: 'expected-error', ename, by: 'cue', detail: cueLines[0]!.text }, ...none };
    const why: Why = { code: 'raises', ename, line, detail: run.error?.evalue ?? '', stated: statesOutput };
    return { verdict: statesOutput ? 'drift' : 'error', why, ...none };
  }
  const lines = outputLines(run.events);
  const events = checkEventTables(cell.eventTables, lines);
  const stated = cell.stated.length > 0 || cell.claims.length > 0 || events.matched > 0;
  if (!stated) return { verdict: 'ran', why: { code: 'ran' }, ...none };
  const statedForm = note?.orderMayVary ? cell.stated.map((s) => ({ ...s, unordered: true })) : cell.stated;
  const comparison = compareStated(statedForm, lines, cell.id);
  const claimResults = checkClaims(cell.claims, run, cell.runCode, lines);
  const claimProblems = claimResults.filter((c) => !c.ok).map((c) =>
    c.actual === null ? `"${c.text}" (line ${c.sourceLine}): no printed time found to check` : `"${c.text}" (line ${c.sourceLine}) says ${c.expected}s, the run took ${c.actual}s`);
  const problems = [...comparison.problems, ...claimProblems, ...events.problems];
  const claims = [...comparison.claims, ...claimResults, ...events.claims];
  if (problems.length > 0) return { verdict: 'drift', why: { code: 'mismatch', problems }, diff: comparison.diff, claims };
  return { verdict: 'verified', why: { code: 'verified' }, diff: null, claims };
}

export function judge(cell: Cell, run: CellRun | null, note: CellAnnotation | undefined): CellVerdict {
  const decision = decide(cell, run, note);
  const decided = { ...decision, reason: reasonText(decision.why) };
  let acknowledged: CellVerdict['acknowledged'] = null;
  let annotationProblem: string | null = null;
  if (note?.acknowledge) {
    if (note.acknowledge.verdict === decided.verdict) acknowledged = note.acknowledge.reason;
    else annotationProblem = `the annotation acknowledges "${note.acknowledge.verdict}" but the cell is now "${decided.verdict}": it no longer applies`;
  }
  if (note?.expectError && decided.verdict !== 'expected-error') {
    annotationProblem = `the annotation expects ${note.expectError.ename} but the cell is "${decided.verdict}": it no longer applies`;
  }
  return { ...decided, acknowledged, annotationProblem };
}
