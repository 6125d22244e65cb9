// One verdict per cell, with the reason a reader sees. The seven names are a fixed contract: reports,
// the lock, CI and pages use them, so a new case gets a reason, never a new verdict name.
import type { CellRun } from '../kernel/types.ts';
import type { Cell, StatedOutput } from '../source/model.ts';
import type { CellSettings } from './settings.ts';
import { checkClaims } from './claims.ts';
import { compareStated, outputLines, type ClaimResult } from './compare.ts';
import { checkEventTables } from './events.ts';
import { statedToCompare } from './align.ts';
import { compareTranscript } from './transcript.ts';
import { reasonText, type Why } from './reasons.ts';
import { onlySignatures, placeholders } from '../source/traits.ts';

type Decision = Omit<CellVerdict, 'acknowledged' | 'settingsProblem' | 'reason' | 'announced'> & { announced?: boolean };

export type Verdict = 'verified' | 'drift' | 'ran' | 'expected-error' | 'error' | 'hangs' | 'skipped';
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

/** The 1-based line of the cell where the error was raised, from the traceback. */
export function raisingLine(run: CellRun): number | null {
  const text = run.error?.traceback.join('') ?? '';
  const matches = [...text.matchAll(/File "<cell \d+>", line (\d+)/g)];
  return matches.length ? Number(matches.at(-1)![1]) : null;
}

const CONNECTION_ERRORS = /^(ClientConnectorError|ClientConnectionError|ConnectionRefusedError|ConnectError|ConnectionError|ServerDisconnectedError|ClientOSError|OSError|gaierror)$/;
const TRACEBACK_HEADER = /^(\+\s*)?(Exception Group )?Traceback \(most recent call last\):/;

/** Stated lines without a traceback the document shows: what was printed before the error. */
function withoutTraceback(stated: StatedOutput[]): StatedOutput[] {
  // A value after a print speaks of a line the program may never reach once it stops.
  return stated
    .filter((s) => s.kind !== 'print-value')
    .map((s) => {
      const header = s.lines.findIndex((l) => TRACEBACK_HEADER.test(l.text.trim()));
      let lines = header >= 0 ? s.lines.slice(0, header) : s.lines;
      const last = lines.at(-1)?.text.trim() ?? '';
      if (/^[A-Z]\w*(Error|Exception|Group)(:|$)/.test(last)) lines = lines.slice(0, -1);
      return { ...s, lines };
    })
    .filter((s) => s.lines.length > 0);
}

/** Does the exception the text names agree with the one raised? (An unnamed one always does.) */
function sameError(announced: string | null, run: CellRun): boolean {
  if (!announced) return true;
  const ename = run.error?.ename ?? '';
  if (announced === ename || announced === 'Exception' || announced === 'Error') return true;
  if (/ExceptionGroup$/.test(ename)) return (run.error?.traceback.join('') ?? '').includes(announced);
  return announced === 'TimeoutError' && ename === 'CancelledError';
}

/** The one-sentence rule for illustrations: a block with no entry point that stops, before printing
 * anything, at a NameError (a signature's parameters, a name it only shows), shows code rather than
 * runs it. A block that does not compile is another question (`compileErrorLine`). */
function isIllustration(cell: Cell, run: CellRun): boolean {
  if (run.error?.ename !== 'NameError') return false;
  return !cell.illustration.entryPoint && outputLines(run.events).length === 0;
}

const COMPILE_ERRORS = new Set(['SyntaxError', 'IndentationError', 'TabError']);

/**
 * The line of the cell (1-based) where the cell's own code fails to compile; null when it compiled
 * (a SyntaxError raised later, by `eval` or `compile` at run time, is an error like any other). A
 * compile error's last frame is the cell itself, with no function (`File "<cell 3>", line 2`).
 */
