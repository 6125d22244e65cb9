// Pyodide's WebAssembly as the site serves it: gzip-compressed (9.6 MB → 3.5 MB), since a static
// host serves files as they are and few compress WebAssembly on the fly. Pyodide's loader fetches
// `<indexURL>pyodide.asm.wasm` with the worker's `fetch`; this answers that one request from the
// `.gz` file, inflated as it arrives (DecompressionStream), so WebAssembly still compiles while it
// streams. Every other request, the snapshot's included, goes through unchanged, and so does this
// one where no .gz is served.

export const WASM_FILE = 'pyodide.asm.wasm';
export const WASM_GZIP_FILE = `${WASM_FILE}.gz`;

type Fetch = typeof fetch;

/** `fetch` that reads the WebAssembly under `indexURL` from its compressed copy. */
export function gzipWasmFetch(indexURL: string, inner: Fetch): Fetch {
  const wasm = new URL(WASM_FILE, indexURL).href;
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input instanceof URL ? input.href : input);
    if (url !== wasm) return inner(input, init);
    // An integrity hash, if Pyodide passes one, is of the uncompressed bytes: the .gz cannot match it.
    const { integrity: _, ...rest } = init ?? {};
    const response = await inner(new URL(WASM_GZIP_FILE, indexURL).href, rest);
    // A folder that holds Pyodide as its package ships it (no .gz): the file itself, as asked.
    if (!response.ok || !response.body) return inner(input, init);
    return new Response(response.body.pipeThrough(new DecompressionStream('gzip')), {
      status: 200,
      headers: { 'Content-Type': 'application/wasm' },
    });
  };
}

/** Installs it on the worker's global scope, once, before Pyodide is imported. */
export function serveWasmCompressed(scope: { fetch: Fetch }, indexURL: string): void {
  const marked = scope.fetch as Fetch & { gzipWasm?: true };
  if (marked.gzipWasm) return;
  const wrapped = Object.assign(gzipWasmFetch(indexURL, scope.fetch.bind(scope)), { gzipWasm: true as const });
  scope.fetch = wrapped;
}
