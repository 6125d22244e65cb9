// A diff view (components/diff-view.ts) as elements, for a reader's run: the same markup as
// Diff.astro renders at build time, so the site's diff styles apply to both. Text only: every line
// is the document's or the run's, never markup.
import type { DiffView } from '../diff-view.ts';

function span(className: string, ...children: (Node | string)[]): HTMLSpanElement {
  const el = document.createElement('span');
  el.className = className;
  el.append(...children);
  return el;
}

function mark(text: string): HTMLSpanElement {
  const el = span('diff-mark', text);
  el.setAttribute('aria-hidden', 'true');
  return el;
}

export function renderDiff(view: DiffView): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = 'diff-view';
  figure.dataset.diff = '';
  const legend = document.createElement('figcaption');
  legend.className = 'diff-legend';
  legend.append(span('diff-key diff-removed', mark('-'), ` ${view.legend.removed}`), span('diff-key diff-added', mark('+'), ` ${view.legend.added}`));
  const pre = document.createElement('pre');
  pre.className = 'diff';
  pre.setAttribute('aria-label', view.label);
  for (const row of view.rows) {
    const line = span(`diff-line diff-${row.kind}`, mark(row.mark));
    line.dataset.kind = row.kind;
    if (row.spoken) line.append(span('sr-only', `${row.spoken}: `));
    line.append(`${row.text}\n`);
    pre.append(line);
  }
  figure.append(legend, pre);
  return figure;
}
