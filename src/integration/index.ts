// The Starlight plugin: what a Starlight site needs for the pages the pipeline writes (cells with
// their outputs, verdict badges, timelines, runnable cells, the errata page). Starlight's plugin
// API (`plugins: [execdocs()]`, its `config:setup` hook) adds the stylesheets and the code blocks'
// locale; the Astro integration it adds (`astro:config:setup`) sets up what the pages' scripts need
// from Vite and from the server. The guide's astro.config.mjs is its first user.
import type { StarlightPlugin } from '@astrojs/starlight/types';
import type { AstroIntegration } from 'astro';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mermaidVersion } from '../emit/mermaid-assets.ts';

/** The package's own folder: where the components and their styles are, installed or not. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COMPONENTS = fileURLToPath(new URL('../components/', import.meta.url));
const STYLES = fileURLToPath(new URL('../styles/', import.meta.url));

/** The stylesheets of the cells, their diffs, the errata page and narrow screens, in the order they cascade. */
const STYLESHEETS = [`${COMPONENTS}cells.css`, `${STYLES}diff.css`, `${STYLES}errata.css`, `${STYLES}phone.css`];

export interface ExecdocsOptions {
  /** More folders Vite's dev server may serve files from (the repository, when the site is generated inside it). */
  allow?: string[];
}

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

/** The Astro side: the pages' Web Worker, Mermaid's version, cross-origin isolation, the dev server's reach. */
export function execdocsIntegration(options: ExecdocsOptions = {}): AstroIntegration {
  return {
    name: 'execdocs',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        updateConfig({
          // The runnable cells' Web Worker (src/kernel/browser/worker.ts) is an ES module worker: it
          // imports Pyodide from the site's /pyodide/ at run time. Timelines load Mermaid's own
          // build from /mermaid/<version>/ (src/emit/mermaid-assets.ts) instead of bundling it again.
          vite: {
            worker: { format: 'es' },
            define: { __MERMAID_VERSION__: JSON.stringify(mermaidVersion()) },
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
    },
  };
}

/** The Starlight plugin: `starlight({ plugins: [execdocs()] })`. */
export default function execdocs(options: ExecdocsOptions = {}): StarlightPlugin {
  return {
    name: 'execdocs',
    hooks: {
      'config:setup': ({ config, updateConfig, addIntegration, astroConfig }) => {
        const root = fileURLToPath(astroConfig.root);
        const locales = Object.keys(config.locales ?? {}).filter((l) => l !== 'root');
        const expressive = config.expressiveCode;
        updateConfig({
          customCss: [...(config.customCss ?? []), ...STYLESHEETS.map((file) => projectPath(root, file))],
          // A site that turned Expressive Code off, or chose its own locales for it, keeps its choice.
          ...(expressive === false || (typeof expressive === 'object' && expressive.getBlockLocale)
            ? {}
            : { expressiveCode: { ...(typeof expressive === 'object' ? expressive : {}), getBlockLocale: blockLocale(locales, config.defaultLocale ?? locales[0]) } }),
        });
        addIntegration(execdocsIntegration(options));
      },
    },
  };
}

export { execdocs };
export { siteConfig, siteLanguages } from '../site/options.ts';
export { loadConfig } from '../config/load.ts';
