// The check's loaders: the only place the check reads files. Each document comes with its settings
// (`<doc>.snippets.yaml`), the fixtures its cells may use, and what the lock beside the source
// directory learned about its cells (their cost, the earlier cells they needed) as scheduling
// hints, and its English translation (`../en/<slug>.yaml` beside a `ko` source directory), which the
// pages are made from. A document that cannot be read is a problem naming it; the others still load.
// Each document is parsed once here: the check, the shard weights and the translation coverage all
// read the same SourceDocument.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from '../source/document.ts';
import type { ParseCache } from '../source/parse-cache.ts';
import type { Cell, SourceDocument } from '../source/model.ts';
import { loadSettings, type CellSettings, type DocumentSettings } from './settings.ts';
import { loadDocumentFixtures, loadShared } from './fixtures.ts';
import { readLock, type LockEntry } from './lock.ts';
import type { Problem } from './run.ts';
import { readTranslationFile, translationDir, type LoadResult } from '../translate/load.ts';

export interface LoadedDocument {
  /** The path as given (absolute or relative to the working directory). */
  file: string;
  document: SourceDocument;
  settings: DocumentSettings;
  /** The shared fixtures, then the document's own (later ones win). */
  fixtures: Record<string, unknown>[];
  /** The lock's entry for a cell whose code is unchanged since it was accepted. */
  locked: (cell: Cell) => LockEntry | null;
  /** Where its English translation lives (null: the source has no English edition). */
  translationFile: string | null;
  /** The translation file read and validated; null when there is no such file. */
  translation: LoadResult | null;
  /** What is wrong with the document, its settings or its fixtures (not its translation: see translate/status.ts). */
  problems: Problem[];
  /** Budgets for the cells whose settings name none (the configuration's `kernel`); absent: the kernel's own. */
  defaults?: CellDefaults;
}

export interface CellDefaults {
  budget?: number;
  realBudget?: number;
}

export interface LoadedSource {
  documents: LoadedDocument[];
  /** Problems of the shared fixtures: every share of the documents reports them. */
  shared: Problem[];
  /** Every problem: the shared ones, then each document's. */
  problems: Problem[];
}

/** The documents of some files only (a shard's share), with the problems that belong to them. */
export function selectSource(source: LoadedSource, files: string[]): LoadedSource {
  const wanted = new Set(files);
  const documents = source.documents.filter((d) => wanted.has(d.file));
  return { documents, shared: source.shared, problems: [...source.shared, ...documents.flatMap((d) => d.problems)] };
}

export function listMarkdown(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.(md|mdx|markdown)$/i.test(f) && f.toLowerCase() !== 'readme.md')
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .sort();
}

export function settingOf(loaded: Pick<LoadedDocument, 'settings' | 'defaults'>, cell: Cell): CellSettings | undefined {
  const own = loaded.settings.cells.get(cell.key);
  const defaults = loaded.defaults;
  if (!defaults || (defaults.budget === undefined && defaults.realBudget === undefined)) return own;
  // The budgets a cell runs with are part of its settings (and so of its cache key), wherever they come from.
  const merged: CellSettings = own ? { ...own } : { key: cell.key, line: 0 };
  if (merged.budget === undefined && defaults.budget !== undefined) merged.budget = defaults.budget;
  if (merged.realBudget === undefined && defaults.realBudget !== undefined) merged.realBudget = defaults.realBudget;
  return merged;
}

export interface LoadOptions {
  /** Parsed documents kept between runs (src/source/parse-cache.ts); null or absent: parse every document. */
  parseCache?: ParseCache | null;
  /** The places the configuration names (src/config/load.ts); each absent one is derived from `sourceDir` as before. */
  lockFile?: string;
  /** The directory of the translation files; null: the documents have none. */
  translationDir?: string | null;
  /** Shared fixtures; null: none. */
  fixturesDir?: string | null;
  /** The directory a document's named fixtures must stay inside. */
  fixturesRoot?: string;
  /** Where the `<doc>.snippets.yaml` files are; absent: beside each document. */
  settingsDir?: string | null;
  defaults?: CellDefaults;
}

export function loadSource(sourceDir: string, files = listMarkdown(sourceDir), options: LoadOptions = {}): LoadedSource {
  const parse = options.parseCache ? (text: string, file: string) => options.parseCache!.parse(text, file) : parseDocument;
  const shared = options.fixturesDir === null ? { fixtures: [], problems: [] } : loadShared(options.fixturesDir);
  const problems: Problem[] = [...shared.problems];
  const lock = readLockQuietly(options.lockFile ?? join(sourceDir, '..', 'check.lock.json'));
  const english = options.translationDir === undefined ? translationDir(sourceDir) : options.translationDir;
  const documents: LoadedDocument[] = [];
  for (const file of files) {
    const shown = relative(process.cwd(), file) || file;
    const start = problems.length;
    let document: SourceDocument;
    try {
      document = parse(readFileSync(file, 'utf8'), shown);
    } catch (error) {
      problems.push({ file: shown, line: 1, message: `cannot read the document: ${(error as Error).message}` });
      continue;
    }
    problems.push(...document.problems.map((p) => ({ file: shown, ...p })));
    const settings = loadSettings(file, options.settingsDir ?? null);
    problems.push(...settings.errors.map((e) => ({ ...e, file: relative(process.cwd(), e.file) })));
    for (const entry of settings.cells.values()) {
      if (!document.cells.some((c) => c.key === entry.key)) {
        problems.push({ file: relative(process.cwd(), settings.file), line: entry.line, message: `setting for cell ${entry.key} matches no python block of ${shown} (was the block edited?)` });
      }
    }
    const named = new Map<string, { name: string; settingsFile: string; line: number }>();
    for (const cell of document.cells) {
      const entry = settings.cells.get(cell.key);
      for (const name of entry?.fixtures ?? []) if (!named.has(name)) named.set(name, { name, settingsFile: settings.file, line: entry!.line });
    }
    const own = loadDocumentFixtures(file, [...named.values()], options.fixturesRoot ?? join(sourceDir, '..'));
    problems.push(...own.problems);
    const locked = (cell: Cell) => {
      const entry = lock?.cells[cell.id];
      return entry && entry.key === cell.key ? entry : null;
    };
    const translationFile = english ? join(english, `${document.slug}.yaml`) : null;
    const translation = translationFile && existsSync(translationFile) ? readTranslationFile(translationFile, document.slug) : null;
    documents.push({ file, document, settings, fixtures: [...shared.fixtures, ...own.fixtures], locked, translationFile, translation, problems: problems.slice(start), ...(options.defaults ? { defaults: options.defaults } : {}) });
  }
  return { documents, shared: shared.problems, problems };
}

/** The lock only informs scheduling here; whether it is valid is the check's own question. */
function readLockQuietly(path: string) {
  try {
    return readLock(path);
  } catch {
    return null;
  }
}
