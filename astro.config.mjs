// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { readFileSync, existsSync } from 'node:fs';

// The sidebar is written by the build pipeline next to the generated pages (reading order of the
// source documents); without it (a bare `astro build`), Starlight falls back to autogeneration.
const sidebarFile = new URL('./src/content/docs/sidebar.json', import.meta.url);
const sidebar = existsSync(sidebarFile) ? JSON.parse(readFileSync(sidebarFile, 'utf8')) : undefined;

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
      customCss: ['./src/components/cells.css'],
    }),
    mdx(),
  ],
  // The runnable cells' Web Worker (src/kernel/browser/worker.ts) is an ES module worker: it
  // imports Pyodide from the site's /pyodide/ at run time.
  vite: { worker: { format: 'es' } },
});
