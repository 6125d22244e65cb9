// Programs that print what a snippet can observe of the runtime (test/kernel/against-cpython/*.py:
// the order of things scheduled at the same moment, the limits of the time functions), run under
// the newest real CPython on the machine and in the kernel: the output must be the same. On a real
// clock two deadlines made one after the other differ by microseconds; on the virtual clock they
// are equal, and the kernel must still keep their order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KernelPool } from '../../src/kernel/node/pool.ts';
import { optionalSuite } from '../support/optional-suite.ts';

const PROGRAMS = 'test/kernel/against-cpython';
const PYENV = `${process.env.PYENV_ROOT ?? '/root/.pyenv'}/versions`;

/** The newest CPython 3.11+ of pyenv, else the system's python3 (when it is 3.11+). */
function newestCpython(): string | null {
  const versions = existsSync(PYENV) ? readdirSync(PYENV).filter((v) => /^3\.(1[1-9])\.\d+$/.test(v)) : [];
  versions.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const pyenv = versions.map((v) => `${PYENV}/${v}/bin/python`).filter(existsSync).at(-1);
  if (pyenv) return pyenv;
  if (!existsSync('/usr/bin/python3')) return null;
  const version = execFileSync('/usr/bin/python3', ['-c', 'import sys; print(sys.version_info >= (3, 11))'], { encoding: 'utf8' });
  return version.trim() === 'True' ? '/usr/bin/python3' : null;
}

const python = newestCpython();
const runs = optionalSuite({
  name: 'the kernel against real CPython',
  missing: python ? null : 'no CPython 3.11+ found (pyenv or /usr/bin/python3)',
  install: 'apt-get install -y python3',
});
const programs = readdirSync(PROGRAMS).filter((f) => f.endsWith('.py')).sort();

describe.runIf(runs)('what a snippet observes, as in CPython', () => {
  let pool: KernelPool;
  beforeAll(() => { pool = new KernelPool(1); });
  afterAll(async () => { await pool.close(); });

  it.each(programs)('%s prints what CPython prints', async (program) => {
    const file = join(PROGRAMS, program);
    const expected = execFileSync(python!, [file], { encoding: 'utf8', timeout: 60_000 });
    const [run] = await pool.runDocument({ id: program, cells: [{ id: program, code: readFileSync(file, 'utf8') }] });
    expect(run!.status).toBe('ok');
    const printed = run!.events.filter((e) => e.stream === 'stdout').map((e) => e.text).join('');
    expect(printed).toBe(expected);
  });
});
