// One diff for readers, at build time (Diff.astro: an erratum) and in the browser (runner/diff-dom.ts:
// a reader's run): the check's unified diff as rows of removed lines (stated in the document), added
// lines (printed by the run) and shared context, with a legend in the page's language and none of
// the patch's headers (emit/diff-lines.ts reads them away). Pure: the two renderers only turn these
// rows into elements, so a page shows both diffs the same way.
import { diffLines, type DiffLineKind } from '../emit/diff-lines.ts';
import { labels } from './labels.ts';

export interface DiffRow {
  kind: DiffLineKind;
  /** The marker in the gutter: colour is never the only sign of what a line is. */
  mark: string;
  /** What the line is, for screen readers ('' for a note, which says so itself). */
  spoken: string;
  text: string;
}

export interface DiffView {
  legend: { removed: string; added: string };
  /** The accessible name of the diff as a whole. */
  label: string;
  rows: DiffRow[];
}

const MARKS: Record<DiffLineKind, string> = { removed: '-', added: '+', context: ' ', gap: '⋯', note: ' ' };

export function diffView(patch: string, locale: 'ko' | 'en'): DiffView {
  const t = labels[locale].diff;
  const spoken: Record<DiffLineKind, string> = { removed: t.removed, added: t.added, context: t.context, gap: t.gap, note: '' };
  return {
    legend: { removed: t.removed, added: t.added },
    label: t.legend,
    rows: diffLines(patch).map((line) => ({ kind: line.kind, mark: MARKS[line.kind], spoken: spoken[line.kind], text: line.text })),
  };
}
