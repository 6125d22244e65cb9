// Site figures for `npm run bench`: the build with a warm cache, the JavaScript a chapter page loads
// before its timeline is in view (with a timeline against without), and, in headless Chromium over
// a local static server of dist/, a runnable cell's first output on a cold page, on a second page of
// the site, and warm.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, CHROMIUM_PATH, launchChromium } from './browser/chromium.ts';
import { serveDirectory } from './browser/static-server.ts';
import { replaceCellCode } from './browser/cells.ts';
import { figureLine, notMeasured, seconds } from './bench-format.ts';
import { runMeasured, tail } from './bench-proc.ts';

const TIMELINE_PAGE = '/ko/asyncio-complete-guide/8-asyncio-핵심-api/';
const PLAIN_PAGE = '/ko/asyncio-basics/await/';
const FIRST_CELL = 'asyncio-complete-guide/20a1151a';
// Another document's page: its cell first runs, silently, what earlier chapters define that it needs.
const SECOND_PAGE = '/ko/async-programming/5-동시-실행/';
const SECOND_CELL = 'async-programming/da75c21f';
const BROWSER_NAMES = [
  'browser, first output on a cold page', 'browser, first output on a second page', 'browser, warm run',
  'JavaScript before the timeline is in view',
];

function countPages(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) n += countPages(join(dir, entry.name));
    else if (entry.name === 'index.html') n++;
  }
  return n;
}

export async function buildFigure(): Promise<string[]> {
  const name = 'npm run build, warm cache';
  const build = await runMeasured('npm', ['run', '-s', 'build'], { timeoutMs: 20 * 60_000 });
  if (build.code !== 0) return [notMeasured(name, `the build failed (exit ${build.code}: ${tail(build.stderr || build.stdout)})`)];
  const ran = /(\d+) cached runs reused, (\d+) cells run/.exec(build.stdout);
  return [figureLine({
    name,
    value: `${seconds(build.wallMs, 1)}, ${countPages('dist')} HTML pages${ran ? `, ${ran[2]} cells run` : ''}`,
    target: '<= 15 s',
    met: build.wallMs <= 15_000,
  })];
}

/**
 * Script bytes a page loads without any interaction (the browser's own resource timings, so every
 * response is counted once it has ended), and whether its first timeline was out of view.
 */
async function scriptBytes(browser: Browser, url: string): Promise<{ bytes: number; files: number; timelineInView: boolean | null; screensBelow: number | null }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(url, { waitUntil: 'networkidle' });
    // Chunks imported by other chunks can start after the network looked idle: wait until the
    // page has loaded nothing new for a second.
    let seen = -1;
    for (let quiet = 0, waited = 0; quiet < 4 && waited < 60; waited++) {
      await page.waitForTimeout(250);
      const count = await page.evaluate(() => performance.getEntriesByType('resource').length);
      quiet = count === seen ? quiet + 1 : 0;
      seen = count;
    }
    return await page.evaluate(() => {
      const scripts = performance.getEntriesByType('resource')
        .filter((e): e is PerformanceResourceTiming => /\.m?js$/.test(new URL(e.name).pathname));
      const el = document.querySelector('[data-timeline]');
      return {
        bytes: scripts.reduce((n, e) => n + e.decodedBodySize, 0),
        files: scripts.length,
        timelineInView: el ? el.getBoundingClientRect().top < window.innerHeight : null,
        // How far below the first screen the first timeline starts, in screens.
        screensBelow: el ? (el.getBoundingClientRect().top - window.innerHeight) / window.innerHeight : null,
      };
    });
  } finally {
    await page.close();
  }
}

/**
 * Clicks Run on the cell and returns the page's own time from the click to the first new output
 * line (measured inside the page, so the driver's round trips are not in it); then waits until the
 * run has ended.
 */
async function firstOutput(page: Page, cellId: string): Promise<number> {
  const selector = `[data-cell="${cellId}"]`;
  const cell = page.locator(selector);
  await cell.locator('[data-action="run"]').waitFor({ state: 'visible', timeout: 30_000 });
  await page.evaluate((sel) => {
    const root = document.querySelector(sel)!;
    const before = new Set(root.querySelectorAll('[data-live-output] .line'));
    const probe = { click: 0, first: 0 };
    (window as unknown as { benchProbe: typeof probe }).benchProbe = probe;
    document.addEventListener('click', (e) => {
      if ((e.target as Element).closest(`${sel} [data-action="run"]`)) probe.click = performance.now();
    }, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      for (const line of root.querySelectorAll('[data-live-output] .line')) {
        if (!before.has(line)) { probe.first = performance.now(); observer.disconnect(); return; }
      }
    });
    observer.observe(root, { childList: true, subtree: true });
  }, selector);
  await cell.locator('[data-action="run"]').click();
  await page.waitForFunction(() => (window as unknown as { benchProbe: { first: number } }).benchProbe.first > 0, null, { timeout: 120_000, polling: 20 });
  const ms = await page.evaluate(() => { const p = (window as unknown as { benchProbe: { click: number; first: number } }).benchProbe; return p.first - p.click; });
  await page.waitForFunction((sel) => !['running', 'loading', 'queued'].includes(document.querySelector(sel)?.getAttribute('data-run-state') ?? ''), selector, { timeout: 120_000 });
  return ms;
}

