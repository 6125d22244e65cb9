// The Starlight plugin: `starlight({ plugins: [execdocs()] })`. On a site of its own pages it checks
// every Markdown and MDX page of the docs collection that has a python block (src/integration/
// pages.ts) and adds, after each block, the cell with its real output, verdict badge, reason or
// diff, timeline and runnable cell (src/integration/remark-cells.ts), and an errata page at
// /errata/. On the sites `execdocs build` writes (the guide's among them) the pages already carry
// their cells: there it adds what they need (`pages: false`). Starlight's plugin API (its
// `config:setup` hook) adds the stylesheets, the code blocks' locale and the component that places
// cells on `.md` pages; the Astro integration it adds (`astro:config:setup` and the server and
// build hooks) sets up Vite, the headers, the remark plugin, the errata route and the files the
// runnable cells load.
import type { StarlightPlugin } from '@astrojs/starlight/types';
import type { AstroIntegration } from 'astro';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mermaidVersion } from '../emit/mermaid-assets.ts';
import { firstRunBytes, megabytes } from '../emit/first-run.ts';
import type { PageChecker } from './pages.ts';

/** The package's own folder: where the components and their styles are, installed or not. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COMPONENTS = fileURLToPath(new URL('../components/', import.meta.url));
const STYLES = fileURLToPath(new URL('../styles/', import.meta.url));
const INTEGRATION = fileURLToPath(new URL('./', import.meta.url));

/** The stylesheets of the cells, their diffs, the errata page and narrow screens, in the order they cascade. */
const STYLESHEETS = [`${COMPONENTS}cells.css`, `${STYLES}diff.css`, `${STYLES}errata.css`, `${STYLES}phone.css`];

export interface ExecdocsOptions {
  /** More folders Vite's dev server may serve files from (the repository, when the site is generated inside it). */
  allow?: string[];
  /**
   * Check the site's own pages and add their cells (default true). False where the pages are the
   * ones `execdocs build` wrote, which carry their cells already.
   */
  pages?: boolean;
}

/** What the plugin keeps of a site's checked pages while Astro runs. */
interface CheckedPages {
  checker: PageChecker;
  /** Where Pyodide, the snapshot and Mermaid were written for the pages (served, then copied into the build). */
  assetsDir: string;
  close: () => Promise<void>;
}

const ERRATA_MODULE = 'virtual:execdocs/errata';
const RESOLVED_ERRATA = `\0${ERRATA_MODULE}`;

