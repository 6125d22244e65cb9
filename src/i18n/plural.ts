// Counted words: English says "1 cell" and "2 cells", Korean has one form ("셀 1개"). The forms a
// language needs come from Intl.PluralRules, so a table gives exactly those and nothing else.
export type Locale = 'ko' | 'en';

/** The forms of a counted phrase: `other` always; `one` where the language has it (English). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<Locale, Intl.PluralRules>();

/** The form of `forms` for `n` in `locale`, with `{n}` replaced by the number. */
export function plural(locale: Locale, n: number, forms: PluralForms): string {
  let rule = rules.get(locale);
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)));
  const form = forms[rule.select(n)] ?? forms.other;
  return form.replaceAll('{n}', String(n));
}
