// "Replay in real time": the recorded output played at its recorded pace (one virtual second per
// second), compressed when long.
import type { RunnableCell } from './cell-view.ts';
import type { RunnerLabels } from './labels.ts';
import { lineElement, readLines } from './output.ts';

/** A replay plays the recorded output at its pace, compressed to at most this many real seconds. */
export const REPLAY_CAP_SECONDS = 10;

/** Plays the cell's last output (a live run's, else the build's) again into its output box. */
export function replay(cell: RunnableCell, t: RunnerLabels) {
  stopReplay(cell);
  const lines = cell.lines ?? readLines(cell.el.querySelector(':scope > [data-output]'));
  cell.lines ??= lines;
  if (lines.length === 0) {
    cell.setState('ok', t.replayNothing);
    return;
  }
  const total = Math.max(...lines.map((l) => l.t));
  const factor = total > REPLAY_CAP_SECONDS ? REPLAY_CAP_SECONDS / total : 1;
  const pre = cell.output();
  pre.replaceChildren();
  pre.classList.remove('empty');
  cell.setState('replaying', factor < 1
    ? t.replayCompressed(`${total.toFixed(1)}s`, REPLAY_CAP_SECONDS, (1 / factor).toFixed(1))
    : t.replayRealTime(`${total.toFixed(1)}s`));
  cell.el.dataset.replayFactor = String(factor);
  const started = performance.now();
  lines.forEach((line, i) => {
    const due = line.t * factor * 1000;
    cell.replayTimers.push(setTimeout(() => {
      pre.append(lineElement(line));
      if (i === lines.length - 1) {
        cell.replayTimers = [];
        cell.setState('ok', `${t.replayDone} (${((performance.now() - started) / 1000).toFixed(1)}s)`);
      }
    }, due));
  });
}

export function stopReplay(cell: RunnableCell) {
  for (const timer of cell.replayTimers) clearTimeout(timer);
  cell.replayTimers = [];
}
