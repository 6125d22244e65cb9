// The normalisation a careful reader accepts, and no more: whitespace, the quote style of a literal
// written in a comment, `...` as an ellipsis, memory addresses. What a real clock or the machine
// wrote into a stated line becomes a capture instead of text:
//  - elapsed times (`3.00초`, `took 1.5 s`) and readings of a clock printed without a unit
//    (`elapsed: 3.0031824111938477`, `耗时 2.0031`, a bare `1.0012345678901234` where the run prints
//    a round value): numbers, checked within the precision the document wrote them with;
//  - clock stamps, with a date and a fraction of a second or not (`[12:00:03]`,
//    `2024-05-01 12:00:03.123456`): checked by their steps, since the first one says only when the
//    author ran it; a date alone matches the virtual clock's date;
//  - identities the machine hands out (object ids, pids, thread idents, `Thread-3`): any number;
//  - placeholders the author wrote for a machine-specific part (`<your file>`, `File "path"`,
//    `0x...`, `<object at 0x...>`, `xxx`, `…` inside a line): anything of that shape, and the
//    comparison says what each stood for.
import { CLOCK_JITTER, readingTolerance } from './tolerance.ts';

export const TIME_UNIT = String.raw`(?:초|秒|s|sec|secs|seconds?)`;
const NUMBER_WITH_UNIT = new RegExp(String.raw`(\d+(?:\.\d+)?)(\s*)(${TIME_UNIT})(?![\p{L}])`, 'gu');
// A stamp: an optional date (any date: it is when the author ran it), then HH:MM:SS and a fraction.
const STAMP = /\b(?:(\d{4}[-/]\d{2}[-/]\d{2})[ T])?(\d{1,2}):(\d{2}):(\d{2})(?:[.,](\d+))?\b/g;
const DATE = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g;
/** The dates the virtual clock shows: its epoch (2025-01-01 00:00 UTC, kernel/python/vkernel/clock.py)
 * in any time zone, and the day after, which a long sleep reaches. */
