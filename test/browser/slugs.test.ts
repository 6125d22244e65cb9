// A chapter's old English address (its Korean slug) lands on the page at its English address,
// with the cell it pointed at; and the language menu goes between a chapter's two pages.
import { describe, expect, it } from 'vitest';
import { hasChromium } from './chromium.ts';
import { siteSession } from './site-session.ts';

const OLD = '/en/asyncio-basics/gather에서-예외/';
const NEW = '/en/asyncio-basics/exceptions-in-gather/';
const KOREAN = '/ko/asyncio-basics/gather에서-예외/';

describe.skipIf(!hasChromium)('English addresses', () => {
  const session = siteSession({ width: 1280, height: 900 });

  it('sends an old address to the new page, keeping the anchor', async () => {
    const page = await session.context.newPage();
    const first = await (async () => {
      const probe = await session.open(NEW);
      const id = await probe.locator('[data-cell]').first().getAttribute('id');
      await probe.close();
      return id;
    })();
    await page.goto(session.url + encodeURI(OLD) + (first ? `#${first}` : ''));
    await page.waitForURL((u) => u.pathname === NEW);
    expect(new URL(page.url()).hash).toBe(first ? `#${first}` : '');
    await expect(page.locator('h1').first().innerText()).resolves.toBe('Exceptions in gather');
    // The sidebar marks this page as the current one, under its English address.
    await expect(page.locator('nav.sidebar a[aria-current="page"]').getAttribute('href')).resolves.toBe(NEW);
    await page.close();
  });

  it('links no English page of the sidebar to a Korean address', async () => {
    const page = await session.open(NEW);
    const hrefs = await page.locator('nav.sidebar a').evaluateAll((as) => as.map((a) => decodeURI(a.getAttribute('href') ?? '')));
    expect(hrefs.length).toBeGreaterThan(50);
    expect(hrefs.filter((h) => /\p{Script=Hangul}/u.test(h) || !h.startsWith('/en/'))).toEqual([]);
    await page.close();
  });

  it('switches language between the two pages of a chapter', async () => {
    const page = await session.open(NEW);
    await page.locator('starlight-lang-select select').first().selectOption({ label: '한국어' });
    await page.waitForURL((u) => decodeURI(u.pathname) === KOREAN);
    await page.locator('starlight-lang-select select').first().selectOption({ label: 'English' });
    await page.waitForURL((u) => u.pathname === NEW);
    await page.close();
  });
});
