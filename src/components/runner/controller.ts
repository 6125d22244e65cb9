// The runnable cells of one page: Run, Edit, Reset, Stop, Replay and Run all. Loaded on the first
// click (bootstrap.ts); the kernel (a Web Worker with Pyodide) starts on the first run. The cells of
// a page share one namespace, as at build time: running a cell first runs the earlier cells whose
// definitions it uses, if they have not run in the current interpreter.
import { earlierCellsNeeded, type CellNames } from '../../source/dependencies.ts';
import { BrowserKernel, type RunOutcome } from '../../kernel/browser/kernel.ts';
import { hasTimeline, timelineOf } from '../../emit/gantt.ts';
import { showTimeline } from '../timeline.ts';
import type { RunnerProps } from '../../emit/runner.ts';
import type { CellRun, OutputEvent } from '../../kernel/types.ts';
import type { EditorHandle } from './editor.ts';
import { pageLocale, runnerLabels, type RunnerLabels } from './labels.ts';
import { appendEvent, lineElement, linesOf, readLines, renderLines, type Line } from './output.ts';
import { formatSeconds } from '../../kernel/format.ts';
import { liveVerdict, type LiveVerdict } from '../../check/live.ts';
import { reasonText } from '../../check/reasons.ts';
import { labels } from '../labels.ts';
import { definesOnly } from '../../emit/cell-notes.ts';

export type Action = 'run' | 'edit' | 'reset' | 'stop' | 'replay' | 'run-all' | 'restart';

type KernelState = 'idle' | 'starting' | 'ready' | 'busy';

type RunState = 'loading' | 'queued' | 'running' | 'ok' | 'error' | 'hangs' | 'timeout' | 'stopped' | 'restarted' | 'replaying';

/** A replay plays the recorded output at its pace, compressed to at most this many real seconds. */
export const REPLAY_CAP_SECONDS = 10;


/** Elements a live run adds to a cell (removed before the next run and by Reset). */
const LIVE_PARTS = ['live-reason', 'live-diff', 'live-error', 'live-note'] as const;
type LivePart = (typeof LIVE_PARTS)[number];

class RunnableCell {
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
  part(name: LivePart, tag: 'pre' | 'p'): HTMLElement {
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

  markEdited(label: string) {
    this.el.toggleAttribute('data-edited', this.edited);
    const reset = this.button('reset');
    if (reset) reset.disabled = !this.edited;
    const badge = this.el.querySelector<HTMLElement>('[data-edited-badge]');
    if (badge) {
      badge.hidden = !this.edited;
      badge.textContent = label;
    }
  }
}

interface Job {
  kind: 'one' | 'all';
  target: RunnableCell | null;
  cancelled: boolean;
  /** The cell running now (the target, or one it depends on). */
  current: RunnableCell | null;
}

export class PageRunner {
  readonly cells: RunnableCell[];
  readonly kernel: BrowserKernel;
  readonly t: RunnerLabels;
  private queue: Job[] = [];
  private job: Job | null = null;
  private working = false;