const VIRTUAL_DATES = new Set(['2024-12-31', '2025-01-01', '2025-01-02']);
// Words that name a duration or a clock, in the languages the check reads; a number right after one
// is a reading of a clock (`elapsed: 3.0031`, `소요: 3.0`, `耗时 2.0031`, `経過時間: 1.5`).
// English words stand apart from other letters (`elapsed_time=` yes, `timeout` and `runtime` no).
const TIME_WORDS = String.raw`(?:(?<![A-Za-z])(?:elapsed|duration|took|takes|time|seconds|secs)(?![A-Za-z])|소요|시간|경과|걸린|耗时|用时|时间|時間|経過|所要)`;
const READING_AFTER_WORD = new RegExp(String.raw`${TIME_WORDS}[^\d\p{L}]{0,3}(?<![\w.])(-?\d+(?:\.\d+)?)(?![\w.]|\.\d)`, 'giu');
const NAMES_TIME = new RegExp(String.raw`${TIME_WORDS}|\d\s*${TIME_UNIT}(?![\p{L}])`, 'iu');
// In a line that names time, a number written to three decimals or more is a reading wherever it is
// (`elapsed time for task A: 3.0031`).
const FINE_NUMBER = /(?<![\w.])(-?\d+\.\d{3,})(?![\w.]|\.\d)/g;
// A number on its own: with this many digits after the point it is a clock's float, not a value an
// author or a program chose (a reading when the run prints a round value there).
const LONG_FLOAT = /(?<![\w.])(-?\d+\.(\d{6,}))(?![\w.]|\.\d)/g;
// `time.time()` itself, seconds since 1970 (2017 to 2033): when the author ran it.
const EPOCH_SECONDS = /(?<![\w.])1[5-9]\d{8}\.\d+(?![\w.]|\.\d)/g;
// `time.ctime()`, `asctime`: a weekday, a month, the day, the time, the year (the C locale's names).
const CTIME = /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2} (\d{2}:\d{2}:\d{2}) \d{4}\b/g;
// Identities the machine hands out: the number after `pid`, `ident`, a process's or thread's ID; after
// a bare `id` only an object's (eight digits or more: `order id: 1001` is the program's own value);
// in a Thread's repr (`started 1398…`); the counters in thread and executor names.
const IDENTITIES = [
  /\b(?:pid|ppid|tid|ident|native_id|thread_id|(?:thread|process) id)\b\s*[:=：]?\s*\d+/giu,
  /(?:进程|线程|線程|プロセス|スレッド|프로세스|스레드)\s*ID\s*[:=：]?\s*\d+/giu,
  /\bid\b\s*[:=：]?\s*\d{8,}/giu,
  /\b(?:started|stopped)(?: daemon)? \d+/g,
  /\bThread-\d+/g,
  /\b\w*Executor-\d+_\d+/g,
];
// Placeholders: an address elided (`0x...`, `0x7f3a...`, `0xXXXX`), a repr shortened to its class
// and address, a word in angle brackets, the file of a traceback frame, a run of x's.
const ADDRESS_PLACEHOLDER = /0x[0-9a-fA-F]*(?:\.\.\.|…|[xX]{2,})/g;
const REPR_PLACEHOLDER = /<([^<>]*?)\s*\bat 0x(?:[0-9a-fA-F]*(?:\.\.\.|…)|[xX]{2,})>/g;
const ANGLE_PLACEHOLDER = /<[\p{L}][\p{L}\p{M}_-]*(?: [\p{L}\p{M}_-]+){0,3}>/gu;
const FILE_PLACEHOLDER = /File '([^']*)'/g;
const XXX_PLACEHOLDER = /(?<![\p{L}\p{N}_])[xX]{3,}(?![\p{L}\p{N}_])/gu;
const ELLIPSIS = /\.\.\.|…/g;

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

function loose(line: string): string {
  return line.replace(/"/g, "'").replace(/\s+/g, ' ').trim();
}

/**
 * What a stated line left open, and what the run put there. `stated` and `value` are numbers for
 * times, readings and stamps (seconds of the day for a stamp); `decimals` is how precisely the
 * document wrote the number (for a stamp, the digits of its fraction of a second).
 */
export type Capture =
  | { kind: 'seconds' | 'reading'; stated: number; value: number; decimals: number; statedText: string; text: string }
  | { kind: 'clock'; stated: number; value: number; decimals: number; statedText: string; text: string }
  | { kind: 'date' | 'long-float'; statedText: string; text: string }
  | { kind: 'placeholder'; statedText: string; text: string };

type CaptureKind = Capture['kind'];

interface Token {
  index: number;
  length: number;
  kind: CaptureKind | 'identity' | 'ellipsis';
  /** The pattern over the normalised actual line, with one capture group unless the kind is `identity`. */
  pattern: string;
  statedText: string;
  stated?: number;
  decimals?: number;
}

export interface LineMatcher {
  source: string;
  wildcardLine: boolean;
  regex: RegExp;
  tokens: Omit<Token, 'index' | 'length' | 'pattern'>[];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const decimalsOf = (text: string) => /[.,](\d+)$/.exec(text)?.[1]!.length ?? 0;
const NUMBER = String.raw`(-?\d+(?:\.\d+)?(?:e-?\d+)?)`;
const ADDRESS = String.raw`0x(?:…|[0-9a-fA-F]+)`;

function clockSeconds(text: string): number {
  const time = /(\d{1,2}):(\d{2}):(\d{2})(?:[.,](\d+))?$/.exec(text)!;
  return Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3]) + (time[4] ? Number(`0.${time[4]}`) : 0);
}

