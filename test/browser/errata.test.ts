// The errata page as a maintainer uses it, and diffs as readers see them: counts and filters at the
// top (without JavaScript: pages of their own; with it: in place), errata grouped by document before
// the passing rest, the chapters' badges, links to each cell and to its source line, and diffs
// without patch headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasChromium, launchChromium } from './chromium.ts';
import { serveDirectory } from './static-server.ts';
import { readRepository } from '../../src/emit/repository.ts';

const ERRATA_VERDICTS = ['drift', 'error', 'hangs'];
const PASSING = ['verified', 'ran', 'expected-error', 'skipped'];
/** The guide's cells as its lock records them: what the errata page lists, row for row. */
const LOCKED = Object.values((JSON.parse(readFileSync('content/check.lock.json', 'utf8')) as { cells: Record<string, { file: string; verdict: string }> }).cells)
  .map(({ file, verdict }) => ({ verdict, document: file.split('/').pop()!.replace(/\.md$/, '') }));
const HEADERS = /^(Index:|={10,}|--- |\+\+\+ |@@ )/m;

describe.skipIf(!hasChromium)('the errata page', () => {
  let browser: Browser;
  let site: { url: string; close: () => Promise<void> };
  let context: BrowserContext;
  const repository = readRepository();
  const open = async (path: string, viewport = { width: 1280, height: 1600 }): Promise<Page> => {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(site.url + encodeURI(path));
    return page;
  };
  const visibleRows = (page: Page) => page.locator('[data-row]:visible');

  beforeAll(async () => {
    site = await serveDirectory(resolve('dist'));
    browser = await launchChromium();
    context = await browser.newContext();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await site?.close();
  });

  it('counts cells per verdict and per document at the top, summing to every row', async () => {
    const page = await open('/en/errata/');
    const rows = await page.locator('[data-row]').count();
    expect(rows).toBe(LOCKED.length);
    const chips = page.locator('.dash-chips a[data-filter-kind="verdict"]');
    const counts = await chips.evaluateAll((as) => as.map((a) => ({ verdict: (a as HTMLElement).dataset.filterValue!, n: Number(a.querySelector('.dash-count')!.textContent) })));
    expect(counts.reduce((s, c) => s + c.n, 0)).toBe(rows);
    for (const c of counts) expect(await page.locator(`[data-row][data-verdict="${c.verdict}"]`).count(), c.verdict).toBe(c.n);
    // Errata verdicts are counted first.
    const order = counts.map((c) => c.verdict);
    expect(order.findIndex((v) => PASSING.includes(v))).toBeGreaterThan(order.findLastIndex((v) => ERRATA_VERDICTS.includes(v)));
    const docCells = await page.locator('.dash-documents tbody tr td:nth-child(2)').allInnerTexts();
    expect(docCells.length).toBe(new Set(LOCKED.map((c) => c.document)).size);
    expect(docCells.reduce((s, n) => s + Number(n), 0)).toBe(rows);
    // The nav with the counts comes before the errata and the passing rows.
    const [nav, errata, passing] = await Promise.all(['.dash-filters', '.dash-errata', '.dash-passing'].map((s) => page.locator(s).evaluate((e) => e.getBoundingClientRect().top)));
    expect(nav).toBeLessThan(errata!);
    expect(errata).toBeLessThan(passing!);
    await page.close();
  });

  it('shows the errata grouped by document, with the chapters\' badges, and folds the passing rows away', async () => {
    const page = await open('/en/errata/');
    const errata = page.locator('.dash-errata [data-row]');
    const verdicts = await errata.evaluateAll((rs) => rs.map((r) => (r as HTMLElement).dataset.verdict!));
    expect(verdicts.sort()).toEqual(LOCKED.map((c) => c.verdict).filter((v) => !PASSING.includes(v)).sort());
    // Grouped: each document's rows are together, under a heading.
    const docs = await errata.evaluateAll((rs) => rs.map((r) => (r as HTMLElement).dataset.document!));
    expect(docs).toEqual([...docs].sort((a, b) => docs.indexOf(a) - docs.indexOf(b)));
    expect(await page.locator('.dash-group h3').count()).toBe(new Set(docs).size);
    // The same badge markup as the chapters.
    for (const v of new Set(verdicts)) expect(await page.locator(`.dash-errata [data-row][data-verdict="${v}"] .badge.badge-${v}`).count()).toBeGreaterThan(0);
    const details = page.locator('details.dash-passing');
    await expect(details.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
    const passing = await details.locator('[data-row]').evaluateAll((rs) => rs.map((r) => (r as HTMLElement).dataset.verdict!));
    expect(passing.length + verdicts.length).toBe(await page.locator('[data-row]').count());
    expect(passing.every((v) => PASSING.includes(v))).toBe(true);
    await expect(details.locator('.badge.badge-verified').first().isVisible()).resolves.toBe(false);
    await page.close();
  });

  it('links every row to its cell on the chapter page and to its source line in the repository', async () => {
    expect(repository, 'package.json names the repository').toMatch(/^https:\/\//);
    const page = await open('/en/errata/');
    const links = await page.locator('[data-row]').evaluateAll((rs) => rs.map((r) => {
      const as = [...r.querySelectorAll('a')].map((a) => a.getAttribute('href')!);
      return { cell: as.find((h) => h.includes('#cell-')), source: as.find((h) => h.startsWith('https://')) };
    }));
    const sources = new Map<string, string[]>();
    for (const { cell, source } of links) {
      expect(cell).toMatch(/^\/en\/[^#]+\/#cell-[0-9a-f]{8}$/);
      const m = new RegExp(`^${repository}/blob/main/(content/ko/[^#]+\\.md)#L(\\d+)$`).exec(source ?? '');
      expect(m, source).not.toBeNull();
      // The line is the opening fence of a python block in the document itself.
      const file = m![1]!;
      if (!sources.has(file)) sources.set(file, readFileSync(file, 'utf8').split('\n'));
      expect(sources.get(file)![Number(m![2]) - 1], `${file}:${m![2]}`).toMatch(/^\s*(```|~~~)/);
    }
    // A row's cell link lands on that cell.
    const target = links.find((l) => l.cell)!.cell!;
    const chapter = await open(decodeURI(target));
    const id = target.split('#')[1]!;
    await expect(chapter.locator(`section.cell[id="${id}"]`).count()).resolves.toBe(1);
    // The same setting gives Starlight's "edit this page": the Korean source of the chapter.
    const edit = await chapter.locator(`a[href^="${repository}/edit/main/"]`).first().getAttribute('href');
    expect(edit).toMatch(new RegExp(`^${repository}/edit/main/content/(ko/[^/]+\\.md|en/[^/]+\\.yaml)$`));
    await page.close();
    await chapter.close();
  });

  it('filters by verdict and by document without JavaScript, through pages of their own', async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await plain.newPage();
    await page.goto(`${site.url}/en/errata/`);
    const chip = page.locator('.dash-chips a[data-filter-value="drift"]');
    const expected = Number(await chip.locator('.dash-count').innerText());
    await chip.click();
    await page.waitForURL(/\/en\/errata\/drift\/$/);
    const verdicts = await page.locator('[data-row]:visible').evaluateAll((rs) => rs.map((r) => (r as HTMLElement).dataset.verdict));
    expect(verdicts).toEqual(Array(expected).fill('drift'));
    await expect(page.locator('.dash-chips a[aria-current="page"]').getAttribute('data-filter-value')).resolves.toBe('drift');
    // A passing verdict opens the folded rows.
    await page.locator('.dash-chips a[data-filter-value="verified"]').click();
    await page.waitForURL(/\/en\/errata\/verified\/$/);
    const verified = await page.locator('[data-row]:visible').evaluateAll((rs) => rs.map((r) => (r as HTMLElement).dataset.verdict));
    expect(verified).toEqual(LOCKED.filter((c) => c.verdict === 'verified').map(() => 'verified'));
    // By document.
    const doc = page.locator('.dash-documents a[data-filter-kind="document"]').first();
    const slug = await doc.getAttribute('data-filter-value');
    await doc.click();
    await page.waitForURL((u) => decodeURI(u.pathname) === `/en/errata/document/${slug}/`);
    const documents = await page.locator('[data-row]:visible').evaluateAll((rs) => rs.map((r) => (r as HTMLElement).dataset.document));
    // The document's errata; its passing rows stay folded away, as on the whole list.
    expect(documents).toEqual(LOCKED.filter((c) => c.document === slug && !PASSING.includes(c.verdict)).map(() => slug));
    await plain.close();
  });

  it('filters in place with JavaScript at 390 px, and Back restores the list', async () => {
    const page = await open('/ko/errata/', { width: 390, height: 844 });
    const all = await page.locator('[data-row]').count();
    await page.evaluate(() => { (window as unknown as { stayed: boolean }).stayed = true; });
    const chip = page.locator('.dash-chips a[data-filter-value="error"]');
    const box = await chip.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    const expected = Number(await chip.locator('.dash-count').innerText());
    await chip.click();
    await page.waitForURL(/\/ko\/errata\/error\/$/);
    // No navigation: the page's own state is still there.
    await expect(page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).resolves.toBe(true);
    const verdicts = await visibleRows(page).evaluateAll((rs) => rs.map((r) => (r as HTMLElement).dataset.verdict));
    expect(verdicts).toEqual(Array(expected).fill('error'));
    await expect(page.locator('[data-visible-errata]').innerText()).resolves.toBe(String(expected));
    await page.goBack();
    await page.waitForURL(/\/ko\/errata\/$/);
    await expect(page.locator('.dash-errata [data-row]:visible').count()).resolves.toBe(await page.locator('.dash-errata [data-row]').count());
    await expect(page.locator('[data-row]').count()).resolves.toBe(all);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('shows code spans in reasons as code, without backslashes or backticks', async () => {
    const page = await open('/en/errata/');
    const row = page.locator('.dash-errata [data-row]', { hasText: 'asyncio-complete-guide #21' });
    await expect(row.locator('.dash-reason code').first().innerText()).resolves.toBe('create_task()');
    const reasons = await page.locator('.dash-reason').allInnerTexts();
    const codes = await page.locator('.dash-reason code').allInnerTexts();
    expect(codes.length).toBeGreaterThan(5);
    for (const text of [...reasons, ...codes]) expect(text).not.toMatch(/[\\`]/);
    await page.close();
  });

  for (const path of ['/en/errata/', '/ko/asyncio-complete-guide/8-asyncio-핵심-api/']) {
    it(`renders diffs as removed, added and context lines without patch headers on ${path}`, async () => {
      const page = await open(path);
      const diff = page.locator('[data-diff]').first();
      await expect(diff.count()).resolves.toBe(1);
      const text = await diff.locator('pre').innerText();
      expect(text).not.toMatch(HEADERS);
      expect(text).not.toContain('stated in the document\t');
      const kinds = await diff.locator('.diff-line').evaluateAll((ls) => ls.map((l) => (l as HTMLElement).dataset.kind));
      expect(kinds).toContain('removed');
      expect(kinds).toContain('added');
      // Not colour alone: each changed line keeps a visible marker, and says what it is to screen readers.
      const removed = diff.locator('.diff-line[data-kind="removed"]').first();
      await expect(removed.locator('.diff-mark').innerText()).resolves.toBe('-');
      await expect(removed.locator('.sr-only').textContent()).resolves.toMatch(/\S/);
      const colours = await Promise.all(['removed', 'added'].map((k) => diff.locator(`.diff-line[data-kind="${k}"]`).first().evaluate((e) => getComputedStyle(e).backgroundColor)));
      expect(colours[0]).not.toBe(colours[1]);
      await page.close();
    });
  }
});
