// What runnable cells load in the reader's browser, served by the site itself (no CDN): Pyodide's
// own files, and the fixtures of the simulated I/O world per document (the same list the check
// used). Written into public/pyodide/ before `astro build`, which copies public/ into dist/, so
// `npm run dev` serves them too. Nothing here is fetched before a reader first runs a cell.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { CheckedDocument } from '../check/run.ts';
import { WASM_FILE, WASM_GZIP_FILE } from '../kernel/browser/wasm-gzip.ts';
import { steadyGzip } from './steady-gzip.ts';

export const PYODIDE_ASSETS_DIR = 'public/pyodide';
/**
 * The files Pyodide's loader fetches from its indexURL when no package is loaded, served as they
 * are; its WebAssembly (9.6 MB) is served gzip-compressed instead (3.5 MB), see below.
 */
export const PYODIDE_FILES = ['pyodide.mjs', 'pyodide.asm.mjs', 'python_stdlib.zip', 'pyodide-lock.json'];

// Resolved, not at a fixed place: an installed package finds Pyodide beside it, not inside it.
const PYODIDE_DIR = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));

/**
 * Pyodide's files, and per document the fixtures its cells ran with at build time, as the check
 * loaded and validated them (`CheckedDocument.fixtures`: the shared ones, then its own): the page's
 * cells answer from the same simulated world, and no file is read twice.
 */
export function writePyodideAssets(documents: Pick<CheckedDocument, 'document' | 'fixtures'>[], outDir = PYODIDE_ASSETS_DIR): { files: number; bytes: number } {
  mkdirSync(outDir, { recursive: true });
  let files = 0;
  let bytes = 0;
  for (const name of PYODIDE_FILES) {
    const from = join(PYODIDE_DIR, name);
    const to = join(outDir, name);
    const size = statSync(from).size;
    // 4 MB: copy only when the installed Pyodide changed.
    if (!existsSync(to) || statSync(to).size !== size || statSync(to).mtimeMs < statSync(from).mtimeMs) copyFileSync(from, to);
    files++;
    bytes += size;
  }
  // A static host serves files as they are, and few compress WebAssembly on the fly: the site
  // serves it as a .gz file that the page's worker inflates (kernel/browser/wasm-gzip.ts). The
  // same fixed gzip as the snapshot's, so builds stay byte-reproducible.
  const wasm = join(PYODIDE_DIR, WASM_FILE);
  const gz = join(outDir, WASM_GZIP_FILE);
  if (!existsSync(gz) || statSync(gz).mtimeMs < statSync(wasm).mtimeMs) writeFileSync(gz, steadyGzip(readFileSync(wasm), 9));
  rmSync(join(outDir, WASM_FILE), { force: true });
  files++;
  bytes += statSync(gz).size;
  const fixturesDir = join(outDir, 'fixtures');
  rmSync(fixturesDir, { recursive: true, force: true });
  mkdirSync(fixturesDir, { recursive: true });
  for (const { document, fixtures } of documents) {
    const json = JSON.stringify(fixtures);
    writeFileSync(join(fixturesDir, `${document.slug}.json`), json);
    files++;
    bytes += Buffer.byteLength(json);
  }
  return { files, bytes };
}
