// What `npm run reproducible` reports for two dist/ trees: files only one holds, files that differ.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareTrees, differenceLine } from '../../src/site/compare-trees.ts';

describe('comparing two builds', () => {
  const root = mkdtempSync(join(tmpdir(), 'compare-trees-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const tree = (name: string, files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, name, path, '..'), { recursive: true });
      writeFileSync(join(root, name, path), text);
    }
    return join(root, name);
  };

  it('finds nothing in identical trees', () => {
    const files = { 'index.html': '<p>a</p>', 'ko/x/index.html': 'x', 'pyodide/k.json': '{}' };
    expect(compareTrees(tree('same-a', files), tree('same-b', files))).toEqual([]);
  });

  it('lists each differing file once, in path order, with the first differing byte', () => {
    const a = tree('a', { 'b.txt': 'same', 'ko/t.html': 'row1 row2', 'only-a': '1', 'z/j.json': '{"n":1}' });
    const b = tree('b', { 'b.txt': 'same', 'ko/t.html': 'row2 row1', 'only-b': '2', 'z/j.json': '{"n":12}' });
    const found = compareTrees(a, b);
    expect(found.map((d) => [d.path, d.kind])).toEqual([['ko/t.html', 'differ'], ['only-a', 'only-a'], ['only-b', 'only-b'], ['z/j.json', 'differ']]);
    expect(differenceLine(found[0]!)).toBe('ko/t.html: 9 bytes in both, first difference at byte 3');
    expect(differenceLine(found[3]!)).toBe('z/j.json: 7 against 8 bytes, first difference at byte 6');
    expect(differenceLine(found[1]!)).toBe('only-a: only in the first build');
  });
});
