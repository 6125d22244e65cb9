// A cell read again for code the reader edited in the browser. What the document says around the
// block (the prose, an output fence after it, output shown inside the block) is the document's and
// stays; what the code itself says (output and timing comments, error cues, event tables, traits)
// is read again from the edited code by the same functions the build uses. Pure and free of Node
// APIs: the page's runner bundles it.
import { errorCues, timingClaims } from './claims.ts';
import { eventTables } from './events.ts';
import { announcements, codeWords } from './prose.ts';
import { commentBlocks, printValues } from './stated.ts';
import { hasEntryPoint, placeholders, readsInput, usesTopLevelAwait } from './traits.ts';
import type { Cell } from './model.ts';

/** The 1-based source lines the block's code occupies (after the opening fence). */
export function codeLines(cell: Pick<Cell, 'line' | 'code'>): { first: number; last: number } {
  return { first: cell.line + 1, last: cell.line + cell.code.split('\n').length };
}

/**
 * `cell` as the build would have read it had its code been `code`. A transcript keeps its examples:
 * they are what the document shows, statement by statement, and an edit cannot be mapped onto them.
 */
export function cellWithCode(cell: Cell, code: string): Cell {
  if (code === cell.runCode) return cell;
  if (cell.form === 'transcript') return { ...cell, runCode: code, errorCues: errorCues(code) };
  const { first, last } = codeLines(cell);
  const fromCode = (sourceLine: number) => sourceLine >= first && sourceLine <= last;
  // Output written inside the block after the code (`inline:`) is a statement about the run, not code.
  const documentStated = cell.stated.filter((s) => !fromCode(s.sourceLine) || s.found.startsWith('inline:'));
  const words = codeWords(code, first);
  const comments = commentBlocks(code, first);
  return {
    ...cell,
    runCode: code,
    stated: [...comments, ...printValues(code, first), ...documentStated],
    claims: [...timingClaims(code, first, comments), ...cell.claims.filter((c) => !fromCode(c.sourceLine))],
    errorCues: errorCues(code),
    eventTables: eventTables(code, first),
    announcements: [
      ...cell.announcements.filter((a) => !fromCode(a.sourceLine)),
      ...announcements(words.comments, 'comment'),
      ...announcements(words.docstrings, 'docstring'),
    ],
    topLevelAwait: usesTopLevelAwait(code) && !cell.script,
    readsInput: readsInput(code),
    illustration: { ...cell.illustration, placeholders: placeholders(code), entryPoint: hasEntryPoint(code) },
  };
}
