// Settings beside a document: every mistake in them is an error naming the file, the line and the
// field, and what is valid still applies.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings, parseSettings } from '../../src/check/settings.ts';

const dir = mkdtempSync(join(tmpdir(), 'settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function load(yaml: string) {
  const doc = join(dir, `d${Math.random().toString(36).slice(2)}.md`);
  writeFileSync(doc.replace(/\.md$/, '.snippets.yaml'), yaml);
  return loadSettings(doc);
}

const lines = (yaml: string) => parseSettings(yaml, 'x.snippets.yaml').errors.map((e) => `${e.file}:${e.line}: ${e.message}`);

describe('settings files', () => {
  it('read each setting, and the line of each entry', () => {
    const settings = load([
      '# a comment',
      'cells:',
      '  aaaa1111:',
      '    skip: "needs a GPU"',
      '  bbbb2222:',
      '    line: 40',
      '    note: "for maintainers"',
      '    acknowledge: { verdict: drift, reason: { ko: "한국어", en: "English" } }',
      '    real-budget: 60',
      '    order-may-vary: true',
      '  cccc3333-2:',
      '    expect-error: { ename: ValueError, reason: "on purpose" }',
      '    budget: 7200',
      '    fixtures: [own.yaml]',
      '    input: [Alice, 3]',
      '  dddd4444:',
      '    input: "one line"',
    ].join('\n'));
    expect(settings.errors).toEqual([]);
    expect(settings.cells.get('aaaa1111')).toEqual({ key: 'aaaa1111', line: 3, skip: 'needs a GPU' });
    expect(settings.cells.get('bbbb2222')).toEqual({ key: 'bbbb2222', line: 5, realBudget: 60, orderMayVary: true, acknowledge: { verdict: 'drift', reason: { ko: '한국어', en: 'English' } } });
    expect(settings.cells.get('cccc3333-2')).toEqual({ key: 'cccc3333-2', line: 11, expectError: { ename: 'ValueError', reason: 'on purpose' }, budget: 7200, fixtures: ['own.yaml'], input: 'Alice\n3\n' });
    expect(settings.cells.get('dddd4444')?.input).toBe('one line\n');
  });

  it('keep the order of the file, which the cache key depends on', () => {
    const a = parseSettings('cells:\n  aaaa1111:\n    real-budget: 60\n    budget: 5\n', 'a.yaml').cells.get('aaaa1111');
    expect(Object.keys(a!)).toEqual(['key', 'line', 'realBudget', 'budget']);
  });

  it('name the file, line and field of each kind of mistake', () => {
    expect(lines([
      'cells:',
      '  aaaa1111:',
      '    skp: "typo"',
      '  bbbb2222:',
      '    acknowledge: { verdict: drift, reason: { ko: "한국어" } }',
      '  cccc3333:',
      '    budget: -1',
      '  dddd4444:',
      '    real-budget: 10000',
      '  eeee5555:',
      '    acknowledge:',
      '      verdict: fine',
      '      reason: { ko: "가", en: "a" }',
      '  ffff6666:',
      '    skip: "  "',
      '    order-may-vary: yes please',
      '  abab1212:',
      '    fixtures: [1, two.yaml]',
      '    input: { a: 1 }',
      '  not-a-key:',
      '    skip: x',
      '  cdcd3434:',
      '  efef5656:',
      '    expect-error: { ename: ValueError }',
      '  abcd9999:',
      '    acknowledge: { verdict: error }',
    ].join('\n'))).toEqual([
      'x.snippets.yaml:3: cells.aaaa1111.skp: unknown field (known: line, note, skip, expect-error, acknowledge, order-may-vary, budget, real-budget, fixtures, input, pseudo, ignore)',
      'x.snippets.yaml:5: cells.bbbb2222.acknowledge.reason.en: is required',
      'x.snippets.yaml:7: cells.cccc3333.budget: must be a positive number of seconds (got -1)',
      'x.snippets.yaml:9: cells.dddd4444.real-budget: must be at most 600 seconds (got 10000)',
      'x.snippets.yaml:12: cells.eeee5555.acknowledge.verdict: must be one of "drift", "error", "hangs" (got "fine")',
      'x.snippets.yaml:15: cells.ffff6666.skip: needs a reason: why the block is not run (shown to readers)',
      'x.snippets.yaml:16: cells.ffff6666.order-may-vary: must be true or false (got "yes please")',
      'x.snippets.yaml:18: cells.abab1212.fixtures.0: must be a string (got 1)',
      'x.snippets.yaml:19: cells.abab1212.input: must be a string or a list of lines',
      expect.stringMatching(/^x\.snippets\.yaml:20: cells\.not-a-key: is not a valid key: a cell key is the first 8 hex digits/),
      'x.snippets.yaml:22: cells.cdcd3434: must be a mapping (got null)',
      'x.snippets.yaml:24: cells.efef5656.expect-error.reason: is required',
      'x.snippets.yaml:26: cells.abcd9999.acknowledge.reason: needs ko and en texts, shown to readers',
    ]);
  });

  it('keep the valid fields of a cell with a wrong one, and drop what is wrong', () => {
    const settings = parseSettings('cells:\n  aaaa1111:\n    real-budget: 1e12\n    skip: "slow"\n  bbbb2222:\n    budget: -1\n', 'c.yaml');
    expect(settings.errors.map((e) => e.line)).toEqual([3, 6]);
    expect(settings.cells.get('aaaa1111')).toEqual({ key: 'aaaa1111', line: 2, skip: 'slow' });
    // The entry is still there, so the check can tell whether it matches a block.
    expect(settings.cells.get('bbbb2222')).toEqual({ key: 'bbbb2222', line: 5 });
  });

  it('report the top level: unknown fields and `cells` that is not a mapping', () => {
    expect(lines('cell:\n  aaaa1111: {skip: x}\n')).toEqual(['x.snippets.yaml:1: cell: unknown field (known: cells, diagnostics)']);
    expect(lines('cells:\n  - aaaa1111\n')).toEqual(['x.snippets.yaml:1: cells: must be a mapping (got a list)']);
    expect(lines('- a\n')).toEqual(['x.snippets.yaml:1: must be a mapping (got a list)']);
  });

  it('report invalid YAML at its line instead of failing', () => {
    const settings = load('cells:\n  aaaa1111:\n    skip: [unclosed\n');
    expect(settings.errors.length).toBe(1);
    // Where the parser finds the flow sequence still open: the end of the file.
    expect(settings.errors[0]!.line).toBe(4);
    expect(settings.errors[0]!.message).toMatch(/^invalid YAML: /);
    expect(lines('cells:\n  aaaa1111: {skip: a}\n  aaaa1111: {skip: b}\n')).toEqual([expect.stringMatching(/^x\.snippets\.yaml:3: invalid YAML: Map keys must be unique/)]);
  });

  it('are optional: a document without one, or an empty one, has no settings and no errors', () => {
    const settings = loadSettings(join(dir, 'absent.md'));
    expect(settings.errors).toEqual([]);
    expect(settings.cells.size).toBe(0);
    expect(parseSettings('# nothing yet\n', 'e.yaml')).toMatchObject({ errors: [], cells: new Map() });
  });
});
