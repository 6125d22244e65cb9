// One runnable cell's part of the page: its buttons, output, state line, the parts a live run
// adds, the build's state to return to, and the editor's look. The page runner (controller.ts)
// decides what runs; this only shows it.
import type { RunnerProps } from '../../emit/runner.ts';
import type { EditorHandle } from './editor.ts';
import type { Line } from './output.ts';

/** A place in a cell's code: line (0-based) and column. */
export interface CodeSpot {
  line: number;
  column: number;
}

export type Action = 'run' | 'edit' | 'reset' | 'stop' | 'replay' | 'run-all' | 'restart';

export type RunState = 'loading' | 'queued' | 'running' | 'ok' | 'error' | 'hangs' | 'timeout' | 'stopped' | 'restarted' | 'replaying';

/** Elements a live run adds to a cell (removed before the next run and by Reset). */
const LIVE_PARTS = ['live-reason', 'live-diff', 'live-error', 'live-note'] as const;
type LivePart = (typeof LIVE_PARTS)[number];

export class RunnableCell {
  readonly el: HTMLElement;
  readonly id: string;
  readonly props: RunnerProps;
  /** 1-based position among the runnable cells of the page. */
  readonly position: number;
  code: string;
  names: { defines: string[]; uses: string[] };
  /** The code `names` were read from. */
  namesFor: string;
  /** The kernel generation this cell last ran in (0: never). */
  ranIn = 0;
  lines: Line[] | null = null;
  virtualSeconds = 0;
  editor: EditorHandle | null = null;
  replayTimers: ReturnType<typeof setTimeout>[] = [];
  /** The build's verdict, figures and output as the page was served: what Reset brings back. */
  private readonly built: { badge: Node | null; meta: Node | null; output: Node | null; timeline: Node | null };

  constructor(el: HTMLElement, position: number) {
    this.el = el;
    this.id = el.dataset.cell ?? '';
    this.props = JSON.parse(el.dataset.run ?? '{}') as RunnerProps;
    this.position = position;
    this.code = this.props.code;
    this.names = { defines: this.props.defines, uses: this.props.uses };
    this.namesFor = this.props.code;
    const clone = (selector: string) => this.el.querySelector(selector)?.cloneNode(true) ?? null;
    this.built = {
      badge: clone(':scope > .cell-head > .badge'), meta: clone(':scope > .cell-head > .cell-meta'),
      output: clone(':scope > [data-output]'), timeline: clone(':scope > [data-timeline]'),
    };
  }

  /** Show the build's verdict, figures and output again, and nothing of a live run. */
  restoreBuilt() {
    const swap = (selector: string, built: Node | null) => {
      const now = this.el.querySelector(selector);
      if (now && built) now.replaceWith(built.cloneNode(true));
      else if (now && !built) now.remove();
    };
    swap(':scope > .cell-head > .badge', this.built.badge);
    swap(':scope > .cell-head > .cell-meta', this.built.meta);
    swap(':scope > [data-output]', this.built.output);
    swap(':scope > [data-timeline]', this.built.timeline);
    this.el.querySelector(':scope > .cell-head > [data-live-tag]')?.remove();
    this.clearParts();
    this.el.classList.remove('ran-live');
    this.ranCode = null;
    delete this.el.dataset.liveVerdict;
    this.lines = null;
  }

  /** `[n]` in the cell's head: the page's count of the run that produced what it shows. */
  counted(n: number, label: string) {
    const head = this.el.querySelector(':scope > .cell-head');
    let mark = head?.querySelector<HTMLElement>(':scope > [data-run-count]') ?? null;
    if (head && !mark) {
      mark = document.createElement('span');
      mark.className = 'cell-count';
      mark.dataset.runCount = '';
      head.prepend(mark);
    }
    if (!mark) return;
    mark.textContent = `[${n}]`;
    mark.title = label;
    mark.setAttribute('aria-label', label);
  }

  button(action: Action): HTMLButtonElement | null {
    return this.el.querySelector<HTMLButtonElement>(`[data-runner] [data-action="${action}"]`);
  }

  /** Expressive Code's rendering of the document's code, just before the cell. */
  get codeBlock(): HTMLElement | null {
    const previous = this.el.previousElementSibling as HTMLElement | null;
    return previous?.classList.contains('expressive-code') ? previous : null;
  }

  get edited(): boolean {
    return this.code !== this.props.code;
  }

  output(): HTMLElement {
    let pre = this.el.querySelector<HTMLElement>(':scope > [data-output]');
    if (!pre) {
      pre = document.createElement('pre');
      pre.className = 'cell-output';
      pre.dataset.output = '';
      const anchor = this.el.querySelector(':scope > .cell-head') ?? this.el.querySelector(':scope > [data-runner]');
      anchor ? anchor.after(pre) : this.el.append(pre);
    }
    return pre;
  }

