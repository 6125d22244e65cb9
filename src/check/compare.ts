// Stated output vs what really ran: which stated lines matched which printed lines, the timing of
// annotated lines (compared by differences), printed elapsed times and clock stamps.
import { createPatch } from 'diff';
import { outputLines as cutLines } from '../kernel/format.ts';
import type { OutputEvent } from '../kernel/types.ts';
import type { StatedOutput } from '../source/model.ts';
import { captureWithin, lineMatcher, matchLine, matchesWithin, type Capture } from './normalize.ts';
import { CLOCK_JITTER, readingTolerance, tolerance, within } from './tolerance.ts';
import type { PlaceholderNote, Problem, UncheckedCause } from './reasons.ts';

export interface ActualLine {
  text: string;
  t: number;
}

export interface ClaimResult {
  kind: 'line-time' | 'printed-time' | 'clock-step' | 'total' | 'printed' | 'program' | 'appear' | 'order' | 'gap';
  text: string;
  sourceLine: number;
  expected: number;
  actual: number | null;
  approximate: boolean;
  tolerance: number;
  ok: boolean;
  /** Why a claim could not be checked (then actual is null; ok is true unless `cause` says it must not pass). */
  unchecked?: string;
  /** A claim that could not be checked and so does not pass: the run has no measure of what it describes. */
  cause?: UncheckedCause;
  /** The rule that recognised the claim (`timing:prose:zh`, `label:ko`, ...), to trace a misreading. */
  found?: string;
  /** For `order` and `gap`: the line said to come first (none for a wait since the start) and the one after it. */
  before?: string;
  after?: string;
}

export interface Comparison {
  ok: boolean;
  problems: Problem[];
  claims: ClaimResult[];
  diff: string | null;
  /** What each placeholder of a matched stated line stood for (`<your file>` for a path). */
  notes: PlaceholderNote[];
}

/** The actual lines of one stream (the one rule: kernel/format.ts). */
export function outputLines(events: OutputEvent[], stream: 'stdout' | 'stderr' = 'stdout'): ActualLine[] {
  return cutLines(events, stream).map(({ text, t }) => ({ text, t }));
}

/** Indices of actual lines matched by each stated line (-1 for a wildcard line), or null. */
function matchSequence(stated: StatedOutput, actual: ActualLine[], from = 0, toEnd = true): { indices: number[]; captures: Capture[][] } | null {
  const matchers = stated.lines.map((l) => lineMatcher(l.text));
  if (stated.kind === 'print-value') {
    const i = actual.findIndex((a) => matchLine(matchers[0]!, a.text) !== null);
    return i < 0 ? null : { indices: [i], captures: [matchLine(matchers[0]!, actual[i]!.text)!] };
  }
  if (stated.unordered) {
    const used = new Set<number>();
    const indices: number[] = [];
    const captures: Capture[][] = [];
    for (const m of matchers) {
      if (m.wildcardLine) { indices.push(-1); captures.push([]); continue; }
      const i = actual.findIndex((a, k) => !used.has(k) && matchLine(m, a.text) !== null);
      if (i < 0) return null;
      used.add(i);
      indices.push(i);
      captures.push(matchLine(m, actual[i]!.text)!);
    }
    const hasWildcard = matchers.some((m) => m.wildcardLine);
    return hasWildcard || used.size === actual.length ? { indices, captures } : null;
  }
  const subsequence = stated.kind === 'order';
  // Backtracking match: a wildcard line absorbs any number of lines; in an order block every
  // stated line may skip lines before it.
  const memo = new Map<string, number[] | null>();
  const go = (s: number, a: number): number[] | null => {
    const key = `${s},${a}`;
    if (memo.has(key)) return memo.get(key)!;
    let result: number[] | null = null;
    if (s === matchers.length) {
      result = subsequence || !toEnd || a === actual.length ? [] : null;
    } else if (matchers[s]!.wildcardLine) {
      for (let k = a; k <= actual.length && !result; k++) {
        const rest = go(s + 1, k);
        if (rest) result = [-1, ...rest];
      }
    } else {
      for (let k = a; k < actual.length && !result; k++) {
        if (matchLine(matchers[s]!, actual[k]!.text) !== null) {
          const rest = go(s + 1, k + 1);
          if (rest) result = [k, ...rest];
        }
        if (!subsequence) break;
      }
    }
    memo.set(key, result);
    return result;
  };
  const indices = go(0, from);
  if (!indices) return null;
  return { indices, captures: indices.map((i, s) => (i < 0 ? [] : matchLine(matchers[s]!, actual[i]!.text)!)) };
}

