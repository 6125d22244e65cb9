// Per-cell settings that live beside a document (`<doc>.snippets.yaml`), never inside it.
// Keyed by the cell key (a hash of the block's code), so edits elsewhere in the document keep them
// attached, and an edit to the block itself detaches them (and they are reported as stale).
import { existsSync, readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isMap, type Node } from 'yaml';

export interface CellAnnotation {
  key: string;
  /** 1-based line of the entry in the annotations file. */
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
}

export interface AnnotationFile {
  file: string;
  cells: Map<string, CellAnnotation>;
  errors: { file: string; line: number; message: string }[];
}

const KNOWN = new Set(['line', 'note', 'skip', 'expect-error', 'acknowledge', 'order-may-vary', 'budget', 'real-budget', 'fixtures', 'input']);
/** Budgets beyond these are mistakes (and would overflow a timer): a virtual day, ten real minutes. */
export const MAX_BUDGET = 86_400;
export const MAX_REAL_BUDGET = 600;

export function annotationsPath(markdownFile: string): string {
  return markdownFile.replace(/\.(md|markdown|mdx)$/i, '.snippets.yaml');
}

export function loadAnnotations(markdownFile: string): AnnotationFile {
  const file = annotationsPath(markdownFile);
  const result: AnnotationFile = { file, cells: new Map(), errors: [] };
  if (!existsSync(file)) return result;
  const counter = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: counter });
  const lineOf = (node: Node | null | undefined) => (node?.range ? counter.linePos(node.range[0]).line : 1);
  for (const error of doc.errors) result.errors.push({ file, line: error.linePos?.[0].line ?? 1, message: error.message });
  if (doc.errors.length) return result;
  const cells = doc.get('cells', true);
  if (cells === undefined) return result;
  if (!isMap(cells)) {
    result.errors.push({ file, line: lineOf(cells as Node), message: '`cells` must be a mapping from cell key to settings' });
    return result;
  }
  for (const pair of cells.items) {
    const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
    const line = lineOf(pair.key as Node);
    const fail = (message: string) => result.errors.push({ file, line, message: `cell ${key}: ${message}` });
    const value = (pair.value as { toJSON?: () => unknown })?.toJSON?.() as Record<string, unknown> | undefined;
    if (!value || typeof value !== 'object') { fail('settings must be a mapping'); continue; }
    const note: CellAnnotation = { key, line };
    for (const [name, setting] of Object.entries(value)) {
      if (!KNOWN.has(name)) { fail(`unknown setting "${name}" (known: ${[...KNOWN].join(', ')})`); continue; }
      if (name === 'skip') {
        if (typeof setting !== 'string' || !setting.trim()) fail('skip needs a reason (a string)');
        else note.skip = setting;
      } else if (name === 'expect-error') {
        const s = setting as Record<string, unknown>;
        if (!s || typeof s.ename !== 'string' || typeof s.reason !== 'string') fail('expect-error needs { ename, reason }');
        else note.expectError = { ename: s.ename, reason: s.reason };
      } else if (name === 'acknowledge') {
        const s = setting as Record<string, unknown>;
        const reason = s?.reason as Record<string, unknown> | undefined;
        if (!s || !['drift', 'error', 'hangs'].includes(String(s.verdict))) fail('acknowledge.verdict must be drift, error or hangs');
        else if (!reason || typeof reason.ko !== 'string' || typeof reason.en !== 'string') fail('acknowledge.reason needs ko and en texts, shown to readers');
        else note.acknowledge = { verdict: s.verdict as 'drift', reason: { ko: reason.ko, en: reason.en } };
      } else if (name === 'order-may-vary') {
        note.orderMayVary = setting === true;
      } else if (name === 'budget' || name === 'real-budget') {
        const max = name === 'budget' ? MAX_BUDGET : MAX_REAL_BUDGET;
        if (typeof setting !== 'number' || !Number.isFinite(setting) || setting <= 0) fail(`${name} must be a positive number of seconds`);
        else if (setting > max) fail(`${name} must be at most ${max} seconds (got ${setting})`);
        else if (name === 'budget') note.budget = setting;
        else note.realBudget = setting;
      } else if (name === 'input') {
        if (typeof setting === 'string') note.input = setting.endsWith('\n') ? setting : `${setting}\n`;
        else if (Array.isArray(setting) && setting.every((l) => typeof l === 'string' || typeof l === 'number')) note.input = setting.map(String).join('\n') + '\n';
        else fail('input must be a string or a list of lines');
      } else if (name === 'fixtures') {
        if (!Array.isArray(setting) || setting.some((f) => typeof f !== 'string')) fail('fixtures must be a list of file names');
        else note.fixtures = setting as string[];
      }
    }
    result.cells.set(key, note);
  }
  return result;
}
