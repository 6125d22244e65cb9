// Timing claims written in code comments, checked against the run's per-statement timing and output.
import type { CellRun } from '../kernel/types.ts';
import type { TimingClaim } from '../source/model.ts';
import type { ActualLine, ClaimResult } from './compare.ts';
import { tolerance, within } from './tolerance.ts';

/** `# 총 3초 소요`: the top-level statements since the previous such claim took N seconds. */
function checkTotal(claim: TimingClaim, run: CellRun, since: number): { result: ClaimResult; until: number } {
  const before = run.statements.filter((s) => s.endLine < claim.codeLine);
  const anchor = before.at(-1);
  const base = { kind: 'total' as const, text: claim.text, sourceLine: claim.sourceLine, expected: claim.seconds, approximate: claim.approximate, tolerance: tolerance(claim.seconds, claim.approximate) };
  if (!anchor || anchor.end === null) {
    return { result: { ...base, actual: null, ok: true, unchecked: 'the code it describes did not finish' }, until: since };
  }
  const actual = Math.round((anchor.end - since) * 1e6) / 1e6;
  return { result: { ...base, actual, ok: within(actual, claim.seconds, claim.approximate) }, until: anchor.end };
}

/** `print(f"소요 시간: {...:.2f}초")  # 약 3초`: the number that print wrote. */
function checkPrinted(claim: TimingClaim, code: string, lines: ActualLine[]): ClaimResult {
  const base = { kind: 'printed' as const, text: claim.text, sourceLine: claim.sourceLine, expected: claim.seconds, approximate: claim.approximate, tolerance: tolerance(claim.seconds, claim.approximate) };
  const source = code.split('\n')[claim.codeLine - 1] ?? '';
  const literal = /print\(\s*f?(["'])(.*?)\{/.exec(source);
  const prefix = literal?.[2] ?? null;
  const line = prefix !== null ? lines.find((l) => l.text.startsWith(prefix)) : undefined;
  const number = line ? /(\d+(?:\.\d+)?)/.exec(line.text.slice(prefix!.length)) : null;
  if (!number) return { ...base, actual: null, ok: false, unchecked: undefined };
  const actual = Number(number[1]);
  return { ...base, actual, ok: within(actual, claim.seconds, claim.approximate) };
}

export function checkClaims(claims: TimingClaim[], run: CellRun, code: string, lines: ActualLine[]): ClaimResult[] {
  const results: ClaimResult[] = [];
  let since = 0;
  for (const claim of [...claims].sort((a, b) => a.codeLine - b.codeLine)) {
    if (claim.kind === 'total') {
      const { result, until } = checkTotal(claim, run, since);
      results.push(result);
      since = until;
    } else {
      results.push(checkPrinted(claim, code, lines));
    }
  }
  return results;
}
