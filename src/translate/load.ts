// Reading and validating a translation file, content/en/<slug>.yaml; the format is
// `translationFileSchema` (src/schema/translation.ts). Every error names the file and the line, so
// `npm run check` can report it like any other problem; an invalid entry is left out, the others
// are still used.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { segmentSchema, translationFileSchema } from '../schema/translation.ts';
import { failingPaths, validateText, type FileProblem } from '../schema/validate.ts';

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

export type TranslationError = FileProblem;

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

/** Parses and validates the text of a translation file. `slug`, when given, must match `document`. */
export function parseTranslationFile(text: string, path: string, slug?: string): LoadResult {
  const checked = validateText(text, path, translationFileSchema);
  const errors: TranslationError[] = [...checked.problems];
  const raw = checked.parsed.value as { document?: unknown; segments?: unknown } | null;
  if (checked.parsed.problems.length > 0 || !raw || typeof raw !== 'object' || Array.isArray(raw)) return { translation: null, errors };
  const { lineOf } = checked.parsed;
  let document = slug ?? '';
  if (typeof raw.document === 'string' && raw.document !== '') {
    document = raw.document;
    if (slug !== undefined && document !== slug) errors.push({ file: path, line: lineOf(['document']), message: `document: \`${document}\` does not match the file name (expected \`${slug}\`)` });
  }
  if (!Array.isArray(raw.segments)) return { translation: null, errors: byLine(errors) };

  const bad = checked.ok ? new Set<string>() : failingPaths(checked.issues ?? [], 2);
  const segments: TranslationEntry[] = [];
  const seen = new Map<string, TranslationEntry>();
  raw.segments.forEach((item, i) => {
    const parsed = bad.has(`segments.${i}`) ? null : segmentSchema.safeParse(item);
    if (!parsed?.success) return;
    const line = lineOf(['segments', i]);
    const { key, ko, en } = parsed.data;
    const entry: TranslationEntry = { key, ko, en: typeof en === 'string' && en.trim() !== '' ? en : null, line };
    const earlier = seen.get(key);
    if (earlier && earlier.en !== entry.en) {
      errors.push({ file: path, line, message: `segments.${i}: segment ${key} is translated twice, differently (first at line ${earlier.line}); identical Korean blocks need one English text` });
      return;
    }
    seen.set(key, entry);
    segments.push(entry);
  });
  return { translation: { path, document, segments }, errors: byLine(errors) };
}

const byLine = (errors: TranslationError[]) => errors.sort((a, b) => a.line - b.line);

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

/** The English edition of a Korean source directory: its sibling `en`, when the source is a `ko` directory that has one. */
export function translationDir(sourceDir: string): string | null {
  if (basename(sourceDir.replace(/[\\/]+$/, '')) !== 'ko') return null;
  const dir = join(sourceDir, '..', 'en');
  return existsSync(dir) ? dir : null;
}
