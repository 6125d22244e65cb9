// The cell components' words, per locale: a view of the translation tables (src/i18n/), kept so
// the components and scripts that import `labels` need not change.
import { strings } from '../i18n/index.ts';

const view = (locale: 'ko' | 'en') => {
  const s = strings[locale];
  return { verdicts: s.verdicts, ...s.cell, diff: s.diff, errata: s.errata, transforms: s.transforms };
};

export const labels = { ko: view('ko'), en: view('en') };
