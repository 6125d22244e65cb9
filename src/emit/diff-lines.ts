// A unified diff (as the check writes it with jsdiff) as typed lines for readers: what the document
// states that the run did not print (removed), what the run printed instead (added), and the lines
// both share (context). The patch's machinery (`Index:`, `===`, the `---`/`+++` file header, `@@`
// hunk headers, "\ No newline at end of file") is not for readers; a hunk header becomes a gap
// marker when lines were skipped. Pure: text in, lines out; the caller renders them as text.

export type DiffLineKind = 'removed' | 'added' | 'context' | 'gap' | 'note';

export interface DiffLine {
  kind: DiffLineKind;
  text: string;
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * The lines of a unified diff. Inside a hunk the header's counts decide how many lines belong to
 * it, so a removed line that reads `-- x` (written `--- x`) is a line, not a file header. Text
 * after the last hunk (the page's cap notice, say) is kept as a note rather than dropped.
 */
export function diffLines(patch: string): DiffLine[] {
  const lines = patch.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const out: DiffLine[] = [];
  let oldLeft = 0;
  let newLeft = 0;
  let nextOld = 1; // the first old line the previous hunk did not cover
  let seenHunk = false;
  for (const line of lines) {
    if (oldLeft > 0 || newLeft > 0) {
      const mark = line[0];
      const text = line.slice(1);
      if (mark === ' ' || (mark === undefined && line === '')) {
        out.push({ kind: 'context', text });
        oldLeft--; newLeft--;
        continue;
      }
      if (mark === '-' && oldLeft > 0) { out.push({ kind: 'removed', text }); oldLeft--; continue; }
      if (mark === '+' && newLeft > 0) { out.push({ kind: 'added', text }); newLeft--; continue; }
      if (mark === '\\') continue;
      // A hunk cut short (a capped diff): what follows is read afresh.
      oldLeft = 0; newLeft = 0;
    }
    const hunk = HUNK.exec(line);
    if (hunk) {
      const oldStart = Number(hunk[1]);
      oldLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
      newLeft = hunk[4] === undefined ? 1 : Number(hunk[4]);
      // An empty side starts one line early in the header (`-0,0`): nothing is skipped there.
      const first = oldLeft === 0 ? oldStart + 1 : oldStart;
      if (first > nextOld) out.push({ kind: 'gap', text: '' });
      nextOld = first + oldLeft;
      seenHunk = true;
      continue;
    }
    if (line.startsWith('\\')) continue;
    if (!seenHunk) continue; // Index:, ===, ---, +++ and anything else before the first hunk
    out.push({ kind: 'note', text: line });
  }
  return out;
}
