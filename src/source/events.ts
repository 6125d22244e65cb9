// Tables of events in comments that say when each thing happens:
//
//   # 시간(초) | 이벤트 루프 상태
//   # ---------|------------------
//   # 0.0      | 파일A 시작 → sleep(2) → 다른 태스크로
//   # 1.0      | 파일B 완료! (sleep 1초 끝)
//
// A row is a time and a description. The description is not printed text: it names an event, and
// the check looks for the printed line that reports it (see check/events.ts).
import type { EventRow, EventTable } from './model.ts';

const ROW = /^#\s*(\d+(?:\.\d+)?)\s*(?:초|s|sec|seconds?)?\s*\|\s*(.+?)\s*\|?\s*$/iu;
const HEADER_OR_RULE = /^#\s*([^|]*\|[^|]*|[-|:\s]+)$/u;
// Where the event's own words end: the rest explains it ("→ sleep(2) → ...", "! (sleep 1초 끝)").
const CLAUSE_END = /\s*(?:→|->|!|\(|:|,|;|—)/u;

/** The words a printed line must contain to report this event, e.g. ["파일B", "완료"]. */
export function eventWords(description: string): string[] {
  const clause = description.split(CLAUSE_END)[0] ?? '';
  return clause.split(/\s+/).map((w) => w.trim()).filter((w) => w.length > 0);
}

/** Every table of two or more timed rows among the code's comment lines. */
export function eventTables(code: string, codeStartLine: number): EventTable[] {
  const tables: EventTable[] = [];
  let rows: EventRow[] = [];
  const flush = () => {
    if (rows.length >= 2) tables.push({ rows, sourceLine: rows[0]!.sourceLine });
    rows = [];
  };
  code.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    const m = ROW.exec(line);
    if (m) {
      const description = m[2]!.trim();
      rows.push({ at: Number(m[1]), description, words: eventWords(description), sourceLine: codeStartLine + i });
      return;
    }
    // A header or a rule line before the first row belongs to the table; anything else ends it.
    if (rows.length === 0 && HEADER_OR_RULE.test(line)) return;
    if (line === '#' && rows.length === 0) return;
    flush();
  });
  flush();
  return tables;
}
