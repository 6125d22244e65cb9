// The page runner: the queue of runs on one page. Run, Run all, Stop, Edit, Reset, Restart and
// Replay arrive here (bootstrap.ts loads it on the first click); the kernel (a Web Worker with
// Pyodide) starts on the first run. The cells of a page share one namespace, as at build time:
// running a cell first runs the earlier cells whose definitions it uses, if they have not run in the
// current interpreter. What a cell shows lives in cell-view.ts, verdict-view.ts, timeline-view.ts and
// replay.ts.
import { rememberKernelUse } from './kernel-use.ts';
import { earlierCellsNeeded, type CellNames } from '../../source/dependencies.ts';
import { BrowserKernel, type BootInfo, type RunOutcome } from '../../kernel/browser/kernel.ts';
import type { CellRun, OutputEvent } from '../../kernel/types.ts';
import { liveKernelCell, liveVerdict } from '../../check/live.ts';
import { hangKind } from '../../check/hang.ts';
import { FIRST_RUN_MB } from './first-run-size.ts';
import { definesOnly } from '../../emit/cell-notes.ts';
import { labels } from '../labels.ts';
import { matchCodeBlock, RunnableCell, type Action, type CodeSpot } from './cell-view.ts';
import { pageLocale, runnerLabels, type RunnerLabels } from './labels.ts';
import { appendEvent, linesOf, renderLines } from './output.ts';
import { formatSeconds } from '../../kernel/format.ts';
import { replay, stopReplay } from './replay.ts';
import { drawTimeline } from './timeline-view.ts';
import { showVerdict } from './verdict-view.ts';

export type { Action } from './cell-view.ts';
export { REPLAY_CAP_SECONDS } from './replay.ts';

