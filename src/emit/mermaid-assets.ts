// Mermaid's prebuilt ES modules (its entry and the chunks it imports, no source maps), copied into
// public/mermaid/<version>/ before `astro build`, which copies public/ into dist/; `npm run dev`
// serves them too. Nothing here is fetched until a timeline nears the reader's viewport
// (src/components/timeline.ts). Files already in place are left alone; other versions are removed.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MERMAID_BASE, MERMAID_ENTRY } from '../components/mermaid-module.ts';

export const MERMAID_ASSETS_DIR = join('public', MERMAID_BASE);
// Resolved, not at a fixed place: an installed package finds Mermaid beside it, not inside it.
const MERMAID_DIST = join(dirname(createRequire(import.meta.url).resolve('mermaid/package.json')), 'dist');
const CHUNKS = join('chunks', 'mermaid.esm.min');

/** The installed Mermaid's version: the folder its files are served from. */
export function mermaidVersion(dist = MERMAID_DIST): string {
  return (JSON.parse(readFileSync(join(dist, '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/** The files the entry needs: itself and every chunk of its build. */
export function mermaidFiles(dist = MERMAID_DIST): string[] {
  const chunks = readdirSync(join(dist, CHUNKS)).filter((f) => f.endsWith('.mjs')).sort();
  return [MERMAID_ENTRY, ...chunks.map((f) => join(CHUNKS, f))];
}

export function writeMermaidAssets(outDir = MERMAID_ASSETS_DIR, dist = MERMAID_DIST, version = mermaidVersion(dist)): { files: number; bytes: number } {
  const target = join(outDir, version);
  if (existsSync(outDir)) for (const old of readdirSync(outDir)) if (old !== version) rmSync(join(outDir, old), { recursive: true, force: true });
  let bytes = 0;
  const files = mermaidFiles(dist);
  for (const file of files) {
    const from = join(dist, file);
    const to = join(target, file);
    const size = statSync(from).size;
    if (!existsSync(to) || statSync(to).size !== size) {
      mkdirSync(join(to, '..'), { recursive: true });
      copyFileSync(from, to);
    }
    bytes += size;
  }
  return { files: files.length, bytes };
}
