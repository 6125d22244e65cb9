// Which Astro project `execdocs build` and `dev` use: the repository's own (the guide's), a
// generated one in the cache (a repository of Markdown), or the repository's own pages as they are
// (a Starlight site whose documents are its docs collection, checked by its plugin).
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load.ts';
import { sitePlan } from '../../src/site/project.ts';

function repository(withAstro: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'execdocs-plan-'));
  mkdirSync(join(dir, 'src', 'content', 'docs', 'guides'), { recursive: true });
  mkdirSync(join(dir, 'docs'));
  if (withAstro) writeFileSync(join(dir, 'astro.config.mjs'), 'export default {};\n');
  return dir;
}

const plan = (dir: string, files: string[], sourcesFromFlags: boolean) =>
  sitePlan(loadConfig({ cwd: dir, overrides: { sources: [join(dir, 'docs')] } }), { sourcesFromFlags, files: files.map((f) => join(dir, f)) });

describe('sitePlan', () => {
  it('builds a Starlight site\'s own pages as they are, named on the command line or not', () => {
    const dir = repository(true);
    const own = plan(dir, ['src/content/docs/guides/a.md', 'src/content/docs/b.mdx'], true);
    expect([own.generated, own.ownPages, own.root]).toEqual([false, true, dir]);
  });

  it('writes pages into the own project for documents outside its docs collection (the guide), unless they were named on the command line', () => {
    const dir = repository(true);
    const guide = plan(dir, ['docs/a.md'], false);
    expect([guide.generated, guide.ownPages, guide.root]).toEqual([false, false, dir]);
    const named = plan(dir, ['docs/a.md'], true);
    expect([named.generated, named.ownPages]).toEqual([true, false]);
  });

  it('generates a project for a repository with no astro.config, wherever its documents are', () => {
    const dir = repository(false);
    const generated = plan(dir, ['src/content/docs/guides/a.md'], false);
    expect([generated.generated, generated.ownPages]).toEqual([true, false]);
  });
});
