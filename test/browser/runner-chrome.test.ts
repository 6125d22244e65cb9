// What surrounds a runnable cell: button names a screen reader can say, a kernel status and a
// Restart, Jupyter-style run counters, the Shift+Enter hint, an editor that looks like the static
// block, a Run button at AA contrast in both themes, and sentences for cells that only define
// things or only compute.
import { describe, expect, it } from 'vitest';
import { hasChromium } from './chromium.ts';
import { siteSession } from './site-session.ts';
import { replaceCellCode } from './cells.ts';

const PAGE = '/en/asyncio-complete-guide/8-core-asyncio-apis/';
const GATHER = '[data-cell="asyncio-complete-guide/20a1151a"]';

/** WCAG contrast of two CSS colours (rgb()/rgba(), alpha ignored: the tests read opaque ones). */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => Number(v) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe.skipIf(!hasChromium)('the runner around a cell', () => {
  const session = siteSession({ width: 1280, height: 1400 });
  const open = (path: string, theme?: 'dark' | 'light') => session.open(path, theme);

  it('names buttons by their words alone (glyphs are hidden from screen readers)', async () => {
    const page = await open(PAGE);
    const cell = page.locator(GATHER);
    for (const name of ['Run', 'Stop', 'Replay in real time']) {
      expect(await cell.getByRole('button', { name, exact: true }).count(), name).toBe(1);
    }
    expect(await page.getByRole('button', { name: 'Run all the code on this page', exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Restart the interpreter', exact: true }).count()).toBe(1);
    await page.close();
  });

  it('shows the kernel status, counts runs as Jupyter does, and restarts to an empty namespace', async () => {
    const page = await open(PAGE);
    const status = page.locator('[data-kernel-status]');
    expect(await status.getAttribute('data-kernel-status')).toBe('idle');
    const cell = page.locator(GATHER);
    await cell.locator('[data-action="run"]').click();
    await expect.poll(() => cell.getAttribute('data-run-state'), { timeout: 90_000 }).toBe('ok');
    await expect.poll(() => status.getAttribute('data-kernel-status')).toBe('ready');
    const first = Number((await cell.locator('[data-run-count]').innerText()).replace(/\D/g, ''));
    expect(first).toBeGreaterThanOrEqual(1);
    await cell.locator('[data-action="run"]').click();
    await expect.poll(async () => Number((await cell.locator('[data-run-count]').innerText()).replace(/\D/g, ''))).toBe(first + 1);
    await expect.poll(() => cell.getAttribute('data-run-state'), { timeout: 90_000 }).toBe('ok');

    // The names the runs defined (`task`) are gone after Restart.
    await page.locator('[data-action="restart"]').click();
    await expect.poll(() => status.getAttribute('data-kernel-status'), { timeout: 60_000 }).toBe('ready');
    await replaceCellCode(page, cell, 'print(type(task).__name__)\n');
    await cell.locator('[data-action="run"]').click();
    await expect.poll(() => cell.getAttribute('data-run-state'), { timeout: 90_000 }).toBe('error');
    expect(await cell.locator('[data-live-error]').innerText()).toContain('NameError');
    await page.close();
  }, 240_000);

  it('shows the Shift+Enter hint in the editor and runs with it; the editor keeps the static block\'s font and line height', async () => {
    const page = await open(PAGE);
    const cell = page.locator(GATHER);
    const block = await cell.evaluate((el) => {
      const code = el.previousElementSibling?.querySelector('pre code') as HTMLElement;
      const style = getComputedStyle(code.querySelector('.ec-line') ?? code);
      return { lineHeight: style.lineHeight, fontSize: style.fontSize };
    });
    await cell.locator('[data-action="edit"]').click();
    const content = cell.locator('[data-editor] .cm-content');
    await content.waitFor({ timeout: 30_000 });
    expect(await cell.locator('[data-editor-hint]').isVisible()).toBe(true);
    expect(await cell.locator('[data-editor-hint]').innerText()).toContain('Shift+Enter');
    const editor = await content.evaluate((el) => ({ lineHeight: getComputedStyle(el).lineHeight, fontSize: getComputedStyle(el).fontSize }));
    expect(editor).toEqual(block);
    await content.click();
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => cell.getAttribute('data-run-state'), { timeout: 90_000 }).toBe('ok');
    await page.close();
  }, 180_000);

  for (const theme of ['light', 'dark'] as const) {
    it(`draws the Run button at AA contrast in the ${theme} theme`, async () => {
      const page = await open(PAGE, theme);
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      const button = page.locator(`${GATHER} [data-action="run"]`);
      await button.waitFor({ state: 'visible' });
      const { color, background } = await button.evaluate((el) => ({ color: getComputedStyle(el).color, background: getComputedStyle(el).backgroundColor }));
      expect(contrast(color, background), `${color} on ${background}`).toBeGreaterThanOrEqual(4.5);
      await page.close();
    });
  }

  it('says what a cell that only defines functions does, and why a computing cell has no virtual time', async () => {
    const page = await open('/en/asyncio-basics/mistake-1-calling-a-coroutine-without-await/');
    expect(await page.locator('.cell-output.empty', { hasText: 'nothing runs' }).count()).toBeGreaterThan(0);
    await page.goto(session.url + encodeURI('/en/asyncio-complete-guide/4-concurrency-vs-parallelism/'));
    expect(await page.locator('[data-cpu-only]').first().innerText()).toMatch(/virtual time is 0/);
    await page.close();
  });
});
