// The errata page's data and the rules that shape it, shared by the build (src/emit/site.ts, which
// writes one page per filter so filters work without JavaScript), the page (src/components/Errata.astro)
// and its in-place filter script. Pure and free of Node: the browser imports it too.
import type { TextPart } from './reason.ts';

export interface ErrataRow {
  href: string;
  label: string;
  /** `file:line` as text. */
  source: string;
  /** The line in the repository, when package.json names one (src/emit/repository.ts). */
  sourceUrl: string | null;
  /** The document's slug. */
  document: string;
  verdict: string;
  /** The reader's word for the verdict. */
  word: string;
  acknowledged: boolean;
  reason: TextPart[];
  /** The unified diff of stated against printed output, when there is one. */
  diff: string | null;
}

export interface ErrataDocument {
  slug: string;
  title: string;
}

export type ErrataFilter = { kind: 'verdict' | 'document'; value: string } | null;

export interface ErrataData {
  locale: 'ko' | 'en';
  /** The unfiltered page, e.g. `/en/errata/`. */
  base: string;
  documents: ErrataDocument[];
  /** Every cell of every document, in reading order. */
  rows: ErrataRow[];
  /** What this page shows; the other rows are on it too, hidden, so a script can filter in place. */
  filter: ErrataFilter;
}

/** Verdicts that pass CI as they are: every other row is an erratum for the maintainer. */
const PASSING = new Set(['verified', 'ran', 'expected-error', 'skipped']);

/** The order verdicts are counted in: errata first, as a maintainer reads them. */
export const VERDICT_ORDER = ['drift', 'error', 'hangs', 'verified', 'ran', 'expected-error', 'skipped'];

export function isErratum(verdict: string): boolean {
  return !PASSING.has(verdict);
}

export function matches(row: Pick<ErrataRow, 'verdict' | 'document'>, filter: ErrataFilter): boolean {
  if (!filter) return true;
  return filter.kind === 'verdict' ? row.verdict === filter.value : row.document === filter.value;
}

/** The path of a filter's page (`/en/errata/drift/`, `/en/errata/document/asyncio-basics/`). */
export function filterPath(base: string, filter: ErrataFilter): string {
  if (!filter) return base;
  return filter.kind === 'verdict' ? `${base}${filter.value}/` : `${base}document/${filter.value}/`;
}

/** The same as a page file's path below the locale (`errata/drift`), for the build. */
export function filterPageName(filter: Exclude<ErrataFilter, null>): string {
  return filter.kind === 'verdict' ? `errata/${filter.value}` : `errata/document/${filter.value}`;
}

function rank(verdict: string): number {
  const i = VERDICT_ORDER.indexOf(verdict);
  return i < 0 ? VERDICT_ORDER.length : i;
}

/** How many rows have each verdict, errata verdicts first; verdicts no row has are left out. */
export function verdictCounts(rows: ErrataRow[]): { verdict: string; word: string; count: number }[] {
  const counts = new Map<string, { verdict: string; word: string; count: number }>();
  for (const row of rows) {
    const entry = counts.get(row.verdict) ?? { verdict: row.verdict, word: row.word, count: 0 };
    entry.count++;
    counts.set(row.verdict, entry);
  }
  return [...counts.values()].sort((a, b) => rank(a.verdict) - rank(b.verdict) || a.verdict.localeCompare(b.verdict));
}

/** Per document: its cells, its errata, and how many of those are not acknowledged. */
export function documentCounts(data: Pick<ErrataData, 'documents' | 'rows'>): { slug: string; title: string; cells: number; errata: number; open: number }[] {
  return data.documents.map((d) => {
    const own = data.rows.filter((r) => r.document === d.slug);
    const errata = own.filter((r) => isErratum(r.verdict));
    return { slug: d.slug, title: d.title, cells: own.length, errata: errata.length, open: errata.filter((r) => !r.acknowledged).length };
  });
}

/** The errata grouped by document (documents without errata left out), then the passing rows. */
export function arrange(data: Pick<ErrataData, 'documents' | 'rows'>): { groups: { document: ErrataDocument; rows: ErrataRow[] }[]; passing: ErrataRow[] } {
  const groups = data.documents
    .map((document) => ({ document, rows: data.rows.filter((r) => r.document === document.slug && isErratum(r.verdict)) }))
    .filter((g) => g.rows.length > 0);
  return { groups, passing: data.rows.filter((r) => !isErratum(r.verdict)) };
}

/** Every filter that selects at least one row: the pages the build writes. */
export function filters(data: Pick<ErrataData, 'documents' | 'rows'>): Exclude<ErrataFilter, null>[] {
  return [
    ...verdictCounts(data.rows).map((c) => ({ kind: 'verdict' as const, value: c.verdict })),
    ...data.documents.filter((d) => data.rows.some((r) => r.document === d.slug)).map((d) => ({ kind: 'document' as const, value: d.slug })),
  ];
}
