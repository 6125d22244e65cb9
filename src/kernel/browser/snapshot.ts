// The interpreter snapshot in the reader's browser: made once per site version by a worker of its
// own after a page's first run, kept in Cache Storage, and loaded by every later page and restart
// (a fraction of a plain boot). Keyed by everything that goes into it, as the Node host's
// (../node/snapshot.ts): the Pyodide version, the runtime files, the recipe, the environment. A
// snapshot that cannot be read or loaded is deleted and the worker boots plainly. A page with none
// kept takes the one the site serves (siteSnapshot), made by the build with the same recipe.
import type { RuntimeFiles } from '../engine.ts';
import { RECIPE, SNAPSHOT_IMPORTS, SNAPSHOT_WORLD_IMPORTS } from '../snapshot-recipe.ts';
import { PYTHON_ENV } from '../types.ts';
import { SITE_SNAPSHOT_MANIFEST, siteSnapshotFile, type SiteSnapshotManifest } from '../site-snapshot.ts';

const CACHE_NAME = 'asyncio-guide-kernel';

/** Cache Storage exists in secure contexts (https, localhost) only. */
export function canKeepSnapshots(): boolean {
  return typeof caches !== 'undefined';
}

export async function snapshotKey(pyodideVersion: string, files: RuntimeFiles): Promise<string> {
  const identity = JSON.stringify({
    pyodide: pyodideVersion, recipe: RECIPE, imports: SNAPSHOT_IMPORTS, world: SNAPSHOT_WORLD_IMPORTS, env: PYTHON_ENV,
    files: Object.keys(files).sort().map((path) => [path, files[path]]),
  });
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(identity));
  return [...new Uint8Array(digest)].slice(0, 12).map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The cache entry's address: under the site's Pyodide directory, never fetched from the network. */
function entryURL(indexURL: string, key: string): string {
  return new URL(`kernel-snapshot-${key}.bin`, indexURL).href;
}

/** A snapshot found, its bytes still being read (a promise inside an object: promises do not nest). */
export interface PendingSnapshot {
  bytes: Promise<Uint8Array>;
}

/**
 * The snapshot this browser kept for this key, as bytes still to be read (null: none kept). Not
 * awaited by the caller: Pyodide fetches and compiles its WebAssembly while the bytes are read.
 */
export async function keptSnapshot(indexURL: string, key: string): Promise<PendingSnapshot | null> {
  if (!canKeepSnapshots()) return null;
  try {
    const response = await (await caches.open(CACHE_NAME)).match(entryURL(indexURL, key));
    return response ? { bytes: response.arrayBuffer().then((buffer) => new Uint8Array(buffer)) } : null;
  } catch {
    return null;
  }
}

/** Keeps this snapshot and drops any other (an older site version's). */
export async function storeSnapshot(indexURL: string, key: string, bytes: Uint8Array): Promise<void> {
  const cache = await caches.open(CACHE_NAME);
  const url = entryURL(indexURL, key);
  for (const request of await cache.keys()) if (request.url !== url) await cache.delete(request);
  await cache.put(url, new Response(bytes as BodyInit, { headers: { 'content-type': 'application/octet-stream' } }));
}

export async function dropSnapshot(indexURL: string, key: string): Promise<void> {
  if (canKeepSnapshots()) await (await caches.open(CACHE_NAME)).delete(entryURL(indexURL, key));
}

/**
 * The snapshot the site serves (src/emit/site-snapshot.ts), when its manifest names this key: the
 * same interpreter this page would snapshot itself. Null when the site has none, or another; the
 * bytes are still on their way (see keptSnapshot), and a download that fails or comes out at
 * another size rejects.
 */
export async function siteSnapshot(indexURL: string, key: string): Promise<PendingSnapshot | null> {
  try {
    const response = await fetch(new URL(SITE_SNAPSHOT_MANIFEST, indexURL));
    if (!response.ok) return null;
    const manifest = (await response.json()) as Partial<SiteSnapshotManifest>;
    if (manifest.key !== key || manifest.file !== siteSnapshotFile(key)) return null;
    return { bytes: (async () => {
      const compressed = await fetch(new URL(manifest.file!, indexURL));
      if (!compressed.ok || !compressed.body) throw new Error(`${manifest.file}: HTTP ${compressed.status}`);
      const bytes = new Uint8Array(await new Response(compressed.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
      if (bytes.byteLength !== manifest.bytes) throw new Error(`${manifest.file}: ${bytes.byteLength} bytes, the manifest says ${manifest.bytes}`);
      return bytes;
    })() };
  } catch {
    return null;
  }
}
