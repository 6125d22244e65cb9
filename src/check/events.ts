// Event tables (`# 1.0 | 파일B 완료!`) against the run: each row names an event; the printed line
// that reports it (the first unused line containing all of the row's words) must appear at the
// row's time. Times are compared by differences from the first matched row, like annotations.
import type { EventTable } from '../source/model.ts';
import type { ActualLine, ClaimResult } from './compare.ts';
import { tolerance, within } from './tolerance.ts';
import type { Problem } from './reasons.ts';

export interface EventCheck {
  claims: ClaimResult[];
  problems: Problem[];
  /** Rows that named a printed line: a table none of whose rows did is not a statement at all. */
  matched: number;
}

export function checkEventTables(tables: EventTable[], lines: ActualLine[]): EventCheck {
  const out: EventCheck = { claims: [], problems: [], matched: 0 };
  for (const table of tables) {
    const used = new Set<number>();
    let origin: { stated: number; actual: number } | null = null;
    for (const row of table.rows) {
      const index = row.words.length === 0 ? -1
        : lines.findIndex((l, k) => !used.has(k) && row.words.every((w) => l.text.includes(w)));
      const base = { kind: 'line-time' as const, text: row.description, sourceLine: row.sourceLine, expected: row.at, approximate: false, tolerance: tolerance(row.at, false) };
      if (index < 0) {
        out.claims.push({ ...base, actual: null, ok: true, unchecked: 'no printed line reports this event' });
        continue;
      }
      used.add(index);
      out.matched++;
      const line = lines[index]!;
      origin ??= { stated: row.at, actual: line.t };
      const expected = round(row.at - origin.stated);
      const actual = round(line.t - origin.actual);
      const ok = within(actual, expected, false);
      out.claims.push({ ...base, expected, actual, ok });
      if (!ok) {
        out.problems.push({ kind: 'event-time', line: row.sourceLine, description: row.description, expected, printed: line.text, actual });
      }
    }
  }
  return out;
}

const round = (t: number) => Math.round(t * 1e6) / 1e6;
