// Prints, after the run, one block naming every optional suite that skipped, why, and what installs
// what it needs (the suites record themselves through test/support/optional-suite.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Reporter } from 'vitest/node';
import { SKIPS_DIR, isCi, type OptionalSuite } from './optional-suite.ts';

export function readSkips(dir: string = SKIPS_DIR): OptionalSuite[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as OptionalSuite);
}

export function skipSummary(skips: OptionalSuite[], ci: boolean): string {
  if (skips.length === 0) return '';
  const bar = '='.repeat(78);
  const lines = [bar, `${skips.length} optional suite${skips.length === 1 ? '' : 's'} did not run${ci ? ' (CI=true: this fails the run)' : ''}:`];
  for (const skip of skips) lines.push(`  - ${skip.name}: ${skip.missing}`);
  const installs = [...new Set(skips.map((s) => s.install))];
  lines.push('To run them, install what they need:');
  for (const install of installs) lines.push(`  ${install}`);
  lines.push(bar);
  return lines.join('\n');
}

export default class SkipReporter implements Reporter {
  onTestRunEnd(): void {
    const text = skipSummary(readSkips(), isCi());
    if (text) process.stdout.write(`\n${text}\n`);
  }
}
