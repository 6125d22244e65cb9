// Interpreter snapshots in the browser. A cold page boots from the snapshot the site serves (made by
// the build); with that one unavailable it boots plainly, then has a snapshot made (in a worker of
// its own) and kept. Every way gives the same output and verdict. A reader who has run cells before
// gets the interpreter started as a page loads, from the kept snapshot; a new reader never does.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { hasChromium } from './chromium.ts';
import { siteSession } from './site-session.ts';

const FIRST = '/en/asyncio-complete-guide/8-core-asyncio-apis/';
const GATHER = '[data-cell="asyncio-complete-guide/20a1151a"]';
const SECOND = '/ko/asyncio-complete-guide/8-asyncio-핵심-api/';

describe.skipIf(!hasChromium)('interpreter snapshots in the browser', () => {
  const session = siteSession({ width: 1280, height: 1000 });

  const runGather = async (page: Page): Promise<Locator> => {
    const cell = page.locator(GATHER);
    await cell.locator('[data-action="run"]').click();
    await expect.poll(() => cell.getAttribute('data-run-state'), { timeout: 120_000, interval: 100 }).toBe('ok');
    return cell;
  };
  const output = (cell: Locator) => cell.locator('[data-output] .line').allTextContents();
  const open = async (context: BrowserContext, path: string) => {
    const page = await context.newPage();
    await page.goto(session.url + encodeURI(path));
    return page;
  };
  const status = (page: Page) => page.locator('[data-kernel-status]');

  it("boots a cold page from the site's snapshot, with the same result as a plain boot", async () => {
    const served = await session.context.browser()!.newContext({ viewport: { width: 1280, height: 1000 } });
    const blocked = await session.context.browser()!.newContext({ viewport: { width: 1280, height: 1000 } });
    try {
      await blocked.route('**/pyodide/kernel-snapshot*', (route) => route.abort());
      const [site, plain] = await Promise.all([open(served, FIRST), open(blocked, FIRST)]);
      // A reader new to the site: nothing starts before the first click.
      await site.waitForTimeout(1500);
      expect(await status(site).getAttribute('data-kernel-status')).toBe('idle');
      const a = await runGather(site);
      const b = await runGather(plain);
      expect(await status(site).getAttribute('data-boot')).toBe('site');
      expect(await status(plain).getAttribute('data-boot')).toBe('plain');
      expect(await output(a)).toEqual(await output(b));
      expect(await a.getAttribute('data-live-verdict')).toBe('verified');
      expect(await b.getAttribute('data-live-verdict')).toBe('verified');
      console.log(`boot: from the site's snapshot ${await status(site).getAttribute('data-boot-ms')} ms, plain ${await status(plain).getAttribute('data-boot-ms')} ms`);
    } finally {
      await Promise.all([served.close(), blocked.close()]);
    }
  }, 300_000);

  it('boots a second page from the snapshot the first page kept, started as the page loads', async () => {
    await session.context.route('**/pyodide/kernel-snapshot*', (route) => route.abort());
    const first = await session.open(FIRST);
    const a = await runGather(first);
    expect(await status(first).getAttribute('data-boot')).toBe('plain');
    await expect.poll(() => status(first).getAttribute('data-snapshot-kept'), { timeout: 120_000, interval: 200 }).toBe('yes');
    const expected = await output(a);
    expect(await a.getAttribute('data-live-verdict')).toBe('verified');

    const second = await session.open(SECOND);
    // This reader ran cells before: the interpreter starts without a click, from the kept snapshot.
    await expect.poll(() => status(second).getAttribute('data-kernel-status'), { timeout: 60_000, interval: 100 }).toBe('ready');
    expect(await status(second).getAttribute('data-boot')).toBe('kept');
    const b = await runGather(second);
    expect(await output(b)).toEqual(expected);
    expect(await b.getAttribute('data-live-verdict')).toBe('verified');
    console.log(`boot: plain ${await status(first).getAttribute('data-boot-ms')} ms, from the kept snapshot ${await status(second).getAttribute('data-boot-ms')} ms`);
    await first.close();
    await second.close();
  }, 300_000);
});
