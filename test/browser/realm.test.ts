// The browser's Web Worker gets the same bridge removal and realm lock as the Node host (issue 26,
// route 1), without the V8 flag the Node sandbox has: its worker.ts is bundled here on its own (no
// site build needed), booted in Chromium, and given a normal program and the hostile routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import * as esbuild from 'esbuild';
import { hasChromium, launchChromium } from './chromium.ts';
import { serveDirectory } from './static-server.ts';
import { pyodideDir } from '../../src/kernel/node/sandbox-process.ts';
import { readRuntimeFiles } from '../../src/kernel/node/runtime-files.ts';
import { BRIDGE_MODULES } from '../../src/kernel/bridge.ts';
import type { FromKernelWorker } from '../../src/kernel/browser/protocol.ts';
import { dedent } from '../kernel/helpers.ts';

const CELLS = [
  `
  import asyncio
  async def main():
      await asyncio.gather(asyncio.sleep(1), asyncio.to_thread(print, "thread"))
      print("done")
  asyncio.run(main())
  `,
  `
  import _imp
  from importlib.machinery import BuiltinImporter, ModuleSpec
  print([_imp.create_builtin(ModuleSpec(n, BuiltinImporter)) for n in ${JSON.stringify([...BRIDGE_MODULES])}])
  `,
  `
  found, seen, stack = [], set(), [object]
  while stack:
      cls = stack.pop()
      if id(cls) in seen:
          continue
      seen.add(id(cls))
      try:
          stack.extend(type.__subclasses__(cls))
      except TypeError:
          pass
      for value in list(vars(cls).values()):
          g = getattr(value, "__globals__", None)
          if isinstance(g, dict):
              found.extend(v for v in list(g.values()) if type(v).__name__ == "JsProxy")
  outcomes = set()
  for proxy in found:
      try:
          proxy.constructor.constructor("return self")()
          outcomes.add("COMPILED")
      except AttributeError:
          pass
      except Exception as error:
          outcomes.add(str(error).split(chr(10))[0])
  print(len(found) > 0, sorted(outcomes))
  `,
].map(dedent);

const PAGE = `<!doctype html><meta charset="utf-8"><script type="module">
const worker = new Worker('/worker.js', { type: 'module' });
window.messages = [];
worker.onmessage = (event) => {
  window.messages.push(event.data);
  if (event.data.type === 'booted') ${JSON.stringify(CELLS)}.forEach((code, i) => worker.postMessage({ type: 'run', run: i + 1, code }));
};
worker.postMessage({ type: 'boot', indexURL: location.origin + '/pyodide/', fixtures: [], interrupt: null, ticket: null });
</script>`;

describe.skipIf(!hasChromium)('the browser worker, locked', () => {
  let browser: Browser;
  let site: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'realm-'));
    const files = readRuntimeFiles();
    await esbuild.build({
      entryPoints: ['src/kernel/browser/worker.ts'], bundle: true, format: 'esm', platform: 'browser', outfile: join(root, 'worker.js'), logLevel: 'silent',
      // What Vite's import.meta.glob gives the site's bundle: the runtime's Python files as text.
      plugins: [{
        name: 'runtime-files',
        setup(build) {
          build.onResolve({ filter: /runtime-files\.ts$/ }, (args) => (args.resolveDir.endsWith('browser') ? { path: 'runtime-files', namespace: 'runtime' } : undefined));
          build.onLoad({ filter: /.*/, namespace: 'runtime' }, () => ({ contents: `export const runtimeFiles = ${JSON.stringify(files)};`, loader: 'js' }));
        },
      }],
    });
    symlinkSync(pyodideDir(), join(root, 'pyodide'));
    writeFileSync(join(root, 'index.html'), PAGE);
    site = await serveDirectory(root);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('runs a program as before; create_builtin makes no bridge; no JsProxy compiles code', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/index.html`);
    const settled = (messages: FromKernelWorker[]) => messages.some((m) => m.type === 'boot-failed') || messages.filter((m) => m.type === 'done' || m.type === 'failed').length === CELLS.length;
    await expect.poll(() => page.evaluate(() => (window as unknown as { messages: FromKernelWorker[] }).messages).then(settled), { timeout: 90_000, interval: 500 }).toBe(true);
    const messages = await page.evaluate(() => (window as unknown as { messages: FromKernelWorker[] }).messages);
    const printed = messages.flatMap((m) => (m.type === 'done' ? [[m.run, m.result.status, m.result.events.map((e) => e.text).join('')]] : m.type === 'failed' || m.type === 'boot-failed' ? [[m.type, m.message]] : []));
    expect(printed).toEqual([
      [1, 'ok', 'thread\ndone\n'],
      [2, 'ok', `[${BRIDGE_MODULES.map(() => 'None').join(', ')}]\n`],
      [3, 'ok', "True ['EvalError: code generation from strings is not available in the sandbox']\n"],
    ]);
  }, 120_000);
});
