// How a cell's verdict is decided: one table of named rules, in their order of precedence. The first
// rule that decides gives the verdict; a rule returns null to leave the cell to the next one. Rules
// marked `ran` see only cells that have a run, with what every such rule needs read once
// (`RunFacts`). After the table, one filter: a failure the runtime caused is not the document's
// (`withinLimits`).
//
// The order, and why it is this one:
//   1. what is never run: not Python, a setting's skip, a fence that says not to, a block that reads
//      the keyboard with no input given; a runnable block with no run is an error;
//   2. transcripts are judged statement by statement;
//   3. a run that never ended: a hang the document announces, else a failure;
//   4. a run that raised: an error the settings expect; an illustration that stops at a name it only
//      shows; a fragment (it starts no program) that stops at a name no block of its page binds; a block that does not compile (pseudo-code, or a failure at its line); a connection to a
//      server the document shows in another language; an error the text or a cue announces; else it raises;
//   5. a run that ended: an error or hang the document firmly announced that did not happen; a block
//      that only defines what nothing here calls; nothing stated; then the comparison itself.
import type { CellRun } from '../kernel/types.ts';
import type { Announcement, Cell, ErrorCue, StatedOutput, TimingClaim } from '../source/model.ts';
import type { CellSettings } from './settings.ts';
import type { Problem, Why } from './why.ts';
import type { Verdict } from './why.ts';
import { checkClaims } from './claims.ts';
import { compareStated, outputLines, type ActualLine, type ClaimResult } from './compare.ts';
import { checkEventTables } from './events.ts';
import { readable } from './order-claims.ts';
import { statedToCompare } from './align.ts';
import { compareTranscript } from './transcript.ts';
import { CONNECTION_ERRORS, compileErrorLine, isIllustration, pseudoCode, raisingLine, sameError, withoutTraceback } from './error-reading.ts';
import { hangDetail } from './hang.ts';

/** A verdict before its reason is worded and its settings are applied (src/check/verdict.ts). */
export interface Decision {
  verdict: Verdict;
  why: Why;
  diff: string | null;
  claims: ClaimResult[];
  announced?: boolean;
}

/** What a rule is told about a cell. */
export interface Situation {
  cell: Cell;
  run: CellRun | null;
  settings: CellSettings | undefined;
  /** The diagnostic codes the project and the document ignore. */
  ignored: ReadonlySet<string>;
}

/** What the rules of a cell that ran all read, read once. */
export interface RunFacts extends Situation {
  run: CellRun;
  /** The stated outputs to compare (alignment done, `orderMayVary` applied). */
  stated: StatedOutput[];
  /** What it printed on stdout. */
  lines: ActualLine[];
  /** The cell's timing claims that this run lets the check read (a claim of order naming no printed line is none). */
  claims: TimingClaim[];
  statesOutput: boolean;
  announcedError: Announcement | undefined;
  announcedHang: Announcement | undefined;
  /** For a run that raised: its exception's name, the cell line it was raised at, the cues that point at it. */
  ename: string;
  line: number | null;
  cueLines: ErrorCue[];
  /** Raised, and neither a cue nor the text announces an error. */
  unannounced: boolean;
}

export type Rule =
  | { name: string; needs: 'cell'; decide: (s: Situation) => Decision | null }
  | { name: string; needs: 'run'; decide: (f: RunFacts) => Decision | null };

const none = { diff: null, claims: [] as ClaimResult[] };
const skipped = (why: Why): Decision => ({ verdict: 'skipped', why, ...none });
/** A failure that states an output is a drift of that output; one that states nothing is an error. */
const failure = (f: RunFacts, why: Why): Decision => ({ verdict: f.statesOutput ? 'drift' : 'error', why, ...none });

