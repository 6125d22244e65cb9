// The starter workflow `execdocs init` writes: a repository with a package.json installs its own
// execdocs before the action runs, so CI checks with the version the team runs.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { starterWorkflow } from '../../src/cli/init.ts';

const steps = (text: string) => (parse(text) as { jobs: { check: { steps: unknown[] } } }).jobs.check.steps;

describe('starterWorkflow', () => {
  it('without a package.json: checkout, then the action with the sources', () => {
    expect(steps(starterWorkflow(['docs', 'guides'], 'owner/tool'))).toEqual([
      { uses: 'actions/checkout@v4' },
      { uses: 'owner/tool@main', with: { sources: 'docs guides' } },
    ]);
  });

  it('with one: npm ci between them', () => {
    expect(steps(starterWorkflow(['docs'], 'owner/tool', { install: true }))).toEqual([
      { uses: 'actions/checkout@v4' },
      { run: 'npm ci --no-audit --no-fund' },
      { uses: 'owner/tool@main', with: { sources: 'docs' } },
    ]);
  });
});