/** Every part of a (loosely normalised) stated line that is not plain text, earliest and longest first. */
function tokensOf(norm: string): Token[] {
  const tokens: Token[] = [];
  const add = (re: RegExp, make: (m: RegExpMatchArray) => (Omit<Token, 'index' | 'length' | 'statedText'> & { statedText?: string }) | null) => {
    for (const m of norm.matchAll(re)) {
      const made = make(m);
      if (made) tokens.push({ index: m.index!, length: m[0].length, statedText: m[0], ...made });
    }
  };
  add(REPR_PLACEHOLDER, (m) => {
    const words = m[1]!.split(' ').filter(Boolean).map(escape);
    return { kind: 'placeholder', pattern: String.raw`(<[^<>]*?${words.join('[^<>]*?')}[^<>]*? at ${ADDRESS}>)` };
  });
  add(ADDRESS_PLACEHOLDER, () => ({ kind: 'placeholder', pattern: `(${ADDRESS})` }));
  add(FILE_PLACEHOLDER, () => ({ kind: 'placeholder', pattern: "File '([^']*)'" }));
  // The brackets mark the author's placeholder, so what it stands for is not in brackets itself: a
  // repr shortened to its first words (`<coroutine object>`) is compared as text.
  add(ANGLE_PLACEHOLDER, (m) => ({ kind: 'placeholder', pattern: `(${escape(m[0])}|[^<>]+?)` }));
  add(XXX_PLACEHOLDER, () => ({ kind: 'placeholder', pattern: String.raw`(\S+?)` }));
  add(STAMP, (m) => ({
    kind: 'clock', stated: clockSeconds(m[0]), decimals: m[5]?.length ?? 0,
    pattern: String.raw`${m[1] ? String.raw`\d{4}[-/]\d{2}[-/]\d{2}[ T]` : ''}(\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?)`,
  }));
  add(DATE, () => ({ kind: 'date', pattern: String.raw`(\d{4}-\d{2}-\d{2})` }));
  add(CTIME, (m) => ({
    kind: 'clock', stated: clockSeconds(m[1]!), decimals: 0, statedText: m[1]!,
    pattern: String.raw`[A-Z][a-z]{2} [A-Z][a-z]{2} \d{1,2} (\d{2}:\d{2}:\d{2}) \d{4}`,
  }));
  add(EPOCH_SECONDS, () => ({ kind: 'identity', pattern: String.raw`\d{10}(?:\.\d+)?` }));
  add(NUMBER_WITH_UNIT, (m) => ({ kind: 'seconds', stated: Number(m[1]), decimals: decimalsOf(m[1]!), pattern: String.raw`(\d+(?:\.\d+)?)\s*${escape(m[3]!)}` }));
  for (const re of IDENTITIES) {
    add(re, (m) => ({ kind: 'identity', pattern: escape(m[0]).replace(/\d+/g, String.raw`\d+`) }));
  }
  for (const m of norm.matchAll(READING_AFTER_WORD)) {
    const start = m.index! + m[0].length - m[1]!.length;
    tokens.push({ index: start, length: m[1]!.length, kind: 'reading', stated: Number(m[1]), decimals: decimalsOf(m[1]!), statedText: m[1]!, pattern: NUMBER });
  }
  if (NAMES_TIME.test(norm)) {
    for (const m of norm.matchAll(FINE_NUMBER)) {
      tokens.push({ index: m.index!, length: m[0].length, kind: 'reading', stated: Number(m[1]), decimals: decimalsOf(m[1]!), statedText: m[1]!, pattern: NUMBER });
    }
  }
  add(LONG_FLOAT, () => ({ kind: 'long-float', pattern: NUMBER }));
  add(ELLIPSIS, () => ({ kind: 'ellipsis', pattern: '(.*?)' }));
  // Earliest first; at one place the longest (a repr before the address inside it), then the order above.
  return tokens.map((t, order) => ({ t, order })).sort((a, b) => a.t.index - b.t.index || b.t.length - a.t.length || a.order - b.order).map(({ t }) => t);
}

