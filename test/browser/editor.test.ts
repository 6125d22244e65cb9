// The editor opens on exactly the code the reader was reading (the English page's code on an
// English page), at the same line pitch, with its caret on its line; a click into the code starts
// editing there; the run bar's buttons stand on one line.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { hasChromium } from './chromium.ts';
import { siteSession } from './site-session.ts';

const PAGES = { en: '/en/asyncio-complete-guide/8-core-asyncio-apis/', ko: '/ko/asyncio-complete-guide/8-asyncio-핵심-api/' };
const GATHER = '[data-cell="asyncio-complete-guide/20a1151a"]';

/** The static code block's lines (Expressive Code's) and their pitch. */
function blockOf(cell: Locator) {
  return cell.evaluate((el) => {
    const lines = [...el.previousElementSibling!.querySelectorAll<HTMLElement>('.ec-line')];
    // An empty line of Expressive Code holds a newline of its own.
    return { text: lines.map((l) => (l.textContent ?? '').replace(/\n$/, '')).join('\n'), pitch: lines[1]!.getBoundingClientRect().top - lines[0]!.getBoundingClientRect().top, count: lines.length };
  });
}

/** The editor's lines, their pitch, and where its caret is against its active line. */
function editorOf(cell: Locator) {
  return cell.locator('[data-editor]').evaluate((el) => {
    const lines = [...el.querySelectorAll<HTMLElement>('.cm-line')];
    const active = el.querySelector<HTMLElement>('.cm-activeLine');
    const caret = el.querySelector<HTMLElement>('.cm-cursor');
    const a = active?.getBoundingClientRect();
    const c = caret?.getBoundingClientRect();
    return {
      text: lines.map((l) => l.textContent ?? '').join('\n'),
      pitch: lines[1]!.getBoundingClientRect().top - lines[0]!.getBoundingClientRect().top,
      activeLine: active ? lines.indexOf(active) : -1,
      caretInLine: a && c ? c.top >= a.top - 1 && c.bottom <= a.bottom + 1 : false,
    };
  });
}

async function clickLine(page: Page, cell: Locator, line: number) {
  const box = await cell.evaluate((el, n) => {
    const r = el.previousElementSibling!.querySelectorAll<HTMLElement>('.ec-line')[n]!.getBoundingClientRect();
    return { x: r.left + 40, y: r.top + r.height / 2 };
  }, line);
  await page.mouse.click(box.x, box.y);
}

describe.skipIf(!hasChromium)('the editor', () => {
  const session = siteSession({ width: 1280, height: 1400 });

  for (const locale of ['en', 'ko'] as const) {
    it(`opens on the ${locale} page's own code at its line pitch, where the reader clicked`, async () => {
      const page = await session.open(PAGES[locale]);
      const cell = page.locator(GATHER);
      await cell.locator('[data-action="run"]').waitFor({ state: 'visible' });
      const block = await blockOf(cell);
      // The English page's code has English comments (the stated output it prints stays Korean).
      expect(block.text.includes('# 여러 태스크 동시 실행')).toBe(locale === 'ko');
      await clickLine(page, cell, 2);
      await cell.locator('[data-editor] .cm-content').waitFor({ timeout: 30_000 });
      await expect.poll(() => cell.locator('[data-editor] .cm-content').evaluate((el) => el === document.activeElement || el.contains(document.activeElement))).toBe(true);
      const editor = await editorOf(cell);
      expect(editor.text).toBe(block.text);
      expect(Math.abs(editor.pitch - block.pitch), `${editor.pitch} against ${block.pitch}`).toBeLessThanOrEqual(1);
      expect(editor.activeLine).toBe(2);
      expect(editor.caretInLine).toBe(true);
      // Typing goes where the reader clicked.
      await page.keyboard.type('#!');
      expect((await editorOf(cell)).text.split('\n')[2]).toContain('#!');
      await page.close();
    }, 60_000);
  }

  it('stands the run bar\'s buttons on one line', async () => {
    const page = await session.open(PAGES.en);
    const cell = page.locator(GATHER);
    await cell.locator('[data-action="run"]').waitFor({ state: 'visible' });
    const tops = await cell.locator('[data-runner] button:not([hidden])').evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().top));
    expect(tops.length).toBeGreaterThan(2);
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(1);
    await page.close();
  });

  it('runs the English code as the page shows it, judged as the unedited cell', async () => {
    const page = await session.open(PAGES.en);
    const cell = page.locator(GATHER);
    await cell.locator('[data-action="run"]').click();
    await expect.poll(() => cell.getAttribute('data-run-state'), { timeout: 90_000 }).toBe('ok');
    await expect(cell.locator('[data-live-tag]').innerText()).resolves.toBe('this run');
    await expect(cell.getAttribute('data-live-verdict')).resolves.toBe('verified');
    await page.close();
  }, 120_000);
});
