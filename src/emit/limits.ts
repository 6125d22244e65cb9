// How much of a cell's output any generated file embeds. The kernel keeps at most this much per cell
// (and says how much it dropped); pages, notebooks and reports cap again, so a cached run from an
// older kernel, or a kernel bug, cannot put a gigabyte into a page.

export const MAX_OUTPUT_BYTES = 1 << 20;
export const MAX_OUTPUT_LINES = 10_000;

const encoder = new TextEncoder();

function bytes(text: string): number {
  return encoder.encode(text).length;
}

/** The longest prefix of `text` of at most `max` UTF-8 bytes, never splitting a character. */
function prefixOfBytes(text: string, max: number): string {
  if (bytes(text) <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (bytes(text.slice(0, mid)) <= max) lo = mid;
    else hi = mid - 1;
  }
  // Do not end on the first half of a surrogate pair.
  const code = text.charCodeAt(lo - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? lo - 1 : lo);
}

export function droppedNotice(lines: number): string {
  return `[${lines} more lines not kept: output capped at ${MAX_OUTPUT_LINES} lines / ${MAX_OUTPUT_BYTES / (1 << 20)} MiB]`;
}

/**
 * At most MAX_OUTPUT_LINES items of at most MAX_OUTPUT_BYTES in all (by `text`), and a last item
 * made by `notice` saying how many were dropped.
 */
export function capItems<T>(items: T[], text: (item: T) => string, notice: (dropped: number) => T): T[] {
  let total = 0;
  const kept: T[] = [];
  for (const item of items) {
    const size = bytes(text(item));
    if (kept.length >= MAX_OUTPUT_LINES || total + size > MAX_OUTPUT_BYTES) break;
    kept.push(item);
    total += size;
  }
  return kept.length === items.length ? items : [...kept, notice(items.length - kept.length)];
}

/** A text capped to MAX_OUTPUT_LINES lines and MAX_OUTPUT_BYTES bytes, with a notice when cut. */
export function capText(text: string): string {
  const lines = text.split(/(?<=\n)/);
  let kept = lines.length > MAX_OUTPUT_LINES ? lines.slice(0, MAX_OUTPUT_LINES).join('') : text;
  let dropped = lines.length > MAX_OUTPUT_LINES ? lines.length - MAX_OUTPUT_LINES : 0;
  if (bytes(kept) > MAX_OUTPUT_BYTES) {
    kept = prefixOfBytes(kept, MAX_OUTPUT_BYTES);
    dropped = lines.length - kept.split(/(?<=\n)/).length + 1;
  }
  if (kept === text) return text;
  return `${kept}${kept.endsWith('\n') ? '' : '\n'}${droppedNotice(dropped)}\n`;
}
