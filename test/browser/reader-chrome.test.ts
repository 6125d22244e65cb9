// What a reader notices around the cells: the build's badge beside edited code is marked as of the
// original code; the first-run note states what a first visit really downloads (with Pyodide's
// WebAssembly served compressed); the interface's icons are SVG, never emoji or symbol characters;
// search excerpts hold no interface text; and a run stopped at the budget says whether it was
// waiting or still running.
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { hasChromium } from './chromium.ts';
import { servedSite, siteSession } from './site-session.ts';
import { replaceCellCode } from './cells.ts';
import { searchFor } from './search.ts';

const GATHER = { ko: '/ko/asyncio-basics/asyncio-gather-병렬-실행/', en: '/en/asyncio-basics/asyncio-gather-parallel-execution/', cell: '[data-cell="asyncio-basics/59d908a8"]' };
const QUEUE = { ko: '/ko/async-io-performance/6-비동기-큐-asyncio-queue/', en: '/en/async-io-performance/6-asynchronous-queues-asyncio-queue/', cell: '[data-cell="async-io-performance/296a5e87"]' };
const ORIGINAL = { ko: '원래 코드의 판정', en: 'of the original code' };
const LAST_RUN = { ko: '지난 실행 코드의 판정', en: "of the last run's code" };
/** Characters the interface used as icons: empty boxes where no font has them. */
const GLYPHS = /[\u{1F4D3}\u25B6\u25A0\u23F1\u21BB]/u;

const finished = async (cell: Locator) => {
  await expect.poll(() => cell.getAttribute('data-run-state'), { timeout: 90_000, interval: 100 }).toSatisfy((s) => ['ok', 'error', 'hangs', 'timeout', 'stopped'].includes(String(s)));
};

describe.skipIf(!hasChromium)('around the cells', () => {
  const { open } = siteSession({ width: 1280, height: 1400 });

  for (const locale of ['ko', 'en'] as const) {
    it(`${locale}: between an edit and a run, the badge shown is dimmed and said to be of the original code, or of the last run's`, async () => {
      const page = await open(GATHER[locale]);
      const cell = page.locator(GATHER.cell);
      const badge = cell.locator('.cell-head .badge');
      const opacity = () => badge.evaluate((el) => Number(getComputedStyle(el).opacity));
      expect(await opacity()).toBe(1);
      const code = await cell.getAttribute('data-run').then((json) => JSON.parse(json!).code as string);
      await replaceCellCode(page, cell, code.replace('asyncio.sleep(1)', 'asyncio.sleep(2)'));
      expect(await badge.getAttribute('data-verdict')).toBe('verified');
      expect(await opacity()).toBeLessThan(0.7);
      expect((await cell.locator('.cell-head [data-original-tag]').innerText()).trim()).toBe(ORIGINAL[locale]);
      // The run judges the edit: its badge is this run's, nothing is of the original any more.
      await cell.locator('[data-action="run"]').click();
      await finished(cell);
      expect(await cell.locator('.cell-head [data-original-tag]').count()).toBe(0);
      expect(await opacity()).toBe(1);
      // Edited again: the run's badge is now of the last run's code, until the next run.
      const ran = code.replace('asyncio.sleep(1)', 'asyncio.sleep(2)');
      await replaceCellCode(page, cell, ran.replace('asyncio.sleep(2)', 'asyncio.sleep(3)'));
      expect(await badge.getAttribute('data-verdict')).toBe('drift');
      expect(await opacity()).toBeLessThan(0.7);
      expect((await cell.locator('.cell-head [data-original-tag]').innerText()).trim()).toBe(LAST_RUN[locale]);
      // Back to the code that ran: its verdict is of the editor's code again.
      await replaceCellCode(page, cell, ran);
      expect(await cell.locator('.cell-head [data-original-tag]').count()).toBe(0);
      expect(await opacity()).toBe(1);
      await page.close();
    }, 180_000);
  }

  it('draws the interface\'s icons as inline SVG: no emoji or symbol characters in buttons or the notebook link', async () => {
    for (const path of [GATHER.en, GATHER.ko]) {
      const page = await open(path);
      await page.locator('[data-run-all-bar]').waitFor();
      const chrome = page.locator('.cell-run button, .run-all button, .notebook-link');
      const texts = await chrome.allInnerTexts();
      expect(texts.length).toBeGreaterThan(5);
      for (const text of texts) expect(text, path).not.toMatch(GLYPHS);
      for (const selector of ['[data-action="run"]', '[data-action="stop"]', '[data-action="replay"]', '[data-action="run-all"]', '[data-action="restart"]', '.notebook-link']) {
        const svg = page.locator(`${selector} svg.icon`).first();
        expect(await svg.count(), selector).toBe(1);
        const box = await svg.boundingBox();
        expect(box!.width, selector).toBeGreaterThan(8);
      }
      await page.close();
    }
  });

  for (const [locale, query, link] of [['en', 'gather', 'Download as a Jupyter notebook'], ['ko', 'gather', 'Jupyter 노트북으로 받기']] as const) {
    it(`${locale}: search excerpts hold no interface text (the notebook link, the runner's buttons)`, async () => {
      const page = await open(`/${locale}/`);
      await searchFor(page, query);
      await page.locator('dialog .pagefind-ui__result-excerpt').first().waitFor({ timeout: 15_000 });
      const excerpts = await page.locator('dialog .pagefind-ui__result-excerpt').allInnerTexts();
      expect(excerpts.length).toBeGreaterThan(2);
      for (const excerpt of excerpts) {
        expect(excerpt).not.toContain(link);
        expect(excerpt).not.toMatch(/\bbuild run\b|빌드 실행/);
      }
      await page.close();
    });
  }

  const hang = { ko: { running: '끝나지 않음', deadlock: '교착 상태' }, en: { running: 'never ends', deadlock: 'deadlock' } };
  for (const locale of ['ko', 'en'] as const) {
    it(`${locale}: a loop printing until the budget never ends; a queue nobody fills waits (deadlock)`, async () => {
      const page = await open(QUEUE[locale]);
      const cell = page.locator(QUEUE.cell);
      await cell.locator('[data-action="run"]').click();
      await finished(cell);
      const state = () => cell.locator('[data-live]').innerText();
      expect(await cell.getAttribute('data-run-state')).toBe('hangs');
      expect(await state()).toContain(hang[locale].deadlock);
      expect(await state()).not.toContain(hang[locale].running);
      // A line a minute: it prints until the hour's virtual budget runs out, in 60 lines, so a busy
      // machine does not reach the page's real-time budget first.
      await replaceCellCode(page, cell, 'import asyncio\n\nasync def main():\n    n = 0\n    while True:\n        n += 1\n        print(n)\n        await asyncio.sleep(60)\n\nasyncio.run(main())\n');
      const count = () => cell.locator('[data-run-count]').innerText();
      const before = await count();
      await cell.locator('[data-action="run"]').click();
      // The first run's state stays until the second starts.
      await expect.poll(count).not.toBe(before);
      await finished(cell);
      expect(await cell.getAttribute('data-run-state')).toBe('hangs');
      expect(await state()).toContain(hang[locale].running);
      expect(await state()).not.toMatch(/waits forever|영원히 기다립니다/);
      await page.close();
    }, 240_000);
  }
});