function timingClaimsOf(stated: StatedOutput, actual: ActualLine[], indices: number[], captures: Capture[][]): ClaimResult[] {
  const results: ClaimResult[] = [];
  // Annotated lines: when they appear, relative to the block's first annotated line.
  let origin: number | null = null;
  stated.lines.forEach((line, s) => {
    const i = indices[s]!;
    if (line.at === null || i < 0) return;
    const t = actual[i]!.t;
    if (origin === null) origin = t - line.at;
    const observed = t - origin;
    results.push({
      kind: 'line-time', text: line.raw.trim(), sourceLine: line.sourceLine, expected: line.at, actual: round(observed),
      approximate: line.approximate, tolerance: tolerance(line.at, line.approximate), ok: within(observed, line.at, line.approximate),
    });
  });
  // Elapsed times and clock readings printed in a stated line, and clock stamps (by their differences).
  let previousClock: { stated: number; decimals: number; t: number } | null = null;
  stated.lines.forEach((line, s) => {
    if (indices[s]! < 0) return;
    const t = actual[indices[s]!]!.t;
    for (const capture of captures[s]!) {
      if (capture.kind === 'seconds' || capture.kind === 'reading') {
        const allowed = readingTolerance(capture.decimals);
        results.push({
          kind: 'printed-time', text: line.raw.trim(), sourceLine: line.sourceLine, expected: round(capture.stated), actual: capture.value,
          approximate: false, tolerance: allowed, ok: captureWithin(capture),
        });
      } else if (capture.kind === 'clock') {
        if (previousClock) {
          const step = round(capture.stated - previousClock.stated);
          const dt = t - previousClock.t;
          let ok: boolean;
          let allowed: number;
          if (capture.decimals > 0 && previousClock.decimals > 0) {
            // Stamps with fractions of a second: the step itself, within the clock's jitter.
            allowed = readingTolerance(Math.min(capture.decimals, previousClock.decimals));
            ok = Math.abs(step - dt) <= allowed + 1e-9;
          } else {
            // Stamps of whole seconds, pasted from a real run: a step of dt seconds shows as
            // floor(dt) or one more (the start's fraction of a second, a few ms of jitter).
            allowed = 1;
            ok = step >= Math.floor(dt + 1e-9) && step <= Math.ceil(dt + CLOCK_JITTER);
          }
          results.push({
            kind: 'clock-step', text: line.raw.trim(), sourceLine: line.sourceLine, expected: step, actual: round(dt),
            approximate: false, tolerance: allowed, ok,
          });
        }
        previousClock = { stated: capture.stated, decimals: capture.decimals, t };
      }
    }
  });
  return results;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * A stated line whose annotation-like ending was really printed (`다운로드 완료 (2.0초)` from
 * `print(f"다운로드 완료 ({t:.1f}초)")`) is text to compare, not a claim about when it appears.
 */
function printedAnnotations(stated: StatedOutput, actual: ActualLine[]): StatedOutput {
  const printedAnywhere = (text: string) => {
    const matcher = lineMatcher(text);
    return actual.some((a) => matchLine(matcher, a.text) !== null);
  };
  const lines = stated.lines.map((line) =>
    line.at !== null && !printedAnywhere(line.text) && printedAnywhere(line.raw.trim()) ? { ...line, text: line.raw.trim(), at: null } : line);
  return { ...stated, lines };
}

/**
 * A placeholder the author wrote that stood for something other than its own text (an ellipsis for
 * nothing says nothing; the ellipses the reader puts around the items of an order are not the author's).
 */
function placeholderNotes(stated: StatedOutput, captures: Capture[][]): PlaceholderNote[] {
  const notes: PlaceholderNote[] = [];
  stated.lines.forEach((line, s) => {
    for (const c of captures[s] ?? []) {
      if (c.kind !== 'placeholder' || c.text === '' || c.text === c.statedText || !line.raw.includes(c.statedText)) continue;
      if (!notes.some((n) => n.line === line.sourceLine && n.stated === c.statedText && n.printed === c.text)) {
        notes.push({ line: line.sourceLine, stated: c.statedText, printed: c.text });
      }
    }
  });
  return notes;
}

/** A remark (`# 총 3초 소요` among the lines of output) the run does not print is the document's claim, not a line. */
function withoutUnprintedRemarks(stated: StatedOutput, actual: ActualLine[]): StatedOutput {
  if (!stated.lines.some((l) => l.remark)) return stated;
  const lines = stated.lines.filter((l) => {
    if (!l.remark) return true;
    const matcher = lineMatcher(l.text);
    return actual.some((a) => matchLine(matcher, a.text) !== null);
  });
  return { ...stated, lines };
}

const lastIndex = (indices: number[]) => Math.max(-1, ...indices);

/**
 * `prefixOnly`: the program stopped early (it raised, or never ends): a complete stated output is
 * compared with what was printed until then, and need not reach the end of it.
 */
export function compareStated(statedOutputs: StatedOutput[], actual: ActualLine[], label: string, options: { prefixOnly?: boolean } = {}): Comparison {
  const problems: Problem[] = [];
  const claims: ClaimResult[] = [];
  const failedBlocks: StatedOutput[] = [];
  const notes: PlaceholderNote[] = [];
  // Blocks of one cell describe its programs in order: each is matched after the lines the one
  // before matched. Several complete outputs are taken in turn, each its own program's lines (the
  // last one up to the end), and failing that each as the whole output.
  const outputs = statedOutputs.filter((s) => s.kind === 'output');
  let from = 0;
  let outputFrom = 0;
  for (const given of statedOutputs) {
    const stated = withoutUnprintedRemarks(printedAnnotations(given, actual), actual);
    if (stated.lines.length === 0) continue;
    let match;
    if (stated.kind === 'order') {
      match = matchSequence(stated, actual, from);
      if (match) from = Math.max(from, lastIndex(match.indices) + 1);
    } else if (stated.kind === 'output' && outputs.length > 1) {
      const last = given === outputs.at(-1);
      match = matchSequence(stated, actual, outputFrom, last && !options.prefixOnly) ?? matchSequence(stated, actual, 0, !options.prefixOnly);
      if (match) outputFrom = Math.max(outputFrom, lastIndex(match.indices) + 1);
    } else {
      match = matchSequence(stated, actual, 0, !options.prefixOnly);
    }
    if (!match) {
      failedBlocks.push(stated);
      problems.push({ kind: stated.kind === 'print-value' ? 'print-value' : 'output', line: stated.sourceLine });
      continue;
    }
    claims.push(...timingClaimsOf(stated, actual, match.indices, match.captures));
    notes.push(...placeholderNotes(stated, match.captures));
  }
  for (const claim of claims) {
    if (!claim.ok) problems.push({ kind: 'line-time', line: claim.sourceLine, text: claim.text, expected: claim.expected, actual: claim.actual });
  }
  const diff = failedBlocks.length > 0 ? unifiedDiff(failedBlocks, actual, label) : null;
  return { ok: problems.length === 0, problems, claims, diff, notes };
}

/**
 * The stated lines as the diff shows them: a line that matches the printed line it lines up with (in
 * order, within its tolerance: a reading, a placeholder, another address) is shown as printed, so
 * that only what really differs shows as a change.
 */
function shownAsPrinted(lines: string[], actual: ActualLine[]): string[] {
  let next = 0;
  return lines.map((text) => {
    if (lineMatcher(text).wildcardLine) return text;
    const matcher = lineMatcher(text);
    const k = actual.findIndex((a, i) => i >= next && matchesWithin(matcher, a.text));
    if (k < 0) return text;
    next = k + 1;
    return actual[k]!.text;
  });
}

function unifiedDiff(blocks: StatedOutput[], actual: ActualLine[], label: string): string {
  const stated = blocks.flatMap((b) => shownAsPrinted(b.lines.map((l) => l.text), actual)).join('\n') + '\n';
  const real = actual.map((l) => l.text).join('\n') + (actual.length ? '\n' : '');
  return createPatch(label, stated, real, 'stated in the document', 'printed by the run');
}
