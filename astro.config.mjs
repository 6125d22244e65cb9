// @ts-check
// The guide's site: one user of the package's Starlight plugin (src/integration/). Its title,
// languages, address and repository come from execdocs.config.json, as any repository's would;
// the pages under src/content/docs/ (and their sidebar) are written by `npm run build`, with their
// cells in them (`pages: false`: the plugin has no pages of the site's own to check).
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import execdocs, { loadConfig, siteConfig } from './src/integration/index.ts';

const site = siteConfig(loadConfig({ cwd: new URL('.', import.meta.url).pathname }), new URL('.', import.meta.url).pathname);

export default defineConfig({
  // Not Astro's default (node_modules/.astro): node_modules may be shared by several checkouts (a
  // symlink, as npm run reproducible's clones have), and each build's content store must be its own.
  cacheDir: './.cache/astro',
  ...(site.site ? { site: site.site } : {}),
  redirects: site.redirects,
  integrations: [
    starlight({ ...site.starlight, plugins: [execdocs({ pages: false })] }),
    mdx(),
  ],
});
