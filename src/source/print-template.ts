// What a print call writes, as a template: the literal parts of its f-string, format string or
// `%` string, and holes for the values. A trailing comment states the printed value when it fits
// the template (`print(f"합계: {total}개")  # 합계: 30개`), and is prose when it does not
// (`fetch()  # 요청만 보내 둠`). Deciding by the template, not by a list of prose words, works
// in every language.
import { escapeRegex } from './phrasebook.ts';

export type TemplatePart = { literal: string } | { hole: true };

export interface PrintTemplate {
  parts: TemplatePart[];
  /** The literal text, without holes: whether the template says anything of its own. */
  literalText: string;
}

/** The text between `print(` and its closing parenthesis on this line, or null. */
export function printArguments(line: string): string | null {
  const m = /(?:^|[^\w.])print\s*\(/.exec(line);
  if (!m) return null;
  let depth = 1;
  let quote: string | null = null;
  const start = m.index + m[0].length;
  for (let i = start; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (line.startsWith(quote, i)) { i += quote.length - 1; quote = null; }
      continue;
    }
    if (ch === '"' || ch === "'") { quote = line.startsWith(ch.repeat(3), i) ? ch.repeat(3) : ch; if (quote.length === 3) i += 2; continue; }
    if (ch === '#') return null;
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch) && --depth === 0) return line.slice(start, i);
  }
  return null;
}

/** Top-level comma-separated arguments. */
function splitArguments(args: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let from = 0;
  for (let i = 0; i < args.length; i++) {
    const ch = args[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) { out.push(args.slice(from, i).trim()); from = i + 1; }
  }
  const last = args.slice(from).trim();
  if (last) out.push(last);
  return out;
}

const STRING = /^([rRfFbBuU]{0,2})("""|'''|"|')([\s\S]*)\2((?:\s*\.format\(.*\))?)(\s*%\s*.+)?$/;

function unescape(text: string): string {
  return text.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\(["'\\])/g, '$1');
}

/** A string literal argument as parts: f-string fields, `{}` of .format, `%d` of %-formatting. */
function literalParts(arg: string): TemplatePart[] | null {
  const m = STRING.exec(arg);
  if (!m) return null;
  const prefix = m[1]!.toLowerCase();
  const body = m[3]!;
  const formatted = prefix.includes('f') || m[4] !== '';
  const percent = m[5] !== undefined;
  const parts: TemplatePart[] = [];
  let text = '';
  const flush = () => { if (text) parts.push({ literal: unescape(text) }); text = ''; };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (formatted && (ch === '{' || ch === '}') && body[i + 1] === ch) { text += ch; i++; continue; }
    if (formatted && ch === '{') {
      let depth = 1;
      let j = i + 1;
      for (; j < body.length && depth > 0; j++) {
        if (body[j] === '{') depth++;
        else if (body[j] === '}') depth--;
      }
      flush();
      parts.push({ hole: true });
      i = j - 1;
      continue;
    }
    if (percent && ch === '%') {
      const spec = /^%(?:\([^)]*\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa%]/.exec(body.slice(i));
      if (spec) {
        if (spec[0] === '%%') text += '%';
        else { flush(); parts.push({ hole: true }); }
        i += spec[0].length - 1;
        continue;
      }
    }
    text += ch;
  }
  flush();
  return parts;
}

/** The template of a `print(...)` on this line, or null when the line prints nothing this way. */
export function printTemplate(line: string): PrintTemplate | null {
  const args = printArguments(line);
  if (args === null) return null;
  let sep = ' ';
  const positional: string[] = [];
  for (const arg of splitArguments(args)) {
    const kw = /^(\w+)\s*=(?!=)\s*([\s\S]*)$/.exec(arg);
    if (kw) {
      if (kw[1] === 'sep') {
        const parts = literalParts(kw[2]!);
        sep = parts && parts.every((p) => 'literal' in p) ? parts.map((p) => ('literal' in p ? p.literal : '')).join('') : sep;
      }
      continue;
    }
    positional.push(arg);
  }
  const parts: TemplatePart[] = [];
  positional.forEach((arg, i) => {
    if (i > 0 && sep) parts.push({ literal: sep });
    if (arg.startsWith('*')) { parts.push({ hole: true }); return; }
    parts.push(...(literalParts(arg) ?? [{ hole: true }]));
  });
  const literalText = parts.map((p) => ('literal' in p ? p.literal : '')).join('');
  return { parts, literalText };
}

/** The template as a regular expression over a normalised line (whitespace runs as one space). */
export function templatePattern(template: PrintTemplate): RegExp {
  const source = template.parts
    .map((p) => ('literal' in p ? escapeRegex(p.literal.replace(/\s+/g, ' ')).replace(/ /g, '\\s*') : '(.+?)'))
    .join('');
  return new RegExp(`^\\s*${source}\\s*$`, 'su');
}

/** Does the template say anything of its own (letters or digits outside the holes)? */
export function hasOwnWords(template: PrintTemplate): boolean {
  return /[\p{L}\p{N}]/u.test(template.literalText);
}

/** The literal text before the first hole, trimmed: the prefix a stated value repeats. */
export function leadingLiteral(template: PrintTemplate): string {
  const first = template.parts[0];
  return first && 'literal' in first ? first.literal.trim() : '';
}

/** The comment trailing a code line (outside strings), or null. */
export function trailingComment(line: string): string | null {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#') return line.slice(0, i).trim() ? line.slice(i + 1).trim() : null;
  }
  return null;
}
