// A Starlight site's own pages get their checked cells: on MDX pages the <Cell> component (with its
// import), on .md pages a placeholder its MarkdownContent replaces; blocks are matched by their code,
// so front matter and edits elsewhere do not shift them; snippet text stays text.
import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import { markdownToHtml, mdxToJs } from 'satteri';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from '../../src/source/document.ts';
import type { CheckedCell } from '../../src/check/run.ts';
import { pageFileOf, remarkCells, type PageCells } from '../../src/integration/remark-cells.ts';
import { satteriCells } from '../../src/integration/satteri-cells.ts';
import { splitAtPlaceholders } from '../../src/integration/placeholder.ts';
import { fromJsonAttribute } from '../../src/emit/json-attribute.ts';
import type { CellProps } from '../../src/emit/mdx.ts';

const PAGE = `---
title: Example
---

Some prose.

\`\`\`python
print("<script>alert(1)</script>")
\`\`\`

\`\`\`python
print("second")
\`\`\`
`;

function checkedCells(markdown: string, file: string): CheckedCell[] {
  return parseDocument(markdown, file).cells.map((cell) => ({
    cell, cached: false, needs: [], settings: undefined,
    run: { status: 'ok', events: [{ stream: 'stdout', text: `${cell.code.includes('second') ? 'second' : '<script>alert(1)</script>'}\n`, t: 0 }], result: null, error: null, virtualSeconds: 0, cpuMs: 1, trace: { actors: [] }, statements: [], defines: [], imports: [], uses: [], world: [] },
    verdict: { verdict: cell.code.includes('second') ? 'drift' : 'ran', reason: 'ran', why: { code: 'ran' }, diff: null, claims: [], acknowledged: null, settingsProblem: null, announced: false },
  }));
}

const options = (file: string, markdown = PAGE) => {
  const page: PageCells = { cells: checkedCells(markdown, file), locale: 'en' };
  return { cellsOf: async (f: string) => (f === resolve(file) ? page : undefined), cellModule: '/pkg/components/Cell.astro' };
};

describe('remarkCells (the unified processor)', () => {
  it('adds the component and its import after each checked python block of an MDX page', async () => {
    const file = '/site/src/content/docs/guide/example.mdx';
    const out = String(await compile({ value: PAGE.replace(/^---[\s\S]*?---\n/, ''), path: file }, { remarkPlugins: [[remarkCells, options(file)]] }));
    expect(out).toMatch(/^import Cell from ['"]\/pkg\/components\/Cell\.astro['"];$/m);
    expect(out.match(/_jsx\(Cell, \{/g)?.length).toBe(2);
    // The snippet's output is inside the JSON attribute, with < escaped: never an element.
    expect(out).toContain('\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e');
    expect(out).not.toContain('_jsx("script"');
  });

  it('leaves a page it has no cells for unchanged', async () => {
    const out = String(await compile({ value: PAGE, path: '/site/b.mdx' }, { remarkPlugins: [[remarkCells, options('/site/a.mdx')]] }));
    expect(out).not.toContain('Cell');
  });

  it('names the page by file.path, else by its history', () => {
    expect(pageFileOf({ path: '/a/b.mdx' })).toBe(resolve('/a/b.mdx'));
    expect(pageFileOf({ history: ['/a/c.mdx'] })).toBe(resolve('/a/c.mdx'));
    expect(pageFileOf({})).toBe(null);
  });
});

describe('satteriCells (Astro\'s default processor)', () => {
  it('puts a placeholder after each block of a .md page, which MarkdownContent splits back into cells', async () => {
    const file = '/site/src/content/docs/guide/example.md';
    const { html } = await markdownToHtml(PAGE.replace(/^---[\s\S]*?---\n/, ''), { fileURL: pathToFileURL(file), mdastPlugins: [satteriCells(options(file))] });
    const pieces = splitAtPlaceholders(html);
    const cells = pieces.flatMap((p) => ('cell' in p ? [p.cell] : []));
    expect(cells.map((c) => c.locale)).toEqual(['en', 'en']);
    const props = cells.map((c) => fromJsonAttribute<CellProps>(c.data));
    expect(props.map((p) => p.verdict)).toEqual(['ran', 'drift']);
    expect(props[0]!.lines.map((l) => l.text)).toEqual(['<script>alert(1)</script>']);
    // Each placeholder sits right after its block; the HTML around them is the page's own.
    const html0 = (pieces[0] as { html: string }).html;
    expect(html0.trim().endsWith('</code></pre>')).toBe(true);
    expect(html).not.toContain('<script>alert');
  });

  it('adds the component and its import on an MDX page', async () => {
    const file = '/site/src/content/docs/guide/example.mdx';
    const { code } = await mdxToJs(PAGE.replace(/^---[\s\S]*?---\n/, ''), { fileURL: pathToFileURL(file), mdastPlugins: [satteriCells(options(file))] });
    expect(code).toMatch(/import Cell from ['"]\/pkg\/components\/Cell\.astro['"]/);
    expect(code.match(/_jsx\(Cell, \{/g)?.length ?? code.match(/jsx\(Cell,/g)?.length).toBe(2);
  });

  it('matches blocks by their code: a block the check did not see gets no cell, the others keep theirs', async () => {
    const file = '/site/x.md';
    const edited = PAGE.replace('print("second")', 'print("edited")');
    const { html } = await markdownToHtml(edited, { fileURL: pathToFileURL(file), mdastPlugins: [satteriCells(options(file))] });
    const props = splitAtPlaceholders(html).flatMap((p) => ('cell' in p ? [fromJsonAttribute<CellProps>(p.cell.data)] : []));
    expect(props.map((p) => p.verdict)).toEqual(['ran']);
  });
});

describe('splitAtPlaceholders', () => {
  it('returns the page as it is when it has no placeholder', () => {
    expect(splitAtPlaceholders('<p>a</p>')).toEqual([{ html: '<p>a</p>' }]);
  });

  it('leaves a look-alike that is not base64url as HTML', () => {
    const fake = '<div data-execdocs-cell="<b>" data-execdocs-locale="en"></div>';
    expect(splitAtPlaceholders(fake)).toEqual([{ html: fake }]);
  });
});
