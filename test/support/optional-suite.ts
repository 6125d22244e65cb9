// Optional suites need something outside npm (Chromium, Jupyter, the real libraries, a real
// CPython). Where it is missing they skip, and say so twice: once where they skip, and once in the
// block that test/support/skip-reporter.ts prints at the end of the run, with the command that
// installs what they need. Under CI=true a skip is a failure: CI must prove that they ran.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

export const SKIPS_DIR = join(process.cwd(), '.cache', 'test-skips');

export interface OptionalSuite {
  /** The suite, as the summary names it. */
  name: string;
  /** Why it cannot run here, or null when it can. */
  missing: string | null;
  /** The one command that installs what it needs. */
  install: string;
}

export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

/** Records the suite's skip for the closing summary; under CI, adds a test that fails. Returns whether it runs. */
export function optionalSuite(suite: OptionalSuite): boolean {
  if (suite.missing === null) return true;
  console.warn(`\n!!! ${suite.name} SKIPPED: ${suite.missing}.\n!!! Install: ${suite.install}\n`);
  mkdirSync(SKIPS_DIR, { recursive: true });
  const file = join(SKIPS_DIR, `${suite.name.replace(/[^A-Za-z0-9]+/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(suite));
  if (isCi()) {
    describe(`${suite.name} in CI`, () => {
      it('runs (CI=true does not allow skipping it)', () => {
        expect.fail(`${suite.name} cannot be skipped in CI: ${suite.missing}. Install: ${suite.install}`);
      });
    });
  }
  return false;
}
