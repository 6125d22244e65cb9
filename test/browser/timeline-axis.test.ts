// A timeline's axis reads as separate labels at every width: no two tick labels closer than 6 px,
// written compactly (`0.5 s`, `1 s`), and on a phone the row names stay in view while the bars
// scroll.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from './chromium.ts';
import { servedSite } from './site-session.ts';

/** Runs of 2 s (eleven labels before), 3 s, 5 s and longer, in both languages. */
const PAGES = [
  '/ko/async-io-performance/5-비동기-태스크-관리-asyncio-createtask/',
  '/en/async-io-performance/5-managing-asynchronous-tasks-asyncio-createtask/',
  '/ko/async-programming/11-세마포어와-락/',
  '/ko/async-programming/5-동시-실행/',
  '/ko/asyncio-basics/asyncio-gather-병렬-실행/',
];

interface Tick { text: string; left: number; right: number }

/** Every drawn timeline's tick labels, left to right, in screen pixels. */
async function ticksOf(page: Page): Promise<Tick[][]> {
  const boxes = page.locator('[data-timeline]');
  const n = await boxes.count();
  const out: Tick[][] = [];
  for (let i = 0; i < n; i++) {
    const box = boxes.nth(i);
    await box.scrollIntoViewIfNeeded();
    await box.locator('svg rect.task').first().waitFor({ timeout: 15_000 });
    out.push(await box.locator('svg').first().evaluate((svg) => [...svg.querySelectorAll('.tick text')]
      .map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect() }))
      .filter((t) => t.text.trim() && t.box.width > 0)
      .map((t) => ({ text: t.text, left: t.box.left, right: t.box.right }))
      .sort((a, b) => a.left - b.left)));
  }
  return out;
}

describe.skipIf(!hasChromium)('timeline axes', () => {
  const site = servedSite();

  for (const width of [1280, 390]) {
    it(`keeps tick labels at least 6 px apart at ${width} px`, { timeout: 120_000 }, async () => {
      const context = await site.browser.newContext({ viewport: { width, height: 900 } });
      const crowded: string[] = [];
      let timelines = 0;
      for (const path of PAGES) {
        const page = await context.newPage();
        await page.goto(site.url + encodeURI(path));
        for (const ticks of await ticksOf(page)) {
          timelines++;
          expect(ticks.length, path).toBeGreaterThanOrEqual(2);
          expect(ticks.length, path).toBeLessThanOrEqual(8);
          for (const t of ticks) expect(t.text, path).toMatch(/^\d+(\.\d*[1-9])? (s|min)$/);
          for (let i = 1; i < ticks.length; i++) {
            const gap = ticks[i]!.left - ticks[i - 1]!.right;
            if (gap < 6) crowded.push(`${path}: ${ticks[i - 1]!.text} | ${ticks[i]!.text} ${gap.toFixed(1)} px`);
          }
        }
        await page.close();
      }
      await context.close();
      expect(timelines).toBeGreaterThanOrEqual(PAGES.length);
      expect(crowded).toEqual([]);
    });
  }

  it('labels a 2 s run 0 s, 0.5 s, ... 2 s', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(site.url + encodeURI(PAGES[0]!));
    const [ticks] = await ticksOf(page);
    expect(ticks!.map((t) => t.text)).toEqual(['0 s', '0.5 s', '1 s', '1.5 s', '2 s']);
    await page.close();
  });

  it('keeps the row names in view on a phone while the bars scroll', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true });
    await page.goto(site.url + encodeURI(PAGES[0]!));
    const box = page.locator('[data-timeline] .timeline-scroll').first();
    await box.scrollIntoViewIfNeeded();
    await box.locator('svg rect.task').first().waitFor({ timeout: 15_000 });
    const names = await box.locator('svg text.sectionTitle').allTextContents();
    expect(names.length).toBeGreaterThan(1);
    const scrolled = await box.evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
      el.dispatchEvent(new Event('scroll'));
      return el.scrollLeft;
    });
    expect(scrolled).toBeGreaterThan(100);
    await page.waitForFunction(() => document.querySelector('.timeline-scroll.timeline-scrolled') !== null);
    const pinned = await box.evaluate((el) => {
      const frame = el.getBoundingClientRect();
      return [...el.querySelectorAll<HTMLElement>('.timeline-names span')].map((s) => {
        const r = s.getBoundingClientRect();
        const visible = getComputedStyle(s).visibility === 'visible' && r.left >= frame.left - 1 && r.right <= frame.right + 1 && r.width > 0;
        // What is drawn at the name's middle: the name itself, not a bar scrolled under it.
        const top = document.elementFromPoint(r.left + Math.min(r.width, 20) / 2, r.top + r.height / 2);
        return { text: s.textContent, visible, onTop: top === s || s.contains(top) };
      });
    });
    expect(pinned.map((p) => p.text)).toEqual(names);
    expect(pinned.every((p) => p.visible && p.onTop), JSON.stringify(pinned)).toBe(true);
    await page.close();
  });
});
