// Timing claims written in code comments, checked against the run's per-statement timing and output.
import type { CellRun } from '../kernel/types.ts';
import type { TimingClaim } from '../source/model.ts';
import type { ActualLine, ClaimResult } from './compare.ts';
import { lineMatcher, matchLine } from './normalize.ts';
import { tolerance, within } from './tolerance.ts';
import { checkEvery, checkSequence } from './order-claims.ts';

/** `# 총 3초 소요`: the top-level statements since the previous such claim took N seconds. */
function checkTotal(claim: TimingClaim, run: CellRun, since: number, code: string): { result: ClaimResult; until: number } {
  const base = { kind: 'total' as const, text: claim.text, sourceLine: claim.sourceLine, expected: claim.seconds, approximate: claim.approximate, tolerance: tolerance(claim.seconds, claim.approximate) };
  if (claim.segment) return { result: checkSegment(claim, run, base), until: since };
  let from: number | null;
  let anchor;
  if (claim.scope === 'after') {
    // The contiguous block of code right below the comment (up to the next blank line).
    const lines = code.split('\n');
    let last = claim.codeLine;
    while (last < lines.length && lines[last]!.trim() !== '') last++;
    const block = run.statements.filter((s) => s.line > claim.codeLine && s.endLine <= last);
    anchor = block.at(-1);
    from = block[0]?.start ?? null;
  } else {
    anchor = run.statements.filter((s) => s.endLine < claim.codeLine || (claim.trailing === true && s.line <= claim.codeLine && s.endLine >= claim.codeLine)).at(-1);
    from = since;
  }
  if (!anchor || anchor.end === null || from === null) {
    return { result: { ...base, actual: null, ok: true, unchecked: 'the code it describes did not finish' }, until: since };
  }
  const actual = Math.round((anchor.end - from) * 1e6) / 1e6;
  return { result: { ...base, actual, ok: within(actual, claim.seconds, claim.approximate) }, until: anchor.end };
}

/** A claim inside a function body: the statements it measures, timed by the kernel's brackets. */
function checkSegment(claim: TimingClaim, run: CellRun, base: Omit<ClaimResult, 'actual' | 'ok'>): ClaimResult {
  const { fromLine, toLine } = claim.segment!;
  const timing = (run.segments ?? []).find((s) => s.line === fromLine && s.endLine === toLine);
  // The kernel times every segment it is asked for (null where it never ran): one missing is a run
  // that was not asked, which measured nothing the claim could pass by.
  if (!timing) return { ...base, actual: null, ok: false, unchecked: 'the run did not time the code it describes', cause: 'not-timed' };
  if (timing.start === null || timing.end === null) {
    return { ...base, actual: null, ok: true, unchecked: 'the code it describes did not run to its end' };
  }
  const actual = Math.round((timing.end - timing.start) * 1e6) / 1e6;
  return { ...base, actual, ok: within(actual, claim.seconds, claim.approximate) };
}

/** `print(f"소요 시간: {...:.2f}초")  # 약 3초`: the number that print wrote. */
function checkPrinted(claim: TimingClaim, code: string, lines: ActualLine[]): ClaimResult {
  const base = { kind: 'printed' as const, text: claim.text, sourceLine: claim.sourceLine, expected: claim.seconds, approximate: claim.approximate, tolerance: tolerance(claim.seconds, claim.approximate) };
  const source = code.split('\n')[claim.codeLine - 1] ?? '';
  const literal = /print\(\s*f?(["'])(.*?)\{/.exec(source);
  const prefix = literal?.[2] ?? null;
  // The k-th print with this prefix in the code wrote the k-th line with it.
  const codeLines = code.split('\n');
  const occurrence = prefix === null ? 0 : codeLines.slice(0, claim.codeLine - 1).filter((l) => l.includes(`print(f"${prefix}`) || l.includes(`print(f'${prefix}`)).length;
  const line = prefix !== null ? lines.filter((l) => l.text.startsWith(prefix))[occurrence] : undefined;
  const number = line ? /(\d+(?:\.\d+)?)/.exec(line.text.slice(prefix!.length)) : null;
  if (!number) return { ...base, actual: null, ok: false, unchecked: undefined };
  const actual = Number(number[1]);
  return { ...base, actual, ok: within(actual, claim.seconds, claim.approximate) };
}

/** "This takes about 3 seconds" in the prose: the whole block's virtual time. */
function checkProgram(claim: TimingClaim, run: CellRun): ClaimResult {
  const base = { kind: 'program' as const, text: claim.text, sourceLine: claim.sourceLine, expected: claim.seconds, approximate: claim.approximate, tolerance: tolerance(claim.seconds, claim.approximate) };
  // A block that only defines what a later block runs takes no time of its own: nothing to check.
  if (run.status !== 'ok' || run.virtualSeconds === 0) return { ...base, actual: null, ok: true, unchecked: 'the block took no time of its own' };
  const actual = Math.round(run.virtualSeconds * 1e6) / 1e6;
  return { ...base, actual, ok: within(actual, claim.seconds, claim.approximate) };
}

/** `print(...)  # 약 3초 뒤 출력`: a line the print wrote appears at that time. */
function checkAppear(claim: TimingClaim, lines: ActualLine[]): ClaimResult {
  const base = { kind: 'appear' as const, text: claim.text, sourceLine: claim.sourceLine, expected: claim.seconds, approximate: claim.approximate, tolerance: tolerance(claim.seconds, claim.approximate) };
  const pattern = claim.pattern ? new RegExp(claim.pattern, 'su') : null;
  const candidates = lines.filter((l) => (pattern ? pattern.test(l.text.replace(/\s+/g, ' ')) : true));
  if (candidates.length === 0 || !pattern) return { ...base, actual: null, ok: true, unchecked: 'no printed line could be told apart as this print\'s' };
  // The print may run more than once (a loop, several tasks): one of its lines at that time is enough.
  const best = candidates.reduce((a, b) => (Math.abs(b.t - claim.seconds) < Math.abs(a.t - claim.seconds) ? b : a));
  return { ...base, actual: best.t, ok: within(best.t, claim.seconds, claim.approximate) };
}

export function checkClaims(claims: TimingClaim[], run: CellRun, code: string, lines: ActualLine[]): ClaimResult[] {
  const results: ClaimResult[] = [];
  let since = 0;
  // A remark written as a line of output that the run printed is that line, compared as output.
  const printed = (text: string) => {
    const matcher = lineMatcher(text);
    return lines.some((l) => matchLine(matcher, l.text) !== null);
  };
  for (const claim of [...claims].sort((a, b) => a.codeLine - b.codeLine)) {
    if (claim.unlessPrinted !== undefined && printed(claim.unlessPrinted)) continue;
    if (claim.kind === 'sequence' || claim.kind === 'every') {
      // An unreadable one names no printed line: it was dropped before (order-claims.ts, `readable`).
      results.push(...((claim.kind === 'sequence' ? checkSequence(claim, lines) : checkEvery(claim, lines)) ?? []));
    } else if (claim.kind === 'program') {
      results.push({ ...checkProgram(claim, run), found: claim.found });
    } else if (claim.kind === 'appear') {
      results.push({ ...checkAppear(claim, lines), found: claim.found });
    } else if (claim.kind === 'total') {
      const { result, until } = checkTotal(claim, run, since, code);
      results.push({ ...result, found: claim.found });
      since = until;
    } else {
      results.push({ ...checkPrinted(claim, code, lines), found: claim.found });
    }
  }
  return results;
}
