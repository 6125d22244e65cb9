// Timing annotations written into stated output lines, e.g. `작업2 완료 (1초 후)`,
// `(0.5초 후) Task 2 완료`, `모든 작업 완료! (총 4초)`, `done (after 2 s)`. They say when a line
// appears; they are not printed text.

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
// Inside the parentheses: an optional "총"/"about"/"after", the number, the unit, optional "후"/"later".
const KOREAN = String.raw`(총\s*)?(약\s*)?${NUMBER}\s*초(?:\s*(?:후|경과|째))?`;
const ENGLISH = String.raw`(?:at\s+|after\s+)?(about\s+|~\s*)?${NUMBER}\s*(?:s|sec|secs|seconds?)(?:\s+(?:later|in total|total))?`;
const TRAILING = new RegExp(String.raw`\s*\(\s*(?:${KOREAN}|${ENGLISH})\s*\)\s*$`, 'u');
const LEADING = new RegExp(String.raw`^\s*\(\s*(?:${KOREAN}|${ENGLISH})\s*\)\s*`, 'u');

export interface Annotated {
  text: string;
  at: number | null;
  approximate: boolean;
}

export function stripTimingAnnotation(line: string): Annotated {
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