  /** An element of the cell owned by the runner, created after the output when missing (in LIVE_PARTS order). */
  part(name: LivePart, tag: 'pre' | 'p' | 'div'): HTMLElement {
    let el = this.el.querySelector<HTMLElement>(`:scope > [data-${name}]`);
    if (!el) {
      el = document.createElement(tag);
      el.className = `cell-${name}`;
      el.setAttribute(`data-${name}`, '');
      const before = LIVE_PARTS.slice(0, LIVE_PARTS.indexOf(name)).map((p) => this.el.querySelector(`:scope > [data-${p}]`)).filter(Boolean).at(-1);
      (before ?? this.output()).after(el);
    }
    return el;
  }

  clearParts() {
    for (const el of this.el.querySelectorAll(LIVE_PARTS.map((p) => `:scope > [data-${p}]`).join(', '))) el.remove();
  }

  note(text: string) {
    this.part('live-note', 'p').textContent = text;
  }

  setState(state: RunState, text: string) {
    this.el.dataset.runState = state;
    const live = this.el.querySelector<HTMLElement>('[data-live]');
    if (live) live.textContent = text;
    const busy = state === 'loading' || state === 'queued' || state === 'running';
    const run = this.button('run');
    if (run) run.disabled = busy;
    const stop = this.button('stop');
    if (stop) stop.disabled = !(busy || state === 'replaying');
    const replay = this.button('replay');
    if (replay) replay.disabled = busy;
  }

  /** The code of the reader's run whose verdict the head shows; null while it shows the build's. */
  ranCode: string | null = null;

  markEdited(label: string, ofOriginal: string, ofLastRun: string) {
    this.el.toggleAttribute('data-edited', this.edited);
    this.markStale(this.ranCode === null ? ofOriginal : ofLastRun);
    const reset = this.button('reset');
    if (reset) reset.disabled = !this.edited;
    const badge = this.el.querySelector<HTMLElement>('[data-edited-badge]');
    if (badge) {
      badge.hidden = !this.edited;
      badge.textContent = label;
    }
  }

  /**
   * Beside code edited since the verdict the head shows, that verdict and its figures are of other
   * code than the editor holds (the document's, or the reader's last run's): dimmed and labelled so
   * until a run judges the edit. A live run's verdict replaces them (verdict-view.ts), and Reset
   * brings the build's back as they were.
   */
  private markStale(label: string) {
    const head = this.el.querySelector<HTMLElement>(':scope > .cell-head');
    const badge = head?.querySelector<HTMLElement>(':scope > .badge') ?? null;
    const stale = this.code !== (this.ranCode ?? this.props.code) && badge !== null;
    badge?.classList.toggle('badge-original', stale);
    head?.querySelector(':scope > .cell-meta')?.classList.toggle('cell-meta-original', stale);
    let tag = head?.querySelector<HTMLElement>(':scope > [data-original-tag]') ?? null;
    if (!stale) return tag?.remove();
    if (!tag) {
      tag = document.createElement('span');
      tag.className = 'cell-original-tag';
      tag.dataset.originalTag = '';
      badge!.after(tag);
    }
    tag.textContent = label;
  }

  /** The "show times" toggle in the head, for a cell that had no output at build time. */
  ensureTimesToggle(label: string) {
    if (this.el.querySelector('.toggle-times')) return;
    const head = this.el.querySelector(':scope > .cell-head');
    if (!head) return;
    const toggle = document.createElement('label');
    toggle.className = 'cell-toggle';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.className = 'toggle-times';
    box.addEventListener('change', () => this.el.classList.toggle('show-times', box.checked));
    toggle.append(box, ` ${label}`);
    head.append(toggle);
  }
}

/** The editor takes the static code block's font, line height and colours (see editor.ts). */
export function matchCodeBlock(host: HTMLElement, block: HTMLElement | null) {
  const code = block?.querySelector<HTMLElement>('pre code .ec-line, pre code') ?? block?.querySelector<HTMLElement>('pre') ?? null;
  const pre = block?.querySelector<HTMLElement>('pre') ?? null;
  if (!code || !pre) return;
  const text = getComputedStyle(code);
  const box = getComputedStyle(pre);
  host.style.setProperty('--code-font-size', text.fontSize);
  host.style.setProperty('--code-line-height', text.lineHeight);
  host.style.setProperty('--code-font-family', text.fontFamily);
  host.style.setProperty('--code-background', box.backgroundColor);
  host.style.setProperty('--code-color', text.color);
}
