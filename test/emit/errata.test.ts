// The errata pages' data: every cell, errata before the passing rest, one page per filter, and
// links to sources only when package.json names a repository.
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { siteFiles } from '../../src/emit/site.ts';
import { arrange, documentCounts, filterPath, filters, isErratum, matches, verdictCounts, type ErrataData } from '../../src/emit/errata.ts';
import { hostileResult } from '../security/hostile.ts';

const REPO = 'https://github.com/asyncio-executable-guide/asyncio-executable-guide';

function pageOf(text: string): { frontmatter: Record<string, unknown>; data: ErrataData | null } {
  const m = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(text)!;
  const attr = /<Errata data='([^']*)'/.exec(m[2]!)?.[1];
  const json = attr?.replace(/&#x([0-9A-F]+);/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16)));
  return { frontmatter: parseYaml(m[1]!) as Record<string, unknown>, data: json ? JSON.parse(json) as ErrataData : null };
}

describe('errata data', () => {
  const result = hostileResult();
  const cells = result.documents[0]!.cells;
  const withRepo = siteFiles(result, { repository: REPO }).docs;
  const without = siteFiles(result).docs;

  it('lists every cell with its document, verdict and diff', () => {
    const data = pageOf(withRepo.get('en/errata.mdx')!).data!;
    expect(data.rows.map((r) => r.verdict)).toEqual(cells.map((c) => c.verdict.verdict));
    expect(data.rows.every((r) => r.document === 'hostile')).toBe(true);
    expect(data.documents).toEqual([{ slug: 'hostile', title: result.documents[0]!.document.title }]);
    expect(data.rows.map((r) => r.diff)).toEqual(cells.map((c) => c.verdict.diff));
    expect(data.rows.some((r) => r.diff !== null)).toBe(true);
    expect(data).toMatchObject({ locale: 'en', base: '/en/errata/', filter: null });
  });

  it('links each row to its source line when a repository is set', () => {
    const rows = pageOf(withRepo.get('ko/errata.mdx')!).data!.rows;
    expect(rows.map((r) => r.sourceUrl)).toEqual(cells.map((c) => `${REPO}/blob/main/test/security/fixtures/hostile.md#L${c.cell.line}`));
    const chapter = pageOf(withRepo.get('ko/hostile/introduction.mdx')!).frontmatter;
    expect(chapter.editUrl).toBe(`${REPO}/edit/main/test/security/fixtures/hostile.md`);
    expect(pageOf(withRepo.get('en/errata.mdx')!).frontmatter.editUrl).toBe(false);
  });

  it("links a reason's mention of a source line to that line, on the errata page and in the chapter", () => {
    const rows = pageOf(withRepo.get('en/errata.mdx')!).data!.rows;
    const linked = rows.flatMap((r) => r.reason.filter((p) => p.href));
    // The fixture's one reason that names a line of its document.
    expect(linked.length).toBe(1);
    for (const part of linked) {
      const line = /^line (\d+) of the source document$/.exec(part.text)![1];
      expect(part.href).toBe(`${REPO}/blob/main/test/security/fixtures/hostile.md#L${line}`);
    }
    const chapters = [...withRepo].filter(([p]) => p.startsWith('en/hostile/')).map(([, t]) => t).join('\n');
    expect(chapters).toContain(`"href":"${REPO}/blob/main/test/security/fixtures/hostile.md#L`);
    const plain = pageOf(without.get('en/errata.mdx')!).data!.rows.flatMap((r) => r.reason);
    expect(plain.some((p) => p.href)).toBe(false);
  });

  it('links no source and no edit page without a repository', () => {
    for (const locale of ['ko', 'en']) {
      expect(pageOf(without.get(`${locale}/errata.mdx`)!).data!.rows.every((r) => r.sourceUrl === null)).toBe(true);
    }
    for (const [path, text] of without) {
      if (path.endsWith('.mdx')) expect(pageOf(text).frontmatter, path).not.toHaveProperty('editUrl');
    }
    expect([...without.values()].join('\n')).not.toContain('github.com');
  });

  it('writes one page per verdict present and per document, each with its filter, out of search', () => {
    const main = pageOf(withRepo.get('en/errata.mdx')!).data!;
    const expected = [...new Set(main.rows.map((r) => r.verdict))].map((v) => `en/errata/${v}.mdx`).concat('en/errata/document/hostile.mdx');
    const written = [...withRepo.keys()].filter((p) => p.startsWith('en/errata/'));
    expect(written.sort()).toEqual(expected.sort());
    const drift = pageOf(withRepo.get('en/errata/drift.mdx')!);
    expect(drift.data!.filter).toEqual({ kind: 'verdict', value: 'drift' });
    expect(drift.data!.rows).toEqual(main.rows);
    expect(drift.frontmatter).toMatchObject({ title: 'Errata and status: drift', pagefind: false });
    expect(withRepo.get('en/errata/drift.mdx')).toContain("import Errata from '../../../../components/Errata.astro';");
    expect(withRepo.get('en/errata/document/hostile.mdx')).toContain("import Errata from '../../../../../components/Errata.astro';");
  });

  it('puts errata first, grouped by document, and counts every row once', () => {
    const data = pageOf(withRepo.get('en/errata.mdx')!).data!;
    const { groups, passing } = arrange(data);
    const errata = groups.flatMap((g) => g.rows);
    expect(errata.length + passing.length).toBe(data.rows.length);
    expect(errata.every((r) => isErratum(r.verdict))).toBe(true);
    expect(passing.every((r) => !isErratum(r.verdict))).toBe(true);
    expect(errata.map((r) => r.verdict)).toEqual(['error', 'drift']);
    expect(verdictCounts(data.rows).reduce((n, c) => n + c.count, 0)).toBe(data.rows.length);
    expect(documentCounts(data)).toEqual([{ slug: 'hostile', title: data.documents[0]!.title, cells: data.rows.length, errata: errata.length, open: errata.filter((r) => !r.acknowledged).length }]);
  });

  it('orders verdict counts errata first and filters by verdict or document', () => {
    const row = (verdict: string, document = 'a') => ({ verdict, document, word: verdict }) as ErrataData['rows'][number];
    const rows = [row('verified'), row('ran'), row('drift'), row('verified'), row('error', 'b'), row('skipped')];
    expect(verdictCounts(rows).map((c) => `${c.verdict}:${c.count}`)).toEqual(['drift:1', 'error:1', 'verified:2', 'ran:1', 'skipped:1']);
    expect(rows.filter((r) => matches(r, { kind: 'verdict', value: 'verified' }))).toHaveLength(2);
    expect(rows.filter((r) => matches(r, { kind: 'document', value: 'b' }))).toEqual([rows[4]]);
    expect(rows.filter((r) => matches(r, null))).toHaveLength(rows.length);
    expect(filters({ documents: [{ slug: 'a', title: 'A' }, { slug: 'b', title: 'B' }, { slug: 'c', title: 'C' }], rows }).map((f) => filterPath('/en/errata/', f)))
      .toEqual(['/en/errata/drift/', '/en/errata/error/', '/en/errata/verified/', '/en/errata/ran/', '/en/errata/skipped/', '/en/errata/document/a/', '/en/errata/document/b/']);
  });
});
