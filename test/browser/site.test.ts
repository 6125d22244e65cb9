import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { hasChromium, launchChromium } from './chromium.ts';
import { serveDirectory } from './static-server.ts';

describe.skipIf(!hasChromium)('the built site in Chromium', () => {
  let browser: Browser;
  let site: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    site = await serveDirectory(resolve('dist'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('serves the Korean home page at /ko/ with Korean UI and the guide title', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/ko/`);
    expect(await page.getAttribute('html', 'lang')).toBe('ko');
    await expect(page.title()).resolves.toContain('asyncio');
    const links = await page.locator('nav a').allTextContents();
    expect(links.join(' ')).toMatch(/[가-힣]/);
    await page.close();
  });

  it('redirects / to /ko/', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/`);
    await page.waitForURL(/\/ko\/$/);
    await page.close();
  });
});
