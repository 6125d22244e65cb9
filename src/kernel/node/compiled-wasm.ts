// The interpreter's WebAssembly, compiled once per sandbox process and shared by its document
// workers. Every document gets a fresh worker (one realm per document), and each would otherwise
// compile Pyodide's 9.6 MB module again: a few hundred milliseconds of baseline compilation and
// seconds of optimising compilation in the background, on the cores the cells need. A compiled
// module holds code, no state: sharing it shares nothing one document could leave for the next.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function interpreterWasmPath(): string {
  return join(dirname(createRequire(import.meta.url).resolve('pyodide/package.json')), 'pyodide.asm.wasm');
}

/** Compiles the interpreter's module (in the sandbox's main thread); null if it cannot. */
export async function compileInterpreter(): Promise<WebAssembly.Module | null> {
  try {
    return await WebAssembly.compile(readFileSync(interpreterWasmPath()));
  } catch {
    return null; // each worker then compiles its own, as Pyodide does by itself
  }
}

/**
 * While Pyodide boots in a worker, an instantiation from the interpreter's bytes uses the module
 * compiled already. Returns the function that puts `WebAssembly.instantiate` back.
 */
export function instantiateFrom(compiled: WebAssembly.Module): () => void {
  const original = WebAssembly.instantiate;
  const size = readFileSize();
  const patched = async (source: unknown, imports?: WebAssembly.Imports) => {
    const bytes = source instanceof ArrayBuffer ? source.byteLength : ArrayBuffer.isView(source) ? source.byteLength : -1;
    if (bytes === size) return { instance: await original(compiled, imports), module: compiled };
    return original(source as BufferSource, imports);
  };
  WebAssembly.instantiate = patched as typeof WebAssembly.instantiate;
  return () => { WebAssembly.instantiate = original; };
}

function readFileSize(): number {
  try {
    return statSync(interpreterWasmPath()).size;
  } catch {
    return -2;
  }
}
