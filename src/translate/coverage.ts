// Translation coverage of one document: which Korean segments have an English text (translated),
// which have none (missing), and which stored translations were made from a Korean text that is no
// longer in the document (stale). Pure functions: the caller reads the files.
import { diffLines } from 'diff';
import { splitSegments, type Segment } from '../source/segments.ts';
import type { TranslationEntry, TranslationFile } from './load.ts';
import { diagnostic, type Problem } from '../check/diagnostics.ts';

export interface MissingSegment {
  key: string;
  kind: Segment['kind'];
  /** 1-based line of the segment in the Korean document. */
  line: number;
  /** The segment's first line, shortened. */
  excerpt: string;
  /** Line of an entry with this key whose `en` is still empty (a skeleton placeholder), if any. */
  placeholderLine: number | null;
}

export interface StaleMatch {
  key: string;
  /** 1-based line of the most likely current segment in the Korean document. */
  line: number;
  /** 0..1: how alike the old and the current Korean texts are. */
  similarity: number;
}

export interface StaleSegment {
  key: string;
  /** 1-based line of the entry in the translation file. */
  entryLine: number;
  /** The Korean text the translation was made from. */
  ko: string;
  en: string | null;
  /** The current segment this entry most likely translated before the Korean changed; null when none resembles it. */
  match: StaleMatch | null;
  /** The current Korean source of the match (empty when there is no match). */
  current: string;
  /** A short line diff, old `ko` (-) against the current source (+); empty when there is no match. */
  diff: string;
}

export interface DocumentCoverage {
  slug: string;
  total: number;
  translated: number;
  missing: MissingSegment[];
  stale: StaleSegment[];
  /** translated / total, in percent, rounded down to one decimal (100 only when complete). */
  coverage: number;
}

export interface CoverageSummary {
  total: number;
  translated: number;
  stale: number;
  missing: number;
  coverage: number;
}

/** translated / total as a percentage rounded down to one decimal, so 100 means really complete. */
export function percent(translated: number, total: number): number {
  if (total === 0) return 100;
  return Math.floor((translated * 1000) / total) / 10;
}

