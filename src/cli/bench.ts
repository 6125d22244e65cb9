// `npm run bench`: figures, not assertions. Pyodide boot time, cells per second over the five
// documents' python blocks, virtual seconds covered per real second.
import { readFileSync } from 'node:fs';
import { KernelPool } from '../kernel/node/pool.ts';
import { listMarkdown } from '../check/run.ts';
import { parseDocument } from '../source/document.ts';
import { sharedFixtures } from '../check/fixtures.ts';
import { DEFAULT_SOURCE } from './check.ts';
import { benchSite } from './bench-site.ts';

export async function main(): Promise<number> {
  const docs = listMarkdown(DEFAULT_SOURCE).map((f) => parseDocument(readFileSync(f, 'utf8'), f));
  const fixtures = sharedFixtures();
  const pool = new KernelPool();
  const started = performance.now();
  const runs = (await Promise.all(docs.map((d) => pool.runDocument({
    id: d.slug, fixtures,
    cells: d.cells.filter((c) => !c.notPython).map((c) => ({ id: c.id, code: c.runCode, realBudget: 60 })),
  })))).flat();
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  const virtual = runs.reduce((n, r) => n + r.virtualSeconds, 0);
  const cpu = runs.reduce((n, r) => n + r.cpuMs, 0) / 1000;
  const boots = pool.stats.bootMs;
  console.log(`pyodide boot: ${(boots.reduce((a, b) => a + b, 0) / boots.length / 1000).toFixed(2)} s mean over ${boots.length} boots (${pool.size} workers)`);
  console.log(`cells: ${runs.length} in ${seconds.toFixed(1)} s wall = ${(runs.length / seconds).toFixed(2)} cells/s (boots included)`);
  console.log(`virtual time covered: ${virtual.toFixed(1)} s in ${cpu.toFixed(1)} s of cell CPU time = ${(virtual / cpu).toFixed(1)}x real time`);
  await benchSite();
  return 0;
}
