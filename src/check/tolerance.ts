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
