// The documents' language when nothing says it: Korean when a good share of their prose is Hangul,
// English otherwise (the two languages the site's own words exist in). Code blocks are left out:
// Korean documents are full of English identifiers, English ones never of Hangul.
import { readFileSync } from 'node:fs';
import type { SiteLanguage } from './schema.ts';

/** Enough of each document to tell; a book-length one need not be read whole. */
const SAMPLE = 200_000;

export function textLanguage(text: string): SiteLanguage | null {
  const prose = text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  const hangul = prose.match(/[\uAC00-\uD7A3]/gu)?.length ?? 0;
  const latin = prose.match(/[A-Za-z]/g)?.length ?? 0;
  if (hangul + latin === 0) return null;
  // A Hangul syllable is a whole syllable; a Latin letter a fraction of a word: one in five is a lot.
  return hangul * 5 >= hangul + latin ? 'ko' : 'en';
}

export function detectLanguage(files: string[]): SiteLanguage | null {
  const text = files.map((file) => {
    try {
      return readFileSync(file, 'utf8').slice(0, SAMPLE);
    } catch {
      return '';
    }
  }).join('\n');
  return textLanguage(text);
}