export function compileErrorLine(run: CellRun): number | null {
  if (!COMPILE_ERRORS.has(run.error?.ename ?? '')) return null;
  const frames = [...(run.error?.traceback.join('') ?? '').matchAll(/File "([^"]*)", line (\d+)(, in )?/g)];
  const last = frames.at(-1);
  if (!last || !/^<cell \d+>$/.test(last[1]!) || last[3]) return null;
  return Number(last[2]);
}

/**
 * Why a block that does not compile is pseudo-code, not a broken program: its settings say so
 * (`pseudo: true`, or it ignores `syntax-error`), the prose around it ("pseudo-code", "the
 * signature is"), or its code (only API signatures; a placeholder on the line that fails). Null:
 * nothing does, and the block fails the check.
 */
function pseudoCode(cell: Cell, codeLine: number, settings: CellSettings | undefined, ignored: ReadonlySet<string>): Extract<Why, { code: 'pseudo-code' }> | null {
  if (settings?.pseudo || settings?.ignore?.includes('syntax-error') || ignored.has('syntax-error')) return { code: 'pseudo-code', by: 'setting', detail: '' };
  if (cell.illustration.pseudo) return { code: 'pseudo-code', by: 'prose', detail: cell.illustration.pseudo };
  if (cell.illustration.excerpt) return { code: 'pseudo-code', by: 'prose', detail: '' };
  if (onlySignatures(cell.runCode)) return { code: 'pseudo-code', by: 'signature', detail: '' };
  const failing = cell.runCode.split('\n')[codeLine - 1] ?? '';
  const marks = placeholders(failing);
  if (marks.length > 0) return { code: 'pseudo-code', by: 'placeholder', detail: marks[0]! };
  return null;
}

/**
 * A run that the sandbox refused something (vkernel/limits.py) and that then failed says nothing
 * about the document: it is skipped, naming what it needed, and never fails CI (the check prints a
 * `runtime-limit` warning). A failure the document announces stays what it is.
 */
function withinLimits(decision: Decision, run: CellRun | null): Decision {
  const limit = run?.limits?.[0];
  if (!limit || decision.announced || !(decision.verdict === 'drift' || decision.verdict === 'error' || decision.verdict === 'hangs')) return decision;
  if (decision.why.code === 'syntax-error') return decision;
  return { verdict: 'skipped', why: { code: 'runtime-limit', limit, instead: decision.verdict }, diff: null, claims: [] };
}

function decide(cell: Cell, run: CellRun | null, settings: CellSettings | undefined, ignored: ReadonlySet<string>): Decision {
  return withinLimits(decideRun(cell, run, settings, ignored), run);
}

