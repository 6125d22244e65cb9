// Runnable cells: the build's kernel in a Web Worker, driven as a reader would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { hasChromium, launchChromium } from './chromium.ts';
import { serveDirectory } from './static-server.ts';
import { replaceCellCode } from './cells.ts';

const GATHER_PAGE = '/ko/asyncio-complete-guide/8-asyncio-핵심-api/';
const GATHER = '[data-cell="asyncio-complete-guide/20a1151a"]';
// `44e8e6af` uses fetch, which the earlier cell `84aba1be` on the same page defines; both use the
// `import asyncio` of an earlier chapter, which the page's prelude provides.
const CONCURRENCY_PAGE = '/ko/async-programming/5-동시-실행/';

describe.skipIf(!hasChromium)('runnable cells in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let site: { url: string; close: () => Promise<void> };
  const offOrigin: string[] = [];

  const open = async (path: string): Promise<Page> => {
    const page = await context.newPage();
    page.on('request', (r) => { if (!r.url().startsWith(site.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) offOrigin.push(r.url()); });
    await page.goto(site.url + encodeURI(path));
    return page;
  };
  const state = (cell: Locator) => cell.getAttribute('data-run-state');
  const waitState = async (cell: Locator, states: string[], timeout = 60_000) => {
    await expect.poll(() => state(cell), { timeout, interval: 100 }).toSatisfy((s) => states.includes(String(s)));
  };
  const edit = replaceCellCode;
  const outputLines = (cell: Locator) => cell.locator('[data-output] .line').evaluateAll((lines) =>
    lines.map((l) => [l.querySelector('.t')?.textContent?.trim() ?? '', (l.textContent ?? '').replace(l.querySelector('.t')?.textContent ?? '', '').trim()]));

  beforeAll(async () => {
    site = await serveDirectory(resolve('dist'));
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 1400 } });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('runs a cell and shows its output with virtual timestamps', async () => {
    const page = await open(GATHER_PAGE);
    const cell = page.locator(GATHER);
    await cell.locator('[data-action="run"]').click();
    await waitState(cell, ['ok']);
    const lines = await outputLines(cell);
    expect(lines).toContainEqual(['[1.000s]', '작업2 완료']);
    expect(lines).toContainEqual(['[3.000s]', '작업3 완료']);
    await page.screenshot({ path: 'test-results/runner-after-run.png' });
    await page.close();
  });

  it('reruns an edited sleep: the timestamps and the timeline change', async () => {
    const page = await open(GATHER_PAGE);
    const cell = page.locator(GATHER);
    const original = await cell.locator('[data-timeline]').first().getAttribute('data-gantt') ?? await cell.locator('[data-timeline] pre').first().textContent();
    await edit(page, cell, [
      'import asyncio', 'async def task(name, delay):', '    print(f"{name} 시작")', '    await asyncio.sleep(delay)',
      '    print(f"{name} 완료")', 'async def main():', '    await asyncio.gather(task("작업1", 2), task("작업2", 4))', 'asyncio.run(main())',
    ].join('\n'));
    await cell.locator('[data-action="run"]').click();
    await waitState(cell, ['ok']);
    const lines = await outputLines(cell);
    expect(lines).toContainEqual(['[4.000s]', '작업2 완료']);
    expect(lines).toContainEqual(['[2.000s]', '작업1 완료']);
    const gantt = await cell.locator('[data-timeline]').last().getAttribute('data-gantt');
    expect(gantt).toMatch(/^gantt\n  dateFormat x\n/);
    expect(gantt).not.toBe(original);
    expect(gantt).toContain('4000');
    await cell.locator('[data-timeline] svg rect.task').first().waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('stops a runaway loop within a couple of seconds', async () => {
    const page = await open(GATHER_PAGE);
    const cell = page.locator(GATHER);
    await edit(page, cell, 'print("spinning")\nwhile True:\n    pass');
    await cell.locator('[data-action="run"]').click();
    await waitState(cell, ['running']);
    await page.waitForTimeout(500);
    const started = Date.now();
    await cell.locator('[data-action="stop"]').click();
    await waitState(cell, ['stopped', 'restarted'], 5_000);
    expect(Date.now() - started).toBeLessThan(3_000);
    await page.close();
  });

  it('runs the earlier cell a cell depends on first', async () => {
    const page = await open(CONCURRENCY_PAGE);
    const dependent = page.locator('[data-cell="async-programming/44e8e6af"]');
    const earlier = page.locator('[data-cell="async-programming/84aba1be"]');
    expect(await earlier.getAttribute('data-run-state')).not.toBe('ok');
    await dependent.locator('[data-action="run"]').click();
    await waitState(dependent, ['ok', 'error'], 90_000);
    expect(await state(dependent)).toBe('ok');
    expect(await state(earlier)).toBe('ok');
    await page.close();
  });

  it('shows printed markup as text, never as HTML', async () => {
    const page = await open(GATHER_PAGE);
    const cell = page.locator(GATHER);
    await edit(page, cell, 'print("<script>window.pwned = 1</script><b>bold</b>")');
    await cell.locator('[data-action="run"]').click();
    await waitState(cell, ['ok']);
    const output = cell.locator('[data-output]').last();
    await expect(output.innerText()).resolves.toContain('<script>window.pwned = 1</script><b>bold</b>');
    expect(await output.locator('b, script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await page.close();
  });

  it('never requested anything from another origin', () => {
    expect(offOrigin).toEqual([]);
  });
});
