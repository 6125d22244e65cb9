// Which Astro project a site is built in. A repository with its own astro.config (the guide, or a
// Starlight site that added the plugin) is its own project: the pages go into its
// src/content/docs/. A repository of nothing but Markdown gets a project generated for it in its
// cache folder (a content config and nothing else; the Astro options are given inline), so
// `execdocs build docs` needs no Astro files in the repository at all.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroInlineConfig } from 'astro';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { cacheDirs, type Config } from '../config/load.ts';
import { siteDirs, type SiteDirs, type SiteOptions } from '../emit/site.ts';
import { execdocs } from '../integration/index.ts';
import { siteConfig, siteLanguages } from './options.ts';

const COMPONENTS = fileURLToPath(new URL('../components/', import.meta.url));
const ASTRO_CONFIGS = ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts'];

export interface SitePlan {
  /** The Astro project's folder (absolute). */
  root: string;
  /** Generated in the cache (true), or the repository's own project. */
  generated: boolean;
  /**
   * The documents are the own project's pages (its docs collection): Astro renders them as they
   * are and the Starlight plugin checks them; nothing is generated.
   */
  ownPages: boolean;
  dirs: SiteDirs;
  /** The project's public folder: Pyodide, Mermaid and the interpreter snapshot go there. */
  publicDir: string;
  /** What the page writer is told: languages, repository, where the components are. */
  pages: SiteOptions;
}

/**
 * The project for `config`. Sources named on the command line are another site than the one the
 * repository's own astro.config describes (its title, languages, sidebar): they get a generated one.
 */
export function sitePlan(config: Config, options: { sourcesFromFlags?: boolean; files?: string[] } = {}): SitePlan {
  const hasAstroConfig = ASTRO_CONFIGS.some((f) => existsSync(join(config.root, f)));
  // Documents inside the project's own docs collection are its pages, named on the command line or not.
  const ownDocs = resolve(siteDirs(config.root).docs);
  const files = options.files ?? [];
  const ownPages = hasAstroConfig && files.length > 0 && files.every((f) => resolve(f).startsWith(ownDocs + sep));
  const own = ownPages || (!options.sourcesFromFlags && hasAstroConfig);
  const root = own ? config.root : resolve(cacheDirs(config).site);
  const dirs = siteDirs(root);
  return {
    root,
    generated: !own,
    ownPages,
    dirs,
    publicDir: join(root, 'public'),
    pages: {
      repository: config.repository,
      languages: siteLanguages(config),
      components: relative(resolve(dirs.docs), COMPONENTS).split('\\').join('/').replace(/\/$/, ''),
    },
  };
}

// Starlight's modules by their resolved addresses: the cache folder may have no node_modules above it.
const CONTENT_CONFIG = `// Written by execdocs: the collections of the generated site (Starlight's pages and its words).
import { defineCollection } from 'astro:content';
import { docsLoader, i18nLoader } from ${JSON.stringify(import.meta.resolve('@astrojs/starlight/loaders'))};
import { docsSchema, i18nSchema } from ${JSON.stringify(import.meta.resolve('@astrojs/starlight/schema'))};

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
`;

/** The files a generated project needs besides its pages (written only when they changed). */
export function writeProjectFiles(plan: SitePlan): void {
  if (!plan.generated) return;
  const file = join(plan.root, 'src', 'content.config.ts');
  mkdirSync(join(plan.root, 'src'), { recursive: true });
  if (!existsSync(file) || readFileSync(file, 'utf8') !== CONTENT_CONFIG) writeFileSync(file, CONTENT_CONFIG);
}

const STARLIGHT = join('@astrojs', 'starlight');

/** The node_modules folder, at `dir` or above it, that holds Starlight; null when none does. */
function modulesWithStarlight(dir: string): string | null {
  for (let at = resolve(dir); ; at = dirname(at)) {
    if (existsSync(join(at, 'node_modules', STARLIGHT, 'package.json'))) return join(at, 'node_modules');
    if (dirname(at) === at) return null;
  }
}

/**
 * Astro's root for a generated project. Astro compiles what Starlight injects (its routes, its
 * components) only from under its root, so the root is the folder whose node_modules holds the
 * Starlight this package uses (the repository, when the package is installed there); the project's
 * own folders (src, public) stay in the cache and are named to Astro as they are.
 */
function generatedAstroRoot(plan: SitePlan): string {
  const modules = modulesWithStarlight(fileURLToPath(new URL('.', import.meta.url)));
  return modules ? dirname(modules) : plan.root;
}

/** Astro's options for building or serving the plan's project, its output in `outDir`. */
export function astroOptions(plan: SitePlan, config: Config, outDir: string, extra: AstroInlineConfig = {}): AstroInlineConfig {
  const base: AstroInlineConfig = { root: plan.root, outDir: resolve(outDir), ...extra };
  if (!plan.generated) return base;
  const site = siteConfig(config, plan.root);
  return {
    ...base,
    root: generatedAstroRoot(plan),
    srcDir: join(plan.root, 'src'),
    publicDir: plan.publicDir,
    cacheDir: join(plan.root, '.astro'),
    configFile: false,
    ...(site.site ? { site: site.site } : {}),
    redirects: site.redirects,
    // The generated project is inside the repository's cache: the dev server may also serve from the repository.
    integrations: [starlight({ ...site.starlight, plugins: [execdocs({ allow: [config.root], pages: false })] } as Parameters<typeof starlight>[0]), mdx()],
  };
}
