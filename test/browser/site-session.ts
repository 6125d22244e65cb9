// One browser test file's session: dist/ served locally and one Chromium, torn down after the file
// (`servedSite`), optionally with one context to open pages in (`siteSession`); and the list of the
// site's pages. Call the session helpers inside a describe block; their getters are valid from its
// beforeAll on.
import { afterAll, beforeAll } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { serveDirectory } from './static-server.ts';

export const DIST = resolve('dist');

/** Site paths of every HTML page under dist/ (the bundled runtime, Mermaid, notebooks and the search index are not pages). */
export function sitePages(dir = DIST): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (dir === DIST && ['_astro', 'pagefind', 'pyodide', 'mermaid', 'notebooks'].includes(entry.name)) continue;
      out.push(...sitePages(full));
    } else if (entry.name.endsWith('.html')) {
      const path = '/' + relative(DIST, full).replace(/index\.html$/, '');
      // Pages that only send the reader on (dist/index.html to /ko/, a chapter's old address to its
      // new one) show nothing of their own; where they lead is walked anyway.
      if (path !== '/' && !/<meta http-equiv="refresh"/.test(readFileSync(full, 'utf8'))) out.push(path);
    }
  }
  return out.sort();
}

export interface ServedSite {
  readonly url: string;
  readonly browser: Browser;
}

export function servedSite(): ServedSite {
  let browser: Browser;
  let site: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    site = await serveDirectory(DIST);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    get url() { return site.url; },
    get browser() { return browser; },
  };
}

export interface SiteSession {
  readonly url: string;
  readonly context: BrowserContext;
  /** A new page at `path` of the site (optionally with Starlight's theme chosen before load). */
  open(path: string, theme?: 'dark' | 'light'): Promise<Page>;
}

export function siteSession(viewport: { width: number; height: number }): SiteSession {
  const served = servedSite();
  let context: BrowserContext;
  beforeAll(async () => {
    context = await served.browser.newContext({ viewport });
  });
  return {
    get url() { return served.url; },
    get context() { return context; },
    async open(path, theme) {
      const page = await context.newPage();
      if (theme) await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await page.goto(served.url + encodeURI(path));
      return page;
    },
  };
}
