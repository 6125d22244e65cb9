// What a run's error says, read from its traceback and the document: where it was raised, whether
// the block compiled, whether it is the error the text announces, what the document printed before
// it. Pure helpers of the verdict's rules (src/check/rules.ts).
import type { CellRun } from '../kernel/types.ts';
import type { Cell, StatedOutput } from '../source/model.ts';
import type { CellSettings } from './settings.ts';
import type { Why } from './why.ts';
import { outputLines } from './compare.ts';
import { onlySignatures, placeholders } from '../source/traits.ts';

/** The 1-based line of the cell where the error was raised, from the traceback. */
export function raisingLine(run: CellRun): number | null {
  const text = run.error?.traceback.join('') ?? '';
  const matches = [...text.matchAll(/File "<cell \d+>", line (\d+)/g)];
  return matches.length ? Number(matches.at(-1)![1]) : null;
}

export const CONNECTION_ERRORS = /^(ClientConnectorError|ClientConnectionError|ConnectionRefusedError|ConnectError|ConnectionError|ServerDisconnectedError|ClientOSError|OSError|gaierror)$/;
const TRACEBACK_HEADER = /^(\+\s*)?(Exception Group )?Traceback \(most recent call last\):/;
const FRAME = /^\s*File "[^"]+", line \d+/;
const FINAL = /^[A-Z]\w*(Error|Exception|Group)(:|$)/;

/** Stated lines without a traceback the document shows: what was printed before the error. */
export function withoutTraceback(stated: StatedOutput[]): StatedOutput[] {
  // A value after a print speaks of a line the program may never reach once it stops.
  return stated
    .filter((s) => s.kind !== 'print-value')
    .map((s) => {
      let header = s.lines.findIndex((l) => TRACEBACK_HEADER.test(l.text.trim()));
      // A file's SyntaxError has no header: it starts at its frame, and ends in the error's line.
      if (header < 0 && FINAL.test(s.lines.at(-1)?.text.trim() ?? '')) header = s.lines.findIndex((l) => FRAME.test(l.text));
      let lines = header >= 0 ? s.lines.slice(0, header) : s.lines;
      const last = lines.at(-1)?.text.trim() ?? '';
      if (/^[A-Z]\w*(Error|Exception|Group)(:|$)/.test(last)) lines = lines.slice(0, -1);
      return { ...s, lines };
    })
    .filter((s) => s.lines.length > 0);
}

/** Does the exception the text names agree with the one raised? (An unnamed one always does.) */
export function sameError(announced: string | null, run: CellRun): boolean {
  if (!announced) return true;
  const ename = run.error?.ename ?? '';
  if (announced === ename || announced === 'Exception' || announced === 'Error') return true;
  if (/ExceptionGroup$/.test(ename)) return (run.error?.traceback.join('') ?? '').includes(announced);
  return announced === 'TimeoutError' && ename === 'CancelledError';
}

/** The one-sentence rule for illustrations: a block with no entry point that stops, before printing
 * anything, at a NameError (a signature's parameters, a name it only shows), shows code rather than
 * runs it. A block that does not compile is another question (`compileErrorLine`). */
export function isIllustration(cell: Cell, run: CellRun): boolean {
  if (run.error?.ename !== 'NameError') return false;
  return !cell.illustration.entryPoint && outputLines(run.events).length === 0;
}

const COMPILE_ERRORS = new Set(['SyntaxError', 'IndentationError', 'TabError']);

/**
 * The line of the cell (1-based) where the cell's own code fails to compile; null when it compiled
 * (a SyntaxError raised later, by `eval` or `compile` at run time, is an error like any other). A
 * compile error's last frame is the cell itself, with no function (`File "<cell 3>", line 2`).
 */
export function compileErrorLine(run: CellRun): number | null {
  if (!COMPILE_ERRORS.has(run.error?.ename ?? '')) return null;
  const frames = [...(run.error?.traceback.join('') ?? '').matchAll(/File "([^"]*)", line (\d+)(, in )?/g)];
  const last = frames.at(-1);
  if (!last || !/^<cell \d+>$/.test(last[1]!) || last[3]) return null;
  return Number(last[2]);
}

/**
 * Why a block that does not compile is pseudo-code, not a broken program: its settings say so
 * (`pseudo: true`, or it ignores `syntax-error`), the prose around it ("pseudo-code", "the
 * signature is"), or its code (only API signatures; a placeholder on the line that fails). Null:
 * nothing does, and the block fails the check.
 */
export function pseudoCode(cell: Cell, codeLine: number, settings: CellSettings | undefined, ignored: ReadonlySet<string>): Extract<Why, { code: 'pseudo-code' }> | null {
  if (settings?.pseudo || settings?.ignore?.includes('syntax-error') || ignored.has('syntax-error')) return { code: 'pseudo-code', by: 'setting', detail: '' };
  if (cell.illustration.pseudo) return { code: 'pseudo-code', by: 'prose', detail: cell.illustration.pseudo };
  if (cell.illustration.excerpt) return { code: 'pseudo-code', by: 'prose', detail: '' };
  if (onlySignatures(cell.runCode)) return { code: 'pseudo-code', by: 'signature', detail: '' };
  const failing = cell.runCode.split('\n')[codeLine - 1] ?? '';
  const marks = placeholders(failing);
  if (marks.length > 0) return { code: 'pseudo-code', by: 'placeholder', detail: marks[0]! };
  return null;
}