describe.skipIf(!hasChromium)('a first visit', () => {
  const served = servedSite();

  it('downloads what the note says, with Pyodide\'s WebAssembly compressed, and runs from the snapshot', async () => {
    // A browser that never visited: no HTTP cache, no kept snapshot.
    const context = await served.browser.newContext({ viewport: { width: 1280, height: 1400 } });
    const page = await context.newPage();
    await page.goto(served.url + encodeURI(GATHER.en));
    await page.waitForLoadState('networkidle');
    const note = await page.locator('[data-run-all-note]').innerText();
    const stated = Number(/about ([\d.]+) MB/.exec(note)?.[1]);
    expect(stated).toBeGreaterThan(0);
    const responses: { url: string; bytes: Promise<number> }[] = [];
    context.on('response', (r) => responses.push({ url: r.url(), bytes: r.request().sizes().then((s) => s.responseBodySize + s.responseHeadersSize) }));
    const cell = page.locator(GATHER.cell);
    await cell.locator('[data-action="run"]').click();
    await finished(cell);
    expect(await cell.getAttribute('data-run-state')).toBe('ok');
    expect(await page.locator('[data-kernel-status]').getAttribute('data-boot')).toBe('site');
    const urls = responses.map((r) => new URL(r.url).pathname);
    expect(urls).toContain('/pyodide/pyodide.asm.wasm.gz');
    expect(urls).not.toContain('/pyodide/pyodide.asm.wasm');
    const bytes = (await Promise.all(responses.map((r) => r.bytes))).reduce((a, b) => a + b, 0);
    console.log(`first visit: the first run downloaded ${(bytes / 1e6).toFixed(2)} MB in ${responses.length} responses; the note says about ${stated} MB`);
    expect(Math.abs(bytes / 1e6 - stated)).toBeLessThan(1.5);
    // About 20.6 MB before: the WebAssembly was served uncompressed (9.6 MB).
    expect(bytes).toBeLessThan(16e6);
    await context.close();
  }, 180_000);
});
