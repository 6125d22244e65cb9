// The reader's fidelity over the corpus must not get worse than the recorded baseline
// (test/corpus/baseline.json, written by `npm run fidelity -- --record`), and the metric itself
// is tested on made-up blocks so that it can fail too.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { figures, formFigures, measureCorpus, regressions, type Baseline, type BlockResult } from '../../src/cli/fidelity.ts';

function block(file: string, line: number, expected: BlockResult['expected'], actual: BlockResult['actual'], forms: string[] = []): BlockResult {
  return { file, line, lang: file.slice(0, 2), expected, actual, reason: `${actual}`, forms, agree: expected === actual };
}

describe('the fidelity metric', () => {
  const blocks = [
    block('ko/a.md', 1, 'verified', 'verified', ['fence:python', 'label:ko']),
    block('ko/a.md', 9, 'drift', 'drift', ['fence:python']),
    block('ko/a.md', 20, 'drift', 'ran', ['fence:py']),
    block('en/b.md', 3, 'verified', 'drift', ['fence:python', 'label:en']),
    block('en/b.md', 7, 'drift', 'unseen', ['fence:pycon']),
    block('en/b.md', 12, 'skipped', 'error', ['illustration']),
    block('en/b.md', 30, 'hangs', 'hangs', ['fence:python']),
    block('en/b.md', 40, 'drift', 'drift', ['fence:python']),
  ];

  it('counts agreement, drift recall, false drift and unseen blocks', () => {
    const f = figures(blocks, [{ file: 'en/b.md', line: 50, lang: 'en', actual: 'drift', reason: 'an output fence run as code' }]);
    expect(f.blocks).toBe(8);
    expect(f.agreed).toBe(4);
    expect(f.agreement).toBe(50);
    expect(f.drifts).toBe(4);
    expect(f.driftsFlagged).toBe(2);
    expect(f.recall).toBe(50);
    expect(f.falseDrift.map((d) => `${d.file}:${d.line}`)).toEqual(['en/b.md:3', 'en/b.md:50']);
    expect(f.unseen.map((d) => `${d.file}:${d.line}`)).toEqual(['en/b.md:7']);
    expect(f.extra).toBe(1);
  });

  it('rounds percentages to one decimal and calls an empty set 100%', () => {
    const f = figures([block('ja/c.md', 1, 'drift', 'drift'), block('ja/c.md', 5, 'drift', 'ran'), block('ja/c.md', 9, 'drift', 'ran')]);
    expect(f.recall).toBe(33.3);
    expect(f.agreement).toBe(33.3);
    expect(figures([block('ja/c.md', 1, 'ran', 'ran')]).recall).toBe(100);
    expect(figures([]).agreement).toBe(100);
  });

  it('counts each form tag of a block', () => {
    const forms = formFigures(blocks);
    expect(forms.get('fence:python')).toEqual({ blocks: 5, agreed: 4, agreement: 80 });
    expect(forms.get('label:en')).toEqual({ blocks: 1, agreed: 0, agreement: 0 });
    expect([...forms.keys()]).toEqual([...forms.keys()].sort((a, b) => a.localeCompare(b)));
  });

  it('reports a block that stopped agreeing and a new false drift, not an improvement', () => {
    const baseline: Baseline = {
      recorded: 'x', runtime: null,
      blocks: { 'ko/a.md:1': 'verified', 'ko/a.md:9': 'ran', 'ko/a.md:20': 'ran', 'en/b.md:3': 'verified', 'en/b.md:12': 'drift' },
    };
    const m = { corpus: '', runtime: null, langs: ['en', 'ko'], extras: [], problems: [], blocks: [
      block('ko/a.md', 1, 'verified', 'ran'),      // agreed, no longer does
      block('ko/a.md', 9, 'drift', 'drift'),       // improved
      block('ko/a.md', 20, 'drift', 'ran'),        // still wrong, the same way
      block('en/b.md', 3, 'verified', 'drift'),    // was right, now a false drift
      block('en/b.md', 12, 'skipped', 'drift'),    // a false drift already in the baseline
      block('en/b.md', 30, 'hangs', 'hangs'),      // not in the baseline
    ] };
    const found = regressions(m, baseline);
    expect(found.map((r) => r.split(':').slice(0, 2).join(':'))).toEqual(['ko/a.md:1', 'en/b.md:3']);
  });
});

describe('the reader over the corpus', () => {
  it('keeps every agreement and every non-drift of the baseline', async () => {
    const baseline = JSON.parse(readFileSync('test/corpus/baseline.json', 'utf8')) as Baseline;
    const m = await measureCorpus();
    expect(m.problems.filter((p) => /kernel failed/.test(p))).toEqual([]);
    expect(regressions(m, baseline)).toEqual([]);
  }, 300_000);
});
