// Pyodide's WebAssembly is served gzip-compressed (the same bytes on every build), the worker's fetch
// inflates it, and the first-run note's figure is what the served files weigh.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { writePyodideAssets, PYODIDE_FILES } from '../../src/emit/pyodide-assets.ts';
import { firstRunBytes, megabytes } from '../../src/emit/first-run.ts';
import { gzipWasmFetch, WASM_FILE, WASM_GZIP_FILE } from '../../src/kernel/browser/wasm-gzip.ts';
import { steadyGzip } from '../../src/emit/steady-gzip.ts';

const PYODIDE = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'first-run-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

describe('Pyodide as the site serves it', () => {
  it('holds the WebAssembly only compressed, inflating to Pyodide\'s own bytes, the same on every build', () => {
    const [a, b] = [fresh(), fresh()];
    writePyodideAssets([], a);
    writePyodideAssets([], b);
    const wasm = readFileSync(join(PYODIDE, WASM_FILE));
    const gz = readFileSync(join(a, WASM_GZIP_FILE));
    expect(gunzipSync(gz).equals(wasm)).toBe(true);
    expect(gz.byteLength).toBeLessThan(wasm.byteLength / 2);
    expect(readFileSync(join(b, WASM_GZIP_FILE)).equals(gz)).toBe(true);
    expect(() => statSync(join(a, WASM_FILE))).toThrow();
  }, 60_000);

  it('states the first run\'s download from the files served: Pyodide\'s, and the snapshot named by its manifest', () => {
    const dir = fresh();
    writePyodideAssets([], dir);
    const pyodide = [...PYODIDE_FILES, WASM_GZIP_FILE].reduce((n, f) => n + statSync(join(dir, f)).size, 0);
    expect(firstRunBytes(dir)).toBe(pyodide);
    writeFileSync(join(dir, 'kernel-snapshot-k.bin.gz'), Buffer.alloc(1234));
    writeFileSync(join(dir, 'kernel-snapshot.json'), JSON.stringify({ key: 'k', file: 'kernel-snapshot-k.bin.gz', bytes: 1, gzipBytes: 1234 }));
    expect(firstRunBytes(dir)).toBe(pyodide + 1234);
    expect(firstRunBytes(fresh())).toBeNull();
  }, 60_000);

  it('writes megabytes whole above ten, with one decimal below', () => {
    expect(megabytes(14_560_000)).toBe(15);
    expect(megabytes(20_571_000)).toBe(21);
    expect(megabytes(7_034_830)).toBe(7);
    expect(megabytes(3_593_065)).toBe(3.6);
  });
});

describe('the worker\'s fetch', () => {
  const base = 'https://site.example/pyodide/';
  const bytes = new Uint8Array(Array.from({ length: 5000 }, (_, i) => i % 251));
  const served = new Map<string, Uint8Array>([[`${base}${WASM_GZIP_FILE}`, steadyGzip(bytes)], [`${base}python_stdlib.zip`, new Uint8Array([1, 2, 3])]]);
  const asked: string[] = [];
  const inner = (async (input: RequestInfo | URL) => {
    const url = String(input);
    asked.push(url);
    const body = served.get(url);
    return body ? new Response(new Blob([new Uint8Array(body)])) : new Response('not found', { status: 404 });
  }) as typeof fetch;
  const wrapped = gzipWasmFetch(base, inner);

  it('answers the WebAssembly from the .gz file, inflated, as application/wasm', async () => {
    const response = await wrapped(new URL(`${base}${WASM_FILE}`), { integrity: 'sha256-of-the-uncompressed' });
    expect(response.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    expect(asked.at(-1)).toBe(`${base}${WASM_GZIP_FILE}`);
  });

  it('asks for the WebAssembly itself where no .gz is served (Pyodide\'s own package folder)', async () => {
    const bare = 'https://site.example/node_modules/pyodide/';
    served.set(`${bare}${WASM_FILE}`, bytes);
    const response = await gzipWasmFetch(bare, inner)(`${bare}${WASM_FILE}`);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    expect(asked.slice(-2)).toEqual([`${bare}${WASM_GZIP_FILE}`, `${bare}${WASM_FILE}`]);
  });

  it('passes every other request through unchanged', async () => {
    const response = await wrapped(`${base}python_stdlib.zip`);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect((await wrapped(`${base}other.wasm`)).status).toBe(404);
  });
});
