// `npm run dev` figures for `npm run bench`: how long until a chapter page answers with a full
// cache, and how long from a one-cell edit of a document until the reloaded page shows the new
// output. dev has no --source option, so the edit is made in content/ and restored byte for byte.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Browser } from 'playwright-core';
import { hasChromium, launchChromium } from './browser/chromium.ts';
import { figureLine, notMeasured, seconds } from './bench-format.ts';
import { editBound, lineOf, type RecordedCell } from './bench-dev-bound.ts';

const PAGE = '/ko/asyncio-complete-guide/8-asyncio-핵심-api/';
const FILE = 'content/ko/asyncio-complete-guide.md';
// One argument of the gather example becomes an expression: its output changes (작업3x) while the
// code on the page never shows the joined string, so finding it means the new run is on the page.
const BEFORE = 'task("작업3", 3)';
const AFTER = 'task("작업" + "3x", 3)';
const MARKER = '작업3x 시작';
const READY_NAME = 'npm run dev ready, full cache';
const EDIT_NAME = 'npm run dev, a one-cell edit to the reloaded page';
const BOUND_NAME = 'npm run dev, the least a one-cell edit can take';
const LOCK = 'content/check.lock.json';

/** What the cache's document-prefix rule makes the edit cost at least, from the lock's CPU times. */
function boundLine(text: string): string {
  const line = lineOf(text, BEFORE);
  const lock = JSON.parse(readFileSync(LOCK, 'utf8')) as { cells: Record<string, RecordedCell> };
  const bound = line === null ? null : editBound(Object.values(lock.cells), FILE, line);
  if (!bound) return notMeasured(BOUND_NAME, `${LOCK} records no cell of ${FILE} at line ${line}`);
  return `${BOUND_NAME}: ${seconds(bound.boundMs)} of CPU before the page can change: the ${bound.replayed} cells before the edited one (line ${line}) replay ${seconds(bound.replayMs)} to rebuild the interpreter's state, the edited cell runs ${seconds(bound.editedMs)}; a result may stand only for its document's whole prefix, so the <= 3 s target ${bound.boundMs <= 3000 ? 'is within reach' : 'is below this bound'}`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function fetchText(url: string): Promise<string | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(20_000) });
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
}

async function until<T>(probe: () => Promise<T | null | false>, timeoutMs: number, everyMs = 100): Promise<T | null> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const value = await probe();
    if (value !== null && value !== false) return value;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return null;
}

/** Ends the dev server and everything it started (Astro, the sandbox processes): its process group. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
  const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 5_000);
  await exited;
  clearTimeout(timer);
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* the whole group is gone */ }
}

const pageHasMarker = (url: string) => fetchText(url).then((html) => html?.includes(MARKER) ?? false);

/**
 * Opens the page, makes the edit, and waits until the open page shows the edited output; meanwhile
 * also asks the server, so a page that never reloads can be told from a server that never rewrote it.
 */
async function seenInBrowser(browser: Browser, url: string, edit: () => void): Promise<{ page: number | null; server: number | null }> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  const started = performance.now();
  edit();
  let server: number | null = null;
  const asking = until(() => pageHasMarker(url), 60_000, 250).then((seen) => { if (seen) server = performance.now() - started; });
  // The page reloads itself (Astro's dev server); evaluating during the reload throws, so poll.
  const seen = await until(() => page.evaluate((m) => document.body?.textContent?.includes(m) ?? false, MARKER).catch(() => false), 60_000);
  const pageMs = seen ? performance.now() - started : null;
  await asking;
  await page.close();
  return { page: pageMs, server };
}

export async function devFigures(): Promise<string[]> {
  const original = readFileSync(FILE);
  const text = original.toString('utf8');
  if (text.split(BEFORE).length !== 2) {
    return [notMeasured(READY_NAME, `${FILE} no longer holds ${BEFORE} once`), notMeasured(EDIT_NAME, 'no cell to edit')];
  }
  const port = await freePort();
  const url = `http://localhost:${port}${encodeURI(PAGE)}`;
  const started = performance.now();
  // Its own process group, so that stopping it ends Astro and the sandbox processes as well.
  const dev = spawn('npm', ['run', '-s', 'dev', '--', '--port', String(port)], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  dev.stdout?.on('data', (d) => { log += d; });
  dev.stderr?.on('data', (d) => { log += d; });
  let edited = false;
  let touched = false;
  const restore = () => { if (edited) { writeFileSync(FILE, original); edited = false; } };
  const onSignal = () => { restore(); void stopGroup(dev).then(() => process.exit(130)); };
  process.once('SIGINT', onSignal);
  const lines: string[] = [boundLine(text)];
  let browser: Browser | null = null;
  try {
    const ready = await until(() => fetchText(url).then((html) => html !== null), 180_000, 200);
    const readyMs = performance.now() - started;
    if (!ready) return [notMeasured(READY_NAME, `no answer from ${url} within 180 s: ${log.trim().split('\n').slice(-2).join(' | ')}`), notMeasured(EDIT_NAME, 'dev never became ready')];
    const own = /checked in (\d+) ms: ran (\d+) cell/.exec(log);
    lines.push(figureLine({
      name: READY_NAME,
      value: `${seconds(readyMs)} from start to the chapter page's first answer${own ? ` (its check ${seconds(Number(own[1]))}, ${own[2]} cells run)` : ''}`,
      target: '<= 8 s',
      met: readyMs <= 8000,
    }));
    const edit = () => { edited = true; touched = true; writeFileSync(FILE, text.replace(BEFORE, AFTER)); };
    if (hasChromium) {
      browser = await launchChromium();
      const seen = await seenInBrowser(browser, url, edit);
      const server = seen.server === null ? 'the server never served it' : `the server served it after ${seconds(seen.server)}`;
      lines.push(seen.page === null
        ? figureLine({ name: EDIT_NAME, value: `the open page did not show the new output within 60 s (${server})`, target: '<= 3 s', met: false })
        : figureLine({ name: EDIT_NAME, value: `${seconds(seen.page)} in Chromium, the page open (${server})`, target: '<= 3 s', met: seen.page <= 3000 }));
    } else {
      const t = performance.now();
      edit();
      const ms = (await until(() => pageHasMarker(url), 60_000)) ? performance.now() - t : null;
      lines.push(ms === null
        ? notMeasured(EDIT_NAME, 'the server did not serve the new output within 60 s')
        : figureLine({ name: EDIT_NAME, value: `${seconds(ms)} by fetching the page (no Chromium, so no reload seen)`, target: '<= 3 s', met: ms <= 3000 }));
    }
  } finally {
    restore();
    // Wait for dev to write the pages back from the restored document before stopping it, so the
    // generated pages are not left with the edit.
    if (touched) await until(() => fetchText(url).then((html) => html !== null && !html.includes(MARKER)), 60_000, 250);
    await browser?.close();
    await stopGroup(dev);
    process.removeListener('SIGINT', onSignal);
  }
  if (!readFileSync(FILE).equals(original)) lines.push(`WARNING: ${FILE} differs from before the bench; restore it with git checkout ${FILE}`);
  return lines;
}