/** Context, no target: from a click on Stop during `while True: pass` to the cell's stopped state. */
async function stopLatency(page: Page, cellId: string): Promise<string> {
  const selector = `[data-cell="${cellId}"]`;
  const cell = page.locator(selector);
  await replaceCellCode(page, cell, 'while True:\n    pass');
  await cell.locator('[data-action="run"]').click();
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-run-state') === 'running', selector, { timeout: 30_000 });
  await page.waitForTimeout(500);
  const started = performance.now();
  await cell.locator('[data-action="stop"]').click();
  await page.waitForFunction((sel) => ['stopped', 'restarted'].includes(document.querySelector(sel)?.getAttribute('data-run-state') ?? ''), selector, { timeout: 30_000, polling: 10 });
  const state = await cell.getAttribute('data-run-state');
  return `  Stop during a CPU loop to stopped: ${(performance.now() - started).toFixed(0)} ms (${state === 'stopped' ? 'interrupted, namespace kept' : 'worker restarted'})`;
}

async function javascriptFigure(browser: Browser, base: string): Promise<string> {
  const name = BROWSER_NAMES[3]!;
  const withTimeline = await scriptBytes(browser, base + encodeURI(TIMELINE_PAGE));
  const without = await scriptBytes(browser, base + encodeURI(PLAIN_PAGE));
  if (withTimeline.timelineInView === null) return notMeasured(name, `${TIMELINE_PAGE} has no timeline`);
  const kib = (b: number) => (b / 1024).toFixed(1);
  const extra = withTimeline.bytes - without.bytes;
  return figureLine({
    name,
    value: `${kib(withTimeline.bytes)} KiB in ${withTimeline.files} files with a timeline (${withTimeline.timelineInView ? 'in view at load' : `below the fold, ${withTimeline.screensBelow!.toFixed(2)} screens down`}), ` +
      `${kib(without.bytes)} KiB in ${without.files} without: +${kib(extra)} KiB`,
    target: '<= the page without + 15 KiB',
    met: extra <= 15 * 1024,
  });
}

async function runFigures(browser: Browser, base: string): Promise<string[]> {
  // A new context: an empty HTTP cache, as for a reader's first visit.
  const context = await browser.newContext({ viewport: { width: 1280, height: 1400 } });
  try {
    const page = await context.newPage();
    await page.goto(base + encodeURI(TIMELINE_PAGE), { waitUntil: 'load' });
    const cold = await firstOutput(page, FIRST_CELL);
    const warm = await firstOutput(page, FIRST_CELL);
    const stop = await stopLatency(page, FIRST_CELL);
    await page.goto(base + encodeURI(SECOND_PAGE), { waitUntil: 'load' });
    const second = await firstOutput(page, SECOND_CELL);
    const ms = (n: number) => `${n.toFixed(0)} ms`;
    return [
      figureLine({ name: BROWSER_NAMES[0]!, value: `${seconds(cold)} from the click on Run (Pyodide loads)`, target: '<= 2.5 s', met: cold <= 2500 }),
      figureLine({ name: BROWSER_NAMES[1]!, value: `${seconds(second)} from the click on Run, after a run on another page`, target: '<= 1 s', met: second <= 1000 }),
      figureLine({ name: BROWSER_NAMES[2]!, value: ms(warm), target: '<= 50 ms', met: warm <= 50 }),
      stop,
    ];
  } finally {
    await context.close();
  }
}

export async function browserFigures(): Promise<string[]> {
  if (!hasChromium) return BROWSER_NAMES.map((n) => notMeasured(n, `no Chromium at ${CHROMIUM_PATH}; see README`));
  const site = await serveDirectory(resolve('dist'));
  const browser = await launchChromium();
  try {
    return [await javascriptFigure(browser, site.url), ...await runFigures(browser, site.url)];
  } catch (error) {
    return BROWSER_NAMES.map((n) => notMeasured(n, `the browser run failed: ${(error as Error).message.split('\n')[0]}`));
  } finally {
    await browser.close();
    await site.close();
  }
}