function decideRun(cell: Cell, run: CellRun | null, settings: CellSettings | undefined, ignored: ReadonlySet<string>): Decision {
  const none = { diff: null, claims: [] as ClaimResult[] };
  if (cell.notPython) return { verdict: 'skipped', why: { code: 'not-python', detail: cell.notPython }, ...none };
  if (settings?.skip) return { verdict: 'skipped', why: { code: 'skip', detail: settings.skip }, ...none };
  if (cell.noRun) return { verdict: 'skipped', why: { code: 'fence-no-run', marker: cell.noRun }, ...none };
  if (cell.readsInput && settings?.input === undefined) return { verdict: 'skipped', why: { code: 'reads-input' }, ...none };
  if (!run) return { verdict: 'error', why: { code: 'not-run' }, ...none };
  if (cell.form === 'transcript') return decideTranscript(cell, run);
  const printed = [...outputLines(run.events), ...outputLines(run.events, 'stderr')];
  const stated = statedToCompare(settings?.orderMayVary ? cell.stated.map((s) => ({ ...s, unordered: true })) : cell.stated, printed);
  const announcedError = cell.announcements.find((a) => a.kind === 'error');
  const announcedHang = cell.announcements.find((a) => a.kind === 'hang');
  const statesOutput = stated.length > 0 || cell.claims.length > 0 || cell.eventTables.length > 0;
  const lines = outputLines(run.events);

  if (run.status === 'hangs' || run.status === 'timeout') {
    if (announcedHang) {
      const before = compareStated(withoutTraceback(stated), lines, cell.id, { prefixOnly: true });
      if (!before.ok) return { verdict: 'drift', why: { code: 'mismatch', problems: before.problems }, diff: before.diff, claims: before.claims };
      return { verdict: 'hangs', why: { code: 'announced-hang', detail: run.error?.evalue ?? '', said: announcedHang.text }, diff: null, claims: before.claims, announced: true };
    }
    const why: Why = { code: 'never-ends', status: run.status, detail: run.error?.evalue ?? '', stated: statesOutput };
    return { verdict: statesOutput ? 'drift' : 'hangs', why, ...none };
  }
  if (run.status === 'error') {
    const ename = run.error?.ename ?? 'Error';
    const line = raisingLine(run);
    const cueLines = cell.errorCues.filter((c) => c.codeLine === line || (c.ename !== null && c.ename === ename));
    const expected = settings?.expectError;
    if (expected && (expected.ename === ename)) return { verdict: 'expected-error', why: { code: 'expected-error', ename, by: 'setting', detail: expected.reason }, ...none };
    const unannounced = cueLines.length === 0 && !cell.announcements.some((a) => a.kind === 'error');
    if (unannounced && isIllustration(cell, run)) return { verdict: 'skipped', why: { code: 'illustration' }, ...none };
    // A block that does not compile ran nothing: pseudo-code when something says so, else a failure
    // at the line of the error (never a silent pass), unless the document means it to fail.
    const compileLine = compileErrorLine(run);
    if (unannounced && compileLine !== null) {
      const pseudo = pseudoCode(cell, compileLine, settings, ignored);
      if (pseudo) return { verdict: 'skipped', why: pseudo, ...none };
      const why: Why = { code: 'syntax-error', ename, line: cell.line + compileLine, detail: run.error?.evalue ?? '' };
      return { verdict: statesOutput ? 'drift' : 'error', why, ...none };
    }
    if (cell.serverElsewhere && CONNECTION_ERRORS.test(ename)) {
      return { verdict: 'skipped', why: { code: 'server-elsewhere', language: cell.serverElsewhere, detail: `${ename}: ${run.error?.evalue ?? ''}` }, ...none };
    }
    const announced = cell.announcements.filter((a) => a.kind === 'error' && sameError(a.ename, run));
    if (cueLines.length > 0 || announced.length > 0) {
      // The lines printed before the error are checked too, and a traceback the document shows
      // must name the exception raised.
      const shown = cell.announcements.find((a) => a.found === 'stated-traceback');
      if (shown && !sameError(shown.ename, run)) {
        return { verdict: 'drift', why: { code: 'mismatch', problems: [{ kind: 'shown-traceback', line: shown.sourceLine, shown: shown.text, ename, evalue: run.error?.evalue ?? '' }] }, ...none };
      }
      const before = compareStated(withoutTraceback(stated), lines, cell.id, { prefixOnly: true });
      if (!before.ok) return { verdict: 'drift', why: { code: 'mismatch', problems: before.problems }, diff: before.diff, claims: before.claims };
      const why: Why = cueLines.length > 0
        ? { code: 'expected-error', ename, by: 'cue', detail: cueLines[0]!.text }
        : { code: 'expected-error', ename, by: 'text', detail: announced[0]!.text };
      return { verdict: 'expected-error', why, diff: null, claims: before.claims };
    }
    const why: Why = { code: 'raises', ename, line, detail: run.error?.evalue ?? '', stated: statesOutput };
    return { verdict: statesOutput ? 'drift' : 'error', why, ...none };
  }
  // It ran to the end: an error or a hang the document firmly announced did not happen.
  const firm = [announcedError, announcedHang].find((a) => a && a.firm && !/\btry\s*:/.test(cell.runCode) && !settings?.expectError);
  if (firm && !(firm.kind === 'error' && cell.errorCues.length === 0 && /\bexcept\b/.test(cell.runCode))) {
    return { verdict: 'drift', why: { code: 'does-not-raise', said: firm.text, line: firm.sourceLine }, ...none };
  }
  // A block that only defines what nothing here calls printed nothing: what it says its prints
  // write is about a later call, not this run.
  if (lines.length === 0 && !cell.illustration.entryPoint && cell.illustration.excerpt) return { verdict: 'skipped', why: { code: 'illustration' }, ...none };
  if (lines.length === 0 && !cell.illustration.entryPoint && cell.claims.length === 0) return { verdict: 'ran', why: { code: 'ran' }, ...none };
  const events = checkEventTables(cell.eventTables, lines);
  const statedAny = stated.length > 0 || cell.claims.length > 0 || events.matched > 0;
  if (!statedAny) return { verdict: 'ran', why: { code: 'ran' }, ...none };
  const comparison = compareStated(stated, lines, cell.id);
  const claimResults = checkClaims(cell.claims, run, cell.runCode, lines);
  const claimProblems = claimResults.filter((c) => !c.ok).map((c) =>
    c.actual === null ? { kind: 'claim-unchecked' as const, line: c.sourceLine, text: c.text } : { kind: 'claim-time' as const, line: c.sourceLine, text: c.text, expected: c.expected, actual: c.actual });
  const problems = [...comparison.problems, ...claimProblems, ...events.problems];
  const claims = [...comparison.claims, ...claimResults, ...events.claims];
  if (problems.length > 0) return { verdict: 'drift', why: { code: 'mismatch', problems }, diff: comparison.diff, claims };
  const checked = claims.filter((c) => !c.unchecked).length > 0 || stated.length > 0 || events.matched > 0;
  if (!checked) return { verdict: 'ran', why: { code: 'ran' }, diff: null, claims };
  const why: Why = comparison.notes.length > 0 ? { code: 'verified', notes: comparison.notes } : { code: 'verified' };
  return { verdict: 'verified', why, diff: null, claims };
}