/** Starlight's customCss takes paths relative to the project (`./…`) or module names. */
function projectPath(root: string, file: string): string {
  const path = relative(root, file).split('\\').join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

/**
 * Expressive Code's words (the copy button) follow the block's page. Starlight finds the locale
 * from the file's path, which the generated pages' render does not give it, so every block came
 * out in the default language; the locale is read from whatever names the page.
 */
export function blockLocale(locales: string[], fallback: string | undefined) {
  const alternatives = locales.map((l) => l.replace(/[^a-z-]/gi, '')).join('|');
  const inDocs = new RegExp(`(?:^|/)content/docs/(${alternatives})/`);
  const atRoot = new RegExp(`^/?(${alternatives})/`);
  return ({ file }: { file?: { path?: string; history?: string[]; url?: URL } }): string | undefined => {
    if (locales.length === 0) return fallback;
    const names = [file?.path, ...(file?.history ?? []), file?.url?.pathname].filter((n): n is string => typeof n === 'string');
    for (const name of names) {
      const match = inDocs.exec(decodeURIComponent(name.replace(/\\/g, '/'))) ?? atRoot.exec(name);
      if (match) return match[1];
    }
    return fallback;
  };
}

/** The Astro side: the pages' Web Worker, Mermaid's version, cross-origin isolation, the dev server's reach; for checked pages their cells and errata. */
function firstRunMegabytes(pyodideDir: string): number | null {
  const bytes = firstRunBytes(pyodideDir);
  return bytes === null ? null : megabytes(bytes);
}

export function execdocsIntegration(options: ExecdocsOptions = {}, checked: CheckedPages | null = null): AstroIntegration {
  return {
    name: 'execdocs',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, injectRoute }) => {
        if (checked) {
          const { checker } = checked;
          addCellPlugin(config.markdown as unknown as { processor?: MarkdownProcessor }, { cellsOf: (file: string) => checker.cellsOf(file), cellModule: `${COMPONENTS}Cell.astro` });
          updateConfig({ vite: { plugins: [errataModule(checker)] } });
          injectRoute({ pattern: '/errata/[...filter]', entrypoint: `${INTEGRATION}ErrataPage.astro`, prerender: true });
        }
        updateConfig({
          // The runnable cells' Web Worker (src/kernel/browser/worker.ts) is an ES module worker: it
          // imports Pyodide from the site's /pyodide/ at run time. Timelines load Mermaid's own
          // build from /mermaid/<version>/ (src/emit/mermaid-assets.ts) instead of bundling it again.
          vite: {
            worker: { format: 'es' },
            // The first run's download as the note states it, from the files this build serves.
            define: { __MERMAID_VERSION__: JSON.stringify(mermaidVersion()), __FIRST_RUN_MB__: JSON.stringify(firstRunMegabytes(checked ? join(checked.assetsDir, 'pyodide') : join(fileURLToPath(config.publicDir), 'pyodide'))) },
            // The components live in this package, which may be outside the project (node_modules
            // of the repository, when the site is generated in a cache folder).
            server: { fs: { allow: [fileURLToPath(config.root), PACKAGE_ROOT, ...(options.allow ?? [])] } },
          },
          // Cross-origin isolation lets Stop interrupt a cell through Pyodide's interrupt buffer
          // (shared memory) and keep its namespace; without it Stop has to end the worker. Every
          // resource of the site is same-origin, so nothing else changes. `astro dev` and `astro
          // preview` send these; a host serving dist/ should send them too.
          server: {
            headers: {
              'Cross-Origin-Opener-Policy': 'same-origin',
              'Cross-Origin-Embedder-Policy': 'require-corp',
            },
          },
        });
      },
      ...(checked ? {
        'astro:server:setup': async ({ server }) => {
          const { serveRunAssets } = await import('./assets.ts');
          server.middlewares.use(serveRunAssets(checked.assetsDir));
        },
        'astro:server:done': () => checked.close(),
        'astro:build:done': async ({ dir }) => {
          const { copyRunAssets } = await import('./assets.ts');
          copyRunAssets(checked.assetsDir, fileURLToPath(dir));
          await checked.close();
        },
      } : {}),
    },
  };
}

/** Astro's Markdown processor as its config holds it: Sätteri (the default) or unified. */
interface MarkdownProcessor {
  name: string;
  options: { mdastPlugins?: unknown[]; remarkPlugins?: unknown[] };
}

/** The plugins, loaded with the hook's modules (the check's modules are not loaded for sites that check nothing). */
let plugins: { remark: typeof import('./remark-cells.ts').remarkCells; satteri: typeof import('./satteri-cells.ts').satteriCells };

/**
 * Adds the cells' plugin to the processor that renders both `.md` and `.mdx` pages, the way Astro
 * itself moves plugins onto a processor (its options' plugin lists are the processor's own).
 */
function addCellPlugin(markdown: { processor?: MarkdownProcessor }, options: import('./remark-cells.ts').RemarkCellsOptions): void {
  const processor = markdown.processor;
  if (processor?.name === 'unified' && processor.options.remarkPlugins) processor.options.remarkPlugins.push([plugins.remark, options]);
  else if (processor?.options.mdastPlugins) processor.options.mdastPlugins.push(plugins.satteri(options));
  else throw new Error(`execdocs: the site's Markdown processor (${processor?.name ?? 'none'}) takes no plugins this plugin knows (Sätteri's or unified's)`);
}

/** `virtual:execdocs/errata`: the errata page's data, from the pages as last checked. */
function errataModule(checker: PageChecker) {
  return {
    name: 'execdocs:errata',
    resolveId: (id: string) => (id === ERRATA_MODULE ? RESOLVED_ERRATA : undefined),
    load: (id: string) => (id === RESOLVED_ERRATA ? `export default ${JSON.stringify(checker.errata())};` : undefined),
  };
}

/**
 * Checks the site's pages before Astro renders any (`astro build` and `astro dev`; `astro sync`
 * and `preview` run nothing). A configuration file at the site's root sets budgets, fixtures and
 * the cache; the pages are the docs collection's, wherever the file's `sources` point.
 */
