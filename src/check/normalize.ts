// The normalisation a careful reader accepts, and no more: whitespace, the quote style of a literal
// written in a comment, `...` as an ellipsis, memory addresses. Elapsed times and clock timestamps
// in a stated line become captures, checked as timing claims rather than as text.

export const TIME_UNIT = String.raw`(?:초|秒|s|sec|secs|seconds?)`;
const NUMBER_WITH_UNIT = new RegExp(String.raw`(\d+(?:\.\d+)?)(\s*)(${TIME_UNIT})(?![\p{L}])`, 'gu');
const CLOCK = /\b(\d{1,2}):(\d{2}):(\d{2})\b/g;

/** The one memory-address rule: an address differs from run to run and machine to machine, so it is
 * compared, locked and shown as `0x…`. An address is what a repr prints after ` at `, or a hex number
 * of five digits or more; `hex(255)` stays `0xff`. */
export function maskAddresses(text: string): string {
  return text.replace(/(\bat )?0x[0-9a-fA-F]+/g, (found, at: string | undefined) => (at || found.length >= 7 ? `${at ?? ''}0x…` : found));
}

export function normalizeText(line: string): string {
  return maskAddresses(line)
    .replace(/"/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export type Capture = { kind: 'seconds'; value: number } | { kind: 'clock'; value: number };

export interface LineMatcher {
  source: string;
  wildcardLine: boolean;
  regex: RegExp;
  captures: Capture['kind'][];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A stated line as a pattern over a normalised actual line. */
export function lineMatcher(stated: string): LineMatcher {
  const norm = normalizeText(stated);
  if (norm === '...' || norm === '…') return { source: stated, wildcardLine: true, regex: /^.*$/, captures: [] };
  const captures: Capture['kind'][] = [];
  let pattern = '';
  let last = 0;
  const tokens: { index: number; length: number; kind: 'seconds' | 'clock' | 'ellipsis'; unit?: string }[] = [];
  for (const m of norm.matchAll(NUMBER_WITH_UNIT)) tokens.push({ index: m.index!, length: m[0].length, kind: 'seconds', unit: m[3] });
  for (const m of norm.matchAll(CLOCK)) tokens.push({ index: m.index!, length: m[0].length, kind: 'clock' });
  for (const m of norm.matchAll(/\.\.\.|…/g)) tokens.push({ index: m.index!, length: m[0].length, kind: 'ellipsis' });
  tokens.sort((a, b) => a.index - b.index);
  for (const token of tokens) {
    if (token.index < last) continue;
    pattern += escape(norm.slice(last, token.index));
    if (token.kind === 'seconds') {
      pattern += String.raw`(\d+(?:\.\d+)?)\s*` + escape(token.unit!);
      captures.push('seconds');
    } else if (token.kind === 'clock') {
      pattern += String.raw`(\d{1,2}:\d{2}:\d{2})`;
      captures.push('clock');
    } else {
      pattern += '.*?';
    }
    last = token.index + token.length;
  }
  pattern += escape(norm.slice(last));
  return { source: stated, wildcardLine: false, regex: new RegExp(`^${pattern}$`, 'u'), captures };
}

function clockSeconds(text: string): number {
  const [h, m, s] = text.split(':').map(Number);
  return h! * 3600 + m! * 60 + s!;
}

/** Captures of a matched line, or null when it does not match. Quoted literals also match unquoted. */
export function matchLine(matcher: LineMatcher, actual: string): Capture[] | null {
  const norm = normalizeText(actual);
  let m = matcher.regex.exec(norm);
  if (!m) {
    const unquoted = /^'(.*)'$/.exec(normalizeText(matcher.source));
    if (unquoted && normalizeText(unquoted[1]!) === norm) return [];
    return null;
  }
  return matcher.captures.map((kind, i) =>
    kind === 'clock' ? { kind, value: clockSeconds(m![i + 1]!) } : { kind, value: Number(m![i + 1]) },
  );
}

/** Does a stated line, as a pattern, need its captured numbers checked? */
export function statedNumbers(stated: string): Capture[] {
  const norm = normalizeText(stated);
  const found: Capture[] = [];
  const tokens: { index: number; capture: Capture }[] = [];
  for (const m of norm.matchAll(NUMBER_WITH_UNIT)) tokens.push({ index: m.index!, capture: { kind: 'seconds', value: Number(m[1]) } });
  for (const m of norm.matchAll(CLOCK)) tokens.push({ index: m.index!, capture: { kind: 'clock', value: clockSeconds(m[0]) } });
  tokens.sort((a, b) => a.index - b.index);
  for (const t of tokens) found.push(t.capture);
  return found;
}
