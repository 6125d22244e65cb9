// What `check`, `build` and `dev` read from their DIR arguments: a directory's Markdown and MDX files
// (relative to the directory the configuration is read from), one document named by its path, a
// glob's matches; anything else is a problem named by what was typed.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sourceFiles } from '../../src/config/load.ts';

describe('sourceFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'execdocs-sources-'));
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'a.md'), '# A\n');
  writeFileSync(join(dir, 'docs', 'b.mdx'), '# B\n');
  writeFileSync(join(dir, 'docs', 'README.md'), '# R\n');
  writeFileSync(join(dir, 'docs', 'c.txt'), 'c\n');

  it('lists a directory from the given root, a named document, and says what matches nothing', () => {
    expect(sourceFiles({ sources: ['docs'] }, dir)).toEqual({ files: ['docs/a.md', 'docs/b.mdx'], problems: [] });
    expect(sourceFiles({ sources: ['docs/b.mdx'] }, dir)).toEqual({ files: ['docs/b.mdx'], problems: [] });
    expect(sourceFiles({ sources: ['docs/c.txt', 'missing'] }, dir)).toEqual({ files: [], problems: ['docs/c.txt: not a directory or a Markdown document (.md, .mdx, .markdown)', 'missing: no such directory'] });
  });
});