  constructor() {
    this.t = runnerLabels[pageLocale()];
    this.cells = [...document.querySelectorAll<HTMLElement>('.cell[data-run]')].map((el, i) => new RunnableCell(el, i + 1));
    const doc = this.cells[0]?.id.split('/')[0] ?? 'document';
    const base = new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}pyodide/`, location.href).href;
    this.kernel = new BrowserKernel({ indexURL: base, fixturesURL: `${base}fixtures/${encodeURIComponent(doc)}.json` });
    for (const cell of this.cells) {
      const badge = document.createElement('span');
      badge.className = 'cell-edited';
      badge.dataset.editedBadge = '';
      badge.hidden = true;
      cell.el.querySelector('[data-live]')?.before(badge);
    }
  }

  cellOf(el: Element | null): RunnableCell | null {
    return this.cells.find((c) => c.el === el) ?? null;
  }

  handle(action: Action, el: Element | null) {
    const cell = this.cellOf(el);
    if (action === 'run-all') return this.enqueue({ kind: 'all', target: null, cancelled: false, current: null });
    if (action === 'restart') return void this.restartKernel();
    if (!cell) return;
    if (action === 'run') return this.run(cell);
    if (action === 'edit') return void this.edit(cell);
    if (action === 'reset') return this.reset(cell);
    if (action === 'stop') return this.stop(cell);
    if (action === 'replay') return this.replay(cell);
  }

  run(cell: RunnableCell) {
    if (this.job?.target === cell || this.queue.some((j) => j.target === cell)) return;
    this.stopReplay(cell);
    this.enqueue({ kind: 'one', target: cell, cancelled: false, current: null });
  }

  private enqueue(job: Job) {
    if (job.kind === 'all') {
      if (this.job?.kind === 'all' || this.queue.some((j) => j.kind === 'all')) return;
      this.runAllButton(true);
    }
    this.queue.push(job);
    if (job.target && this.working) job.target.setState('queued', this.t.queued);
    void this.work();
  }

  private runAllButton(busy: boolean) {
    const button = document.querySelector<HTMLButtonElement>('[data-action="run-all"]');
    if (button) button.disabled = busy;
  }

  private async work() {
    if (this.working) return;
    this.working = true;
    try {
      while (this.queue.length > 0) {
        const job = this.queue.shift()!;
        this.job = job;
        try {
          await this.execute(job);
        } finally {
          this.job = null;
          if (job.kind === 'all') this.runAllButton(false);
        }
      }
    } finally {
      this.working = false;
      this.kernelState(this.kernel.booted ? 'ready' : 'idle');
    }
  }

  private async execute(job: Job) {
    const first = job.target ?? this.cells[0];
    if (!first) return;
    if (!this.kernel.booted) {
      first.setState('loading', this.t.loading);
      this.kernelState('starting');
      try {
        const info = await this.kernel.start();
        if (!info.jspi) this.pageNote(this.t.noJspi);
      } catch (error) {
        first.setState('error', this.t.bootFailed((error as Error).message));
        this.kernelState('idle');
        return;
      }
    }
    this.kernelState('busy');
    if (job.cancelled) return;
    await this.runPrelude();
    const list = job.kind === 'all' ? this.cells : [...(await this.dependencies(job.target!)), job.target!];
    for (const cell of list) {
      if (job.cancelled) break;
      if (job.target && cell !== job.target) job.target.setState('running', this.t.dependency(cell.position));
      job.current = cell;
      const outcome = await this.execCell(cell);
      if (job.target && cell !== job.target && outcome.kind === 'done') cell.note(this.t.ranAsDependency(job.target.position));
      if (outcome.kind === 'restarted') break;
    }
    job.current = null;
  }

  /** The interpreter generation in which the page's prelude last ran (0: never). */
  private preludeRanIn = 0;

  /**
   * At build time this page's cells ran after every earlier chapter of the document; the build lists
   * the earlier cells they need (`data-runner-prelude`). They run once per interpreter, silently.
   */
  private async runPrelude() {
    if (this.preludeRanIn === this.kernel.generation) return;
    const holder = document.querySelector<HTMLElement>('[data-runner-prelude]');
    const prelude = holder ? (JSON.parse(holder.dataset.runnerPrelude ?? '[]') as { id: string; code: string }[]) : [];
    for (const cell of prelude) {
      const outcome = await this.kernel.run(cell.code, {}, () => {});
      if (outcome.kind === 'restarted') return;
    }
    this.preludeRanIn = this.kernel.generation;
  }

  /** Earlier cells whose definitions the cell uses (transitively), not yet run in this interpreter. */
  private async dependencies(target: RunnableCell): Promise<RunnableCell[]> {
    const namesOf = async (cell: RunnableCell) => {
      if (cell.namesFor !== cell.code) {
        cell.names = await this.kernel.namesOf(cell.code);
        cell.namesFor = cell.code;
      }
      return cell.names;
    };
    const position = this.cells.indexOf(target);
    const names: CellNames[] = [];
    for (const cell of this.cells.slice(0, position + 1)) names.push(await namesOf(cell));
    // The same rule as the build's (source/dependencies.ts): the nearest earlier definition.
    const needed = earlierCellsNeeded(names, position, 'nearest').map((i) => this.cells[i]!);
    return needed.filter((c) => c.ranIn !== this.kernel.generation);
  }

  /** Runs started on this page, as Jupyter counts them: each cell shows the number of its last. */
  private runCount = 0;

  private async execCell(cell: RunnableCell): Promise<RunOutcome> {
    this.stopReplay(cell);
    cell.setState('running', this.t.running);
    cell.counted(++this.runCount, this.t.count(this.runCount));
    cell.clearParts();
    const pre = cell.output();
    pre.dataset.liveOutput = '';
    renderLines(pre, [], this.t.truncated, null);
    const events: OutputEvent[] = [];
    let frame = 0;
    const draw = () => {
      frame = 0;
      renderLines(pre, linesOf(events), this.t.truncated, null);
    };
    const outcome = await this.kernel.run(cell.code, { realBudget: cell.props.realBudget }, (stream, text, t) => {
      appendEvent(events, stream, text, t);
      frame ||= requestAnimationFrame(draw);
    });
    if (frame) cancelAnimationFrame(frame);
    cell.el.classList.add('ran-live');
    if (outcome.kind === 'restarted') {
      renderLines(pre, linesOf(events), this.t.truncated, this.t.noOutput);
      cell.lines = linesOf(events);
      const why = outcome.reason === 'timeout' ? this.t.restartTimeout(cell.props.realBudget)
        : outcome.reason === 'crashed' ? this.t.restartCrashed(outcome.message)
          : outcome.reason === 'requested' ? this.t.restartRequested
            : this.kernel.canInterrupt ? this.t.restartUnanswered : this.t.restartStopped;
      this.showVerdict(cell, null, null, why);
      cell.setState(outcome.reason === 'timeout' ? 'timeout' : outcome.reason === 'crashed' ? 'error' : 'stopped', why);
      cell.note(this.t.restarted(why));
      cell.el.dataset.runState = 'restarted';
      return outcome;
    }
    this.show(cell, outcome.run, outcome.stoppedByUser);
    return outcome;
  }

  /** A finished run: output, status, error details and timeline. */
  private show(cell: RunnableCell, run: CellRun, stoppedByUser: boolean) {
    const pre = cell.output();
    const lines = linesOf(run.events);
    if (run.result) lines.push({ t: run.virtualSeconds, text: `${this.t.result}: ${run.result['text/plain']}`, stream: 'result' });
    const only = definesOnly(run, cell.code);
    const words = labels[pageLocale()];
    renderLines(pre, lines, this.t.truncated, only ? words.definesOnly(only.map((n) => `\`${n}\``).join(', ')) : this.t.noOutput);
    this.ensureTimesToggle(cell);
    cell.lines = lines;
    cell.virtualSeconds = run.virtualSeconds;
    cell.ranIn = this.kernel.generation;
    cell.names = { defines: run.defines, uses: run.uses };
    cell.namesFor = cell.code;

    const error = run.error;
    const stopped = stoppedByUser && error?.ename === 'KeyboardInterrupt';
    this.showVerdict(cell, stopped ? null : liveVerdict(cell.props.judge, cell.props.code, cell.code, run), run, stopped ? this.t.notJudgedStopped : this.t.notJudgedTranscript);
    if (run.status === 'ok') cell.setState('ok', this.t.ok);
    else if (run.status === 'hangs') cell.setState('hangs', `${this.t.hangs} (${formatSeconds(run.virtualSeconds)})`);
    else if (run.status === 'timeout') cell.setState('timeout', this.t.timeout(cell.props.realBudget));
    else if (stopped) cell.setState('stopped', this.t.stopped);
    else cell.setState('error', this.t.error(error?.ename ?? 'Error'));
    if (error) {
      const details = run.status === 'hangs'
        ? [`${error.ename}: ${error.evalue}`, ...error.traceback].join('\n')
        : error.traceback.length > 0 ? error.traceback.join('').trimEnd() : `${error.ename}: ${error.evalue}`;
      cell.part('live-error', 'pre').textContent = details;
    }
    const texts = [error?.evalue ?? '', ...run.events.filter((e) => e.stream === 'stderr').map((e) => e.text)].join('\n');
    if (/\bJSPI\b|stack switching/.test(texts) && this.kernel.info && !this.kernel.info.jspi) cell.note(this.t.noJspi);
    void this.drawTimeline(cell, run);
  }

  /**
   * The badge, figures, reason and diff of this run, judged in the page by the build's own rule
   * (check/live.ts), marked as this run's (and as of edited code when it is); `verdict` null when
   * the run cannot be judged, with `why`. Nothing of the build's verdict or figures stays beside it.
   */
  private showVerdict(cell: RunnableCell, verdict: LiveVerdict | null, run: CellRun | null, why: string) {
    const locale = pageLocale();
    const words = labels[locale];
    const head = cell.el.querySelector<HTMLElement>(':scope > .cell-head');
    let badge = head?.querySelector<HTMLElement>(':scope > .badge') ?? null;
    if (head && !badge) {
      badge = document.createElement('span');
      head.prepend(badge);
    }
    const name = verdict?.verdict ?? 'unjudged';
    if (badge) {
      badge.className = `badge badge-${name}`;
      badge.dataset.verdict = name;
      badge.textContent = verdict ? (words.verdicts[name] ?? name) : this.t.notJudged;
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
    if (tag) tag.textContent = cell.edited ? this.t.thisRunEdited : this.t.thisRun;
    const meta = head?.querySelector<HTMLElement>(':scope > .cell-meta');
    if (meta) {
      meta.textContent = run
        ? `${this.t.thisRun} · ${words.virtual}: ${formatSeconds(run.virtualSeconds)} · ${words.real}: ${run.cpuMs.toFixed(1)} ms`
        : this.t.thisRun;
    }
    if (!verdict) {
      cell.part('live-reason', 'p').textContent = why;
      return;
    }
    if (verdict.verdict !== 'verified' && verdict.verdict !== 'ran') cell.part('live-reason', 'p').textContent = reasonText(verdict.why, locale);
    if (verdict.diff) cell.part('live-diff', 'pre').textContent = verdict.diff;
  }

  private ensureTimesToggle(cell: RunnableCell) {
    if (cell.el.querySelector('.toggle-times')) return;
    const head = cell.el.querySelector(':scope > .cell-head');
    if (!head) return;
    const label = document.createElement('label');
    label.className = 'cell-toggle';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.className = 'toggle-times';
    box.addEventListener('change', () => cell.el.classList.toggle('show-times', box.checked));
    label.append(box, ` ${this.t.showTimes}`);
    head.append(label);
  }

  private async drawTimeline(cell: RunnableCell, run: CellRun) {
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
    const caption = figure.querySelector('figcaption');
    if (caption && !caption.textContent) caption.textContent = this.t.timeline;
    await showTimeline(figure, timeline, pageLocale());
  }

  /** The page's kernel status (not started / starting / ready / busy), beside Run all. */
  private kernelState(state: KernelState) {
    const el = document.querySelector<HTMLElement>('[data-kernel-status]');
    if (!el) return;
    el.dataset.kernelStatus = state;
    el.textContent = this.t.kernel[state];
  }

  /** Restart: the running and queued runs end, the interpreter starts afresh with an empty namespace. */
  private async restartKernel() {
    for (const job of this.queue) {
      job.cancelled = true;
      job.target?.setState('stopped', this.t.stopped);
    }
    this.queue = [];
    if (this.job) this.job.cancelled = true;
    this.kernel.restart('requested', this.t.restartRequested);
    this.kernelState('starting');
    try {
      await this.kernel.start();
      if (!this.working) this.kernelState('ready');
    } catch (error) {
      console.error('the interpreter could not be restarted', error);
      this.kernelState('idle');
    }
  }

  private pageNote(text: string) {
    const note = document.querySelector<HTMLElement>('[data-run-all-note]');
    if (note && !note.textContent?.includes(text)) note.textContent = `${note.textContent ?? ''} ${text}`.trim();
  }

  stop(cell: RunnableCell) {
    if (cell.replayTimers.length > 0) {
      this.stopReplay(cell);
      cell.setState('ok', this.t.replayDone);
      if (cell.lines) renderLines(cell.output(), cell.lines, this.t.truncated, this.t.noOutput);
      return;
    }
    const queued = this.queue.findIndex((j) => j.target === cell);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      cell.setState('stopped', this.t.stopped);
      return;
    }
    const job = this.job;
    if (!job || (job.target !== cell && job.current !== cell)) return;
    job.cancelled = true;
    this.kernel.stop();
  }

  async edit(cell: RunnableCell) {
    if (cell.editor) return cell.editor.focus();
    const { createEditor } = await import('./editor.ts');
    if (cell.editor) return;
    const host = document.createElement('div');
    host.className = 'cell-editor';
    host.dataset.editor = '';
    matchCodeBlock(host, cell.codeBlock);
    const hint = document.createElement('p');
    hint.className = 'cell-editor-hint';
    hint.dataset.editorHint = '';
    hint.textContent = this.t.shortcut;
    cell.el.prepend(host, hint);
    cell.codeBlock?.classList.add('runner-hidden');
    cell.editor = createEditor(host, cell.code, {
      label: `${cell.id} (Python)`,
      change: (code) => {
        cell.code = code;
        cell.markEdited(this.t.edited);
      },
      run: () => this.run(cell),
    });
    const edit = cell.button('edit');
    if (edit) edit.hidden = true;
    cell.editor.focus();
  }

  /** The document's code again, and the build's verdict, figures and output with it. */
  reset(cell: RunnableCell) {
    if (this.job?.target === cell || this.job?.current === cell) return;
    this.stopReplay(cell);
    cell.code = cell.props.code;
    if (cell.editor) cell.editor.code = cell.props.code;
    cell.markEdited(this.t.edited);
    cell.restoreBuilt();
    cell.setState('ok', '');
  }

  replay(cell: RunnableCell) {
    if (this.job?.target === cell || this.job?.current === cell) return;
    this.stopReplay(cell);
    const lines = cell.lines ?? readLines(cell.el.querySelector(':scope > [data-output]'));
    cell.lines ??= lines;
    if (lines.length === 0) {
      cell.setState('ok', this.t.replayNothing);
      return;
    }
    const total = Math.max(...lines.map((l) => l.t));
    const factor = total > REPLAY_CAP_SECONDS ? REPLAY_CAP_SECONDS / total : 1;
    const pre = cell.output();
    pre.replaceChildren();
    pre.classList.remove('empty');
    cell.setState('replaying', factor < 1
      ? this.t.replayCompressed(`${total.toFixed(1)}s`, REPLAY_CAP_SECONDS, (1 / factor).toFixed(1))
      : this.t.replayRealTime(`${total.toFixed(1)}s`));
    cell.el.dataset.replayFactor = String(factor);
    const started = performance.now();
    lines.forEach((line, i) => {
      const due = line.t * factor * 1000;
      cell.replayTimers.push(setTimeout(() => {
        pre.append(lineElement(line));
        if (i === lines.length - 1) {
          cell.replayTimers = [];
          cell.setState('ok', `${this.t.replayDone} (${((performance.now() - started) / 1000).toFixed(1)}s)`);
        }
      }, due));
    });
  }

  private stopReplay(cell: RunnableCell) {
    for (const timer of cell.replayTimers) clearTimeout(timer);
    cell.replayTimers = [];
  }
}

/** The editor takes the static code block's font, line height and colours (see editor.ts). */
function matchCodeBlock(host: HTMLElement, block: HTMLElement | null) {
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

let runner: PageRunner | null = null;

export function pageRunner(): PageRunner {
  runner ??= new PageRunner();
  return runner;
}
