// The bench's pure helpers: how a figure and its verdict print, the --only filter, and the names
// the scale run gives the copies of a source directory.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coldCheckFigure, figureLine, notMeasured, parseOnly, scaleFigures } from '../../src/cli/bench-format.ts';
import { copyScaled, documentSlugs, scaledName } from '../../src/cli/bench-scale.ts';

describe('figure lines', () => {
  it('prints the value, the target and whether it was met', () => {
    expect(figureLine({ name: 'warm run', value: '12 ms', target: '<= 50 ms', met: true })).toBe('warm run: 12 ms (target <= 50 ms: met)');
    expect(figureLine({ name: 'warm run', value: '80 ms', target: '<= 50 ms', met: false })).toBe('warm run: 80 ms (target <= 50 ms: NOT met)');
    expect(notMeasured('browser', 'no Chromium')).toBe('browser: not measured (no Chromium)');
  });

  it('compares a cold check with the floor set by its cells\' CPU time over the cores', () => {
    const met = coldCheckFigure(5500, 10_000, 2);
    expect(met.value).toContain('floor 5.00 s');
    expect(met.value).toContain('ratio 1.10');
    expect(met.met).toBe(true);
    const missed = coldCheckFigure(12_000, 10_000, 2);
    expect(missed.value).toContain('ratio 2.40');
    expect(missed.met).toBe(false);
    expect(coldCheckFigure(1000, 0, 2).met).toBe(false); // no CPU recorded: no floor to meet
  });

  it('calls a scale run linear by the time per cell and flat by the largest worker', () => {
    const one = { wallMs: 20_000, cells: 100, peakTreeKiB: 400_000, peakWorkerKiB: 200_000 };
    const [time, memory] = scaleFigures(one, { wallMs: 300_000, cells: 2000, peakTreeKiB: 420_000, peakWorkerKiB: 210_000 }, 20);
    expect(time!.met).toBe(true);
    expect(time!.value).toContain('150 ms against 200 ms per cell');
    expect(memory!.met).toBe(true);
    const [slow, growing] = scaleFigures(one, { wallMs: 600_000, cells: 2000, peakTreeKiB: 900_000, peakWorkerKiB: 500_000 }, 20);
    expect(slow!.met).toBe(false);
    expect(growing!.met).toBe(false);
  });
});

describe('--only', () => {
  it('selects groups, all of them by default, and refuses unknown names', () => {
    expect([...(parseOnly([]) as Set<string>)]).toEqual(['boot', 'check', 'build', 'dev', 'browser', 'scale']);
    expect([...(parseOnly(['--only', 'check,browser']) as Set<string>)]).toEqual(['check', 'browser']);
    expect(parseOnly(['--only', 'check,speed'])).toMatch(/no group named speed/);
    expect(parseOnly(['--only'])).toMatch(/needs a list/);
    expect(parseOnly(['--fast'])).toMatch(/unknown option --fast/);
  });
});

describe('the scale run\'s copies', () => {
  const slugs = ['asyncio-basics', 'asyncio-basics-more', 'async-io'];

  it('numbers each document with the files that carry its name, and copies other files once', () => {
    expect(scaledName('asyncio-basics.md', slugs, 3)).toBe('asyncio-basics--copy03.md');
    expect(scaledName('asyncio-basics.snippets.yaml', slugs, 12)).toBe('asyncio-basics--copy12.snippets.yaml');
    // The longest document name owns the file, not a shorter one it starts with.
    expect(scaledName('asyncio-basics-more.snippets.yaml', slugs, 1)).toBe('asyncio-basics-more--copy01.snippets.yaml');
    expect(scaledName('async-io.fixtures.yaml', slugs, 2)).toBe('async-io--copy02.fixtures.yaml');
    expect(scaledName('shared.yaml', slugs, 1)).toBe('shared.yaml');
    expect(scaledName('shared.yaml', slugs, 2)).toBeNull();
    expect(documentSlugs(['a.md', 'README.md', 'b.markdown', 'a.snippets.yaml'])).toEqual(['a', 'b']);
  });

  it('writes N documents per source document, each with its settings, byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-copy-'));
    const from = join(dir, 'from');
    mkdirSync(from);
    writeFileSync(join(from, 'doc.md'), '# 문서\n');
    writeFileSync(join(from, 'doc.snippets.yaml'), 'cells: {}\n');
    writeFileSync(join(from, 'extra.yaml'), 'routes: []\n');
    copyScaled(from, join(dir, 'to'), 3);
    const names = readdirSync(join(dir, 'to')).sort();
    expect(names).toEqual([
      'doc--copy01.md', 'doc--copy01.snippets.yaml', 'doc--copy02.md', 'doc--copy02.snippets.yaml',
      'doc--copy03.md', 'doc--copy03.snippets.yaml', 'extra.yaml',
    ]);
    expect(readFileSync(join(dir, 'to', 'doc--copy02.md'), 'utf8')).toBe('# 문서\n');
  });
});
