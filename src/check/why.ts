// What a verdict is and why a cell got it, as data: types only, importing nothing, so that the
// sentences (src/i18n/) and the rules that decide (src/check/verdict.ts, reasons.ts) both depend on
// this module and never on each other.

export type Verdict = 'verified' | 'drift' | 'ran' | 'expected-error' | 'error' | 'hangs' | 'skipped';

export type Why =
  | { code: 'not-python'; detail: string }
  | { code: 'skip'; detail: string }
  /** Its fence's info string says not to run it (`python no-run`). */
  | { code: 'fence-no-run'; marker: string }
  | { code: 'not-run' }
  | { code: 'never-ends'; status: 'hangs' | 'timeout'; detail: string; stated: boolean }
  | { code: 'expected-error'; ename: string; by: 'setting' | 'cue' | 'text'; detail: string }
  | { code: 'illustration' }
  /** A fragment of a program, as the page shows them: it stopped at `name`, which no block of the page binds. */
  | { code: 'fragment'; name: string }
  /** Only defines what nothing here calls; the output stated at `line` (of the source document) is a later call's. */
  | { code: 'stated-for-later'; line: number }
  /** Does not compile: `line` is the line of the error in the source document (null: not known). */
  | { code: 'syntax-error'; ename: string; line: number | null; detail: string }
  /** Does not compile, and is pseudo-code: its settings say so, its prose, or its code (an API signature, a placeholder at the error). */
  | { code: 'pseudo-code'; by: 'setting' | 'prose' | 'signature' | 'placeholder'; detail: string }
  | { code: 'reads-input' }
  | { code: 'server-elsewhere'; language: string; detail: string }
  /** Needs what the sandbox does not provide (a network, a process, …): what the run was refused, and what its verdict would have been. */
  | { code: 'runtime-limit'; limit: string; instead: string }
  | { code: 'announced-hang'; detail: string; said: string }
  | { code: 'does-not-raise'; said: string; line: number }
  | { code: 'raises'; ename: string; line: number | null; detail: string; stated: boolean }
  | { code: 'ran' }
  | { code: 'mismatch'; problems: Problem[] }
  | { code: 'verified'; notes?: PlaceholderNote[] };

/** A placeholder the document wrote (`<your file>`, `0x...`) and what the run printed in its place. */
export interface PlaceholderNote {
  line: number;
  stated: string;
  printed: string;
}

/**
 * Why a timing claim had nothing to be checked against. `not-timed`: the run never timed the
 * statements it describes (a run that was not asked for their segment), so nothing says it holds.
 */
export type UncheckedCause = 'not-timed';

export type ReasonLocale = 'ko' | 'en';

/**
 * One difference between what a document says and what ran, as data: the page tells it in the
 * reader's language, the report in English (src/i18n/). `line` is a line of the source document.
 */
export type Problem =
  | { kind: 'output'; line: number }
  | { kind: 'print-value'; line: number }
  | { kind: 'line-time'; line: number; text: string; expected: number; actual: number | null }
  | { kind: 'claim-time'; line: number; text: string; expected: number; actual: number }
  /** `cause` absent: no printed time found; `not-timed`: the run has no timing of the code the claim describes. */
  | { kind: 'claim-unchecked'; line: number; text: string; cause?: UncheckedCause }
  | { kind: 'claim-order'; line: number; text: string; before: string; after: string }
  | { kind: 'claim-gap'; line: number; text: string; before: string | null; after: string; expected: number; actual: number }
  | { kind: 'event-time'; line: number; description: string; expected: number; printed: string; actual: number }
  | { kind: 'shown-traceback'; line: number; shown: string; ename: string; evalue: string }
  | { kind: 'session-output'; line: number; shows: string; printed: string }
  | { kind: 'session-no-raise'; line: number; shows: string }
  | { kind: 'session-other-raise'; line: number; shows: string; raised: string }
  | { kind: 'session-unshown-raise'; line: number; raised: string };
