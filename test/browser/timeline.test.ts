// Timelines as a reader gets them: readable in both themes (text contrast measured on the drawn
// SVG, also after switching theme), on a phone (text size, its own scroll box), labels in the
// reader's words and language, every task shown, a table as text alternative, and Mermaid loaded
// only when a timeline comes near.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium } from './chromium.ts';
import { serveDirectory } from './static-server.ts';

const SEMAPHORE = '/async-programming/11-세마포어와-락/';
const AIOHTTP = '/async-io-performance/4-aiohttp를-사용한-비동기-http-요청/';
const CONCURRENT = '/async-programming/5-동시-실행/';
/** Its only timeline is near the end of a long page. */
const FAR_BELOW = '/asyncio-complete-guide/4-동시성-vs-병렬성/';

interface Contrast { text: string; ratio: number; fill: string; background: string }

/** Runs in the page: each text of the first drawn timeline against what it is drawn on. */
function contrasts(): Contrast[] {
  const rgb = (c: string): [number, number, number, number] => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
    return [p[0]!, p[1]!, p[2]!, p[3] ?? 1];
  };
  const over = (top: number[], bottom: number[], alpha: number) => top.slice(0, 3).map((v, i) => v * alpha + bottom[i]! * (1 - alpha));
  const lum = (c: number[]) => {
    const [r, g, b] = c.map((v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const ratio = (a: number[], b: number[]) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x! + 0.05) / (y! + 0.05); };
  const box = document.querySelector('[data-timeline] .timeline-scroll')!;
  let bgEl: Element | null = box;
  let bg = rgb(getComputedStyle(box).backgroundColor);
  while (bg[3] === 0 && bgEl?.parentElement) { bgEl = bgEl.parentElement; bg = rgb(getComputedStyle(bgEl).backgroundColor); }
  const svg = box.querySelector('svg')!;
  // The alternating row stripes lie under the labels too: text must read on both.
  const grounds = [bg.slice(0, 3)];
  for (const stripe of svg.querySelectorAll('rect.section1, rect.section3')) {
    const s = getComputedStyle(stripe);
    const fill = rgb(s.fill);
    if (fill[3] > 0) grounds.push(over(fill, bg, Number(s.opacity) * fill[3]));
  }
  const out: Contrast[] = [];
  for (const text of svg.querySelectorAll('text')) {
    const words = (text.textContent ?? '').replace(/\u200b/g, '').trim();
    if (!words) continue;
    const fill = rgb(getComputedStyle(text).fill).slice(0, 3);
    const inBar = /\btaskText\b/.test(text.getAttribute('class') ?? '');
    const bar = inBar ? document.getElementById(text.id.replace(/-text$/, '')) : null;
    const under = bar ? [rgb(getComputedStyle(bar).fill).slice(0, 3)] : grounds;
    for (const g of under) out.push({ text: words, ratio: ratio(fill, g), fill: fill.join(','), background: g.map(Math.round).join(',') });
  }
  return out;
}

