// The interpreter snapshot the browser keeps: a page's first run boots plainly and then has the
// snapshot made (in a worker of its own) and kept; the next page boots from it and runs the same
// cell to the same output and verdict.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { hasChromium } from './chromium.ts';
import { siteSession } from './site-session.ts';

const FIRST = '/en/asyncio-complete-guide/8-asyncio-핵심-api/';
const GATHER = '[data-cell="asyncio-complete-guide/20a1151a"]';
const SECOND = '/ko/asyncio-complete-guide/8-asyncio-핵심-api/';

describe.skipIf(!hasChromium)('the interpreter snapshot kept by the browser', () => {
  const session = siteSession({ width: 1280, height: 1000 });

  const runGather = async (page: Page): Promise<Locator> => {
    const cell = page.locator(GATHER);
    await cell.locator('[data-action="run"]').click();
    await expect.poll(() => cell.getAttribute('data-run-state'), { timeout: 120_000, interval: 100 }).toBe('ok');
    return cell;
  };
  const output = (cell: Locator) => cell.locator('[data-output] .line').allTextContents();

  it('boots a second page from the snapshot the first page kept, with the same result', async () => {
    const first = await session.open(FIRST);
    const a = await runGather(first);
    const status = first.locator('[data-kernel-status]');
    expect(await status.getAttribute('data-boot')).toBe('plain');
    await expect.poll(() => status.getAttribute('data-snapshot-kept'), { timeout: 120_000, interval: 200 }).toBe('yes');
    const expected = await output(a);
    expect(await a.getAttribute('data-live-verdict')).toBe('verified');

    const second = await session.open(SECOND);
    const b = await runGather(second);
    const secondStatus = second.locator('[data-kernel-status]');
    expect(await secondStatus.getAttribute('data-boot')).toBe('snapshot');
    expect(await output(b)).toEqual(expected);
    expect(await b.getAttribute('data-live-verdict')).toBe('verified');
    console.log(`boot: plain ${await status.getAttribute('data-boot-ms')} ms, from the snapshot ${await secondStatus.getAttribute('data-boot-ms')} ms`);
    await first.close();
    await second.close();
  }, 300_000);
});
