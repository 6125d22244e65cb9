// How close a timing must be. Virtual time is exact, so a plain claim ("총 3초", "(1초 후)") must
// match to within rounding (0.05 s); a claim written with 약/about gets 20% or 0.5 s, whichever is larger.

export const EXACT_TOLERANCE = 0.05;
export const APPROXIMATE_RELATIVE = 0.2;
export const APPROXIMATE_ABSOLUTE = 0.5;

export function tolerance(expected: number, approximate: boolean): number {
  return approximate ? Math.max(APPROXIMATE_ABSOLUTE, Math.abs(expected) * APPROXIMATE_RELATIVE) : EXACT_TOLERANCE;
}

export function within(actual: number, expected: number, approximate: boolean): boolean {
  return Math.abs(actual - expected) <= tolerance(expected, approximate) + 1e-9;
}

// A reading of a real clock pasted from the author's run (`elapsed: 3.0031824111938477`, `用时3.0019秒`,
// stamps with fractions) is later than the virtual one by the interpreter's own work: a few
// milliseconds, up to CLOCK_JITTER. Written with d decimals it also stands for anything that rounds
// to it, half a unit of its last digit either way: `3.0` for 2.95 to 3.05, `3` for 2.5 to 3.5.
export const CLOCK_JITTER = 0.05;

export function readingTolerance(decimals: number): number {
  return Math.round((CLOCK_JITTER + 0.5 * 10 ** -decimals) * 1e9) / 1e9;
}
