// The simworld package's seams under a real CPython (test/world/simworld_package.py): every name
// used as simworld.<name> resolves on the package, and state a module rebinds or fills in place is read
// and set through the package, never through a stale copy.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { optionalSuite } from '../support/optional-suite.ts';

const SUITE = 'test/world/simworld_package.py';
const python = ['/usr/bin/python3', '/usr/local/bin/python3'].find(existsSync);
optionalSuite({ name: 'simworld package test', missing: python ? null : 'no python3 found', install: 'apt-get install -y python3' });

describe.skipIf(!python)('the simworld package', () => {
  it('keeps every public and private name, and one state', () => {
    let failure = '';
    try {
      execFileSync(python!, [SUITE], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      failure = `${e.stderr ?? ''}${e.stdout ?? ''}`;
    }
    expect(failure).toBe('');
  });
});
