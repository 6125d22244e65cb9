// `npm run build`: check the documents (reusing cached runs), write the pages, build with Astro.
import { execFileSync } from 'node:child_process';
import { KernelPool } from '../kernel/node/pool.ts';
import { ResultCache } from '../check/cache.ts';
import { checkDocuments } from '../check/run.ts';
import { writeSite } from '../emit/site.ts';
import { writePyodideAssets } from '../emit/pyodide-assets.ts';
import { writeMermaidAssets } from '../emit/mermaid-assets.ts';
import { writeSiteSnapshot } from '../emit/site-snapshot.ts';
import { CACHE_DIR, PARSE_CACHE_DIR, DEFAULT_SOURCE, lockPath } from './check.ts';
import { ParseCache } from '../source/parse-cache.ts';
import { readLock } from '../check/lock.ts';
import { asRecorded } from '../emit/recorded.ts';
import { problemLine } from '../check/report.ts';

export async function main(): Promise<number> {
  const started = performance.now();
  const pool = new KernelPool(undefined, { log: (line) => process.stderr.write(`${line}\n`) });
  process.stderr.write(`${pool.stats.boundaries}\n`);
  let result;
  let snapshot: string | null;
  try {
    result = await checkDocuments({ sourceDir: DEFAULT_SOURCE, pool, cache: new ResultCache(CACHE_DIR), parseCache: new ParseCache(PARSE_CACHE_DIR) });
    // The interpreter snapshot the check boots from, served to readers' browsers (made now if the check needed no interpreter).
    snapshot = await pool.snapshotFile();
  } finally {
    await pool.close();
  }
  for (const p of result.problems) process.stderr.write(problemLine(p) + '\n');
  const { pages, notebooks } = writeSite(asRecorded(result, readLock(lockPath(DEFAULT_SOURCE))));
  process.stdout.write(`wrote ${pages} pages and ${notebooks} notebooks (${result.reused} cached runs reused, ${result.ran} cells run)\n`);
  // Runnable cells: Pyodide and the world's fixtures, served by the site itself (public/ -> dist/).
  const assets = writePyodideAssets(result.documents);
  process.stdout.write(`runnable cells: ${assets.files} files (${(assets.bytes / 1e6).toFixed(1)} MB) in public/pyodide/, loaded on a reader's first run\n`);
  const served = await writeSiteSnapshot(snapshot);
  process.stdout.write(served
    ? `first runs: the interpreter snapshot (${(served.gzipBytes / 1e6).toFixed(1)} MB compressed) in public/pyodide/, loaded instead of starting Python\n`
    : 'first runs: no interpreter snapshot could be made; readers\' browsers start Python plainly\n');
  const mermaid = writeMermaidAssets();
  process.stdout.write(`timelines: Mermaid's ${mermaid.files} modules (${(mermaid.bytes / 1e6).toFixed(1)} MB) in public/mermaid/, loaded when a timeline nears the viewport\n`);
  execFileSync('astro', ['build'], { stdio: 'inherit' });
  process.stdout.write(`build finished in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return 0;
}
