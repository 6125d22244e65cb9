// The result cache: an entry is checked when read; a damaged one is a miss with one warning.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResultCache } from '../../src/check/cache.ts';
import type { CellRun } from '../../src/kernel/types.ts';

const dir = mkdtempSync(join(tmpdir(), 'cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run: CellRun = {
  status: 'ok', events: [{ stream: 'stdout', text: 'hi\n', t: 1 }], result: null, error: null, virtualSeconds: 1, cpuMs: 2,
  trace: { actors: [] }, statements: [{ line: 1, endLine: 1, start: 0, end: 1 }], defines: ['x'], imports: [], uses: [], world: [],
};

describe('the result cache', () => {
  it('gives back what it was given, a transcript\'s parts included, and leaves no partial files', () => {
    const cache = new ResultCache(dir, { warn: () => { throw new Error('no warning expected'); } });
    const transcript = { ...run, parts: [run, run] };
    cache.set('a'.repeat(24), transcript);
    expect(cache.get('a'.repeat(24))).toEqual(transcript);
    expect(cache.get('b'.repeat(24))).toBeNull();
    expect(readdirSync(dir)).toEqual([`${'a'.repeat(24)}.json`]);
  });

  it('ignores a damaged entry with one warning naming the file and what is wrong', () => {
    const warnings: string[] = [];
    const cache = new ResultCache(dir, { warn: (m) => warnings.push(m) });
    writeFileSync(join(dir, `${'c'.repeat(24)}.json`), '{"status": "ok", "events": [');
    writeFileSync(join(dir, `${'d'.repeat(24)}.json`), JSON.stringify({ ...run, status: 'fine' }, null, 1));
    expect(cache.get('c'.repeat(24))).toBeNull();
    expect(cache.get('c'.repeat(24))).toBeNull();
    expect(cache.get('d'.repeat(24))).toBeNull();
    expect(warnings).toEqual([
      expect.stringMatching(/^cache: ignoring .*c{24}\.json, which is not a valid cache entry \(line 1: invalid JSON: .*\); the cell runs again$/),
      expect.stringMatching(/^cache: ignoring .*d{24}\.json, which is not a valid cache entry \(line 2: status: must be one of "ok", "error", "hangs", "timeout" \(got "fine"\)\); the cell runs again$/),
    ]);
  });
});
