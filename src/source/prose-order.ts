// What the prose around a block says about the order and the times its lines appear in:
// "先打印 start，两秒后打印 end", "먼저 start가 출력되고 2초 뒤 end가 출력됩니다", "It prints `start`,
// then `end` two seconds later", an arrow chain `A → B → C`, "每秒输出一行", "1초마다 한 줄씩 출력".
// Each becomes a claim that the check verifies against the printed lines and their times
// (src/check/order-claims.ts). A claim names lines only by what the prose quotes (code, quotes, Latin
// words in CJK prose); the check drops a claim whose words it cannot find among the printed lines.
import type { SequenceStep, TimingClaim } from './model.ts';
import { PHRASEBOOK, alternation, findPhrase, scriptLanguage, type PhraseLanguage } from './phrasebook.ts';
import { aboutAnotherRun, hedged, sentences } from './prose.ts';

const NUMERALS: Record<string, number> = {
  一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 半: 0.5,
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, half: 0.5,
};
const NUMBER = String.raw`(\d+(?:\.\d+)?|[一二两三四五六七八九十半]{1,3}|(?<![A-Za-z])(?:one|two|three|four|five|six|seven|eight|nine|ten|half an?|an?)(?![A-Za-z]))`;
const UNIT = String.raw`(?:초|秒|(?:seconds?|secs?|s)(?![A-Za-z]))`;

/** `2`, `2.5`, `两`, `十二`, `two`, `half a`: the number, or null. */
export function numberValue(word: string): number | null {
  const w = word.trim().toLowerCase().replace(/^half an?$/, 'half');
  if (/^\d+(?:\.\d+)?$/.test(w)) return Number(w);
  if (w in NUMERALS) return NUMERALS[w]!;
  // Chinese tens: 十 (10), 十二 (12), 二十 (20), 二十五 (25).
  const tens = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/u.exec(w);
  if (tens) return (tens[1] ? NUMERALS[tens[1]]! : 1) * 10 + (tens[2] ? NUMERALS[tens[2]]! : 0);
  return null;
}

const cache = new Map<string, RegExp>();
function pattern(key: string, build: () => string): RegExp {
  let p = cache.get(key);
  if (!p) cache.set(key, (p = new RegExp(build(), 'iu')));
  return p;
}
const words = (language: PhraseLanguage, kind: 'laterWords' | 'everyBefore' | 'everyAfter' | 'oneLine') => alternation(PHRASEBOOK[language][kind]);

/** A wait written in a clause: "两秒后", "2초 뒤", "2秒後に", "two seconds later", "after 2 s". */
function waitIn(clause: string, language: PhraseLanguage): number | null {
  const later = pattern(`later:${language}`, () => String.raw`${NUMBER}\s*${UNIT}\s*(?:${words(language, 'laterWords')})`).exec(clause);
  const after = language === 'en' ? pattern('after:en', () => String.raw`(?<![A-Za-z])(?:after|in)\s+(?:about\s+|around\s+|roughly\s+|~\s*)?${NUMBER}\s*${UNIT}`).exec(clause) : null;
  const m = later ?? after;
  return m ? numberValue(m[1]!) : null;
}

/** A period: "每秒", "每隔 2 秒", "1초마다", "매초", "1秒ごとに", "毎秒", "every second", "every 2 s". */
function periodIn(sentence: string, language: PhraseLanguage): { seconds: number; phrase: string } | null {
  const before = pattern(`every-before:${language}`, () => String.raw`(?:${words(language, 'everyBefore')})\s*${NUMBER}?\s*${UNIT}`).exec(sentence);
  const after = pattern(`every-after:${language}`, () => String.raw`${NUMBER}?\s*${UNIT}\s*(?:${words(language, 'everyAfter')})`).exec(sentence);
  const m = before ?? after;
  if (!m) return null;
  const seconds = m[1] ? numberValue(m[1]) : 1;
  return seconds && seconds > 0 ? { seconds, phrase: m[0] } : null;
}

