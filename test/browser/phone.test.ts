// Every page of the built site on a phone (390x844): nothing may scroll sideways. Wide things
// (diffs, outputs, tables, code) scroll inside their own boxes. The pages are listed from dist/,
// so a page added later is walked too; a failure names each offending page and the element that
// reaches furthest past the screen's right edge.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from './chromium.ts';
import { servedSite, sitePages } from './site-session.ts';

const VIEWPORT = { width: 390, height: 844 };

interface Overflow { scrollWidth: number; innerWidth: number; widest: string | null }

/** Runs in the page: the document's width, and the element that sticks out furthest unclipped. */
function measure(): Overflow {
  const clips = (el: Element) => {
    const style = getComputedStyle(el);
    return style.overflowX !== 'visible' || style.contain.includes('paint');
  };
  const describe = (el: Element) => {
    const parts: string[] = [];
    for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
      const id = e.id ? `#${e.id}` : '';
      const cls = typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).slice(0, 2).join('.') : '';
      parts.unshift(`${e.tagName.toLowerCase()}${id}${cls}`);
    }
    return parts.slice(-5).join(' > ');
  };
  // Text that overflows a box with `overflow: visible` is no element's rectangle: an element's
  // reach is its box or its scrollable content, whichever ends further right. Of equal reach the
  // deepest element wins (document order visits ancestors first), as it names the culprit.
  let widest: Element | null = null;
  let right = innerWidth + 0.5;
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0) continue;
    const reach = Math.max(r.right, getComputedStyle(el).overflowX === 'visible' ? r.left + el.scrollWidth : r.right);
    if (reach < right) continue;
    let clipped = false;
    for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
      if (clips(a)) { clipped = true; break; }
    }
    if (!clipped) { widest = el; right = reach; }
  }
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth,
    widest: widest ? `${describe(widest)} (right edge at ${Math.round(right)} px)` : null,
  };
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  // Timelines are drawn as they near the viewport: bring each one near, and measure once Mermaid
  // has drawn it (or given up), so the drawn width is what is measured.
  await page.evaluate(async () => {
    const drawn = (pre: Element) => pre.querySelector('svg') !== null || pre.hasAttribute('data-processed');
    for (const pre of document.querySelectorAll('pre.mermaid')) {
      pre.scrollIntoView({ block: 'center' });
      for (let waited = 0; !drawn(pre) && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    }
    scrollTo(0, 0);
  });
}

describe.skipIf(!hasChromium)('every page on a 390 px phone', () => {
  const site = servedSite();
  const pages = sitePages();

  it('lists the pages of both locales from dist/', () => {
    expect(pages.filter((p) => p.startsWith('/ko/')).length).toBeGreaterThan(10);
    expect(pages.filter((p) => p.startsWith('/en/')).length).toBe(pages.filter((p) => p.startsWith('/ko/')).length);
    expect(pages).toEqual(expect.arrayContaining(['/ko/', '/en/errata/']));
  });

  // Not isMobile: mobile emulation may widen the layout viewport to fit the content, hiding the fault.
  it('keeps the site title readable in the header: whole, inside the screen, at a readable size', async () => {
    const context = await site.browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    for (const path of ['/ko/', '/en/', '/en/errata/']) {
      await page.goto(site.url + path);
      const title = await page.locator('header .site-title').evaluate((a) => {
        const text = a.querySelector('span') ?? a;
        const r = text.getBoundingClientRect();
        return { clipped: text.scrollWidth > text.clientWidth + 1, right: r.right, size: parseFloat(getComputedStyle(text).fontSize), text: text.textContent?.trim() };
      });
      expect(title.text, path).toMatch(/asyncio/);
      expect(title.clipped, `${path}: the title is cut`).toBe(false);
      expect(title.right, path).toBeLessThanOrEqual(VIEWPORT.width);
      expect(title.size, path).toBeGreaterThanOrEqual(14);
    }
    await context.close();
  });

  it('scrolls no page sideways', async () => {
    const context = await site.browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    const offenders: string[] = [];
    // Two tabs at a time: the machine has two cores, and most of the wait is Mermaid and fonts.
    const queue = [...pages];
    const worker = async () => {
      const page = await context.newPage();
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        await page.goto(site.url + encodeURI(path));
        await settle(page);
        const m = await page.evaluate(measure);
        if (m.scrollWidth > m.innerWidth) offenders.push(`${decodeURI(path)}: ${m.scrollWidth} px wide; widest: ${m.widest ?? '(none found)'}`);
      }
      await page.close();
    };
    await Promise.all([worker(), worker()]);
    await context.close();
    expect(offenders.sort(), `${offenders.length} of ${pages.length} pages scroll sideways at ${VIEWPORT.width} px:\n${offenders.join('\n')}`).toEqual([]);
  }, 900_000);
});