export function excerpt(source: string, width = 60): string {
  const first = source.split('\n').find((l) => l.trim() !== '') ?? '';
  const text = first.trim().replace(/\s+/g, ' ');
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

/** Lines that say something (not blank, not a bare fence or a separator), trimmed. */
function meaningfulLines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l.length >= 3 && !/^(`{3,}|~{3,})\w*$/.test(l) && !/^[-|: ]+$/.test(l));
}

function bigrams(text: string): Map<string, number> {
  const s = text.replace(/\s+/g, ' ').trim();
  const out = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

function multisetOverlap<T>(a: Map<T, number>, b: Map<T, number>): number {
  let common = 0;
  for (const [k, n] of a) common += Math.min(n, b.get(k) ?? 0);
  return common;
}

function counts<T>(items: T[]): Map<T, number> {
  const out = new Map<T, number>();
  for (const item of items) out.set(item, (out.get(item) ?? 0) + 1);
  return out;
}

/**
 * How alike two Korean texts are: `lines` is the share of meaningful lines they have in common
 * (relative to the longer one), `chars` the Dice coefficient of their character bigrams.
 */
export function similarity(a: string, b: string): { lines: number; chars: number } {
  const la = meaningfulLines(a);
  const lb = meaningfulLines(b);
  const lines = Math.max(la.length, lb.length) === 0 ? 0 : multisetOverlap(counts(la), counts(lb)) / Math.max(la.length, lb.length);
  const ba = bigrams(a);
  const bb = bigrams(b);
  const size = (m: Map<string, number>) => [...m.values()].reduce((x, y) => x + y, 0);
  const total = size(ba) + size(bb);
  const chars = total === 0 ? (a.trim() === b.trim() ? 1 : 0) : (2 * multisetOverlap(ba, bb)) / total;
  return { lines, chars };
}

/** Below this, an old Korean text is not taken to be an earlier version of any current segment. */
export const MATCH_THRESHOLD = 0.35;

/**
 * The current segment an outdated Korean text most likely became: the one with the most lines in
 * common, then the most alike characters; segments that have no translation yet are preferred,
 * since an edited block loses its translation.
 */
export function likelySegment(oldKo: string, segments: Segment[], untranslated: Set<string>): StaleMatch | null {
  let best: { segment: Segment; score: number; similarity: number } | null = null;
  for (const segment of segments) {
    const { lines, chars } = similarity(oldKo, segment.source);
    if (chars < MATCH_THRESHOLD && lines < 0.5) continue;
    const score = lines + chars + (untranslated.has(segment.key) ? 0.25 : 0);
    if (!best || score > best.score) best = { segment, score, similarity: Math.round(Math.max(lines, chars) * 100) / 100 };
  }
  return best ? { key: best.segment.key, line: best.segment.line, similarity: best.similarity } : null;
}

/**
 * A short line diff: removed lines with `-`, added lines with `+`, and one unchanged line of context
 * around each change (longer unchanged runs are shown as `  …`).
 */
export function lineDiff(oldText: string, newText: string, context = 1): string {
  const rows: { mark: ' ' | '-' | '+'; text: string }[] = [];
  for (const part of diffLines(oldText.endsWith('\n') ? oldText : `${oldText}\n`, newText.endsWith('\n') ? newText : `${newText}\n`)) {
    const mark = part.added ? '+' : part.removed ? '-' : ' ';
    for (const text of part.value.replace(/\n$/, '').split('\n')) rows.push({ mark, text });
  }
  const near = rows.map((_, i) => rows.slice(Math.max(0, i - context), i + context + 1).some((r) => r.mark !== ' '));
  const out: string[] = [];
  rows.forEach((row, i) => {
    if (row.mark !== ' ' || near[i]) out.push(`${row.mark}${row.text}`);
    else if (out[out.length - 1] !== '  …') out.push('  …');
  });
  return out.join('\n');
}

/** Coverage of one Korean document by its translation file (null: there is none). */
export function documentCoverage(slug: string, markdown: string, translation: TranslationFile | null): DocumentCoverage {
  const segments = splitSegments(markdown);
  const entries = translation?.segments ?? [];
  const byKey = new Map<string, TranslationEntry>();
  for (const entry of entries) if (!byKey.has(entry.key) || entry.en !== null) byKey.set(entry.key, entry);

  const missing: MissingSegment[] = [];
  for (const segment of segments) {
    const entry = byKey.get(segment.key);
    if (entry?.en) continue;
    missing.push({ key: segment.key, kind: segment.kind, line: segment.line, excerpt: excerpt(segment.source), placeholderLine: entry?.line ?? null });
  }
  const current = new Set(segments.map((s) => s.key));
  const untranslated = new Set(missing.map((m) => m.key));
  const stale: StaleSegment[] = entries
    .filter((entry) => !current.has(entry.key))
    .map((entry) => {
      const match = likelySegment(entry.ko, segments, untranslated);
      const source = match ? segments.find((s) => s.key === match.key)!.source : '';
      return { key: entry.key, entryLine: entry.line, ko: entry.ko, en: entry.en, match, current: source, diff: match ? lineDiff(entry.ko, source) : '' };
    });
  const translated = segments.length - missing.length;
  return { slug, total: segments.length, translated, missing, stale, coverage: percent(translated, segments.length) };
}

export function coverageSummary(c: DocumentCoverage): CoverageSummary {
  return { total: c.total, translated: c.translated, stale: c.stale.length, missing: c.missing.length, coverage: c.coverage };
}

/** `translation en: <slug> 100% (321/321), 0 stale, 0 missing` */
export function coverageLine(c: DocumentCoverage, locale = 'en'): string {
  return `translation ${locale}: ${c.slug} ${c.coverage}% (${c.translated}/${c.total}), ${c.stale.length} stale, ${c.missing.length} missing`;
}

export type CoverageProblem = Problem;

/**
 * One problem per stale entry (in the translation file, at the entry) and per missing segment (in the
 * Korean document, at the segment). `koFile` and `enFile` are the paths to name.
 */
export function coverageProblems(c: DocumentCoverage, koFile: string, enFile: string): CoverageProblem[] {
  const problems: CoverageProblem[] = [];
  for (const s of c.stale) {
    const where = s.match
      ? `its Korean source changed, most likely into ${koFile}:${s.match.line} (segment ${s.match.key}); translate that and delete this entry (see \`npm run translations\`)\n${s.diff}`
      : 'no current Korean segment resembles its `ko` (the block was removed?): delete the entry';
    problems.push(diagnostic('translation-stale', { file: enFile, line: s.entryLine }, s.key, where));
  }
  for (const m of c.missing) {
    const placeholder = m.placeholderLine !== null ? ` (its entry at ${enFile}:${m.placeholderLine} has no \`en\` yet)` : '';
    problems.push(diagnostic('translation-missing', { file: koFile, line: m.line }, m.key, m.kind, placeholder, m.excerpt));
  }
  return problems;
}