const QUOTED = /`([^`]+)`|"([^"]+)"|“([^”]+)”|‘([^’]+)’|「([^」]+)」|『([^』]+)』|(?<![A-Za-z])'([^']+)'(?![A-Za-z])/gu;
// Latin words in CJK prose (`任务 start`, `Task A가`): not a number's unit (`2s`) nor glued to a digit.
const LATIN_RUN = /(?<![\p{N}A-Za-z_])[A-Za-z_][A-Za-z0-9_.-]*(?: [A-Za-z0-9_][A-Za-z0-9_.-]*)*/gu;

/** The words of a quoted piece of code that a printed line would contain: `print("start")` gives `start`. */
function markerOf(quoted: string): string {
  const inner = /["']([^"']+)["']/.exec(quoted);
  return (inner ? inner[1]! : quoted).trim();
}

/** What a clause quotes, in order: code, quotes, and in CJK prose its Latin words. */
function markersIn(clause: string, language: PhraseLanguage): string[] {
  const found: { at: number; marker: string }[] = [];
  const rest = clause.replace(QUOTED, (whole, ...groups) => {
    const at = groups.at(-2) as number;
    const text = (groups.slice(0, 7) as (string | undefined)[]).find((g) => g !== undefined)!;
    found.push({ at, marker: markerOf(text) });
    return ' '.repeat(whole.length);
  });
  if (language !== 'en') {
    for (const m of rest.matchAll(LATIN_RUN)) {
      // A unit or a number word (`s`, `two`) is no line's name; a capital `A` is (`Task A`, `A 和 B`).
      if (new RegExp(`^${UNIT}$`, 'iu').test(m[0]) || (numberValue(m[0]) !== null && m[0] === m[0].toLowerCase())) continue;
      found.push({ at: m.index!, marker: m[0].replace(/[.-]+$/, '') });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.marker).filter((m) => m.length > 0 && m.length <= 60);
}

/** Clauses of a sentence: at commas, at `and`/`then` in English, at a Korean connective ending (`출력되고 `). */
function clauses(sentence: string): string[] {
  return sentence.split(/[，,、；;]|(?<=[고며])\s+|\s+(?=(?:and|then)\s)/u).map((c) => c.trim()).filter(Boolean);
}

/** Is the sentence about this run, said outright? (The rules every prose claim passes.) */
function claimable(sentence: string, language: PhraseLanguage, drop: string[] = []): boolean {
  let text = sentence;
  for (const d of drop) text = text.replace(d, ' ');
  return !aboutAnotherRun(text, language) && !hedged(text, language);
}

/** "先打印 start，两秒后打印 end": the steps, or null when the sentence claims no order. */
function sequenceIn(sentence: string, language: PhraseLanguage): SequenceStep[] | null {
  if (!findPhrase(sentence, 'printVerbs', [language])) return null;
  const steps: SequenceStep[] = [];
  let pending: number | null = null;
  let waits = 0;
  for (const clause of clauses(sentence)) {
    const markers = markersIn(clause, language);
    const wait = waitIn(clause, language);
    if (wait !== null) waits++;
    if (markers.length === 0) {
      if (wait !== null) pending = wait;
      continue;
    }
    // A wait in a clause that names two lines is not said of either one.
    if (markers.length > 1 && wait !== null) return null;
    markers.forEach((marker, k) => steps.push({ marker, gap: k === 0 ? (wait ?? pending) : null }));
    pending = null;
  }
  if (steps.length < 2) return null;
  if (waits === 0 && !findPhrase(sentence, 'sequenceWords', [language])) return null;
  return steps;
}

const ARROW = /\s*(?:→|->|⇒|=>|⟶|➜|➔)\s*/u;

/** `A → B → C`: the chain's steps, or null. The arrows count outside code only (`x -> int` is code). */
function arrowChain(sentence: string, language: PhraseLanguage): SequenceStep[] | null {
  const parts: string[] = [];
  let current = '';
  for (const piece of sentence.split(/(`[^`]*`)/u)) {
    if (piece.startsWith('`')) { current += piece; continue; }
    const split = piece.split(ARROW);
    current += split[0];
    for (const next of split.slice(1)) { parts.push(current); current = next; }
  }
  parts.push(current);
  if (parts.length < 2) return null;
  const first = lastMarker(parts[0]!, language);
  const last = firstMarker(parts.at(-1)!, language);
  const middle = parts.slice(1, -1).map((p) => wholeMarker(p));
  const markers = [first, ...middle, last];
  if (markers.some((m) => m === null)) return null;
  return markers.map((marker) => ({ marker: marker!, gap: null }));
}