// 1. What is never run.
const notPython: Rule = { name: 'not-python', needs: 'cell', decide: ({ cell }) => (cell.notPython ? skipped({ code: 'not-python', detail: cell.notPython }) : null) };
const skipSetting: Rule = { name: 'skip-setting', needs: 'cell', decide: ({ settings }) => (settings?.skip ? skipped({ code: 'skip', detail: settings.skip }) : null) };
const fenceNoRun: Rule = { name: 'fence-no-run', needs: 'cell', decide: ({ cell }) => (cell.noRun ? skipped({ code: 'fence-no-run', marker: cell.noRun }) : null) };
const readsInput: Rule = { name: 'reads-input', needs: 'cell', decide: ({ cell, settings }) => (cell.readsInput && settings?.input === undefined ? skipped({ code: 'reads-input' }) : null) };
const notRun: Rule = { name: 'not-run', needs: 'cell', decide: ({ run }) => (run ? null : { verdict: 'error', why: { code: 'not-run' }, ...none }) };

// 2. Transcripts.
const transcript: Rule = { name: 'transcript', needs: 'cell', decide: ({ cell, run }) => (cell.form === 'transcript' && run ? decideTranscript(cell, run) : null) };

// 3. A run that never ended.
const neverEnds: Rule = {
  name: 'never-ends', needs: 'run', decide: (f) => {
    const { cell, run, stated, lines, announcedHang, statesOutput } = f;
    if (run.status !== 'hangs' && run.status !== 'timeout') return null;
    if (announcedHang) {
      const before = compareStated(withoutTraceback(stated), lines, cell.id, { prefixOnly: true });
      if (!before.ok) return { verdict: 'drift', why: { code: 'mismatch', problems: before.problems }, diff: before.diff, claims: before.claims };
      return { verdict: 'hangs', why: { code: 'announced-hang', detail: hangDetail(run), said: announcedHang.text }, diff: null, claims: before.claims, announced: true };
    }
    return { verdict: statesOutput ? 'drift' : 'hangs', why: { code: 'never-ends', status: run.status, detail: hangDetail(run), stated: statesOutput }, ...none };
  },
};

// 4. A run that raised.
const raised = (decide: (f: RunFacts) => Decision | null) => (f: RunFacts) => (f.run.status === 'error' ? decide(f) : null);

const expectedBySetting: Rule = {
  name: 'expected-by-setting', needs: 'run', decide: raised(({ settings, ename }) => {
    const expected = settings?.expectError;
    return expected && expected.ename === ename ? { verdict: 'expected-error', why: { code: 'expected-error', ename, by: 'setting', detail: expected.reason }, ...none } : null;
  }),
};
const illustration: Rule = { name: 'illustration', needs: 'run', decide: raised((f) => (f.unannounced && isIllustration(f.cell, f.run) ? skipped({ code: 'illustration' }) : null)) };
// One rule for a page's fragments (src/source/fragments.ts): a block that starts no program and stops
// at a name no block of its page binds shows code, like every other such block of the page.
const pageFragment: Rule = {
  name: 'page-fragment', needs: 'run', decide: raised(({ cell, run, statesOutput }) => {
    // A block that says what it prints, or that it raises (a cue, the text), claims to run: its failure is a finding.
    if (statesOutput || cell.errorCues.length > 0 || cell.announcements.some((a) => a.kind === 'error')) return null;
    if (run.error?.ename !== 'NameError') return null;
    const name = /name '(\w+)' is not defined/.exec(run.error.evalue)?.[1];
    return name && cell.illustration.unbound?.includes(name) ? skipped({ code: 'fragment', name }) : null;
  }),
};
// A block that does not compile ran nothing: pseudo-code when something says so, else a failure at
// the line of the error (never a silent pass), unless the document means it to fail.
const doesNotCompile: Rule = {
  name: 'does-not-compile', needs: 'run', decide: raised((f) => {
    const compileLine = compileErrorLine(f.run);
    if (!f.unannounced || compileLine === null) return null;
    const pseudo = pseudoCode(f.cell, compileLine, f.settings, f.ignored);
    if (pseudo) return skipped(pseudo);
    return failure(f, { code: 'syntax-error', ename: f.ename, line: f.cell.line + compileLine, detail: f.run.error?.evalue ?? '' });
  }),
};
const serverElsewhere: Rule = {
  name: 'server-elsewhere', needs: 'run', decide: raised(({ cell, run, ename }) =>
    (cell.serverElsewhere && CONNECTION_ERRORS.test(ename) ? skipped({ code: 'server-elsewhere', language: cell.serverElsewhere, detail: `${ename}: ${run.error?.evalue ?? ''}` }) : null)),
};
const announcedError: Rule = {
  name: 'announced-error', needs: 'run', decide: raised(({ cell, run, stated, lines, ename, cueLines }) => {
    const announced = cell.announcements.filter((a) => a.kind === 'error' && sameError(a.ename, run));
    if (cueLines.length === 0 && announced.length === 0) return null;
    // The lines printed before the error are checked too, and a traceback the document shows must name the exception raised.
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
  }),
};
const raises: Rule = { name: 'raises', needs: 'run', decide: raised((f) => failure(f, { code: 'raises', ename: f.ename, line: f.line, detail: f.run.error?.evalue ?? '', stated: f.statesOutput })) };

