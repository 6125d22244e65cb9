// Per-cell settings that live beside a document (`<doc>.snippets.yaml`), never inside it; the format
// is `settingsFileSchema` (src/schema/settings.ts). Keyed by the cell key (a hash of the block's
// code), so edits elsewhere in the document keep them attached, and an edit to the block itself
// detaches them (and they are reported as stale). A mistake is a problem at its line; the rest of
// the file still applies, down to the other fields of the same cell.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { cellSettingsSchema, ignoreList, settingsFileSchema, type CellSettingsEntry } from '../schema/settings.ts';
import { failingPaths, validateText, type FileProblem } from '../schema/validate.ts';

export { MAX_BUDGET, MAX_REAL_BUDGET } from '../schema/settings.ts';

export interface CellSettings {
  key: string;
  /** 1-based line of the entry in the settings file. */
  line: number;
  skip?: string;
  expectError?: { ename: string; reason: string };
  acknowledge?: { verdict: 'drift' | 'error' | 'hangs'; reason: { ko: string; en: string } };
  orderMayVary?: boolean;
  budget?: number;
  realBudget?: number;
  fixtures?: string[];
  /** What `input()` reads: the lines a reader would type. */
  input?: string;
  /** Pseudo-code: a block that does not compile is skipped. */
  pseudo?: boolean;
  /** Diagnostic codes not reported for this block. */
  ignore?: string[];
}

export interface DocumentSettings {
  file: string;
  cells: Map<string, CellSettings>;
  /** Diagnostic codes not reported for the document (`diagnostics: {ignore: [...]}`); absent: none. */
  ignore?: string[];
  errors: FileProblem[];
}

/** `<doc>.snippets.yaml`: beside the document, or in `dir` when the configuration names one. */
export function settingsPath(markdownFile: string, dir: string | null = null): string {
  const name = markdownFile.replace(/\.(md|markdown|mdx)$/i, '.snippets.yaml');
  return dir === null ? name : join(dir, basename(name));
}

export function loadSettings(markdownFile: string, dir: string | null = null): DocumentSettings {
  const file = settingsPath(markdownFile, dir);
  if (!existsSync(file)) return { file, cells: new Map(), ignore: [], errors: [] };
  return parseSettings(readFileSync(file, 'utf8'), file);
}

/** The settings in `text` (the file `file`): every valid field of every cell, and a problem per mistake. */
export function parseSettings(text: string, file: string): DocumentSettings {
  const result: DocumentSettings = { file, cells: new Map(), ignore: [], errors: [] };
  // An empty file (comments only) sets nothing, as `cells: {}` would.
  const checked = validateText(text, file, settingsFileSchema.nullable());
  result.errors.push(...checked.problems);
  // As written (not the schema's output), so the fields keep the file's order.
  const raw = (checked.parsed.value as { cells?: unknown } | null)?.cells;
  // What failed is left out: a cell whose entry is unusable, or just the fields that are wrong.
  const bad = checked.ok ? new Set<string>() : failingPaths(checked.issues ?? [], 3);
  const ignore = (checked.parsed.value as { diagnostics?: { ignore?: unknown } } | null)?.diagnostics?.ignore;
  if (Array.isArray(ignore) && !bad.has('diagnostics') && !bad.has('diagnostics.ignore')) result.ignore = ignore.filter((c): c is string => typeof c === 'string' && ignoreList.element.safeParse(c).success);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return result;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (bad.has(`cells.${key}`) || !value || typeof value !== 'object') continue;
    const kept = Object.fromEntries(Object.entries(value).filter(([name]) => !bad.has(`cells.${key}.${name}`)));
    const parsed = cellSettingsSchema.safeParse(kept);
    if (parsed.success) result.cells.set(key, toCellSettings(key, checked.parsed.lineOf(['cells', key]), parsed.data, Object.keys(kept)));
  }
  return result;
}

/**
 * Fields in the order the file gives them: the whole object is part of the cell's cache key, so the
 * same file must always make the same object.
 */
function toCellSettings(key: string, line: number, raw: CellSettingsEntry, order: string[]): CellSettings {
  const settings: CellSettings = { key, line };
  for (const name of order) {
    if (name === 'skip' && raw.skip !== undefined) settings.skip = raw.skip;
    else if (name === 'expect-error' && raw['expect-error']) settings.expectError = { ...raw['expect-error'] };
    else if (name === 'acknowledge' && raw.acknowledge) settings.acknowledge = { verdict: raw.acknowledge.verdict, reason: { ...raw.acknowledge.reason } };
    else if (name === 'order-may-vary' && raw['order-may-vary'] !== undefined) settings.orderMayVary = raw['order-may-vary'];
    else if (name === 'budget' && raw.budget !== undefined) settings.budget = raw.budget;
    else if (name === 'real-budget' && raw['real-budget'] !== undefined) settings.realBudget = raw['real-budget'];
    else if (name === 'fixtures' && raw.fixtures) settings.fixtures = [...raw.fixtures];
    else if (name === 'pseudo' && raw.pseudo) settings.pseudo = true;
    else if (name === 'ignore' && raw.ignore) settings.ignore = [...raw.ignore];
    else if (name === 'input' && raw.input !== undefined) {
      const text = typeof raw.input === 'string' ? raw.input : raw.input.map(String).join('\n');
      settings.input = text.endsWith('\n') ? text : `${text}\n`;
    }
  }
  return settings;
}