function wholeMarker(part: string): string | null {
  const text = markerOf(part.trim().replace(/^[`"“「『']|[`"”」』']$/gu, ''));
  // A step is a short name, not a sentence of its own nor two lines run together (`추가✔ \`get()`).
  if (!text || /[`"“”「」『』✔✓•]/u.test(text)) return null;
  return text.length <= 40 && text.split(/\s+/).length <= 4 ? text : null;
}

/** The chain's first step: the quoted piece, or the last word, at the end of the text before the first arrow. */
function lastMarker(part: string, language: PhraseLanguage): string | null {
  const quoted = /(`[^`]+`|"[^"]+"|“[^”]+”|「[^」]+」)\s*$/u.exec(part);
  if (quoted) return wholeMarker(quoted[1]!);
  const word = /([^\s:：,，。、(（]+)\s*$/u.exec(part);
  return word && (language !== 'en' || /[A-Za-z0-9]/.test(word[1]!)) ? wholeMarker(word[1]!) : null;
}

function firstMarker(part: string, language: PhraseLanguage): string | null {
  const quoted = /^\s*(`[^`]+`|"[^"]+"|“[^”]+”|「[^」]+」)/u.exec(part);
  if (quoted) return wholeMarker(quoted[1]!);
  const word = /^\s*([^\s:：,，。、.!?)）]+)/u.exec(part);
  return word && (language !== 'en' || /[A-Za-z0-9]/.test(word[1]!)) ? wholeMarker(word[1]!) : null;
}

/** The claims of order and of a period in the paragraphs about a block. */
export function proseOrder(paragraphs: { text: string; marked?: string; line: number }[]): TimingClaim[] {
  const claims: TimingClaim[] = [];
  for (const { text, marked, line } of paragraphs) {
    for (const sentence of sentences(marked ?? text)) {
      const language = scriptLanguage(sentence);
      const base = { approximate: true, text: sentence.replace(/`/g, ''), codeLine: 0, sourceLine: line, scope: 'before' as const };
      const chain = ARROW.test(sentence.replace(/`[^`]*`/g, '')) ? arrowChain(sentence, language) : null;
      if (chain) {
        // Two steps may be a mapping (`sync → async`, `put() → 추가`): only words of order make them one.
        const ordered = chain.length > 2 || findPhrase(sentence, 'sequenceWords', [language]) !== null || findPhrase(sentence, 'orderLabels', [language]) !== null;
        if (ordered && claimable(sentence, language)) claims.push({ kind: 'sequence', seconds: 0, steps: chain, ...base, found: `order:arrow:${language}` });
        continue;
      }
      const period = periodIn(sentence, language);
      if (period) {
        if (!findPhrase(sentence, 'printVerbs', [language])) continue;
        // The period's own words (`마다`, `씩`, `每`) are no time per item.
        const oneLine = findPhrase(sentence, 'oneLine', [language])?.phrase;
        if (!claimable(sentence, language, [period.phrase, ...(oneLine ? [oneLine] : [])])) continue;
        // Another number outside what the prose quotes is a rate ("每秒最多输出 5 行", "3 lines every
        // second"), not one line a period.
        let rest = sentence.replace(period.phrase, ' ').replace(oneLine ?? '\u0000', ' ').replace(QUOTED, ' ');
        if (language !== 'en') rest = rest.replace(LATIN_RUN, ' ');
        if (/\d/.test(rest)) continue;
        const markers = markersIn(sentence.replace(period.phrase, ' '), language);
        claims.push({ kind: 'every', seconds: period.seconds, marker: markers.length === 1 ? markers[0]! : null, ...base, found: `interval:prose:${language}` });
        continue;
      }
      const steps = sequenceIn(sentence, language);
      if (steps && claimable(sentence, language)) {
        claims.push({ kind: 'sequence', seconds: steps.reduce((sum, s) => sum + (s.gap ?? 0), 0), steps, ...base, found: `order:prose:${language}` });
      }
    }
  }
  return claims;
}
