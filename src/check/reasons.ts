// Why a cell got its verdict, as data, and the sentence that says it in each locale (the sentences
// are in src/i18n/). The English sentence is the report's `reason` (JSON, JUnit, CI annotations);
// pages show the reader's locale. Details that come from elsewhere (Python's error messages, a
// setting's reason) are quoted as they are; the comparison's problems are data too.
import { strings } from '../i18n/index.ts';

export type { PlaceholderNote, Problem, ReasonLocale, UncheckedCause, Why } from './why.ts';
import type { Problem, ReasonLocale, Why } from './why.ts';

/** A problem as a sentence in a locale (English for reports). */
export function problemText(problem: Problem, locale: ReasonLocale = 'en'): string {
  return (strings[locale].problems[problem.kind] as (p: Problem) => string)(problem);
}

export function reasonText(why: Why, locale: ReasonLocale = 'en'): string {
  if (why.code === 'mismatch') {
    const problems = why.problems.map((p) => problemText(p, locale)).join('; ');
    const head = strings[locale].reasons.mismatch(why);
    return head ? `${head}: ${problems}` : problems;
  }
  return (strings[locale].reasons[why.code] as (w: Why) => string)(why);
}
