// A cell's output in the page, always as text (textContent, never HTML), in the markup of the
// static output (Cell.astro): <span class="line stdout|stderr"><span class="t">[0.000s] </span>text\n</span>.
import type { OutputEvent } from '../../kernel/types.ts';
import { formatSeconds, outputLines, type OutputLine } from '../../kernel/format.ts';

/** An output line, or a line the runner adds (`result`: a final value, `note`: what happened). */
export type Line = Omit<OutputLine, 'stream'> & { stream: OutputLine['stream'] | 'result' | 'note' };

/** Lines shown at most; the rest is counted. */
export const MAX_LINES = 5000;

/** Every line of both streams, as the check cuts them (kernel/format.ts). */
export function linesOf(events: OutputEvent[]): Line[] {
  return outputLines(events, 'all');
}

/** Merges a live write into the events as the kernel's EventLog does (print's text and newline are one event). */
export function appendEvent(events: OutputEvent[], stream: 'stdout' | 'stderr', text: string, t: number) {
  if (!text) return;
  const last = events.at(-1);
  if (last && last.stream === stream && last.t === t && !last.text.endsWith('\n')) last.text += text;
  else events.push({ stream, text, t });
}

export function lineElement(line: Line): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = `line ${line.stream}`;
  const stamp = document.createElement('span');
  stamp.className = 't';
  stamp.textContent = `[${formatSeconds(line.t)}] `;
  span.append(stamp, document.createTextNode(`${line.text}\n`));
  return span;
}

export function renderLines(pre: HTMLElement, lines: Line[], more: (n: number) => string, empty: string | null) {
  const fragment = document.createDocumentFragment();
  for (const line of lines.slice(0, MAX_LINES)) fragment.append(lineElement(line));
  if (lines.length > MAX_LINES) fragment.append(lineElement({ t: lines[MAX_LINES]!.t, text: more(lines.length - MAX_LINES), stream: 'note' }));
  pre.replaceChildren(fragment);
  pre.classList.toggle('empty', lines.length === 0 && empty !== null);
  if (lines.length === 0 && empty !== null) pre.textContent = empty;
}

/** The lines of the static output, read back from the page (for replaying before any live run). */
export function readLines(pre: HTMLElement | null): Line[] {
  if (!pre) return [];
  return [...pre.querySelectorAll<HTMLElement>(':scope > .line')].map((span) => {
    const stamp = span.querySelector('.t')?.textContent ?? '';
    const t = Number(/\[([\d.]+)s\]/.exec(stamp)?.[1] ?? 0);
    const text = (span.textContent ?? '').slice(stamp.length).replace(/\n$/, '');
    const stream = span.classList.contains('stderr') ? 'stderr' : 'stdout';
    return { t, text, stream };
  });
}
