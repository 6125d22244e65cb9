// The interpreter's memory snapshot: Pyodide booted once with the kernel's modules imported, saved,
// and loaded by every later interpreter in a fraction of the time of a plain boot.
//
// `_makeSnapshot` / `_loadSnapshot` are Pyodide's private API: the snapshot is keyed by everything
// that goes into it (the exact Pyodide version, the runtime files, this recipe), kept under
// `.cache/kernel/`, never committed, and a snapshot that cannot be made or loaded falls back to a
// plain boot with one line saying so.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kernelFingerprint } from './runtime-files.ts';
import { PYTHON_ENV } from '../types.ts';
import { RECIPE, SNAPSHOT_IMPORTS, SNAPSHOT_WORLD_IMPORTS } from '../snapshot-recipe.ts';

export { RECIPE, SNAPSHOT_IMPORTS, SNAPSHOT_WORLD_IMPORTS } from '../snapshot-recipe.ts';

export const CACHE_DIR = fileURLToPath(new URL('../../../.cache/kernel/', import.meta.url));

export function pyodideVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('pyodide/package.json') as { version: string }).version;
}

export function snapshotKey(): string {
  return createHash('sha256')
    .update(JSON.stringify({ pyodide: pyodideVersion(), kernel: kernelFingerprint(), imports: SNAPSHOT_IMPORTS, world: SNAPSHOT_WORLD_IMPORTS, env: PYTHON_ENV, recipe: RECIPE }))
    .digest('hex')
    .slice(0, 16);
}

export function snapshotPath(key = snapshotKey()): string {
  return join(CACHE_DIR, `pyodide-${pyodideVersion()}-${key}.snapshot`);
}
