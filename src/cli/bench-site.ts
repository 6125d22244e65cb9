// Site figures for `npm run bench`: build time, page count, and the JavaScript a chapter page
// loads before any interaction, with and without a timeline (measured in headless Chromium).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hasChromium, launchChromium } from '../../test/browser/chromium.ts';
import { serveDirectory } from '../../test/browser/static-server.ts';
import { replaceCellCode } from '../../test/browser/cells.ts';

function countPages(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) n += countPages(full);
    else if (entry.name === 'index.html') n++;
  }
  return n;
}

async function scriptBytes(url: string): Promise<{ bytes: number; files: number }> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    let bytes = 0;
    let files = 0;
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'script') return;
      try {
        bytes += (await response.body()).length;
        files++;
      } catch { /* redirected or aborted */ }
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    return { bytes, files };
  } finally {
    await browser.close();
  }
}

/**
 * Runnable cells: from the first click on Run to the first line of output, cold, then warm; then
 * from a click on Stop during `while True: pass` to the cell's stopped state, and how it stopped
 * (`stopped`: interrupted, namespace kept; `restarted`: the worker was ended).
 */
async function runnerTimes(url: string): Promise<{ cold: number; warm: number; stop: number; stopState: string }> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'networkidle' });
    const cell = page.locator('[data-cell="asyncio-complete-guide/20a1151a"]');
    const firstOutput = async () => {
      const started = Date.now();
      await cell.locator('[data-action="run"]').click();
      await page.waitForFunction(() => {
        const el = document.querySelector('[data-cell="asyncio-complete-guide/20a1151a"] [data-live-output] .line');
        return el !== null;
      }, null, { timeout: 120_000, polling: 10 });
      const ms = Date.now() - started;
      await page.waitForFunction(() => document.querySelector('[data-cell="asyncio-complete-guide/20a1151a"]')?.getAttribute('data-run-state') === 'ok', null, { timeout: 120_000 });
      return ms;
    };
    const cold = await firstOutput();
    const warm = await firstOutput();
    await replaceCellCode(page, cell, 'while True:\n    pass');
    await cell.locator('[data-action="run"]').click();
    await page.waitForFunction(() => document.querySelector('[data-cell="asyncio-complete-guide/20a1151a"]')?.getAttribute('data-run-state') === 'running', null, { timeout: 30_000 });
    await page.waitForTimeout(500);
    const stopped = Date.now();
    await cell.locator('[data-action="stop"]').click();
    await page.waitForFunction(() => ['stopped', 'restarted'].includes(document.querySelector('[data-cell="asyncio-complete-guide/20a1151a"]')?.getAttribute('data-run-state') ?? ''), null, { timeout: 30_000, polling: 10 });
    const stop = Date.now() - stopped;
    return { cold, warm, stop, stopState: (await cell.getAttribute('data-run-state')) ?? '?' };
  } finally {
    await browser.close();
  }
}

export async function benchSite(): Promise<void> {
  const started = performance.now();
  execFileSync('npm', ['run', '-s', 'build'], { stdio: 'ignore' });
  console.log(`site build (warm kernel cache): ${((performance.now() - started) / 1000).toFixed(1)} s, ${countPages('dist')} HTML pages, ${statSync('dist').isDirectory() && existsSync('dist/notebooks') ? 'with notebooks' : ''}`);
  if (!hasChromium) {
    console.log('page JavaScript: skipped (no Chromium; see README)');
    return;
  }
  const site = await serveDirectory(resolve('dist'));
  try {
    for (const [label, path] of [['with a timeline', '/ko/asyncio-complete-guide/8-asyncio-핵심-api/'], ['without a timeline', '/ko/asyncio-basics/await/']]) {
      const { bytes, files } = await scriptBytes(site.url + encodeURI(path));
      console.log(`chapter page JavaScript before interaction, ${label}: ${(bytes / 1024).toFixed(1)} KiB in ${files} files`);
    }
    const { cold, warm, stop, stopState } = await runnerTimes(site.url + encodeURI('/ko/asyncio-complete-guide/8-asyncio-핵심-api/'));
    console.log(`runnable cell, first click to first output: ${cold} ms cold (Pyodide loads), ${warm} ms warm`);
    console.log(`runnable cell, Stop during a CPU loop to stopped: ${stop} ms (${stopState === 'stopped' ? 'interrupted, namespace kept' : 'worker restarted'})`);
  } finally {
    await site.close();
  }
}
