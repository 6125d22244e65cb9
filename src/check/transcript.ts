// An interactive transcript against its run, statement by statement, as doctest compares: what
// each statement printed, then the value the REPL echoed, must be the lines the transcript shows
// after its prompt. A traceback shown is compared by its last line (the exception and message),
// because the frames between depend on where the file lives.
import type { CellRun } from '../kernel/types.ts';
import type { StatedLine, TranscriptExample } from '../source/model.ts';
import { outputLines, type ActualLine } from './compare.ts';
import { lineMatcher, matchLine, matchesWithin } from './normalize.ts';
import type { Problem } from './reasons.ts';

export interface TranscriptComparison {
  problems: Problem[];
  /** The transcript shows a traceback, and the statement raised it. */
  shownErrors: string[];
  /** Statements whose shown lines were compared. */
  compared: number;
  /** Where the session stopped (a statement that never ends): later statements did not run. */
  stoppedAt: number | null;
}

const HEADER = /^(\+\s*)?(Exception Group )?Traceback \(most recent call last\):/;
const FINAL = /^([A-Za-z_][\w.]*(?:Error|Exception|Group|Interrupt|Exit|Warning|Iteration|Cancelled\w*))(?::\s?(.*))?$/;

/** What the REPL showed for a statement: printed lines, the echoed value, and the exception line. */
function shown(run: CellRun): { lines: ActualLine[]; exception: string | null } {
  const lines = [...outputLines(run.events, 'stdout')];
  const end = lines.at(-1)?.t ?? 0;
  if (run.result) for (const text of run.result['text/plain'].split('\n')) lines.push({ text, t: end });
  const exception = run.status === 'error' && run.error ? (run.error.evalue ? `${run.error.ename}: ${run.error.evalue}` : run.error.ename) : null;
  return { lines, exception };
}

function splitExpected(expected: StatedLine[]): { lines: StatedLine[]; exception: StatedLine | null } {
  const header = expected.findIndex((l) => HEADER.test(l.text.trim()));
  if (header < 0) {
    const last = expected.at(-1);
    // A bare exception line after the printed ones (doctest allows leaving the header's frames out).
    if (last && FINAL.test(last.text.trim()) && /Error|Exception|Group|Cancelled/.test(last.text)) return { lines: expected.slice(0, -1), exception: last };
    return { lines: expected, exception: null };
  }
  const rest = expected.slice(header + 1).filter((l) => !/^\s/.test(l.text) && !/^\s*\^+\s*$/.test(l.text));
  return { lines: expected.slice(0, header), exception: rest.at(-1) ?? expected[header]! };
}

export function compareTranscript(examples: TranscriptExample[], parts: CellRun[]): TranscriptComparison {
  const result: TranscriptComparison = { problems: [], shownErrors: [], compared: 0, stoppedAt: null };
  examples.forEach((example, k) => {
    const run = parts[k];
    if (!run || result.stoppedAt !== null) return;
    if (run.status === 'hangs' || run.status === 'timeout') {
      result.stoppedAt = example.sourceLine;
      return;
    }
    const { lines: expectedLines, exception: expectedException } = splitExpected(example.expected);
    const got = shown(run);
    if (example.expected.length > 0) result.compared++;
    const line = example.sourceLine;
    const printed = got.lines.map((l) => l.text);
    // A session shows what was printed: an annotation-like part (`[00:01] done`) the statement
    // printed itself is part of the line.
    const statedText = expectedLines.map((l, i) => (l.at !== null && printed[i] !== undefined && matchesWithin(lineMatcher(l.raw), printed[i]) ? l.raw : l.text));
    const same = statedText.length === printed.length && statedText.every((text, i) => matchesWithin(lineMatcher(text), printed[i]!));
    const wildcard = statedText.some((t) => t === '...');
    if (!same && !(wildcard && looseMatch(statedText, printed))) {
      result.problems.push({ kind: 'session-output', line, shows: statedText.join('\n'), printed: printed.join('\n') });
    }
    if (expectedException) {
      const text = expectedException.text.trim();
      if (!got.exception) result.problems.push({ kind: 'session-no-raise', line, shows: text });
      else if (!exceptionsAgree(text, got.exception)) result.problems.push({ kind: 'session-other-raise', line, shows: text, raised: got.exception });
      else result.shownErrors.push(got.exception);
    } else if (got.exception) {
      result.problems.push({ kind: 'session-unshown-raise', line, raised: got.exception });
    }
  });
  return result;
}

function looseMatch(stated: string[], printed: string[]): boolean {
  let at = 0;
  for (const text of stated) {
    if (text === '...') continue;
    const matcher = lineMatcher(text);
    while (at < printed.length && !matchesWithin(matcher, printed[at]!)) at++;
    if (at >= printed.length) return false;
    at++;
  }
  return true;
}

/** `TimeoutError` agrees with `TimeoutError: ` and with `asyncio.exceptions.TimeoutError`. */
function exceptionsAgree(shownLine: string, raised: string): boolean {
  const m = FINAL.exec(shownLine);
  const name = (m?.[1] ?? shownLine).split('.').pop()!;
  const raisedName = raised.split(':')[0]!.split('.').pop()!;
  if (name !== raisedName) return false;
  const message = m?.[2]?.trim();
  if (!message) return true;
  return matchLine(lineMatcher(`${name}: ${message}`), raised.replace(/^[\w.]*\./, '')) !== null;
}
