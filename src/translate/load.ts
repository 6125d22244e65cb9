// Reading and validating a translation file, content/en/<slug>.yaml:
//
//   document: <slug>
//   segments:
//     - key: <first 16 hex digits of the sha256 of ko>
//       ko: <the Korean segment's exact source>
//       en: <its English Markdown>   (null or '' while untranslated)
//
// Every error names the file and the line, so `npm run check` can report it like any other problem.
import { readFileSync } from 'node:fs';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { segmentKey } from '../source/segments.ts';

export interface TranslationEntry {
  key: string;
  ko: string;
  /** The English Markdown; null when the entry is a placeholder (`en: null`, `en: ''` or no `en`). */
  en: string | null;
  /** 1-based line of the entry (its `- key:` line) in the translation file. */
  line: number;
}

export interface TranslationFile {
  path: string;
  document: string;
  segments: TranslationEntry[];
}

export interface TranslationError {
  file: string;
  line: number;
  message: string;
}

export interface LoadResult {
  /** The valid entries (invalid ones are left out and reported); null when the file is unusable. */
  translation: TranslationFile | null;
  errors: TranslationError[];
}

export class TranslationFileError extends Error {
  readonly errors: TranslationError[];
  constructor(errors: TranslationError[]) {
    super(errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
    this.name = 'TranslationFileError';
    this.errors = errors;
  }
}

const KEY = /^[0-9a-f]{16}$/;
const ENTRY_FIELDS = new Set(['key', 'ko', 'en']);
const TOP_FIELDS = new Set(['document', 'segments']);

/** Parses and validates the text of a translation file. `slug`, when given, must match `document`. */
export function parseTranslationFile(text: string, path: string, slug?: string): LoadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const errors: TranslationError[] = [];
  const error = (line: number, message: string) => errors.push({ file: path, line, message });
  const lineOf = (node: Node | null | undefined, fallback = 1) =>
    node?.range ? lineCounter.linePos(node.range[0]).line : fallback;

  for (const e of doc.errors) {
    error(e.linePos?.[0]?.line ?? 1, `invalid YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  if (errors.length > 0) return { translation: null, errors };

  const root = doc.contents;
  if (!isMap(root)) {
    error(lineOf(root), 'a translation file must be a mapping with `document` and `segments`');
    return { translation: null, errors };
  }
  for (const pair of root.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (!TOP_FIELDS.has(name)) error(lineOf(pair.key as Node), `unknown field \`${name}\` (expected \`document\` and \`segments\`)`);
  }
  const documentNode = root.get('document', true);
  let document = slug ?? '';
  if (!isScalar(documentNode) || typeof documentNode.value !== 'string' || documentNode.value === '') {
    error(lineOf(documentNode, 1), '`document` must be the slug of the Korean document (its file name without .md)');
  } else {
    document = documentNode.value;
    if (slug !== undefined && document !== slug) error(lineOf(documentNode), `\`document: ${document}\` does not match the file name (expected \`${slug}\`)`);
  }
  const segmentsNode = root.get('segments', true);
  if (!isSeq(segmentsNode)) {
    error(lineOf(segmentsNode, 1), '`segments` must be a list of {key, ko, en} entries');
    return { translation: null, errors };
  }

  const segments: TranslationEntry[] = [];
  const seen = new Map<string, TranslationEntry>();
  for (const item of segmentsNode.items) {
    const line = lineOf(item as Node);
    if (!isMap(item)) {
      error(line, 'a segment must be a mapping with `key`, `ko` and `en`');
      continue;
    }
    let valid = true;
    for (const pair of item.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (!ENTRY_FIELDS.has(name)) { error(lineOf(pair.key as Node, line), `unknown field \`${name}\` in a segment (expected key, ko, en)`); valid = false; }
    }
    const keyNode = item.get('key', true);
    const koNode = item.get('ko', true);
    const enNode = item.get('en', true);
    const key = isScalar(keyNode) ? keyNode.value : undefined;
    const ko = isScalar(koNode) ? koNode.value : undefined;
    const en = isScalar(enNode) ? enNode.value : enNode === undefined ? null : undefined;
    if (typeof key !== 'string' || !KEY.test(key)) {
      error(lineOf(keyNode, line), `\`key\` must be 16 lowercase hex digits as a string${typeof key === 'number' ? ' (quote it: YAML read it as a number)' : ''}`);
      valid = false;
    }
    if (typeof ko !== 'string' || ko === '') {
      error(lineOf(koNode, line), '`ko` must be the Korean segment\'s source text (a string, e.g. a `|-` block)');
      valid = false;
    }
    if (en !== null && typeof en !== 'string') {
      error(lineOf(enNode, line), '`en` must be a string (the English Markdown), or null while untranslated');
      valid = false;
    }
    if (!valid) continue;
    const entry: TranslationEntry = { key: key as string, ko: ko as string, en: typeof en === 'string' && en.trim() !== '' ? en : null, line };
    const expected = segmentKey(entry.ko);
    if (expected !== entry.key) {
      error(lineOf(keyNode, line), `key ${entry.key} is not the key of its \`ko\` text (${expected}): \`ko\` must be the exact Korean source of the segment; run \`npm run translations -- --write-skeleton\` to add correct entries`);
      continue;
    }
    const earlier = seen.get(entry.key);
    if (earlier && earlier.en !== entry.en) {
      error(line, `segment ${entry.key} is translated twice, differently (first at line ${earlier.line}); identical Korean blocks need one English text`);
      continue;
    }
    seen.set(entry.key, entry);
    segments.push(entry);
  }
  return { translation: { path, document, segments }, errors };
}

/** Reads and validates a translation file; errors (including an unreadable file) are returned, not thrown. */
export function readTranslationFile(path: string, slug?: string): LoadResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { translation: null, errors: [{ file: path, line: 1, message: `cannot read the translation file: ${(e as Error).message}` }] };
  }
  return parseTranslationFile(text, path, slug);
}

/** Reads a translation file, throwing a TranslationFileError that lists every problem when it is invalid. */
export function loadTranslationFile(path: string, slug?: string): TranslationFile {
  const { translation, errors } = readTranslationFile(path, slug);
  if (errors.length > 0 || !translation) throw new TranslationFileError(errors);
  return translation;
}