type KernelState = 'idle' | 'starting' | 'ready' | 'busy';

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

  handle(action: Action, el: Element | null, at: CodeSpot | null = null) {
    const cell = this.cellOf(el);
    if (action === 'run-all') return this.enqueue({ kind: 'all', target: null, cancelled: false, current: null });
    if (action === 'restart') return void this.restartKernel();
    if (!cell) return;
    if (action === 'run') return this.run(cell);
    if (action === 'edit') return void this.edit(cell, at);
    if (action === 'reset') return this.reset(cell);
    if (action === 'stop') return this.stop(cell);
    if (action === 'replay') return this.replay(cell);
  }

  run(cell: RunnableCell) {
    if (this.job?.target === cell || this.queue.some((j) => j.target === cell)) return;
    stopReplay(cell);
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
      this.watchSnapshot();
    }
  }

  /**
   * Starts the interpreter before any click: bootstrap.ts calls it on a page of a reader who has
   * run cells on this site before, whose browser keeps the interpreter's snapshot (no download).
   */
  prestart() {
    if (this.kernel.booted) return;
    this.kernelState('starting');
    this.kernel.start().then((info) => {
      this.bootFigures(info);
      if (!this.working) this.kernelState('ready');
    }, () => {
      if (!this.working) this.kernelState('idle');
    });
  }

  private async execute(job: Job) {
    const first = job.target ?? this.cells[0];
    if (!first) return;
    if (!this.kernel.booted) {
      first.setState('loading', this.t.loading(FIRST_RUN_MB));
      this.kernelState('starting');
      try {
        const info = await this.kernel.start();
        this.bootFigures(info);
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
    stopReplay(cell);
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
    // Timed as the build times it (the segments its timing claims measure), with the page's real budget.
    const options = { ...liveKernelCell(cell.props.judge, cell.props.original ?? cell.props.code, cell.code), realBudget: cell.props.realBudget };
    const ran = cell.code;
    const outcome = await this.kernel.run(ran, options, (stream, text, t) => {
      appendEvent(events, stream, text, t);
      frame ||= requestAnimationFrame(draw);
    });
    if (frame) cancelAnimationFrame(frame);
    cell.el.classList.add('ran-live');
    cell.ranCode = ran;
    if (outcome.kind === 'restarted') {
      renderLines(pre, linesOf(events), this.t.truncated, this.t.noOutput);
      cell.lines = linesOf(events);
      const why = outcome.reason === 'timeout' ? this.t.restartTimeout(cell.props.realBudget)
        : outcome.reason === 'crashed' ? this.t.restartCrashed(outcome.message)
          : outcome.reason === 'requested' ? this.t.restartRequested
            : this.kernel.canInterrupt ? this.t.restartUnanswered : this.t.restartStopped;
      showVerdict(cell, null, null, why, this.t);
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
    cell.ensureTimesToggle(this.t.showTimes);
    cell.lines = lines;
    cell.virtualSeconds = run.virtualSeconds;
    cell.ranIn = this.kernel.generation;
    cell.names = { defines: run.defines, uses: run.uses };
    cell.namesFor = cell.code;

    const error = run.error;
    const stopped = stoppedByUser && error?.ename === 'KeyboardInterrupt';
    showVerdict(cell, stopped ? null : liveVerdict(cell.props.judge, cell.props.original ?? cell.props.code, cell.code, run), run, stopped ? this.t.notJudgedStopped : this.t.notJudgedTranscript, this.t);
    if (run.status === 'ok') cell.setState('ok', this.t.ok);
    else if (run.status === 'hangs') cell.setState('hangs', `${this.t.hangs(hangKind(run) ?? 'waiting')} (${formatSeconds(run.virtualSeconds)})`);
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
    void drawTimeline(cell, run, this.t.timeline);
  }

  /** The page's kernel status (not started / starting / ready / busy), beside Run all. */
  private kernelState(state: KernelState) {
    const el = document.querySelector<HTMLElement>('[data-kernel-status]');
    if (!el) return;
    el.dataset.kernelStatus = state;
    el.textContent = this.t.kernel[state];
  }

  /** How the interpreter booted (`kept`: this browser's snapshot, `site`: the site's, or `plain`) and how long it took, on the status. */
  private bootFigures(info: BootInfo) {
    const el = document.querySelector<HTMLElement>('[data-kernel-status]');
    if (!el) return;
    el.dataset.boot = info.snapshot ?? 'plain';
    el.dataset.bootMs = String(Math.round(info.ms));
    rememberKernelUse();
  }

  /** Says on the status when the snapshot for later pages is kept (the kernel makes it after a first run). */
  private watchSnapshot() {
    const made = this.kernel.snapshotMade;
    const el = document.querySelector<HTMLElement>('[data-kernel-status]');
    if (!made || !el || el.dataset.snapshotKept) return;
    el.dataset.snapshotKept = 'pending';
    void made.then((result) => { el.dataset.snapshotKept = result.message ? 'no' : 'yes'; });
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
      this.bootFigures(await this.kernel.start());
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
      stopReplay(cell);
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

  /** Opens the editor over the cell's code block; `at`: where the reader clicked in that block (the caret goes there). */
  async edit(cell: RunnableCell, at: CodeSpot | null = null) {
    if (cell.editor) return cell.editor.focus();
    const { createEditor } = await import('./editor.ts');
    if (cell.editor) return;
    const host = document.createElement('div');
    // Starlight spaces the blocks of the page's content apart (margins between siblings); the
    // editor's own elements (CodeMirror's lines) are not content blocks.
    host.className = 'cell-editor not-content';
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
        cell.markEdited(this.t.edited, this.t.ofOriginal, this.t.ofLastRun);
      },
      run: () => this.run(cell),
    });
    const edit = cell.button('edit');
    if (edit) edit.hidden = true;
    cell.editor.focus();
    if (at) cell.editor.caretAt(at.line, at.column);
  }

  /** The document's code again, and the build's verdict, figures and output with it. */
  reset(cell: RunnableCell) {
    if (this.job?.target === cell || this.job?.current === cell) return;
    stopReplay(cell);
    cell.code = cell.props.code;
    if (cell.editor) cell.editor.code = cell.props.code;
    cell.restoreBuilt();
    cell.markEdited(this.t.edited, this.t.ofOriginal, this.t.ofLastRun);
    cell.setState('ok', '');
  }

  replay(cell: RunnableCell) {
    if (this.job?.target === cell || this.job?.current === cell) return;
    replay(cell, this.t);
  }

}

let runner: PageRunner | null = null;

export function pageRunner(): PageRunner {
  runner ??= new PageRunner();
  return runner;
}
