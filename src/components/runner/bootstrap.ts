// On every page with cells: shows the runner's buttons and a "Run all" bar, and loads the runner
// (controller.ts) on the first click. Everything heavy (the controller, CodeMirror, Pyodide in a Web
// Worker) loads after that click, never with the page, for a reader new to the site. A reader who
// has run cells here before has Pyodide and its snapshot in the browser already: their pages start
// the interpreter once the page is idle (no download), so the next Run answers at once.
import { BUTTON_ICONS, pageLocale, runnerLabels } from './labels.ts';
import { iconElement } from './icon-dom.ts';
import type { Action, PageRunner } from './controller.ts';
import { usedKernelBefore } from './kernel-use.ts';
import { FIRST_RUN_MB } from './first-run-size.ts';

const ACTIONS = new Set<string>(['run', 'edit', 'reset', 'stop', 'replay', 'run-all', 'restart']);

const cells = document.querySelectorAll<HTMLElement>('.cell[data-run]');
if (cells.length > 0) {
  const t = runnerLabels[pageLocale()];
  for (const cell of cells) cell.querySelector<HTMLElement>('[data-runner]')?.removeAttribute('hidden');

  const bar = document.createElement('div');
  bar.className = 'run-all';
  bar.dataset.runAllBar = '';
  const button = (action: 'run-all' | 'restart', words: string, title?: string) => {
    const el = document.createElement('button');
    el.type = 'button';
    el.dataset.action = action;
    el.append(iconElement(BUTTON_ICONS[action]), ` ${words}`);
    if (title) el.title = title;
    return el;
  };
  const status = document.createElement('span');
  status.className = 'kernel-status';
  status.dataset.kernelStatus = 'idle';
  status.setAttribute('role', 'status');
  status.textContent = t.kernel.idle;
  const note = document.createElement('span');
  note.className = 'run-all-note';
  note.dataset.runAllNote = '';
  note.textContent = t.runAllNote(cells.length, FIRST_RUN_MB);
  bar.append(button('run-all', t.runAll), status, button('restart', t.restart, t.restartTitle), note);
  const first = cells[0]!;
  const code = first.previousElementSibling?.classList.contains('expressive-code') ? first.previousElementSibling : first;
  code.before(bar);

  let runner: Promise<PageRunner> | null = null;
  const load = () => (runner ??= import('./controller.ts').then((m) => m.pageRunner()));
  if (usedKernelBefore() && !saveData()) {
    const start = () => void load().then((r) => r.prestart());
    if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 2000 });
    else setTimeout(start, 200);
  }
  document.addEventListener('click', (event) => {
    const target = (event.target as Element | null)?.closest?.<HTMLElement>('[data-action]');
    const action = target?.dataset.action;
    if (!target || !action || !ACTIONS.has(action)) return;
    const cell = target.closest('.cell[data-run]');
    if (action !== 'run-all' && action !== 'restart' && !cell) return;
    event.preventDefault();
    void load().then((r) => r.handle(action as Action, cell));
  });
  // A click into a runnable cell's code starts editing it there (not a click on the copy button,
  // nor the end of a selection the reader is making).
  document.addEventListener('click', (event) => {
    const target = event.target as Element | null;
    const block = target?.closest?.<HTMLElement>('.expressive-code');
    const cell = block?.nextElementSibling;
    if (!block || !cell?.matches('.cell[data-run]') || target!.closest('button, a, .copy')) return;
    if (!(window.getSelection()?.isCollapsed ?? true)) return;
    const at = spotAt(block, event.clientX, event.clientY);
    void load().then((r) => r.handle('edit', cell, at));
  });
}

/** The line and column of the code block's text under a point, or null. */
function spotAt(block: HTMLElement, x: number, y: number): { line: number; column: number } | null {
  const doc = document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  const caret = doc.caretPositionFromPoint?.(x, y) ?? (() => {
    const range = document.caretRangeFromPoint?.(x, y);
    return range ? { offsetNode: range.startContainer, offset: range.startOffset } : null;
  })();
  const lines = [...block.querySelectorAll<HTMLElement>('.ec-line')];
  const node = caret?.offsetNode ?? null;
  const line = node ? lines.findIndex((l) => l.contains(node)) : -1;
  if (line < 0) {
    // Beside the text (right of a short line): the line at that height, at its end.
    const byHeight = lines.findIndex((l) => { const r = l.getBoundingClientRect(); return y >= r.top && y < r.bottom; });
    return byHeight < 0 ? null : { line: byHeight, column: lines[byHeight]!.textContent?.length ?? 0 };
  }
  const before = document.createRange();
  before.setStart(lines[line]!, 0);
  before.setEnd(node!, caret!.offset);
  return { line, column: before.toString().length };
}

/** The reader asked their browser to save data: nothing starts before they ask. */
function saveData(): boolean {
  return (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;
}
