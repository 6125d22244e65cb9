// The site a configuration describes, as Astro and Starlight options: its languages (the
// documents' own first), title, repository links, address and sidebar. The guide's astro.config.mjs
// and the site `execdocs build` generates both take their options from here, so a repository's
// configuration is the one place these are said.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/load.ts';
import type { SiteLanguage } from '../config/schema.ts';
import { editBaseUrl } from '../emit/repository.ts';
import { DOCS_DIR } from '../emit/site.ts';

const LABELS: Record<SiteLanguage, string> = { ko: '한국어', en: 'English' };

/** The site's languages, the documents' own first. */
export function siteLanguages(config: Pick<Config, 'language' | 'translations'>): SiteLanguage[] {
  return [config.language, ...config.translations.filter((l) => l !== config.language)];
}

export interface StarlightSiteOptions {
  title: string | Record<string, string>;
  defaultLocale: string;
  locales: Record<string, { label: string; lang: string }>;
  sidebar?: unknown[];
  editLink?: { baseUrl: string };
}

export interface SiteConfig {
  /** Astro's `site`, when the configuration gives the address. */
  site?: string;
  /** The bare address sends a reader to the documents' language. */
  redirects: Record<string, string>;
  starlight: StarlightSiteOptions;
  languages: SiteLanguage[];
}

/**
 * Astro's and Starlight's options for the site of `config`, whose generated pages are in `root`'s
 * docs folder (the sidebar the build wrote there; without it Starlight lists the pages itself).
 */
export function siteConfig(config: Config, root = '.'): SiteConfig {
  const languages = siteLanguages(config);
  const sidebarFile = join(root, DOCS_DIR, 'sidebar.json');
  const sidebar = existsSync(sidebarFile) ? (JSON.parse(readFileSync(sidebarFile, 'utf8')) as unknown[]) : undefined;
  const editBase = editBaseUrl(config.repository);
  // A title per language when the site has several; Starlight takes a text for one.
  const title = languages.length === 1 ? config.title[languages[0]!]! : Object.fromEntries(languages.map((l) => [l, config.title[l]!]));
  return {
    ...(config.site.url ? { site: config.site.url } : {}),
    redirects: { '/': `/${languages[0]}/` },
    languages,
    starlight: {
      title,
      defaultLocale: languages[0]!,
      locales: Object.fromEntries(languages.map((l) => [l, { label: LABELS[l], lang: l }])),
      ...(sidebar ? { sidebar } : {}),
      ...(editBase ? { editLink: { baseUrl: editBase } } : {}),
    },
  };
}
