// Candidates for a stated output that no label announced (an output fence right after the code,
// lines after the code in its own fence) are taken when they align with what the run printed:
// at least half of their lines (ellipsis lines aside) match a printed line, after the usual
// normalisation. Then they are compared like any stated output, so a changed value in one line
// of four is drift; a fence that matches nothing (a file's content, a shell session) says
// nothing about this run and is left alone.
import type { StatedOutput } from '../source/model.ts';
import type { ActualLine } from './compare.ts';
import { lineMatcher, matchLine } from './normalize.ts';

export const ALIGNMENT_THRESHOLD = 0.5;

/** The share of a stated output's lines that match some printed line (0 when it has none). */
export function alignment(stated: StatedOutput, printed: ActualLine[]): number {
  const lines = stated.lines.filter((l) => l.text !== '...');
  if (lines.length === 0) return 0;
  const matched = lines.filter((l) => {
    const matcher = lineMatcher(l.text);
    return printed.some((p) => matchLine(matcher, p.text) !== null);
  }).length;
  return matched / lines.length;
}

/** The stated outputs to compare: the announced ones, and the candidates that align. */
export function statedToCompare(stated: StatedOutput[], printed: ActualLine[]): StatedOutput[] {
  return stated.filter((s) => !s.candidate || alignment(s, printed) >= ALIGNMENT_THRESHOLD);
}
