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
import { asDiagnostics, diagnostic, type Problem, type Suppression } from './diagnostics.ts';
import { decodeText } from '../source/utf8.ts';
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
  /** Who ignores which diagnostics: the project, each document's settings, each block's. */
  suppression: Suppression;
  /** Problems of the shared fixtures: every share of the documents reports them. */
  shared: Problem[];
  /** Every problem: the shared ones, then each document's. */
  problems: Problem[];
}

/** The documents of some files only (a shard's share), with the problems that belong to them. */
export function selectSource(source: LoadedSource, files: string[]): LoadedSource {
  const wanted = new Set(files);
  const documents = source.documents.filter((d) => wanted.has(d.file));
  return { documents, shared: source.shared, suppression: source.suppression, problems: [...source.shared, ...documents.flatMap((d) => d.problems)] };
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
  /** Diagnostic codes the project ignores (the configuration's `diagnostics.ignore`). */
  ignore?: readonly string[];
}

export function loadSource(sourceDir: string, files = listMarkdown(sourceDir), options: LoadOptions = {}): LoadedSource {
  const parse = options.parseCache ? (text: string, file: string) => options.parseCache!.parse(text, file) : parseDocument;
  const shared = options.fixturesDir === null ? { fixtures: [], problems: [] } : loadShared(options.fixturesDir);
  const problems: Problem[] = [...asDiagnostics('bad-fixture', shared.problems)];
  const lock = readLockQuietly(options.lockFile ?? join(sourceDir, '..', 'check.lock.json'));
  const english = options.translationDir === undefined ? translationDir(sourceDir) : options.translationDir;
  const documents: LoadedDocument[] = [];
  for (const file of files) {
    const shown = relative(process.cwd(), file) || file;
    const start = problems.length;
    let document: SourceDocument;
    try {
      // Bytes first: a file that is not UTF-8 is still checked, read with U+FFFD for each bad byte, and said so.
      const text = decodeText(readFileSync(file));
      document = parse(text.text, shown);
      if (text.firstBad) problems.push(diagnostic('not-utf8', { file: shown, line: text.firstBad.line }, text.firstBad.column, text.firstBad.count));
    } catch (error) {
      problems.push(diagnostic('unreadable-document', { file: shown, line: 1 }, (error as Error).message));
      continue;
    }
    for (const p of document.problems) {
      const at = { file: shown, line: p.line, ...(p.code === 'unclosed-fence' && p.cell ? { cell: p.cell } : {}) };
      problems.push(p.code === 'unclosed-fence' ? diagnostic(p.code, at, ...p.args) : diagnostic(p.code, at, ...p.args));
    }
    if (document.cells.length === 0) {
      problems.push(document.markdown.trim() === '' ? diagnostic('empty-document', { file: shown, line: 1 }) : diagnostic('no-python-blocks', { file: shown, line: 1 }));
    }
    const settings = loadSettings(file, options.settingsDir ?? null);
    problems.push(...asDiagnostics('bad-settings', settings.errors.map((e) => ({ ...e, file: relative(process.cwd(), e.file) }))));
    for (const entry of settings.cells.values()) {
      if (!document.cells.some((c) => c.key === entry.key)) {
        problems.push(diagnostic('orphan-setting', { file: relative(process.cwd(), settings.file), line: entry.line }, entry.key, shown));
      }
    }
    const named = new Map<string, { name: string; settingsFile: string; line: number }>();
    for (const cell of document.cells) {
      const entry = settings.cells.get(cell.key);
      for (const name of entry?.fixtures ?? []) if (!named.has(name)) named.set(name, { name, settingsFile: settings.file, line: entry!.line });
    }
    const own = loadDocumentFixtures(file, [...named.values()], options.fixturesRoot ?? join(sourceDir, '..'));
    problems.push(...asDiagnostics('bad-fixture', own.problems));
    const locked = (cell: Cell) => {
      const entry = lock?.cells[cell.id];
      return entry && entry.key === cell.key ? entry : null;
    };
    const translationFile = english ? join(english, `${document.slug}.yaml`) : null;
    const translation = translationFile && existsSync(translationFile) ? readTranslationFile(translationFile, document.slug) : null;
    documents.push({ file, document, settings, fixtures: [...shared.fixtures, ...own.fixtures], locked, translationFile, translation, problems: problems.slice(start), ...(options.defaults ? { defaults: options.defaults } : {}) });
  }
  return { documents, shared: asDiagnostics('bad-fixture', shared.problems), problems, suppression: suppressionOf(documents, options.ignore ?? []) };
}

/**
 * Who ignores what. A document's codes (its settings' `diagnostics.ignore`) hold for problems named
 * at the document and at its settings file; a block's (`ignore:`) for the problems about that block.
 */
export function suppressionOf(documents: readonly LoadedDocument[], project: readonly string[]): Suppression {
  const files = new Map<string, { codes: ReadonlySet<string>; cells: ReadonlyMap<string, ReadonlySet<string>> }>();
  for (const { file, document, settings } of documents) {
    const cells = new Map<string, ReadonlySet<string>>();
    for (const entry of settings.cells.values()) if (entry.ignore?.length) cells.set(entry.key, new Set(entry.ignore));
    const own = settings.ignore ?? [];
    if (own.length === 0 && cells.size === 0) continue;
    const scope = { codes: new Set(own), cells };
    for (const name of new Set([document.file, relative(process.cwd(), file) || file, relative(process.cwd(), settings.file) || settings.file])) files.set(name, scope);
  }
  return { project: new Set(project), files };
}

/** The lock only informs scheduling here; whether it is valid is the check's own question. */
function readLockQuietly(path: string) {
  try {
    return readLock(path);
  } catch {
    return null;
  }
}
