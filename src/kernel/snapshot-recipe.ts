// What an interpreter snapshot holds, for both hosts (the Node sandbox's, kept under .cache/kernel/,
// and the browser's, kept in the reader's Cache Storage): the modules imported before it is taken.
import { KERNEL_ROOT, WORLD_PATHS } from './engine.ts';

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
/** Bumped whenever how the snapshot is made changes (node/worker.ts and browser/worker.ts `makeSnapshot`). */
export const RECIPE = 4;

/** Python run before a snapshot is taken (and by a plain boot, so both look the same to a cell). */
export function preImportCode(): string {
  return [
    'import sys', `sys.path[:0] = ${JSON.stringify([KERNEL_ROOT, ...WORLD_PATHS])}`,
    `import ${SNAPSHOT_IMPORTS.join(', ')}`, `import ${SNAPSHOT_WORLD_IMPORTS.join(', ')}`,
    // The code of the modules each document imports afresh (vkernel/codecache.py).
    'import vkernel.codecache', 'vkernel.codecache.precompile()',
    `del sys.path[:${1 + WORLD_PATHS.length}]`,
  ].join('\n');
}

/** Pyodide puts the working directory ('') at the front of sys.path again when a snapshot loads. */
export const BEFORE_SNAPSHOT = "import sys\nsys.path.remove('')";
