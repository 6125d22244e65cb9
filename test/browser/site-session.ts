// One browser test file's session: dist/ served locally, one Chromium, one context, torn down after
// the file. Call inside a describe block; the getters are valid from its beforeAll on.
import { afterAll, beforeAll } from 'vitest';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { serveDirectory } from './static-server.ts';

export interface SiteSession {
  readonly url: string;
  readonly context: BrowserContext;
  /** A new page at `path` of the site (optionally with Starlight's theme chosen before load). */
  open(path: string, theme?: 'dark' | 'light'): Promise<Page>;
}

export function siteSession(viewport: { width: number; height: number }): SiteSession {
  let browser: Browser;
  let context: BrowserContext;
  let site: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    site = await serveDirectory(resolve('dist'));
    browser = await launchChromium();
    context = await browser.newContext({ viewport });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    get url() { return site.url; },
    get context() { return context; },
    async open(path, theme) {
      const page = await context.newPage();
      if (theme) await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await page.goto(site.url + encodeURI(path));
      return page;
    },
  };
}