// 5. A run that ended.
const doesNotRaise: Rule = {
  name: 'does-not-raise', needs: 'run', decide: ({ cell, settings, announcedError, announcedHang }) => {
    const firm = [announcedError, announcedHang].find((a) => a && a.firm && !/\btry\s*:/.test(cell.runCode) && !settings?.expectError);
    if (!firm || (firm.kind === 'error' && cell.errorCues.length === 0 && /\bexcept\b/.test(cell.runCode))) return null;
    return { verdict: 'drift', why: { code: 'does-not-raise', said: firm.text, line: firm.sourceLine }, ...none };
  },
};
// A block that only defines what nothing here calls printed nothing: what it says its prints write
// is about a later call, not this run (its reason says so rather than "states no output").
const definesOnly: Rule = {
  name: 'defines-only', needs: 'run', decide: ({ cell, lines, stated, claims }) => {
    if (lines.length > 0 || cell.illustration.entryPoint) return null;
    if (cell.illustration.excerpt) return skipped({ code: 'illustration' });
    if (claims.length > 0) return null;
    const later = stated[0];
    return { verdict: 'ran', why: later ? { code: 'stated-for-later', line: later.sourceLine } : { code: 'ran' }, ...none };
  },
};
const compared: Rule = {
  name: 'compared', needs: 'run', decide: ({ cell, run, stated, lines, claims: timing }) => {
    const events = checkEventTables(cell.eventTables, lines);
    if (stated.length === 0 && timing.length === 0 && events.matched === 0) return { verdict: 'ran', why: { code: 'ran' }, ...none };
    const comparison = compareStated(stated, lines, cell.id);
    const claimResults = checkClaims(timing, run, cell.runCode, lines);
    const claimProblems = claimResults.filter((c) => !c.ok).map(claimProblem);
    const problems = [...comparison.problems, ...claimProblems, ...events.problems];
    const claims = [...comparison.claims, ...claimResults, ...events.claims];
    if (problems.length > 0) return { verdict: 'drift', why: { code: 'mismatch', problems }, diff: comparison.diff, claims };
    const checked = claims.filter((c) => !c.unchecked).length > 0 || stated.length > 0 || events.matched > 0;
    if (!checked) return { verdict: 'ran', why: { code: 'ran' }, diff: null, claims };
    const why: Why = comparison.notes.length > 0 ? { code: 'verified', notes: comparison.notes } : { code: 'verified' };
    return { verdict: 'verified', why, diff: null, claims };
  },
};

/** A claim the run does not hold, as the problem the reason tells. */
function claimProblem(c: ClaimResult): Problem {
  const line = c.sourceLine;
  if (c.kind === 'order') return { kind: 'claim-order', line, text: c.text, before: c.before ?? '', after: c.after ?? '' };
  if (c.kind === 'gap' && c.actual !== null) return { kind: 'claim-gap', line, text: c.text, before: c.before ?? null, after: c.after ?? '', expected: c.expected, actual: c.actual };
  if (c.actual === null) return { kind: 'claim-unchecked', line, text: c.text, ...(c.cause ? { cause: c.cause } : {}) };
  return { kind: 'claim-time', line, text: c.text, expected: c.expected, actual: c.actual };
}

