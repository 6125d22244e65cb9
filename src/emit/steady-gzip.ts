// gzip whose bytes depend on its input alone, for files the site serves compressed (the interpreter
// snapshot, Pyodide's WebAssembly): builds stay byte-reproducible (scripts/reproducible.ts).
import { gzipSync } from 'node:zlib';

/**
 * gzip at a fixed level with a fixed header: no modification time (zlib writes 0 already; set here
 * so it stays so) and the operating system byte of Unix on every platform, so the file's bytes are
 * a function of the input's alone (the snapshot is made byte-identical: kernel/steady-host.ts).
 */
export function steadyGzip(bytes: Uint8Array, level = 6): Buffer {
  const out = gzipSync(bytes, { level });
  out.writeUInt32LE(0, 4); // MTIME
  out[9] = 3; // OS: Unix
  return out;
}