async function checkSitePages(astroConfig: { root: URL; srcDir: URL }, locales: string[], defaultLocale: string | undefined, log: (line: string) => void): Promise<CheckedPages> {
  const [{ loadConfig }, { KernelPool }, { PageChecker }, { writeRunAssets }, remark, satteri, { UNTRUSTED_ENV, untrustedPool }] = await Promise.all([
    import('../config/load.ts'), import('../kernel/node/pool.ts'), import('./pages.ts'), import('../site/run-assets.ts'), import('./remark-cells.ts'), import('./satteri-cells.ts'), import('../cli/untrusted.ts'),
  ]);
  plugins = { remark: remark.remarkCells, satteri: satteri.satteriCells };
  const root = fileURLToPath(astroConfig.root);
  const config = loadConfig({ cwd: root });
  const docsDir = join(fileURLToPath(astroConfig.srcDir), 'content', 'docs');
  // `execdocs build --untrusted` on a site of its own pages: no snippet runs without the sandbox's own PID namespace.
  const pool = new KernelPool(config.kernel.workers, { log, ...untrustedPool(process.env[UNTRUSTED_ENV] === '1') });
  log(pool.stats.boundaries);
  if (pool.refusal) {
    await pool.close();
    throw new Error(pool.refusal);
  }
  const checker = new PageChecker({ config, docsDir, pool, locales, defaultLocale: defaultLocale ?? config.language, log });
  const started = performance.now();
  const result = await checker.check();
  const counts = new Map<string, number>();
  for (const d of result.documents) for (const c of d.cells) counts.set(c.verdict.verdict, (counts.get(c.verdict.verdict) ?? 0) + 1);
  const cells = [...counts.values()].reduce((a, b) => a + b, 0);
  log(`checked ${cells} python blocks on ${result.documents.length} pages in ${((performance.now() - started) / 1000).toFixed(1)} s: ${[...counts].map(([v, n]) => `${n} ${v}`).join(', ') || 'none'} (${result.reused} cached runs reused, ${result.ran} run)`);
  const assetsDir = join(config.paths.cache, 'site-assets');
  await writeRunAssets(assetsDir, result.documents, await pool.snapshotFile());
  return { checker, assetsDir, close: () => pool.close() };
}

/** The Starlight plugin: `starlight({ plugins: [execdocs()] })`. */
export default function execdocs(options: ExecdocsOptions = {}): StarlightPlugin {
  return {
    name: 'execdocs',
    hooks: {
      'config:setup': async ({ config, updateConfig, addIntegration, astroConfig, command, logger }) => {
        const root = fileURLToPath(astroConfig.root);
        const locales = Object.keys(config.locales ?? {}).filter((l) => l !== 'root');
        const expressive = config.expressiveCode;
        const checkPages = (options.pages ?? true) && (command === 'dev' || command === 'build');
        const rootLang = (config.locales as Record<string, { lang?: string }> | undefined)?.root?.lang;
        const checked = checkPages ? await checkSitePages(astroConfig, locales, config.defaultLocale ?? rootLang, (line) => logger.info(line)) : null;
        // `.md` pages cannot hold a component: their cells are placed by this MarkdownContent. A site
        // that has its own keeps it, and its `.md` pages show no cells (its MDX pages still do).
        const ownContent = (config.components as Record<string, string> | undefined)?.MarkdownContent;
        if (checked && ownContent) logger.warn(`the site overrides MarkdownContent (${ownContent}): its .md pages show no cells; render ${INTEGRATION}MarkdownContent.astro inside it, or use .mdx pages`);
        updateConfig({
          ...(checked && !ownContent ? { components: { ...(config.components ?? {}), MarkdownContent: `${INTEGRATION}MarkdownContent.astro` } } : {}),
          customCss: [...(config.customCss ?? []), ...STYLESHEETS.map((file) => projectPath(root, file))],
          // A site that turned Expressive Code off, or chose its own locales for it, keeps its choice.
          ...(expressive === false || (typeof expressive === 'object' && expressive.getBlockLocale)
            ? {}
            : { expressiveCode: { ...(typeof expressive === 'object' ? expressive : {}), getBlockLocale: blockLocale(locales, config.defaultLocale ?? locales[0]) } }),
        });
        addIntegration(execdocsIntegration(options, checked));
      },
    },
  };
}

export { execdocs };
export { siteConfig, siteLanguages } from '../site/options.ts';
export { loadConfig } from '../config/load.ts';
