import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCi } from './optional-suite.ts';
import { readSkips, skipSummary } from './skip-reporter.ts';

describe('the closing summary of skipped suites', () => {
  it('is empty when every suite ran', () => {
    expect(skipSummary([], false)).toBe('');
  });

  it('names each suite, its reason and each install command once', () => {
    const text = skipSummary([
      { name: 'browser tests', missing: 'no Chromium at /usr/bin/chromium', install: 'apt-get install -y chromium' },
      { name: 'CPython', missing: 'no python3', install: 'apt-get install -y python3' },
      { name: 'simworld', missing: 'no python3', install: 'apt-get install -y python3' },
    ], true);
    const bar = '='.repeat(78);
    expect(text).toBe([
      bar,
      '3 optional suites did not run (CI=true: this fails the run):',
      '  - browser tests: no Chromium at /usr/bin/chromium',
      '  - CPython: no python3',
      '  - simworld: no python3',
      'To run them, install what they need:',
      '  apt-get install -y chromium',
      '  apt-get install -y python3',
      bar,
    ].join('\n'));
  });

  it('reads the skips the suites recorded, in name order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skips-'));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ name: 'b', missing: 'y', install: 'i' }));
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ name: 'a', missing: 'x', install: 'i' }));
    expect(readSkips(dir).map((s) => s.name)).toEqual(['a', 'b']);
    expect(readSkips(join(dir, 'absent'))).toEqual([]);
  });

  it('reads CI the way CI services set it', () => {
    expect(isCi({ CI: 'true' })).toBe(true);
    expect(isCi({ CI: '1' })).toBe(true);
    expect(isCi({ CI: 'false' })).toBe(false);
    expect(isCi({ CI: '' })).toBe(false);
    expect(isCi({})).toBe(false);
  });
});
