// Timing annotations written into stated output lines, e.g. `작업2 완료 (1초 후)`,
// `(0.5초 후) Task 2 완료`, `모든 작업 완료! (총 4초)`, `done (after 2 s)`, `[00:02] 완료`. They say when a line
// appears; they are not printed text.

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
// Inside the parentheses: an optional "총"/"about"/"after", the number, the unit, optional "후"/"later".
const KOREAN = String.raw`(총\s*)?(약\s*)?${NUMBER}\s*초(?:\s*(?:후|경과|째))?`;
const ENGLISH = String.raw`(?:at\s+|after\s+)?(about\s+|~\s*)?${NUMBER}\s*(?:s|sec|secs|seconds?)(?:\s+(?:later|in total|total))?`;
const TRAILING = new RegExp(String.raw`\s*\(\s*(?:${KOREAN}|${ENGLISH})\s*\)\s*$`, 'u');
const LEADING = new RegExp(String.raw`^\s*\(\s*(?:${KOREAN}|${ENGLISH})\s*\)\s*`, 'u');
// `[00:02] B 완료`, `[01:30.5] done`: minutes and seconds since the start, a marker of when the line
// appears (HH:MM:SS stamps are another thing: a real clock's reading, checked by their steps).
const LEADING_STAMP = /^\s*\[(\d{1,2}):(\d{2}(?:\.\d+)?)\]\s*/;

export interface Annotated {
  text: string;
  at: number | null;
  approximate: boolean;
}

export function stripTimingAnnotation(line: string): Annotated {
  const stamp = LEADING_STAMP.exec(line);
  if (stamp) return { text: line.slice(stamp[0].length).trimEnd(), at: Number(stamp[1]) * 60 + Number(stamp[2]), approximate: false };
  for (const pattern of [TRAILING, LEADING]) {
    const m = pattern.exec(line);
    if (m) {
      const seconds = Number(m[3] ?? m[5]);
      const approximate = Boolean(m[2] ?? m[4]);
      const text = (pattern === TRAILING ? line.slice(0, m.index) : line.slice(m[0].length)).trimEnd();
      return { text, at: seconds, approximate };
    }
  }
  return { text: line.trimEnd(), at: null, approximate: false };
}

/** A line that stands for "some lines elided here" (`...`, `... 3초 대기 ...`). */
export function isEllipsisLine(text: string): boolean {
  const t = text.trim();
  return t === '...' || t === '…' || (/^(\.\.\.|…)/.test(t) && /(\.\.\.|…)$/.test(t));
}
