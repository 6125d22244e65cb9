// The kernel's pure Python modules (names, probes, the SQL translation) unit-tested under every real
// CPython this machine has (test/kernel/cpython/test_pure_modules.py), and the same name rules
// through the kernel itself (CPython 3.14 in Pyodide), where they run for real.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { optionalSuite } from '../support/optional-suite.ts';
import { KernelPool } from '../../src/kernel/node/pool.ts';

const SUITE = 'test/kernel/cpython/test_pure_modules.py';
const PYENV = `${process.env.PYENV_ROOT ?? '/root/.pyenv'}/versions`;

/** Real interpreters: pyenv's CPython 3.11+ and the system's python3. */
function interpreters(): string[] {
  const found = existsSync(PYENV)
    ? readdirSync(PYENV).filter((v) => /^3\.(1[1-9]|[2-9]\d)\./.test(v)).map((v) => `${PYENV}/${v}/bin/python`).filter(existsSync)
    : [];
  if (existsSync('/usr/bin/python3')) found.push('/usr/bin/python3');
  return found;
}

const pythons = interpreters();
optionalSuite({
  name: 'real CPython unit tests',
  missing: pythons.length === 0 ? 'no CPython 3.11+ found (pyenv or /usr/bin/python3)' : null,
  install: 'apt-get install -y python3',
});

describe.skipIf(pythons.length === 0)('the pure modules under real CPython', () => {
  for (const python of pythons) {
    it(`pass under ${python}`, () => {
      let output = '';
      try {
        output = execFileSync(python, [SUITE], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
      } catch (error) {
        const e = error as { stdout?: string; stderr?: string };
        throw new Error(`${python} ${SUITE} failed:\n${e.stderr ?? ''}${e.stdout ?? ''}`);
      }
      expect(output).toBe('');
    });
  }
});

describe('the same name rules in the kernel', () => {
  let pool: KernelPool;
  beforeAll(() => { pool = new KernelPool(1); });
  afterAll(async () => { await pool.close(); });

  it('a comprehension variable is no definition, an augmented assignment is a use', async () => {
    const runs = await pool.runDocument({ id: 'names', cells: [
      { id: 'a', code: 'xs = [1, 2]\ntotal = 0\n' },
      { id: 'b', code: 'ys = [x * 2 for x in xs]\n' },
      { id: 'c', code: 'total += 1\n' },
      { id: 'd', code: 'def bump():\n    global total\n    total += 1\n' },
    ] });
    expect(runs.map((r) => r.error)).toEqual([null, null, null, null]);
    expect([runs[1]!.defines, runs[1]!.uses]).toEqual([['ys'], ['xs']]);
    expect(runs[2]!.uses).toEqual(['total']);
    expect(runs[3]!.uses).toEqual(['total']);
  }, 120_000);
});