/** A stated line as a pattern over a normalised actual line. */
export function lineMatcher(stated: string): LineMatcher {
  const norm = loose(stated);
  if (norm === '...' || norm === '…') return { source: stated, wildcardLine: true, regex: /^.*$/, tokens: [] };
  const kept: Token[] = [];
  let pattern = '';
  let last = 0;
  for (const token of tokensOf(norm)) {
    if (token.index < last) continue;
    pattern += escape(maskAddresses(norm.slice(last, token.index)));
    pattern += token.pattern;
    if (token.kind !== 'identity') kept.push(token);
    last = token.index + token.length;
  }
  pattern += escape(maskAddresses(norm.slice(last)));
  const tokens = kept.map(({ kind, statedText, stated: value, decimals }) => ({ kind, statedText, ...(value !== undefined ? { stated: value, decimals } : {}) }));
  return { source: stated, wildcardLine: false, regex: new RegExp(`^${pattern}$`, 'u'), tokens };
}

/** Is a printed number what a virtual clock prints where a real one printed many digits? */
function isRound(value: number): boolean {
  return Math.abs(value * 1000 - Math.round(value * 1000)) < 1e-6;
}

/** Captures of a matched line, or null when it does not match. Quoted literals also match unquoted. */
export function matchLine(matcher: LineMatcher, actual: string): Capture[] | null {
  const norm = normalizeText(actual);
  const m = matcher.regex.exec(norm);
  if (!m) {
    const unquoted = /^'(.*)'$/.exec(normalizeText(matcher.source));
    if (unquoted && normalizeText(unquoted[1]!) === norm) return [];
    return null;
  }
  const captures: Capture[] = [];
  for (const [i, token] of matcher.tokens.entries()) {
    const text = m[i + 1] ?? '';
    const { statedText } = token;
    switch (token.kind) {
      case 'seconds':
      case 'reading':
        captures.push({ kind: token.kind, stated: token.stated!, value: Number(text), decimals: token.decimals!, statedText, text });
        break;
      case 'clock':
        captures.push({ kind: 'clock', stated: token.stated!, value: clockSeconds(text), decimals: token.decimals!, statedText, text });
        break;
      case 'date':
        // A date the program computes must be the same; one the clock gave is the virtual clock's.
        if (text !== statedText && !VIRTUAL_DATES.has(text)) return null;
        captures.push({ kind: 'date', statedText, text });
        break;
      case 'long-float': {
        const value = Number(text);
        const near = Math.abs(value - Number(statedText)) <= CLOCK_JITTER + 1e-9;
        if (text !== statedText && !(isRound(value) && near)) return null;
        captures.push({ kind: 'long-float', statedText, text });
        break;
      }
      case 'placeholder':
      case 'ellipsis':
        captures.push({ kind: 'placeholder', statedText: token.kind === 'placeholder' && /^File '/.test(statedText) ? statedText.slice(6, -1) : statedText, text });
        break;
    }
  }
  return captures;
}

/** Is a captured number within what the stated one allows? (Text captures always are.) */
export function captureWithin(capture: Capture): boolean {
  if (capture.kind !== 'seconds' && capture.kind !== 'reading') return true;
  return Math.abs(capture.value - capture.stated) <= readingTolerance(capture.decimals) + 1e-9;
}

/** Does the line match, every number in it within its tolerance? (For comparisons with no claims.) */
export function matchesWithin(matcher: LineMatcher, actual: string): boolean {
  return matchLine(matcher, actual)?.every(captureWithin) ?? false;
}

/** The stated times and clock stamps of a line, in the order they are written. */
export function statedNumbers(stated: string): { kind: 'seconds' | 'clock'; value: number }[] {
  return lineMatcher(stated).tokens
    .filter((t) => t.kind === 'seconds' || t.kind === 'clock')
    .map((t) => ({ kind: t.kind as 'seconds' | 'clock', value: t.stated! }));
}

