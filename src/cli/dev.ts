// `execdocs dev [DIR...]` (`npm run dev -- …` here): the site with live pages. Writes the pages once,
// starts Astro's dev server, then watches the sources: an edit re-checks the documents (the cache
// means only the edited cells and the cells they depend on run again) and rewrites the pages whose
// content changed; Astro reloads them.
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { KernelPool } from '../kernel/node/pool.ts';
import { problemLine } from '../check/report.ts';
import { consoleText } from '../emit/escape.ts';
import { sourceBase, sourceFiles } from '../config/load.ts';
import { loadOptionsOf } from '../config/project.ts';
import { astroOptions, writeProjectFiles } from '../site/project.ts';
import { writeSitePages } from '../site/pages.ts';
import { answer, parseCommand } from './args.ts';
import { UNTRUSTED_ENV, refusedHere, untrustedPool } from './untrusted.ts';
import { SITE_HELP, SITE_OPTIONS, siteRunOf, type SiteRun } from './build.ts';

const SPEC = {
  name: 'execdocs dev',
  usage: '[DIR...] [--port N] [--host] [--source DIR] [--language LANG] [--no-cache] [--untrusted] [--config FILE]',
  help: ['Serves the site while you edit: a saved document is checked again and its pages reload.',
    '  --port N            the dev server\'s port (default Astro\'s, 4321)', '  --host              listen on every address, not only localhost', SITE_HELP].join('\n'),
  positionals: true,
  options: { ...SITE_OPTIONS, port: { type: 'string' }, host: { type: 'boolean' } },
} as const;

export async function refresh(run: SiteRun, pool: KernelPool): Promise<string> {
  const started = performance.now();
  // Documents added since the last check are part of this one.
  const files = sourceFiles(run.config).files;
  const { result, changed } = await writeSitePages(run.config, files, run.plan, pool, { noCache: run.noCache });
  for (const p of result.problems) process.stderr.write(`${problemLine(p)}\n`);
  const ms = Math.round(performance.now() - started);
  return `checked in ${ms} ms: ran ${result.ran} cell(s), reused ${result.reused}; ${changed.length} file(s) changed`;
}

/** What an edit can change: the sources, their translations, settings and fixtures. */
function watchedDirs(run: SiteRun): string[] {
  const { config } = run;
  const dirs = [...config.sources.map(sourceBase), loadOptionsOf(config).load.translationDir ?? null, config.paths.settings, config.paths.fixtures];
  return [...new Set(dirs.filter((d): d is string => d !== null && existsSync(d)))];
}

/** Files the dev server itself writes (the generated project, the cache) or installs are no edit. */
function isOwnOutput(run: SiteRun, file: string): boolean {
  const inside = (dir: string) => file === dir || file.startsWith(dir + sep);
  return inside(resolve(run.config.paths.cache)) || inside(run.plan.root) && run.plan.generated || file.split(sep).includes('node_modules');
}

export async function main(argv: string[]): Promise<number> {
  const parsed = parseCommand(argv, SPEC);
  if (!parsed.ok) return answer(parsed);
  const port = parsed.values.port === undefined ? undefined : Number(parsed.values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    process.stderr.write(`execdocs dev: --port ${consoleText(parsed.values.port!)}: not a port number\n`);
    return 2;
  }
  const run = siteRunOf(parsed.values, parsed.positionals);
  if (typeof run === 'string') {
    process.stderr.write(`execdocs dev: ${run}\n`);
    return 2;
  }
  const server = { ...(port !== undefined ? { port } : {}), ...(parsed.values.host ? { host: true } : {}) };
  if (run.plan.ownPages) {
    // A Starlight site of its own pages: Astro serves it, the plugin checks each page as it changes.
    console.log(`[dev] the documents are this site's own pages (${consoleText(run.plan.dirs.docs)}): the execdocs plugin in its astro.config checks them`);
    if (parsed.values.untrusted) process.env[UNTRUSTED_ENV] = '1';
    const astro = await (await import('astro')).dev(astroOptions(run.plan, run.config, run.config.site.outDir, { server }));
    return await new Promise((resolve) => {
      const stop = async () => {
        await astro.stop();
        resolve(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
  }
  const pool = new KernelPool(run.config.kernel.workers, untrustedPool(parsed.values.untrusted));
  process.stderr.write(`${pool.stats.boundaries}\n`);
  const refused = refusedHere(pool);
  if (refused !== null) {
    await pool.close();
    return refused;
  }
  writeProjectFiles(run.plan);
  const { dev } = await import('astro');
  const start = () => dev(astroOptions(run.plan, run.config, run.config.site.outDir, { server }));
  // With pages from an earlier run in place, Astro starts while the documents are checked (pages
  // that changed since are rewritten and reloaded); the first time, the pages come first.
  const early = existsSync(join(run.plan.dirs.docs, 'sidebar.json')) ? await start() : null;
  console.log(`[dev] ${await refresh(run, pool)}`);
  // Interpreters wait booted for the first edit (a check alone would start them only when a cell runs).
  pool.warmUp();
  const astro = early ?? await start();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        try {
          console.log(`[dev] ${await refresh(run, pool)}`);
        } catch (error) {
          console.error(`[dev] re-check failed: ${(error as Error).message}`);
        }
      });
    }, 250);
  };
  const watchers: FSWatcher[] = watchedDirs(run).map((dir) => watch(dir, { recursive: true }, (_event, file) => {
    if (file && /\.(md|mdx|markdown|ya?ml)$/.test(file) && !isOwnOutput(run, resolve(dir, file))) schedule();
  }));
  return await new Promise((resolve) => {
    const stop = async () => {
      for (const w of watchers) w.close();
      await astro.stop();
      await pool.close();
      resolve(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
  });
}
