// The built site as a reader sees it: executed cells in both locales, timelines drawn from traces,
// Korean search, the errata page and notebook downloads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium } from './chromium.ts';
import { serveDirectory } from './static-server.ts';
import { searchFor } from './search.ts';

const CHAPTER = '/asyncio-complete-guide/8-asyncio-핵심-api/';
/** The same chapter in each locale (English pages have English slugs). */
const CHAPTERS = { ko: `/ko${CHAPTER}`, en: '/en/asyncio-complete-guide/8-core-asyncio-apis/' };

describe.skipIf(!hasChromium)('chapter pages, search, errata and notebooks', () => {
  let browser: Browser;
  let site: { url: string; close: () => Promise<void> };
  const open = async (path: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
    await page.goto(site.url + encodeURI(path));
    return page;
  };

  beforeAll(async () => {
    site = await serveDirectory(resolve('dist'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  for (const locale of ['ko', 'en'] as const) {
    it(`renders a ${locale} chapter with outputs, badges and a timeline drawn as SVG`, async () => {
      const page = await open(CHAPTERS[locale]);
      const cell = page.locator('[data-cell="asyncio-complete-guide/20a1151a"]');
      await expect(cell.getAttribute('data-verdict')).resolves.toBe('verified');
      const output = await cell.locator('[data-output]').innerText();
      expect(output).toContain('작업2 완료');
      expect(output.indexOf('작업2 완료')).toBeLessThan(output.indexOf('작업1 완료'));
      const badge = await cell.locator('.badge').innerText();
      expect(badge).toBe(locale === 'ko' ? '검증됨' : 'verified');
      await cell.locator('[data-timeline] svg rect.task').first().waitFor({ timeout: 15_000 });
      const bars = await cell.locator('[data-timeline] svg rect.task').count();
      expect(bars).toBeGreaterThanOrEqual(4);
      if (locale === 'en') {
        const prose = await page.locator('main .sl-markdown-content').innerText();
        expect(prose).toMatch(/Run several tasks concurrently|concurrent/i);
      }
      await page.screenshot({ path: `test-results/chapter-${locale}.png`, fullPage: false });
      await page.close();
    });
  }

  it('toggles virtual timestamps on the output', async () => {
    const page = await open(`/ko${CHAPTER}`);
    const cell = page.locator('[data-cell="asyncio-complete-guide/20a1151a"]');
    await expect(cell.locator('.t').first().isVisible()).resolves.toBe(false);
    await cell.locator('.toggle-times').check();
    await expect(cell.locator('.t').nth(3).innerText()).resolves.toContain('[1.000s]');
    await page.close();
  });

  it('loads Mermaid only on pages that have a diagram', async () => {
    const page = await browser.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(r.url()); });
    await page.goto(site.url + encodeURI('/ko/asyncio-basics/await/'));
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-timeline]').count()).toBe(0);
    expect(scripts.some((u) => /mermaid/i.test(u))).toBe(false);
    await page.close();
  });

  for (const [query, chapter] of [['비동기', '1-비동기-프로그래밍이란'], ['세마포어', '11-세마포어와-락'], ['코루틴', 'coroutine'], ['이벤트 루프', '이벤트-루프']] as const) {
    it(`finds the right chapter when searching for ${query}`, async () => {
      const page = await open('/ko/');
      await searchFor(page, query);
      const result = page.locator('dialog .pagefind-ui__result-link').first();
      await result.waitFor({ timeout: 15_000 });
      const hrefs = await page.locator('dialog .pagefind-ui__result-link').evaluateAll((as) => as.slice(0, 5).map((a) => decodeURIComponent((a as HTMLAnchorElement).href)));
      expect(hrefs.some((h) => h.includes(chapter))).toBe(true);
      await page.close();
    });
  }

  it('tells verdicts and reasons in Korean on the Korean errata page, with the fixed verdict names', async () => {
    const page = await open('/ko/errata/');
    // The passing rows are folded away: open them as a reader does.
    await page.locator('.dash-passing summary').click();
    await expect(page.locator('.dash-passing th').allInnerTexts()).resolves.toEqual(['셀', '원문 위치', '판정', '이유']);
    const row = await page.locator('[data-row]', { hasText: 'async-io-performance #1' }).first().innerText();
    expect(row).toContain('검증됨 verified');
    expect(row).toContain('문서에 적힌 출력과 시간이 실행 결과와 일치합니다');
    await page.close();
  });

  it('lists the acknowledged drifts on the errata page, linking to their cells', async () => {
    const page = await open('/en/errata/');
    const row = page.locator('[data-row]', { hasText: 'asyncio-complete-guide #21' });
    await expect(row.innerText()).resolves.toContain('drift');
    await expect(row.innerText()).resolves.toContain('create_task');
    const href = await row.locator('a').first().getAttribute('href');
    expect(decodeURIComponent(href!)).toContain('#cell-e5035329');
    await page.close();
  });

  it('downloads a chapter as a Jupyter notebook that parses as nbformat 4 with outputs', async () => {
    const page = await open(`/ko${CHAPTER}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-notebook]').click()]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const notebook = JSON.parse(readFileSync(path!, 'utf8'));
    expect(notebook.nbformat).toBe(4);
    expect(notebook.nbformat_minor).toBeGreaterThanOrEqual(4);
    const code = notebook.cells.filter((c: { cell_type: string }) => c.cell_type === 'code');
    expect(code.length).toBe(4);
    const first = code[0];
    expect(first.outputs[0]).toMatchObject({ output_type: 'stream', name: 'stdout' });
    expect(first.outputs[0].text.join('')).toContain('작업2 완료');
    await page.close();
  });
});
