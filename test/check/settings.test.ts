// Settings beside a document: every mistake in them is an error naming the file and the line.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAnnotations } from '../../src/check/annotations.ts';

const dir = mkdtempSync(join(tmpdir(), 'notes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function load(yaml: string) {
  const doc = join(dir, `d${Math.random().toString(36).slice(2)}.md`);
  writeFileSync(doc.replace(/\.md$/, '.snippets.yaml'), yaml);
  return loadAnnotations(doc);
}

describe('annotations files', () => {
  it('read each setting, and the line of each entry', () => {
    const notes = load([
      'cells:',
      '  aaaa1111:',
      '    skip: "needs a GPU"',
      '  bbbb2222:',
      '    acknowledge: { verdict: drift, reason: { ko: "한국어", en: "English" } }',
      '    real-budget: 60',
      '    order-may-vary: true',
    ].join('\n'));
    expect(notes.errors).toEqual([]);
    expect(notes.cells.get('aaaa1111')).toMatchObject({ line: 2, skip: 'needs a GPU' });
    expect(notes.cells.get('bbbb2222')).toMatchObject({ line: 4, realBudget: 60, orderMayVary: true, acknowledge: { verdict: 'drift', reason: { ko: '한국어', en: 'English' } } });
  });

  it('name the file and line of an unknown setting, a missing reason and a bad budget', () => {
    const notes = load([
      'cells:',
      '  aaaa1111:',
      '    skp: "typo"',
      '  bbbb2222:',
      '    acknowledge: { verdict: drift, reason: { ko: "한국어" } }',
      '  cccc3333:',
      '    budget: -1',
    ].join('\n'));
    expect(notes.errors.map((e) => [e.file.endsWith('.snippets.yaml'), e.line, e.message])).toEqual([
      [true, 2, expect.stringMatching(/^cell aaaa1111: unknown setting "skp"/)],
      [true, 4, 'cell bbbb2222: acknowledge.reason needs ko and en texts, shown to readers'],
      [true, 6, 'cell cccc3333: budget must be a positive number of seconds'],
    ]);
  });

  it('report invalid YAML at its line instead of failing', () => {
    const notes = load('cells:\n  aaaa1111:\n    skip: [unclosed\n');
    expect(notes.errors.length).toBeGreaterThan(0);
    expect(notes.errors[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('are optional: a document without one has no settings and no errors', () => {
    const notes = loadAnnotations(join(dir, 'absent.md'));
    expect(notes.errors).toEqual([]);
    expect(notes.cells.size).toBe(0);
  });
});