/** The rules, in their order of precedence (see the top of this file). */
export const RULES: readonly Rule[] = [
  notPython, skipSetting, fenceNoRun, readsInput, notRun,
  transcript,
  neverEnds,
  expectedBySetting, illustration, pageFragment, doesNotCompile, serverElsewhere, announcedError, raises,
  doesNotRaise, definesOnly, compared,
];

/** What the rules of a cell with a run read. */
export function runFacts(s: Situation & { run: CellRun }): RunFacts {
  const { cell, run, settings } = s;
  const printed = [...outputLines(run.events), ...outputLines(run.events, 'stderr')];
  const stated = statedToCompare(settings?.orderMayVary ? cell.stated.map((st) => ({ ...st, unordered: true })) : cell.stated, printed);
  const ename = run.error?.ename ?? 'Error';
  const line = run.status === 'error' ? raisingLine(run) : null;
  const cueLines = run.status === 'error' ? cell.errorCues.filter((c) => c.codeLine === line || (c.ename !== null && c.ename === ename)) : [];
  const lines = outputLines(run.events);
  const claims = cell.claims.filter((c) => readable(c, lines));
  return {
    ...s, stated, lines, claims,
    statesOutput: stated.length > 0 || claims.length > 0 || cell.eventTables.length > 0,
    announcedError: cell.announcements.find((a) => a.kind === 'error'),
    announcedHang: cell.announcements.find((a) => a.kind === 'hang'),
    ename, line, cueLines,
    unannounced: cueLines.length === 0 && !cell.announcements.some((a) => a.kind === 'error'),
  };
}

/** The first rule that decides; `compared` always does, so every cell gets a verdict. */
export function firstDecision(s: Situation, rules: readonly Rule[] = RULES): Decision & { rule: string } {
  let facts: RunFacts | null = null;
  for (const rule of rules) {
    let decision: Decision | null;
    if (rule.needs === 'cell') decision = rule.decide(s);
    else {
      if (!s.run) continue;
      facts ??= runFacts({ ...s, run: s.run });
      decision = rule.decide(facts);
    }
    if (decision) return { ...decision, rule: rule.name };
  }
  throw new Error('no rule decided (the table ends with one that always does)');
}

/**
 * A run that the sandbox refused something (vkernel/limits.py) and that then failed says nothing
 * about the document: it is skipped, naming what it needed, and never fails CI (the check prints a
 * `runtime-limit` warning). A failure the document announces, or a block that does not compile, stays what it is.
 */
export function withinLimits(decision: Decision, run: CellRun | null): Decision {
  const limit = run?.limits?.[0];
  if (!limit || decision.announced || !(decision.verdict === 'drift' || decision.verdict === 'error' || decision.verdict === 'hangs')) return decision;
  if (decision.why.code === 'syntax-error') return decision;
  return { verdict: 'skipped', why: { code: 'runtime-limit', limit, instead: decision.verdict }, diff: null, claims: [] };
}

export function decide(s: Situation): Decision {
  const { rule: _rule, ...decision } = firstDecision(s);
  return withinLimits(decision, s.run);
}

/** A transcript: each statement's shown lines against its run. */
function decideTranscript(cell: Cell, run: CellRun): Decision {
  const parts = run.parts ?? [run];
  const comparison = compareTranscript(cell.examples, parts);
  const none = { diff: null, claims: [] as ClaimResult[] };
  if (comparison.problems.length > 0) return { verdict: 'drift', why: { code: 'mismatch', problems: comparison.problems }, ...none };
  if (comparison.stoppedAt !== null) {
    const hang = cell.announcements.find((a) => a.kind === 'hang');
    const stopped = parts.find((p) => p.status === 'hangs' || p.status === 'timeout');
    const detail = stopped ? hangDetail(stopped) : '';
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

