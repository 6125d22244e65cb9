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

/** Imported before the snapshot is taken: the kernel and the standard library it and most cells use.
 * Pyodide's standard library has no bytecode, so every module imported after boot is compiled from
 * source again, in every interpreter: the kernel's own start imports these, the world `simworld`. */
export const SNAPSHOT_IMPORTS = [
  'vkernel.runtime', 'vkernel.green', 'vkernel.threads', 'vkernel.loop', 'vkernel.trace', 'vkernel.sandbox',
  'vkernel.processes', 'vkernel.names', 'vkernel.probes', 'vkernel.output', 'vkernel.errnos',
  'asyncio', 'threading', 'concurrent.futures', 'json', 're', 'datetime', 'random', 'traceback', 'ast',
  'dataclasses', 'typing', 'functools', 'itertools', 'collections', 'contextlib', 'pickle', 'queue',
  '_pydatetime', 'concurrent.futures.process', 'concurrent.futures.thread', 'decimal', 'email.utils', 'http',
  'ipaddress', 'multiprocessing.pool', 'multiprocessing.queues', 'numbers', 'sqlite3', 'urllib.parse', 'uuid',
  '_threading_local', 'array',
];
/** The simulated world's core, imported from its own directory (the stand-in libraries are not:
 * whether `aiohttp` is in `sys.modules` before a cell imports it stays as in a fresh interpreter). */
export const SNAPSHOT_WORLD_IMPORTS = ['simworld'];
/** Bumped whenever how the snapshot is made changes (worker.ts `makeSnapshot`). */
const RECIPE = 2;

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
