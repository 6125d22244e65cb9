// The errata page of a Starlight site's own pages: one row per checked cell, linked to the cell on
// its page (the page's address as Starlight makes it from the file's path).
import { relative } from 'node:path';
import { slug } from 'github-slugger';
import type { CheckedDocument } from '../check/run.ts';
import type { ErrataData } from '../emit/errata.ts';
import { errataRow } from '../emit/errata-rows.ts';
import type { Locale } from '../emit/mdx.ts';

/** Where the errata page is (and below it, a page per filter). */
export const ERRATA_BASE = '/errata/';

/** The page's slug as Starlight makes it: each folder and the file name slugged, `index` for the folder itself. */
export function pageSlug(docsDir: string, file: string): string {
  const parts = relative(docsDir, file).replace(/\.(md|mdx|markdown)$/i, '').split(/[\\/]/).map((p) => slug(p));
  if (parts[parts.length - 1] === 'index') parts.pop();
  return parts.join('/');
}

export function pageErrata(documents: CheckedDocument[], docsDir: string, locale: Locale, repository: string | null): ErrataData {
  const rows = documents.flatMap(({ document, cells }) => {
    const page = pageSlug(docsDir, document.file);
    const href = page === '' ? '/' : `/${page}/`;
    return cells.map((checked) => errataRow(checked, locale, { href: `${href}#cell-${checked.cell.key}`, document: page || 'index', repository }));
  });
  const docs = documents.map(({ document }) => ({ slug: pageSlug(docsDir, document.file) || 'index', title: document.title }));
  return { locale, base: ERRATA_BASE, documents: docs, rows, filter: null };
}
