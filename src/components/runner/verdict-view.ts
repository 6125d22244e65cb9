// A reader's run as the cell's badge, figures, reason and diff (the verdict from check/live.ts).
import type { LiveVerdict } from '../../check/live.ts';
import { reasonText } from '../../check/reasons.ts';
import { linkSourceLines, type SourceLineBase } from '../../emit/source-links.ts';
import { formatSeconds } from '../../kernel/format.ts';
import type { CellRun } from '../../kernel/types.ts';
import { labels } from '../labels.ts';
import { diffView } from '../diff-view.ts';
import { renderDiff } from './diff-dom.ts';
import type { RunnableCell } from './cell-view.ts';
import { pageLocale, type RunnerLabels } from './labels.ts';

/**
 * The badge, figures, reason and diff of this run, judged in the page by the build's own rule
 * (check/live.ts), marked as this run's (and as of edited code when it is); `verdict` null when
 * the run cannot be judged, with `why`. Nothing of the build's verdict or figures stays beside it.
 */
export function showVerdict(cell: RunnableCell, verdict: LiveVerdict | null, run: CellRun | null, why: string, t: RunnerLabels) {
  const locale = pageLocale();
  const words = labels[locale];
  const head = cell.el.querySelector<HTMLElement>(':scope > .cell-head');
  let badge = head?.querySelector<HTMLElement>(':scope > .badge') ?? null;
  if (head && !badge) {
    badge = document.createElement('span');
    head.prepend(badge);
  }
  // This run's verdict is of the code that ran: nothing is of the original code any more.
  head?.querySelector(':scope > [data-original-tag]')?.remove();
  head?.querySelector(':scope > .cell-meta')?.classList.remove('cell-meta-original');
  const name = verdict?.verdict ?? 'unjudged';
  if (badge) {
    badge.className = `badge badge-${name}`;
    badge.dataset.verdict = name;
    badge.textContent = verdict ? (words.verdicts[name] ?? name) : t.notJudged;
    badge.title = verdict ? reasonText(verdict.why, locale) : why;
  }
  cell.el.dataset.liveVerdict = name;
  let tag = head?.querySelector<HTMLElement>(':scope > [data-live-tag]') ?? null;
  if (head && !tag) {
    tag = document.createElement('span');
    tag.className = 'cell-live-tag';
    tag.dataset.liveTag = '';
    badge?.after(tag);
  }
  if (tag) tag.textContent = cell.edited ? t.thisRunEdited : t.thisRun;
  const meta = head?.querySelector<HTMLElement>(':scope > .cell-meta');
  if (meta) {
    meta.textContent = run
      ? `${t.thisRun} · ${words.virtual}: ${formatSeconds(run.virtualSeconds)} · ${words.real}: ${run.cpuMs.toFixed(1)} ms`
      : t.thisRun;
  }
  if (!verdict) {
    cell.part('live-reason', 'p').textContent = why;
    return;
  }
  if (verdict.verdict !== 'verified' && verdict.verdict !== 'ran') {
    showReason(cell.part('live-reason', 'p'), reasonText(verdict.why, locale), locale, cell.props.sourceLines ?? null);
  }
  // The build's diff component (components/diff-view.ts): rows and legend in the page's language.
  if (verdict.diff) cell.part('live-diff', 'div').replaceChildren(renderDiff(diffView(verdict.diff, locale)));
}

/** The reason as text, its mentions of a source line as links to that line (never as markup). */
function showReason(el: HTMLElement, text: string, locale: 'ko' | 'en', lines: SourceLineBase) {
  const parts = linkSourceLines([{ text }], locale, (line) => (lines === null ? null : `${lines}${line}`));
  el.replaceChildren(...parts.map((part) => {
    if (!part.href) return document.createTextNode(part.text);
    const a = document.createElement('a');
    a.href = part.href;
    a.textContent = part.text;
    return a;
  }));
}
