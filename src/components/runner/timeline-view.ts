// A reader's run drawn as the cell's timeline (the same text and table the build draws).
import { hasTimeline, timelineOf } from '../../emit/gantt.ts';
import type { CellRun } from '../../kernel/types.ts';
import { showTimeline } from '../timeline.ts';
import type { RunnableCell } from './cell-view.ts';
import { pageLocale } from './labels.ts';

/** Redraws (or hides) the cell's timeline from this run's trace. */
export async function drawTimeline(cell: RunnableCell, run: CellRun, caption: string) {
  let figure = cell.el.querySelector<HTMLElement>(':scope > [data-timeline]');
  if (!hasTimeline(run)) {
    if (figure) figure.hidden = true;
    return;
  }
  if (!figure) {
    figure = document.createElement('figure');
    figure.className = 'cell-timeline';
    figure.dataset.timeline = '';
    figure.append(document.createElement('figcaption'));
    cell.el.append(figure);
  }
  figure.hidden = false;
  const timeline = timelineOf(run, pageLocale());
  figure.dataset.gantt = timeline.gantt;
  const figcaption = figure.querySelector('figcaption');
  if (figcaption && !figcaption.textContent) figcaption.textContent = caption;
  await showTimeline(figure, timeline, pageLocale());
}
