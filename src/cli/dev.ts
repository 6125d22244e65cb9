// `npm run dev`: the site with live pages. Writes the pages once, starts Astro's dev server, then
// watches content/: an edit re-checks the documents (the cache means only the edited cells and the
// cells they depend on run again) and rewrites the pages whose content changed; Astro reloads them.
import { spawn } from 'node:child_process';
import { existsSync, watch } from 'node:fs';
import { join } from 'node:path';
import { KernelPool } from '../kernel/node/pool.ts';
import { ResultCache } from '../check/cache.ts';
import { checkDocuments } from '../check/run.ts';
import { DOCS_DIR, writeSite } from '../emit/site.ts';
import { writePyodideAssets } from '../emit/pyodide-assets.ts';
import { writeMermaidAssets } from '../emit/mermaid-assets.ts';
import { writeSiteSnapshot } from '../emit/site-snapshot.ts';
import { CACHE_DIR, PARSE_CACHE_DIR, DEFAULT_SOURCE, lockPath } from './check.ts';
import { ParseCache } from '../source/parse-cache.ts';
import { readLock } from '../check/lock.ts';
import { asRecorded } from '../emit/recorded.ts';

export async function refresh(pool: KernelPool): Promise<string> {
  const started = performance.now();
  const result = await checkDocuments({ sourceDir: DEFAULT_SOURCE, pool, cache: new ResultCache(CACHE_DIR), parseCache: new ParseCache(PARSE_CACHE_DIR) });
  for (const p of result.problems) process.stderr.write(`${p.file}:${p.line}: ${p.message}\n`);
  const { changed } = writeSite(asRecorded(result, readLock(lockPath(DEFAULT_SOURCE))));
  writePyodideAssets(result.documents); // runnable cells: public/pyodide/
  writeMermaidAssets(); // timelines: public/mermaid/
  await writeSiteSnapshot(await pool.snapshotFile()); // first runs: public/pyodide/kernel-snapshot-*
  const ms = Math.round(performance.now() - started);
  return `checked in ${ms} ms: ran ${result.ran} cell(s), reused ${result.reused}; ${changed.length} file(s) changed`;
}

export async function main(argv: string[]): Promise<number> {
  const pool = new KernelPool();
  // With pages from an earlier run in place, Astro starts while the documents are checked (pages
  // that changed since are rewritten and reloaded); the first time, the pages come first.
  const hasPages = existsSync(join(DOCS_DIR, 'sidebar.json'));
  const startAstro = () => spawn('astro', ['dev', ...argv], { stdio: 'inherit' });
  const early = hasPages ? startAstro() : null;
  console.log(`[dev] ${await refresh(pool)}`);
  // Interpreters wait booted for the first edit (a check alone would start them only when a cell runs).
  pool.warmUp();
  const astro = early ?? startAstro();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        try {
          console.log(`[dev] ${await refresh(pool)}`);
        } catch (error) {
          console.error(`[dev] re-check failed: ${(error as Error).message}`);
        }
      });
    }, 250);
  };
  const watcher = watch('content', { recursive: true }, (_event, file) => {
    if (file && /\.(md|ya?ml)$/.test(file)) schedule();
  });
  const stop = async () => {
    watcher.close();
    astro.kill();
    await pool.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return await new Promise((resolve) => astro.on('exit', (code) => { watcher.close(); void pool.close(); resolve(code ?? 0); }));
}
