// The prose's claims of order and period (src/source/prose-order.ts) against the printed lines: the
// lines it names appear in its order, each wait since the line before is the one it says, a line
// said to come every N seconds does. A claim whose words name no printed line is unreadable: the
// check drops it (`readable`), so that it neither fails nor passes a block.
import type { TimingClaim } from '../source/model.ts';
import type { ActualLine, ClaimResult } from './compare.ts';
import { tolerance, within } from './tolerance.ts';

const WORD = /[A-Za-z0-9_]/;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Does a printed line contain the words, whole where they are Latin (`A` is not in `All`)? */
export function namesLine(marker: string, line: string): boolean {
  const head = WORD.test(marker[0] ?? '') ? '(?<![A-Za-z0-9_])' : '';
  const tail = WORD.test(marker.at(-1) ?? '') ? '(?![A-Za-z0-9_])' : '';
  return new RegExp(`${head}${escape(marker).replace(/\s+/g, '\\s+')}${tail}`, 'iu').test(line);
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

type Reading = { results: ClaimResult[]; ok: boolean };

/** One reading of a sequence's waits: each since the step before, or each since the start. */
function readSequence(claim: TimingClaim, lines: ActualLine[], candidates: number[][], fromStart: boolean): Reading {
  const steps = claim.steps!;
  const base = { text: claim.text, sourceLine: claim.sourceLine, approximate: true, found: claim.found };
  const results: ClaimResult[] = [];
  let previous = -1;
  for (let k = 0; k < steps.length; k++) {
    const step = steps[k]!;
    const options = candidates[k]!.filter((i) => i > previous);
    if (options.length === 0) {
      // A later step printed only before the one it follows: the order is wrong.
      results.push({ kind: 'order', ...base, expected: steps.length, actual: k, tolerance: 0, ok: false, before: steps[k - 1]!.marker, after: step.marker });
      return { results, ok: false };
    }
    let chosen = options[0]!;
    if (step.gap !== null) {
      const since = fromStart || previous < 0 ? 0 : lines[previous]!.t;
      // A line printed more than once (a loop, several tasks): the one nearest the time said.
      chosen = options.reduce((a, b) => (Math.abs(lines[b]!.t - since - step.gap!) < Math.abs(lines[a]!.t - since - step.gap!) ? b : a));
      const actual = round(lines[chosen]!.t - since);
      results.push({
        kind: 'gap', ...base, expected: step.gap, actual, tolerance: tolerance(step.gap, true), ok: within(actual, step.gap, true),
        before: previous < 0 || fromStart ? undefined : steps[k - 1]!.marker, after: step.marker,
      });
    }
    previous = chosen;
  }
  results.unshift({ kind: 'order', ...base, expected: steps.length, actual: steps.length, tolerance: 0, ok: true });
  return { results, ok: results.every((r) => r.ok) };
}

/** "先打印 start，两秒后打印 end", `A → B → C`: null when a step names no printed line. */
export function checkSequence(claim: TimingClaim, lines: ActualLine[]): ClaimResult[] | null {
  const steps = claim.steps ?? [];
  const candidates = steps.map((s) => lines.flatMap((l, i) => (namesLine(s.marker, l.text) ? [i] : [])));
  if (steps.length < 2 || candidates.some((c) => c.length === 0)) return null;
  const relative = readSequence(claim, lines, candidates, false);
  // "1秒后打印 A，2秒后打印 B" may count both waits from the start: either reading holds the claim.
  if (!relative.ok && steps[0]!.gap !== null) {
    const fromStart = readSequence(claim, lines, candidates, true);
    if (fromStart.ok) return fromStart.results;
  }
  return relative.results;
}

/** The lines a period is about: those the prose quotes, else the lines of the shape printed most often. */
function repeatedLines(claim: TimingClaim, lines: ActualLine[]): ActualLine[] | null {
  if (claim.marker) {
    const named = lines.filter((l) => namesLine(claim.marker!, l.text));
    if (named.length >= 2) return named;
  }
  const groups = new Map<string, ActualLine[]>();
  for (const line of lines) {
    const shape = line.text.replace(/\d+(?:\.\d+)?/g, '#').trim();
    groups.set(shape, [...(groups.get(shape) ?? []), line]);
  }
  const sizes = [...groups.values()].sort((a, b) => b.length - a.length);
  if (sizes.length === 0) return null;
  // Every line different: "one line a second" is about all of them.
  if (sizes[0]!.length === 1) return lines.length >= 2 ? lines : null;
  // Two shapes printed as often: the reader cannot tell which line the prose means.
  if (sizes[1] && sizes[1].length === sizes[0]!.length) return null;
  return sizes[0]!;
}

/** "每秒输出一行", "1초마다 한 줄씩": the widest gap between two such lines against the period. */
export function checkEvery(claim: TimingClaim, lines: ActualLine[]): ClaimResult[] | null {
  const repeated = repeatedLines(claim, lines);
  if (!repeated) return null;
  let worst = { gap: 0, from: repeated[0]!, to: repeated[1]!, off: -1 };
  for (let k = 1; k < repeated.length; k++) {
    const gap = repeated[k]!.t - repeated[k - 1]!.t;
    const off = Math.abs(gap - claim.seconds);
    if (off > worst.off) worst = { gap, from: repeated[k - 1]!, to: repeated[k]!, off };
  }
  const actual = round(worst.gap);
  return [{
    kind: 'gap', text: claim.text, sourceLine: claim.sourceLine, approximate: true, found: claim.found, expected: claim.seconds, actual,
    tolerance: tolerance(claim.seconds, true), ok: within(actual, claim.seconds, true), before: worst.from.text, after: worst.to.text,
  }];
}

/** A claim the printed lines let the check read: a claim of order or period that names none is no claim. */
export function readable(claim: TimingClaim, lines: ActualLine[]): boolean {
  if (claim.kind === 'sequence') return checkSequence(claim, lines) !== null;
  if (claim.kind === 'every') return checkEvery(claim, lines) !== null;
  return true;
}
