// One document cannot decide how another is judged through the result cache (issue 26, route 5).
// Document A patches the interpreter (builtins.print, or the kernel's name recorder), then runs the
// very code of a cell of document B whose stated output is wrong. A's forged run must never stand
// for B's cell: B is `drift` on a cold check, on a warm one, and after A is gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KernelPool } from '../../src/kernel/node/pool.ts';
import { ResultCache } from '../../src/check/cache.ts';
import { checkDocuments, type CheckResult } from '../../src/check/run.ts';

const fence = (code: string) => '```python\n' + code + '\n```\n';
/** B's cell: prints 2, says 3. */
const VICTIM = 'print(1 + 1)\n# 출력: 3';

// A cell that makes every later print() print 3, through an attribute of a module: it defines no
// name the later cell uses, so a key made of the cells whose names it uses leaves it out.
const PATCH_PRINT = 'import builtins\n_print = builtins.print\nbuiltins.print = lambda *args, **kwargs: _print(3)';
// A cell that defines `print` (a name the later cell uses, so a name-based key would include it)
// and makes the kernel's name recorder report that later cells use nothing, hiding the dependency.
const PATCH_RECORDER = [
  'import sys',
  'def print(*args, **kwargs):',
  '    sys.stdout.write("3\\n")',
  'names = sys.modules.get("vkernel.names")',
  'if names is not None:',
  '    names.defines_and_uses = lambda source, filename="<cell>": ([], [])',
].join('\n');

function doc(title: string, cells: string[]): string {
  return [`# ${title}`, '', ...cells.map(fence)].join('\n');
}

const verdicts = (result: CheckResult, file: string) =>
  result.documents.find((d) => d.document.file.endsWith(file))!.cells.map((c) => c.verdict.verdict);

describe.each([
  ['builtins.print patched', PATCH_PRINT, [VICTIM]],
  ['the name recorder patched', PATCH_RECORDER, [VICTIM]],
])('a document that poisons the cache (%s)', (_name, patch, victimCells) => {
  let pool: KernelPool;
  let dir: string;
  let source: string;
  let cache: ResultCache;
  beforeAll(() => {
    pool = new KernelPool(1);
    dir = mkdtempSync(join(tmpdir(), 'cache-poison-'));
    source = join(dir, 'docs');
    mkdirSync(source);
    cache = new ResultCache(join(dir, 'cache'));
    writeFileSync(join(source, 'a.md'), doc('A', [patch, VICTIM]));
  });
  afterAll(async () => {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('does not make the other document verified: not cold, not warm, not after it is deleted', async () => {
    const check = () => checkDocuments({ sourceDir: source, pool, cache, load: { fixturesDir: null, translationDir: null } });
    // A is checked first: its forged run of B's code is in the cache when B arrives.
    const first = await check();
    // A's own cell prints the forged 3: the attack works inside A, which only fools itself.
    expect(verdicts(first, 'a.md')).toEqual(['ran', 'verified']);

    writeFileSync(join(source, 'b.md'), doc('B', victimCells));
    const added = await check();
    expect([added.ran, added.reused]).toEqual([1, 2]);
    expect(verdicts(added, 'b.md')).toEqual(['drift']);

    // Warm: B's own run is reused, and A's is A's.
    const warm = await check();
    expect([warm.ran, warm.reused]).toEqual([0, 3]);
    expect(verdicts(warm, 'a.md')).toEqual(['ran', 'verified']);
    expect(verdicts(warm, 'b.md')).toEqual(['drift']);

    rmSync(join(source, 'a.md'));
    const alone = await check();
    expect(verdicts(alone, 'b.md')).toEqual(['drift']);
    const cell = alone.documents[0]!.cells[0]!;
    expect(cell.run!.events.map((e) => e.text).join('')).toBe('2\n');
  });
});
