// One language per page: every page of dist/ is visited, and the site's own words on it (its UI)
// must be in the page's language. The UI is everything the site says itself: the header (title,
// search button, theme and language selects), the sidebar, the search dialog once opened (with a
// query typed, so Pagefind's own words show), the table of contents, the footer and pagination,
// the cells' badges, labels, notes and buttons, the code blocks' copy button, the errata page, the
// 404 page, and the aria-labels and titles of all of these. The documents' words are not UI: the
// prose of `.sl-markdown-content`, code, outputs, stated outputs, diffs and timelines; nor is what a
// UI sentence quotes ("…", code spans), such as a stated line or Python's own error message.
// An English page fails on any Hangul in its UI; a Korean page on an English sentence in its UI.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from './chromium.ts';
import { servedSite, sitePages } from './site-session.ts';
import { searchFor } from './search.ts';

const HANGUL = /[\uAC00-\uD7A3\u3131-\u318E]/;
/**
 * An English sentence: four Latin words in a row, one of them a word English sentences are made
 * of. Names and terms the Korean UI keeps in Latin letters (`Python: 준비됨`, `Shift+Enter`,
 * `WebAssembly`, `CPython 3.14(Pyodide)`) are not sentences.
 */
const ENGLISH_SENTENCE = /\b(?:[A-Za-z][a-z']*[\s,;:]+){3,}[A-Za-z][a-z']*\b/g;
const FUNCTION_WORD = /\b(the|a|an|is|are|was|not|no|of|to|in|on|for|with|this|that|and|or|by|from|your|it|be|has|have|does|did)\b/i;

/** The page's language: its folder; the root 404 page is the default locale's. */
function localeOf(path: string): 'ko' | 'en' {
  return path.startsWith('/en/') ? 'en' : 'ko';
}

interface Piece { where: string; text: string }

/** Runs in the page: the UI's text and the UI's attributes, each with where it was found. */
function uiText(): Piece[] {
  // Inside the documents' content, these are the site's own (cells, the notebook link, notices).
  const UI_IN_CONTENT = '.cell, .notebook-link, .errata-dash, .sl-markdown-content > blockquote:first-child, .expressive-code .copy';
  // ...and inside those, these are the documents' or the run's words again.
  const CONTENT = [
    '[data-output]', '.cell-output', '.cell-stated pre', '.cell-readings code', '.cell-error', '.cell-world li',
    'pre.mermaid', '.timeline-table tbody', '.diff', 'code', 'svg', '.expressive-code pre',
    '.dash-documents td:first-child', '.dash-group > h3', '.dash-row-head > a', '.dash-source', '.errata td:first-child', '.errata td:nth-child(2)',
  ].join(', ');
  const ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt', 'data-copied'];
  const pieces: Piece[] = [];
  const describe = (el: Element) => el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + (el.classList.length ? `.${[...el.classList].slice(0, 2).join('.')}` : '');
  const isUi = (el: Element): boolean => {
    if (el.closest('[hidden], template, script, style, noscript')) return false;
    if (el.closest('.sl-markdown-content') && !el.closest(UI_IN_CONTENT)) return false;
    if (el.closest(UI_IN_CONTENT) && el.closest(CONTENT)) return false;
    // The language select names each language in its own words.
    if (el.closest('starlight-lang-select option')) return false;
    return true;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.textContent?.trim() ?? '';
    if (!parent || !text || !isUi(parent)) continue;
    pieces.push({ where: describe(parent), text });
  }
  for (const el of document.querySelectorAll('*')) {
    if (!isUi(el)) continue;
    // A copy button's title is the site's, though the block it copies is the document's.
    for (const name of ATTRIBUTES) {
      const value = el.getAttribute(name)?.trim();
      if (value) pieces.push({ where: `${describe(el)}[${name}]`, text: value });
    }
  }
  const title = document.querySelector('title')?.textContent ?? '';
  // The page's title is the document's; only the site's name after the bar is UI.
  const site = title.split(' | ').at(-1)!;
  if (title.includes(' | ')) pieces.push({ where: 'title', text: site });
  return pieces;
}

/** A UI sentence without what it quotes: "…", “…”, '…' and `…`. */
function ownWords(text: string): string {
  return text.replace(/"[^"]*"|“[^”]*”|`[^`]*`|'[^'\s][^']*'/g, ' ');
}

function offences(locale: 'ko' | 'en', pieces: Piece[]): string[] {
  const out: string[] = [];
  for (const { where, text } of pieces) {
    const own = ownWords(text);
    if (locale === 'en' && HANGUL.test(own)) out.push(`${where}: ${text}`);
    if (locale === 'ko') {
      const sentence = [...own.matchAll(ENGLISH_SENTENCE)].map((m) => m[0]).find((s) => FUNCTION_WORD.test(s));
      if (sentence) out.push(`${where}: ${text}`);
    }
  }
  return [...new Set(out)];
}

describe.skipIf(!hasChromium)('one language per page', () => {
  const site = servedSite();
  const pages = sitePages();

  it('finds the pages of both locales, the errata pages and a 404 page in each language', () => {
    expect(pages.filter((p) => p.startsWith('/ko/')).length).toBeGreaterThan(10);
    expect(pages.filter((p) => p.startsWith('/en/')).length).toBe(pages.filter((p) => p.startsWith('/ko/')).length);
    expect(pages).toContain('/en/errata/');
    expect(pages).toContain('/404.html');
    expect(pages).toContain('/en/404/');
  });

  it('shows no Korean in an English page\'s UI and no English sentence in a Korean page\'s UI', { timeout: 600_000 }, async () => {
    const failures: string[] = [];
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page: Page = await context.newPage();
    for (const path of pages) {
      const response = await page.goto(site.url + encodeURI(path), { waitUntil: 'load' });
      if (!response) continue;
      if (path === '/404.html') {
        // The root 404 page is the default locale's; under /en/ it sends the reader to English.
        const lang = await page.evaluate(() => document.documentElement.lang);
        expect(lang).toBe('ko');
      }
      const found = offences(localeOf(path), await page.evaluate(uiText));
      if (found.length) failures.push(`${path}\n    ${found.slice(0, 8).join('\n    ')}`);
    }
    await context.close();
    expect(failures, failures.join('\n')).toEqual([]);
  });

  for (const locale of ['ko', 'en'] as const) {
    it(`the ${locale} search dialog, with results for a query, speaks ${locale}`, { timeout: 60_000 }, async () => {
      const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${site.url}/${locale}/`);
      await searchFor(page, 'asyncio');
      await page.locator('dialog .pagefind-ui__message').filter({ hasText: /\d/ }).waitFor({ timeout: 15_000 });
      const pieces = await page.evaluate(() => {
        const dialog = document.querySelector('dialog')!;
        const out: { where: string; text: string }[] = [];
        // Results quote the pages (the documents' words); the dialog's own words are the rest.
        const walker = document.createTreeWalker(dialog, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement!;
          if (el.closest('.pagefind-ui__results')) continue;
          if (n.textContent?.trim()) out.push({ where: el.className || el.tagName, text: n.textContent.trim() });
        }
        for (const el of dialog.querySelectorAll('[aria-label], [placeholder], [title]')) {
          if (el.closest('.pagefind-ui__results')) continue;
          for (const name of ['aria-label', 'placeholder', 'title']) {
            const v = el.getAttribute(name);
            if (v) out.push({ where: `${el.tagName}[${name}]`, text: v });
          }
        }
        return out;
      });
      expect(pieces.some((p) => /\d/.test(p.text))).toBe(true);
      const found = offences(locale, pieces);
      // A Korean count says it in Korean; an English one in English.
      const message = pieces.find((p) => p.where.includes('pagefind-ui__message'))?.text ?? '';
      expect(message).toMatch(locale === 'ko' ? HANGUL : /results? for/);
      expect(found).toEqual([]);
      await page.close();
    });
  }
});