/** A transcript: each statement's shown lines against its run. */
function decideTranscript(cell: Cell, run: CellRun): Decision {
  const parts = run.parts ?? [run];
  const comparison = compareTranscript(cell.examples, parts);
  const none = { diff: null, claims: [] as ClaimResult[] };
  if (comparison.problems.length > 0) return { verdict: 'drift', why: { code: 'mismatch', problems: comparison.problems }, ...none };
  if (comparison.stoppedAt !== null) {
    const hang = cell.announcements.find((a) => a.kind === 'hang');
    const detail = parts.find((p) => p.status === 'hangs' || p.status === 'timeout')?.error?.evalue ?? '';
    if (hang) return { verdict: 'hangs', why: { code: 'announced-hang', detail, said: hang.text }, ...none, announced: true };
    return { verdict: 'hangs', why: { code: 'never-ends', status: 'hangs', detail, stated: comparison.compared > 0 }, ...none };
  }
  if (comparison.shownErrors.length > 0) {
    const ename = comparison.shownErrors[0]!.split(':')[0]!;
    return { verdict: 'expected-error', why: { code: 'expected-error', ename, by: 'text', detail: comparison.shownErrors[0]! }, ...none };
  }
  if (comparison.compared === 0) return { verdict: 'ran', why: { code: 'ran' }, ...none };
  return { verdict: 'verified', why: { code: 'verified' }, ...none };
}

/** `ignored`: the diagnostic codes the project and the document ignore (a block's own are in its settings). */
export function judge(cell: Cell, run: CellRun | null, settings: CellSettings | undefined, ignored: ReadonlySet<string> = new Set()): CellVerdict {
  const decision = decide(cell, run, settings, ignored);
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
