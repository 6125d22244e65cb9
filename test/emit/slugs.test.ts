// English pages have English addresses: each chapter's slug comes from its translated heading, the
// old (Korean) address sends the reader on, and every link an English page holds points at an
// English address that exists.
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadSource } from '../../src/check/load.ts';
import type { CheckResult } from '../../src/check/run.ts';
import { judge } from '../../src/check/verdict.ts';
import { siteFiles } from '../../src/emit/site.ts';
import { asciiSlugify, translatedSlugs } from '../../src/source/slug.ts';

const HANGUL = /\p{Script=Hangul}/u;

/** The guide's documents and translations, every cell judged without a run (no kernel needed). */
function guideResult(): CheckResult {
  const source = loadSource('content/ko');
  return {
    runtime: { pyodide: 'x', kernel: 'x', python: '3.14' },
    documents: source.documents.map((d) => ({
      document: d.document,
      cells: d.document.cells.map((cell) => ({ cell, run: null, verdict: judge(cell, null, undefined), settings: undefined, cached: false, needs: [] })),
      fixtures: [],
      translation: d.translation?.translation ?? null,
    })),
    problems: [], reused: 0, ran: 0,
  };
}

function frontmatter(page: string): Record<string, unknown> {
  return parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(page)![1]!) as Record<string, unknown>;
}

/** A redirect page's target, or null for a real page. */
function redirectTarget(page: string): string | null {
  const head = (frontmatter(page).head ?? []) as { tag: string; attrs?: Record<string, string> }[];
  const refresh = head.find((h) => h.tag === 'meta' && h.attrs?.['http-equiv'] === 'refresh');
  return refresh ? decodeURI(/url=(.*)$/.exec(refresh.attrs!.content!)![1]!) : null;
}

/** Every address a page links to: Markdown links, attributes and the JSON data of its components. */
function links(page: string): string[] {
  const decoded = page.replace(/&#x([0-9A-F]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16))).replace(/&quot;/g, '"');
  return [
    ...[...decoded.matchAll(/\]\((\/[^)\s]*)\)/g)].map((m) => m[1]!),
    ...[...decoded.matchAll(/href(?:=|":\s*)"(\/[^"]*)"/g)].map((m) => m[1]!),
  ].map((l) => decodeURI(l));
}

describe('English chapter addresses', () => {
  const { docs, notebooks } = siteFiles(guideResult());
  const english = [...docs].filter(([path]) => path.startsWith('en/') && path.split('/').length === 3);
  const real = english.filter(([, page]) => redirectTarget(page) === null);
  const pageAt = (address: string) => docs.get(`${address.replace(/^\/|\/$/g, '')}.mdx`) ?? docs.get(`${address.replace(/^\/|\/$/g, '')}/index.mdx`) ?? (address.replace(/\/$/, '').split('/').length === 2 ? docs.get(`${address.replace(/^\/|\/$/g, '')}/index.mdx`) : undefined);

  it('has no Hangul in any English page address (old addresses are redirects only)', () => {
    expect(real.length).toBeGreaterThan(60);
    expect(real.filter(([path]) => HANGUL.test(path)).map(([path]) => path)).toEqual([]);
    expect([...notebooks.keys()].filter((p) => p.startsWith('en/') && HANGUL.test(p))).toEqual([]);
    for (const [path, page] of english) if (HANGUL.test(path)) expect(redirectTarget(page), path).not.toBeNull();
  });

  it('sends an old address to the new page, keeping the anchor', () => {
    const old = docs.get('en/asyncio-basics/gather에서-예외.mdx')!;
    expect(redirectTarget(old)).toBe('/en/asyncio-basics/exceptions-in-gather/');
    expect(old).toContain('location.hash');
    expect(frontmatter(old)).toMatchObject({ pagefind: false, sidebar: { hidden: true } });
    expect(frontmatter(docs.get('en/asyncio-basics/exceptions-in-gather.mdx')!).title).toBe('Exceptions in gather');
    // Every redirect lands on a real page of its own language.
    for (const [path, page] of docs) {
      if (!path.endsWith('.mdx')) continue;
      const target = redirectTarget(page);
      if (target === null) continue;
      expect(target.split('/')[1], path).toBe(path.split('/')[0]);
      const landed = pageAt(target);
      expect(landed, `${path} -> ${target}`).toBeDefined();
      expect(redirectTarget(landed!), target).toBeNull();
    }
  });

  it('keeps the Korean addresses', () => {
    const source = loadSource('content/ko');
    for (const { document } of source.documents) {
      for (const chapter of document.chapters) {
        const page = docs.get(`ko/${document.slug}/${chapter.slug}.mdx`);
        expect(page, chapter.slug).toBeDefined();
        expect(redirectTarget(page!)).toBeNull();
      }
    }
  });

  it('links English pages (chapters, index, errata) only to English addresses that exist', () => {
    const pages = [...docs].filter(([path]) => path.startsWith('en/') && path.endsWith('.mdx') && redirectTarget(docs.get(path)!) === null);
    let count = 0;
    for (const [path, page] of pages) {
      for (const link of links(page)) {
        if (link.startsWith('/notebooks/')) {
          expect(link, path).toMatch(/^\/notebooks\/en\//);
          expect(notebooks.has(link.slice('/notebooks/'.length)), link).toBe(true);
          expect(HANGUL.test(link), link).toBe(false);
          continue;
        }
        count++;
        expect(link, path).toMatch(/^\/en\//);
        expect(HANGUL.test(link), `${path}: ${link}`).toBe(false);
        const address = link.replace(/#.*$/, '');
        if (!address.startsWith('/en/errata/')) {
          const target = pageAt(address);
          expect(target, `${path}: ${link}`).toBeDefined();
          expect(redirectTarget(target!), link).toBeNull();
        }
      }
    }
    expect(count).toBeGreaterThan(100);
  });

  it('lists each locale its own chapters in the sidebar', () => {
    const sidebar = JSON.parse(docs.get('sidebar.json')!) as { items: unknown[] }[];
    expect(sidebar.slice(0, -1).every((group) => JSON.stringify(group.items).includes('autogenerate'))).toBe(true);
  });
});

describe('translated slugs', () => {
  it('are ASCII slugs of the English heading, the same on every call', () => {
    expect(asciiSlugify('Exceptions in `gather`')).toBe('exceptions-in-gather');
    expect(asciiSlugify("Python's café: 1-2-3!")).toBe('pythons-cafe-1-2-3');
    expect(asciiSlugify('a'.repeat(30) + ' ' + 'b'.repeat(40)).length).toBeLessThanOrEqual(60);
    expect(translatedSlugs(['Intro', 'Tasks', 'Tasks', '작업'], ['introduction', '태스크', '태스크-2', '작업'], [true]))
      .toEqual(['introduction', 'tasks', 'tasks-2', 'chapter-3']);
  });

  it('never take another chapter\'s source slug, and leave a heading\'s own suffix to it', () => {
    expect(translatedSlugs(['Await', 'Coroutine'], ['coroutine', 'await'])).toEqual(['await-2', 'coroutine-2']);
    expect(translatedSlugs(['Await', 'Coroutine'], ['await', 'coroutine'])).toEqual(['await', 'coroutine']);
    expect(translatedSlugs(['Step', 'Step', 'Step 2'], ['a', 'b', 'c'])).toEqual(['step', 'step-3', 'step-2']);
  });
});
