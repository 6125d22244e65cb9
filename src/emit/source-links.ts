// Links from a reason to the source line it names. Browser-safe (the runner uses it for a reader's
// run): nothing here but the site's own words and string work.
import { strings } from '../i18n/index.ts';

export interface TextPart {
  text: string;
  code?: true;
  em?: true;
  strong?: true;
  /** A link: a reason's "line N of the source document", to that line in the repository. */
  href?: string;
}

/** Where the lines of a cell's source document are shown: this plus a line number; null: nowhere. */
export type SourceLineBase = string | null;

/**
 * The reason's mentions of a source line ("line 774 of the source document", "원문 774번째 줄"),
 * as written by src/i18n, made links to that line (`url`; null: left as text). Only our own
 * sentences' words are matched, never a code span.
 */
export function linkSourceLines(parts: TextPart[], locale: 'ko' | 'en', url: (line: number) => string | null): TextPart[] {
  const SENTINEL = 918273645;
  const [before, after] = strings[locale].cell.sourceLine(SENTINEL).split(String(SENTINEL)) as [string, string];
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`${escape(before)}(\\d+)${escape(after)}`, 'g');
  const out: TextPart[] = [];
  for (const part of parts) {
    if (part.code || part.href) {
      out.push(part);
      continue;
    }
    let last = 0;
    for (const match of part.text.matchAll(pattern)) {
      const href = url(Number(match[1]));
      if (href === null) continue;
      if (match.index > last) out.push({ ...part, text: part.text.slice(last, match.index) });
      out.push({ ...part, text: match[0], href });
      last = match.index + match[0].length;
    }
    if (last < part.text.length) out.push(last === 0 ? part : { ...part, text: part.text.slice(last) });
  }
  return out;
}
