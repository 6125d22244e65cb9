// `execdocs build [DIR...]` (`npm run build -- …` here): check the documents (reusing cached runs),
// write the pages, build the site with Astro into dist/ (or --out DIR). Exit 0 when the site was
// written (the check's verdicts are on the pages; failing on them is `check`'s job), 1 when it
// could not be, 2 for bad usage or unreadable input.
import { KernelPool } from '../kernel/node/pool.ts';
import { LockFileError } from '../check/lock.ts';
import { problemLine } from '../check/report.ts';
import { asDiagnostics } from '../check/diagnostics.ts';
import { consoleText } from '../emit/escape.ts';
import { ConfigError, loadConfig, sourceFiles, type Config } from '../config/load.ts';
import { SITE_LANGUAGES, type SiteLanguage } from '../config/schema.ts';
import { sitePlan, writeProjectFiles, astroOptions, type SitePlan } from '../site/project.ts';
import { writeSitePages } from '../site/pages.ts';
import { CONFIG_HELP, CONFIG_OPTIONS, answer, parseCommand } from './args.ts';
import { UNTRUSTED_ENV, UNTRUSTED_HELP, UNTRUSTED_OPTION, refusedHere, untrustedPool } from './untrusted.ts';

/** The options `build` and `dev` share: which documents, which configuration, which language. */
export const SITE_OPTIONS = {
  ...CONFIG_OPTIONS,
  source: { type: 'string', multiple: true },
  language: { type: 'string' },
  'no-cache': { type: 'boolean' },
  ...UNTRUSTED_OPTION,
} as const;

export const SITE_HELP = [
  '  DIR...              directories of Markdown documents (.md, .mdx), documents, or globs (default: the configuration\'s `sources`)',
  '  --source DIR        the same as a DIR argument',
  `  --language LANG     the documents' language (${SITE_LANGUAGES.join(' or ')}; default: the configuration's, then en)`,
  '  --no-cache          run every block, reusing no earlier result',
  UNTRUSTED_HELP,
  CONFIG_HELP,
].join('\n');

const SPEC = {
  name: 'execdocs build',
  usage: '[DIR...] [--out DIR] [--source DIR] [--language LANG] [--no-cache] [--untrusted] [--config FILE]',
  help: ['Checks the documents and builds their site: pages with the real outputs, verdicts and timelines, runnable cells, an errata page.',
    '  --out DIR           where the site is written (default: the configuration\'s, then dist/)', SITE_HELP].join('\n'),
  positionals: true,
  options: { ...SITE_OPTIONS, out: { type: 'string' } },
} as const;

export interface SiteRun {
  config: Config;
  files: string[];
  plan: SitePlan;
  noCache: boolean;
}

/** The configuration, the documents and the project of a `build` or `dev` command line; a string: what is wrong (exit 2). */
export function siteRunOf(values: { config?: string; source?: string[]; language?: string; out?: string; 'no-cache'?: boolean }, positionals: string[]): SiteRun | string {
  const sources = [...(values.source ?? []), ...positionals];
  if (values.language !== undefined && !(SITE_LANGUAGES as readonly string[]).includes(values.language)) {
    return `--language ${consoleText(values.language)}: the site's words exist in ${SITE_LANGUAGES.join(' and ')}`;
  }
  let config: Config;
  try {
    config = loadConfig({
      ...(values.config ? { file: values.config } : {}),
      overrides: { sources, ...(values.language ? { language: values.language as SiteLanguage } : {}), ...(values.out ? { outDir: values.out } : {}) },
    });
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  const listed = sourceFiles(config);
  if (listed.problems.length > 0) return listed.problems.map(consoleText).join('\n');
  if (listed.files.length === 0) return `${config.sources.map(consoleText).join(', ')}: no Markdown documents`;
  return { config, files: listed.files, plan: sitePlan(config, { sourcesFromFlags: sources.length > 0, files: listed.files }), noCache: values['no-cache'] ?? false };
}

export async function main(argv: string[]): Promise<number> {
  const parsed = parseCommand(argv, SPEC);
  if (!parsed.ok) return answer(parsed);
  const run = siteRunOf(parsed.values, parsed.positionals);
  if (typeof run === 'string') {
    process.stderr.write(`execdocs build: ${run}\n`);
    return 2;
  }
  const started = performance.now();
  const { config, plan } = run;
  if (plan.ownPages) return await buildOwnPages(run, parsed.values.untrusted ?? false, started);
  const pool = new KernelPool(config.kernel.workers, { log: (line) => process.stderr.write(`${line}\n`), ...untrustedPool(parsed.values.untrusted) });
  process.stderr.write(`${pool.stats.boundaries}\n`);
  const refused = refusedHere(pool);
  if (refused !== null) {
    await pool.close();
    return refused;
  }
  let written;
  try {
    written = await writeSitePages(config, run.files, plan, pool, { noCache: run.noCache });
  } catch (error) {
    if (!(error instanceof LockFileError)) throw error;
    process.stderr.write(`${[...asDiagnostics('bad-lock', error.problems).map(problemLine), error.hint].join('\n')}\n`);
    return 1;
  } finally {
    await pool.close();
  }
  const { result, pages, notebooks, assets, mermaid, snapshot, images } = written;
  for (const p of result.problems) process.stderr.write(problemLine(p) + '\n');
  process.stdout.write(`wrote ${pages} pages and ${notebooks} notebooks (${result.reused} cached runs reused, ${result.ran} cells run)${plan.generated ? ` in ${consoleText(plan.root)}` : ''}\n`);
  process.stdout.write(`runnable cells: ${assets.files} files (${(assets.bytes / 1e6).toFixed(1)} MB) in public/pyodide/, loaded on a reader's first run\n`);
  process.stdout.write(snapshot
    ? `first runs: the interpreter snapshot (${(snapshot.gzipBytes / 1e6).toFixed(1)} MB compressed) in public/pyodide/, loaded instead of starting Python\n`
    : 'first runs: no interpreter snapshot could be made; readers\' browsers start Python plainly\n');
  process.stdout.write(`timelines: Mermaid's ${mermaid.files} modules (${(mermaid.bytes / 1e6).toFixed(1)} MB) in public/mermaid/, loaded when a timeline nears the viewport\n`);
  if (images > 0) process.stdout.write(`images: ${images} file(s) from the documents in public/assets/doc-images/, under their hash\n`);
  writeProjectFiles(plan);
  const { build } = await import('astro');
  try {
    await build(astroOptions(plan, config, config.site.outDir));
  } catch (error) {
    process.stderr.write(`execdocs build: Astro failed: ${consoleText((error as Error).message)}\n`);
    return 1;
  }
  process.stdout.write(`site in ${consoleText(config.site.outDir)}/; build finished in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return 0;
}

/**
 * A Starlight site whose documents are its own pages: Astro builds it as it is, and the plugin in
 * its astro.config checks the pages while it does (`--untrusted` reaches it through the environment).
 */
async function buildOwnPages(run: SiteRun, untrusted: boolean, started: number): Promise<number> {
  process.stdout.write(`the documents are this site's own pages (${consoleText(run.plan.dirs.docs)}): Astro builds them, the execdocs plugin in its astro.config checks them\n`);
  if (untrusted) process.env[UNTRUSTED_ENV] = '1';
  const { build } = await import('astro');
  try {
    await build(astroOptions(run.plan, run.config, run.config.site.outDir));
  } catch (error) {
    process.stderr.write(`execdocs build: Astro failed: ${consoleText((error as Error).message)}\n`);
    return 1;
  }
  process.stdout.write(`site in ${consoleText(run.config.site.outDir)}/; build finished in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return 0;
}
