// The interpreter snapshot served with the site, so a reader's first run on a cold page boots from
// memory instead of initialising Python (about a third of the time in Chromium here). It is the
// snapshot the check's interpreters boot from (src/kernel/node/snapshot.ts): the same Pyodide, the
// same runtime files, the same recipe and environment (PYTHON_ENV), so a Node-made snapshot is what
// the browser would make itself. Written gzip-compressed into public/pyodide/ with a manifest that
// names its key; the page's worker (src/kernel/browser/worker.ts) takes it only when the key is the
// one it computes for itself, and boots plainly otherwise.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { steadyGzip } from './steady-gzip.ts';
import { snapshotKey } from '../kernel/browser/snapshot.ts';
import { pyodideVersion } from '../kernel/node/snapshot.ts';
import { readRuntimeFiles } from '../kernel/node/runtime-files.ts';
import { SITE_SNAPSHOT_MANIFEST, siteSnapshotFile, type SiteSnapshotManifest } from '../kernel/site-snapshot.ts';
import { PYODIDE_ASSETS_DIR } from './pyodide-assets.ts';
export { steadyGzip } from './steady-gzip.ts';

/** Writes the snapshot and its manifest (or removes both when there is no snapshot). */
export async function writeSiteSnapshot(snapshot: string | null, outDir = PYODIDE_ASSETS_DIR): Promise<SiteSnapshotManifest | null> {
  const key = await snapshotKey(pyodideVersion(), readRuntimeFiles());
  const file = siteSnapshotFile(key);
  const stale = (name: string) => /^kernel-snapshot-.*\.bin\.gz$/.test(name) && (snapshot === null || name !== file);
  if (existsSync(outDir)) for (const name of readdirSync(outDir).filter(stale)) rmSync(join(outDir, name));
  const manifestPath = join(outDir, SITE_SNAPSHOT_MANIFEST);
  if (snapshot === null) {
    rmSync(manifestPath, { force: true });
    return null;
  }
  const bytes = readFileSync(snapshot);
  // The key names the content; one already written for it is left alone (compressing takes a second).
  const target = join(outDir, file);
  if (!existsSync(target)) writeFileSync(target, steadyGzip(bytes));
  const manifest: SiteSnapshotManifest = { key, file, bytes: bytes.byteLength, gzipBytes: readFileSync(target).byteLength };
  writeFileSync(manifestPath, JSON.stringify(manifest) + '\n');
  return manifest;
}
