// A Starlight site's own MDX pages get a <Cell> after each checked python block; .md pages and
// blocks already followed by a <Cell> (generated pages) are left alone; snippet text stays text.
import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import { resolve } from 'node:path';
import { parseDocument } from '../../src/source/document.ts';
import type { CheckedCell } from '../../src/check/run.ts';
import { pageFileOf, remarkCells } from '../../src/integration/remark-cells.ts';

const PAGE = `# Example

Some prose.

\`\`\`python
print("<script>alert(1)</script>")
\`\`\`
`;

function checkedCells(markdown: string, file: string): CheckedCell[] {
  return parseDocument(markdown, file).cells.map((cell) => ({
    cell, cached: false, needs: [], settings: undefined,
    run: { status: 'ok', events: [{ stream: 'stdout', text: '<script>alert(1)</script>\n', t: 0 }], result: null, error: null, virtualSeconds: 0, cpuMs: 1, trace: { actors: [] }, statements: [], defines: [], imports: [], uses: [], world: [] },
    verdict: { verdict: 'ran', reason: 'ran', why: { code: 'ran' }, diff: null, claims: [], acknowledged: null, settingsProblem: null, announced: false },
  }));
}

async function compiled(markdown: string, file: string) {
  const cells = checkedCells(markdown, file);
  const options = { cellsOf: (f: string) => (f === resolve(file) ? cells : undefined), cellModule: 'execdocs/components/Cell.astro', locale: 'en' as const };
  return String(await compile({ value: markdown, path: file }, { remarkPlugins: [[remarkCells, options]] }));
}

describe('remarkCells', () => {
  it('adds the component and its import after a checked python block of an MDX page', async () => {
    const out = await compiled(PAGE, '/site/src/content/docs/guide/example.mdx');
    expect(out).toMatch(/^import Cell from ['"]execdocs\/components\/Cell\.astro['"];$/m);
    expect(out.match(/_jsx\(Cell, \{/g)?.length).toBe(1);
    // The snippet's output is inside the JSON attribute, with < escaped: never an element.
    expect(out).toContain('\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e');
    expect(out).not.toContain('_jsx("script"');
  });

  it('leaves .md pages and pages it has no cells for unchanged', async () => {
    const md = await compiled(PAGE, '/site/src/content/docs/guide/example.md');
    expect(md).not.toContain('Cell');
    const cells = checkedCells(PAGE, '/site/a.mdx');
    const other = String(await compile({ value: PAGE, path: '/site/b.mdx' }, { remarkPlugins: [[remarkCells, { cellsOf: (f: string) => (f === resolve('/site/a.mdx') ? cells : undefined), cellModule: 'x', locale: 'en' }]] }));
    expect(other).not.toContain('Cell');
  });

  it('does not add a second component after a block that already has one', async () => {
    const generated = `${PAGE}\n<Cell data="{}" locale="en" />\n`;
    const out = await compiled(generated, '/site/page.mdx');
    expect(out.match(/_jsx\(Cell, \{/g)?.length).toBe(1);
    expect(out).not.toContain('import Cell from');
  });

  it('names the page by file.path, else by its history', () => {
    expect(pageFileOf({ path: '/a/b.mdx' })).toBe(resolve('/a/b.mdx'));
    expect(pageFileOf({ history: ['/a/c.mdx'] })).toBe(resolve('/a/c.mdx'));
    expect(pageFileOf({})).toBe(null);
  });
});
