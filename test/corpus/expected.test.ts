// The yardstick itself: expected.yaml names every block the CPython runner found, and each verdict
// fits how the block really ended in CPython (tools/cpython-runs.json, made by tools/run_blocks.py).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusLanguages, loadExpected, type ExpectedBlock } from '../../src/cli/fidelity.ts';

const dir = 'test/corpus';
const expected = loadExpected(join(dir, 'expected.yaml'));
const runs = JSON.parse(readFileSync(join(dir, 'tools/cpython-runs.json'), 'utf8')) as {
  python: string;
  documents: { file: string; blocks: { line: number; status: 'ok' | 'error' | 'hangs' | 'syntax' }[] }[];
};
const runOf = new Map(runs.documents.map((d) => [d.file, new Map(d.blocks.map((b) => [b.line, b.status]))]));

/** How a block with this verdict may have ended in CPython 3.13. */
function fits(block: ExpectedBlock, status: string): boolean {
  switch (block.verdict) {
    case 'verified':
    case 'ran':
      return status === 'ok';
    case 'expected-error':
    case 'error':
      return status === 'error';
    case 'hangs':
      return status === 'hangs';
    case 'skipped':
      return true;
    case 'drift':
      if (block.planted === 'stated-but-hangs') return status === 'hangs';
      // 3.14-only errors (noted) ran cleanly in 3.13
      if (block.planted === 'stated-but-raises') return status === 'error' || /3\.14/.test(block.note ?? '');
      return status === 'ok';
  }
}

describe('the corpus expectations', () => {
  const documents = corpusLanguages(dir).flatMap((lang) =>
    readdirSync(join(dir, lang)).filter((f) => f.endsWith('.md')).map((f) => `${lang}/${f}`));

  it('has the documents the brief asks for', () => {
    const count = (lang: string) => documents.filter((d) => d.startsWith(`${lang}/`)).length;
    expect(count('ko')).toBeGreaterThanOrEqual(14);
    expect(count('en')).toBeGreaterThanOrEqual(14);
    expect(count('zh')).toBeGreaterThanOrEqual(12);
    expect(count('ja')).toBeGreaterThanOrEqual(4);
    expect([...expected.keys()].sort()).toEqual(documents.sort());
  });

  it('lists exactly the blocks the CPython runner found, with verdicts that fit how they ended', () => {
    const problems: string[] = [];
    for (const [doc, blocks] of expected) {
      const ran = runOf.get(doc);
      if (!ran) { problems.push(`${doc}: not in cpython-runs.json (run tools/run_blocks.py)`); continue; }
      const lines = blocks.map((b) => b.line);
      if ([...ran.keys()].join() !== lines.join()) problems.push(`${doc}: blocks at ${lines.join(',')}, the runner found ${[...ran.keys()].join(',')}`);
      for (const b of blocks) {
        const status = ran.get(b.line);
        if (status && !fits(b, status)) problems.push(`${doc}:${b.line}: ${b.verdict}${b.planted ? ` (${b.planted})` : ''} but CPython ended with ${status}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('plants drifts in about a quarter of the blocks, in several languages', () => {
    const all = [...expected.values()].flat();
    const drifts = all.filter((b) => b.verdict === 'drift');
    expect(drifts.length / all.length).toBeGreaterThan(0.22);
    expect(drifts.length / all.length).toBeLessThan(0.35);
  });
});
