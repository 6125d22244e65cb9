// One table per language, one shape for all (src/i18n/ko.ts defines it): every word the site says
// itself comes from here; the documents' own words come from the documents and their translations.
import { en } from './en.ts';
import { ko, type Strings } from './ko.ts';
import type { Locale } from './plural.ts';

export type { Strings, Locale };
export { plural } from './plural.ts';

export const strings: Record<Locale, Strings> = { ko, en };
export const LOCALES: Locale[] = ['ko', 'en'];
