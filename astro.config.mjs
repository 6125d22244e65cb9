// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { readFileSync, existsSync } from 'node:fs';
import { editBaseUrl, readRepository } from './src/emit/repository.ts';
import { mermaidVersion } from './src/emit/mermaid-assets.ts';

// The sidebar is written by the build pipeline next to the generated pages (reading order of the
// source documents); without it (a bare `astro build`), Starlight falls back to autogeneration.
const sidebarFile = new URL('./src/content/docs/sidebar.json', import.meta.url);
const sidebar = existsSync(sidebarFile) ? JSON.parse(readFileSync(sidebarFile, 'utf8')) : undefined;

// package.json's `repository` is the one place the site learns where its sources live (see
// src/emit/repository.ts): it gives "edit this page" here and the errata page's source links.
// Generated pages name their real source (content/...) in their front matter's `editUrl`.
const editBase = editBaseUrl(readRepository(new URL('./package.json', import.meta.url)));

/** The locale of a code block: the first `<locale>/` folder under src/content/docs/ in its page's path. */
function blockLocale({ file }) {
  const names = [file?.path, ...(file?.history ?? []), file?.url?.pathname].filter((n) => typeof n === 'string');
  for (const name of names) {
    const match = /(?:^|\/)content\/docs\/(ko|en)\//.exec(decodeURIComponent(name.replace(/\\/g, '/'))) ?? /^\/?(ko|en)\//.exec(name);
    if (match) return match[1];
  }
  if (process.env.I18N_DEBUG) console.warn('blockLocale: no locale in', JSON.stringify({ path: file?.path, history: file?.history, url: String(file?.url ?? '') }));
  return 'ko';
}

export default defineConfig({
  site: 'https://asyncio-guide.example',
  redirects: { '/': '/ko/' },
  integrations: [
    starlight({
      title: { ko: '실행되는 asyncio 가이드', en: 'The executable asyncio guide' },
      defaultLocale: 'ko',
      locales: {
        ko: { label: '한국어', lang: 'ko' },
        en: { label: 'English', lang: 'en' },
      },
      sidebar,
      // Expressive Code's words (the copy button) follow the block's page. Starlight finds the
      // locale from the file's path, which the generated pages' render does not give it here, so
      // every block came out Korean; the locale is read from whatever names the page.
      expressiveCode: { getBlockLocale: blockLocale },
      ...(editBase ? { editLink: { baseUrl: editBase } } : {}),
      customCss: ['./src/components/cells.css', './src/styles/diff.css', './src/styles/errata.css', './src/styles/phone.css'],
    }),
    mdx(),
  ],
  // The runnable cells' Web Worker (src/kernel/browser/worker.ts) is an ES module worker: it
  // imports Pyodide from the site's /pyodide/ at run time.
  // Timelines load Mermaid's own build from /mermaid/<version>/ (src/emit/mermaid-assets.ts): the
  // page's script is told the version instead of bundling Mermaid again on every build.
  vite: {
    worker: { format: 'es' },
    define: { __MERMAID_VERSION__: JSON.stringify(mermaidVersion()) },
  },
  // Cross-origin isolation lets Stop interrupt a cell through Pyodide's interrupt buffer (shared
  // memory) and keep its namespace; without it Stop has to end the worker. Every resource of the
  // site is same-origin, so nothing else changes. `astro dev` and `astro preview` send these; a
  // host serving dist/ should send them too (see README, Runnable cells).
  server: {
    headers: {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    },
  },
});
