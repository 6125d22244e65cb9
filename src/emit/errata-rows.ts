// One row of the errata page per checked cell: shared by the generated site (src/emit/site.ts) and
// the Starlight plugin's errata page for a site's own pages (src/integration/).
import type { CheckedCell } from '../check/run.ts';
import { strings } from '../i18n/index.ts';
import { capText } from './limits.ts';
import { erratumParts } from './reason.ts';
import { sourceLineUrl } from './repository.ts';
import { linkSourceLines } from './source-links.ts';
import type { ErrataRow } from './errata.ts';
import type { Locale } from './mdx.ts';

export interface RowPlace {
  /** The cell on its page. */
  href: string;
  /** The document's slug (the errata page's document filter). */
  document: string;
  repository: string | null;
}

export function errataRow({ cell, verdict }: Pick<CheckedCell, 'cell' | 'verdict'>, locale: Locale, place: RowPlace): ErrataRow {
  return {
    href: place.href,
    label: `${place.document} #${cell.index}`,
    source: `${cell.file}:${cell.line}`,
    sourceUrl: sourceLineUrl(place.repository, cell.file, cell.line),
    document: place.document,
    verdict: verdict.verdict,
    word: strings[locale].verdicts[verdict.verdict] ?? verdict.verdict,
    acknowledged: verdict.acknowledged !== null,
    reason: linkSourceLines(erratumParts(verdict, locale), locale, (line) => sourceLineUrl(place.repository, cell.file, line)),
    diff: verdict.diff === null ? null : capText(verdict.diff),
  };
}
