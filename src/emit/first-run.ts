// What a reader's first run downloads, for the note beside Run all: the files the page's worker
// fetches from the site's pyodide/ folder before the first cell runs (Pyodide's loader, its
// compressed WebAssembly, the standard library, the lock file and, when the site serves one, the
// interpreter snapshot), as the build wrote them. Measured from the files, so the page never
// states a figure the site does not serve (test/browser/first-run.test.ts measures the real one).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SITE_SNAPSHOT_MANIFEST, type SiteSnapshotManifest } from '../kernel/site-snapshot.ts';
import { WASM_GZIP_FILE } from '../kernel/browser/wasm-gzip.ts';
import { PYODIDE_FILES } from './pyodide-assets.ts';

/** Bytes of the files a first run fetches from `pyodideDir`; null when Pyodide is not there. */
export function firstRunBytes(pyodideDir: string): number | null {
  const files = [...PYODIDE_FILES, WASM_GZIP_FILE].map((name) => join(pyodideDir, name));
  if (!files.every((f) => existsSync(f))) return null;
  let bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const manifest = join(pyodideDir, SITE_SNAPSHOT_MANIFEST);
  if (existsSync(manifest)) {
    const { file } = JSON.parse(readFileSync(manifest, 'utf8')) as SiteSnapshotManifest;
    if (existsSync(join(pyodideDir, file))) bytes += statSync(join(pyodideDir, file)).size;
  }
  return bytes;
}

/** Megabytes as the note writes them (10⁶ bytes): whole above 10, one decimal below. */
export function megabytes(bytes: number): number {
  const mb = bytes / 1e6;
  return mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10;
}
