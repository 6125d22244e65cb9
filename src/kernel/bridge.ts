// Takes the bridge out of the interpreter before any cell runs: the JavaScript-facing built-in
// modules are removed from CPython's table of built-in modules and from its cache of initialised
// extensions, and the JavaScript modules Pyodide registers (`js`, `pyodide_js`) are unregistered.
//
// Why at this level: every guard written in Python (vkernel/sandbox.py) can in principle be undone
// by a snippet, and the import system has doors that no import hook sees:
// `_imp.create_builtin(ModuleSpec('_pyodide_core', BuiltinImporter))` builds a fresh module from
// the built-in table (or from the copy of its first dictionary CPython keeps for single-phase
// modules), whatever `sys.modules` and `sys.meta_path` say. Once the names are gone from the table
// and the cache, no Python code can make those modules again: `create_builtin` answers None and
// `import` raises ModuleNotFoundError.
//
// This narrows the routes; it does not promise that no JsProxy exists anywhere in the interpreter
// (Pyodide's own modules keep some). What such a proxy leads to is the realm's business
// (realm-lock.ts, and Node's --disallow-code-generation-from-strings in the sandbox process).
import type { PyodideAPI } from 'pyodide';

/**
 * Built-in modules a snippet must never instantiate: Pyodide's JavaScript bridge, and the ones
 * that read and write raw interpreter memory or call arbitrary C functions (from there any
 * module's init function could be called directly).
 */
export const BRIDGE_MODULES = [
  '_pyodide_core', '_ctypes', '_testinternalcapi', '_testcapi', '_testlimitedcapi', '_testbuffer',
  '_testclinic', '_testclinic_limited', '_xxtestfuzz', '_remote_debugging',
] as const;

/** The JavaScript modules Pyodide registers for `import js` / `import pyodide_js`. */
const JS_MODULES = ['js', 'pyodide_js'];

interface EmscriptenModule {
  HEAPU8: Uint8Array;
  HEAPU32: Uint32Array;
  /** The address of CPython's `PyImport_Inittab` pointer. */
  _PyImport_Inittab: number;
  __PyImport_ClearExtension(name: number, filename: number): number;
  _PyErr_Clear(): void;
}

export class BridgeError extends Error {}

function cString(heap: Uint8Array, address: number): string {
  let end = address;
  while (heap[end] !== 0 && end - address < 256) end++;
  return String.fromCharCode(...heap.subarray(address, end));
}

/**
 * CPython copies `PyImport_Inittab` when it starts and looks names up in the copy; both arrays are
 * rewritten without the bridge modules. The copy is found by its content (the same entries, in the
 * same order, ending with the same {NULL, NULL}), so no offset inside CPython's structures is
 * assumed. Returns how many tables were rewritten.
 */
function removeFromInittab(module: EmscriptenModule, names: ReadonlySet<string>): number {
  const heap = module.HEAPU32;
  const original = heap[module._PyImport_Inittab >>> 2]!;
  const entries: [number, number][] = [];
  for (let at = original; heap[at >>> 2] !== 0; at += 8) entries.push([heap[at >>> 2]!, heap[(at + 4) >>> 2]!]);
  if (entries.length === 0) throw new BridgeError('the table of built-in modules is empty');
  const words = entries.length * 2 + 2;
  const matches = (start: number) => {
    for (let i = 0; i < entries.length; i++) {
      if (heap[start + 2 * i] !== entries[i]![0] || heap[start + 2 * i + 1] !== entries[i]![1]) return false;
    }
    return heap[start + words - 2] === 0 && heap[start + words - 1] === 0;
  };
  const tables = [original >>> 2];
  const [firstName, firstInit] = entries[0]!;
  const isCopy = (i: number) => i !== original >>> 2 && heap[i] === firstName && heap[i + 1] === firstInit && matches(i);
  // The copy is allocated right after the table was extended: near the original. Searched outward
  // from it first (microseconds), then the whole heap (tens of milliseconds).
  const near = (original >>> 2) + words;
  let found = -1;
  for (let i = near; i < Math.min(heap.length - words, near + (1 << 18)) && found < 0; i++) if (isCopy(i)) found = i;
  for (let i = 0; i + words <= heap.length && found < 0; i++) if (isCopy(i)) found = i;
  if (found >= 0) tables.push(found);
  const kept = entries.filter(([name]) => !names.has(cString(module.HEAPU8, name)));
  for (const start of tables) {
    heap.fill(0, start, start + words);
    kept.forEach(([name, init], i) => { heap[start + 2 * i] = name; heap[start + 2 * i + 1] = init; });
  }
  return tables.length;
}

/**
 * Called once per interpreter after the kernel has taken what it needs from Pyodide (its channel,
 * `run_sync`) and before the first cell. Throws BridgeError when the interpreter does not look as
 * expected: a kernel that cannot remove the bridge does not run snippets.
 */
export function removeBridges(pyodide: PyodideAPI): void {
  const module = (pyodide as unknown as { _module: EmscriptenModule })._module;
  if (typeof module?._PyImport_Inittab !== 'number' || typeof module.__PyImport_ClearExtension !== 'function') {
    throw new BridgeError(`Pyodide ${pyodide.version} does not export the import table the kernel edits`);
  }
  const names = new Set<string>(BRIDGE_MODULES);
  const tables = removeFromInittab(module, names);
  // CPython looks names up in its working copy: without one found, the table was not changed.
  if (tables < 2) throw new BridgeError("CPython's working copy of the built-in table was not found");
  // The extension cache: a single-phase module imported once (`_pyodide_core` is) is otherwise
  // rebuilt from the cached copy of its dictionary, without the table. The names are passed as
  // Python strings, kept alive by the namespace until the calls are done.
  const namespace = pyodide.toPy({});
  try {
    pyodide.runPython(`import sys\nnames = ${JSON.stringify([...names])}\naddresses = [id(n) for n in names]\n`
      + `sys.builtin_module_names = tuple(n for n in sys.builtin_module_names if n not in names)`, { globals: namespace });
    const list = namespace.get('addresses');
    const addresses = list.toJs() as number[];
    list.destroy();
    for (const address of addresses) {
      if (module.__PyImport_ClearExtension(address, address) !== 0) {
        module._PyErr_Clear();
        throw new BridgeError('a built-in module could not be removed from the extension cache');
      }
    }
  } finally {
    namespace.destroy();
  }
  for (const name of JS_MODULES) {
    try {
      pyodide.unregisterJsModule(name);
    } catch {
      // not registered in this interpreter
    }
  }
}