describe.skipIf(!hasChromium)('timelines', () => {
  let browser: Browser;
  let site: { url: string; close: () => Promise<void> };
  const open = async (path: string, options: { width?: number; height?: number; dark?: boolean } = {}): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: options.width ?? 1280, height: options.height ?? 800 }, colorScheme: options.dark ? 'dark' : 'light' });
    await page.goto(site.url + encodeURI(path));
    return page;
  };
  const drawn = async (page: Page) => {
    await page.locator('[data-timeline]').first().scrollIntoViewIfNeeded();
    const svg = page.locator('[data-timeline]').first().locator('svg');
    await svg.locator('rect.task').first().waitFor({ timeout: 15_000 });
    return svg;
  };

  beforeAll(async () => {
    site = await serveDirectory(resolve('dist'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('keeps every text at 4.5:1 or more in the dark theme (the OS setting) and after switching to light', async () => {
    const page = await open(`/en${SEMAPHORE}`, { dark: true });
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await drawn(page);
    const dark = await page.evaluate(contrasts);
    expect(dark.length).toBeGreaterThan(20);
    expect(dark.filter((c) => c.ratio < 4.5)).toEqual([]);
    await page.screenshot({ path: '/work/briefs/timeline-dark.png' });
    // The reader picks the light theme: the same drawing follows, no redraw.
    await page.evaluate(() => { document.documentElement.dataset.theme = 'light'; });
    const light = await page.evaluate(contrasts);
    expect(light.filter((c) => c.ratio < 4.5)).toEqual([]);
    expect(light[0]!.fill).not.toBe(dark[0]!.fill);
    await page.close();
  });

  it('keeps text readable on a phone, scrolling the diagram in its own box and never the page', async () => {
    const page = await open(`/ko${SEMAPHORE}`, { width: 390, height: 844 });
    const svg = await drawn(page);
    const sizes = await svg.evaluate((el) => {
      const s = el as SVGSVGElement;
      const scale = s.getBoundingClientRect().width / s.viewBox.baseVal.width;
      return [...s.querySelectorAll('text')].filter((t) => t.textContent!.replace(/\u200b/g, '').trim()).map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    });
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    const box = await page.locator('[data-timeline] .timeline-scroll').first().evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, overflow: getComputedStyle(el).overflowX }));
    expect(box.scroll).toBeGreaterThan(box.client);
    expect(box.overflow).toBe('auto');
    await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
    await page.locator('[data-timeline]').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/work/briefs/timeline-phone.png' });
    await page.close();
  });

  it('labels tasks by their function and short arguments, keeps URLs whole, and words waits as the reader would', async () => {
    const page = await open(`/en${SEMAPHORE}`);
    const svg = await drawn(page);
    const titles = await svg.locator('text.sectionTitle').allTextContents();
    expect(titles).toContain('limited_task(3)');
    expect(titles.join('\n')).not.toMatch(/asyncio\.l|Semaphore|0x|Task-\d/);
    const bars = (await svg.locator('text[class*="taskText"]').allTextContents()).join('\n');
    expect(bars).toContain('semaphore');
    // Row labels end left of the first bar: none runs under the bars.
    const overlap = await svg.evaluate((el) => {
      const left = Math.min(...[...el.querySelectorAll('rect.task')].map((r) => r.getBoundingClientRect().left));
      return [...el.querySelectorAll('text.sectionTitle')].filter((t) => t.getBoundingClientRect().right > left).map((t) => t.textContent);
    });
    expect(overlap).toEqual([]);
    await page.close();

    for (const [locale, request] of [['en', 'HTTP request'], ['ko', 'HTTP 요청']] as const) {
      const http = await open(`/${locale}${AIOHTTP}`);
      const svg2 = await drawn(http);
      // A long label is cut for the drawing, never its colon; the table keeps it whole.
      const rows = (await svg2.locator('text.sectionTitle').allTextContents()).join('\n');
      expect(rows).toContain('https:');
      await expect(http.locator('[data-timeline] details tbody').first().textContent()).resolves.toContain('https://jsonplaceholder.typicode.com/posts/1');
      const words = (await svg2.locator('text[class*="taskText"]').allTextContents()).join('\n');
      expect(words).toContain(request);
      expect(words).not.toMatch(/\bsleep\b/);
      await http.close();
    }
  });

  it('shows a task that raised at once, with a table that says how each task ended', async () => {
    const page = await open(`/en${CONCURRENT}`);
    const figure = page.locator('[data-timeline]', { hasText: 'might_fail' }).first();
    await figure.scrollIntoViewIfNeeded();
    const svg = figure.locator('svg');
    await svg.locator('rect.task').first().waitFor({ timeout: 15_000 });
    const titles = await svg.locator('text.sectionTitle').allTextContents();
    expect(titles).toEqual(expect.arrayContaining(['main()', 'might_fail(1)', 'might_fail(2)', 'might_fail(3)']));
    // Running, waiting and the error mark are drawn as different kinds of bars.
    const classes = await svg.locator('rect.task').evaluateAll((rs) => rs.map((r) => r.getAttribute('class') ?? ''));
    expect(classes.some((c) => /\bactive\d/.test(c))).toBe(true);
    expect(classes.some((c) => /\btask\d/.test(c))).toBe(true);
    expect(classes.some((c) => /\bdoneCrit\d/.test(c))).toBe(true);
    const row = figure.locator('details tbody tr', { hasText: 'might_fail(2)' });
    await expect(row.textContent()).resolves.toContain('raised ValueError');
    await page.close();
  });

  it('names the drawn SVG and links it to its table', async () => {
    const page = await open(`/ko${SEMAPHORE}`);
    const svg = await drawn(page);
    await expect(svg.getAttribute('role')).resolves.toBe('img');
    const name = await svg.getAttribute('aria-label');
    expect(name).toContain('타임라인');
    const described = await svg.getAttribute('aria-describedby');
    const table = page.locator(`details[id="${described}"]`);
    await expect(table.locator('summary').textContent()).resolves.toBe('타임라인을 표로 보기');
    const rows = await table.locator('tbody tr').count();
    const sections = await svg.locator('text.sectionTitle').count();
    expect(rows).toBe(sections);
    await expect(table.locator('thead th').allTextContents()).resolves.toEqual(['태스크', '시작', '기다린 것', '끝']);
    await page.close();
  });

  it('loads Mermaid only when a timeline comes near the viewport', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const scripts: string[] = [];
    page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(r.url()); });
    await page.goto(site.url + encodeURI(`/en${FAR_BELOW}`));
    await page.waitForLoadState('networkidle');
    const top = await page.locator('[data-timeline]').first().evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(3 * 800);
    expect(scripts.filter((u) => /mermaid|gantt/i.test(u))).toEqual([]);
    await expect(page.locator('[data-timeline] svg').count()).resolves.toBe(0);
    await page.locator('[data-timeline]').first().scrollIntoViewIfNeeded();
    await page.locator('[data-timeline] svg rect.task').first().waitFor({ timeout: 15_000 });
    expect(scripts.some((u) => /mermaid/i.test(u))).toBe(true);
    await page.close();
  });
});
