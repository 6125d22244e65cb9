// Which of a Starlight site's pages the plugin checks, in which language their cells speak, where
// their errata rows link, and which files its dev server hands out.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pageLocale, pagesWithPython } from '../../src/integration/pages.ts';
import { pageSlug } from '../../src/integration/errata-data.ts';
import { servedFile } from '../../src/integration/assets.ts';

describe('pagesWithPython', () => {
  it('lists the Markdown and MDX pages below the docs folder that have a python block, in path order', () => {
    const docs = mkdtempSync(join(tmpdir(), 'execdocs-pages-'));
    mkdirSync(join(docs, 'guides', 'deep'), { recursive: true });
    writeFileSync(join(docs, 'index.mdx'), '# Home\n\nNo code here.\n');
    writeFileSync(join(docs, 'guides', 'a.md'), '# A\n\n```python\nprint(1)\n```\n');
    writeFileSync(join(docs, 'guides', 'deep', 'b.mdx'), '# B\n\n- item\n\n  ```py\n  print(2)\n  ```\n');
    writeFileSync(join(docs, 'guides', 'c.md'), '# C\n\n```js\nconsole.log(3)\n```\n');
    writeFileSync(join(docs, 'guides', 'notes.txt'), '```python\nprint(4)\n```\n');
    expect(pagesWithPython(docs)).toEqual([join(docs, 'guides', 'a.md'), join(docs, 'guides', 'deep', 'b.mdx')]);
    expect(pagesWithPython(join(docs, 'missing'))).toEqual([]);
  });
});

describe('pageLocale', () => {
  const docs = '/site/src/content/docs';
  it('takes the locale folder the page is in, else the default, in the languages the cells have words for', () => {
    expect(pageLocale(docs, `${docs}/ko/guide.md`, ['en', 'ko'], 'en')).toBe('ko');
    expect(pageLocale(docs, `${docs}/guide.md`, ['en', 'ko'], 'ko')).toBe('ko');
    expect(pageLocale(docs, `${docs}/guide.md`, [], undefined)).toBe('en');
    expect(pageLocale(docs, `${docs}/fr/guide.md`, ['fr'], 'fr')).toBe('en');
    expect(pageLocale(docs, `${docs}/guide.md`, [], 'ko-KR')).toBe('ko');
  });
});

describe('pageSlug', () => {
  it('makes the address Starlight gives the page', () => {
    expect(pageSlug('/d', '/d/Guides/Running Tasks.md')).toBe('guides/running-tasks');
    expect(pageSlug('/d', '/d/guides/index.mdx')).toBe('guides');
    expect(pageSlug('/d', '/d/index.md')).toBe('');
  });
});

describe('servedFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'execdocs-assets-'));
  mkdirSync(join(dir, 'pyodide'));
  writeFileSync(join(dir, 'pyodide', 'pyodide.mjs'), 'export {}');
  writeFileSync(join(dir, 'secret.txt'), 'no');
  it('serves the run-time files and nothing outside their folders', () => {
    expect(servedFile(dir, '/pyodide/pyodide.mjs?v=1')).toBe(join(dir, 'pyodide', 'pyodide.mjs'));
    expect(servedFile(dir, '/pyodide/../secret.txt')).toBe(null);
    expect(servedFile(dir, '/pyodide/..%2Fsecret.txt')).toBe(null);
    expect(servedFile(dir, '/secret.txt')).toBe(null);
    expect(servedFile(dir, '/pyodide/missing.mjs')).toBe(null);
  });
});
