// The Python runtime as files on disk, and a fingerprint of them for cache keys.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuntimeFiles } from '../engine.ts';
import { PYTHON_ENV } from '../types.ts';

export const PYTHON_ROOT = fileURLToPath(new URL('../python/', import.meta.url));

export function readRuntimeFiles(root = PYTHON_ROOT): RuntimeFiles {
  const files: RuntimeFiles = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '__pycache__' || entry.name === 'tests' || entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.py')) files[relative(root, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return files;
}

/** Changes whenever any runtime file or the interpreter's environment changes: part of every cached result's key. */
export function kernelFingerprint(files: RuntimeFiles = readRuntimeFiles()): string {
  const hash = createHash('sha256').update(JSON.stringify(PYTHON_ENV)).update('\0');
  for (const path of Object.keys(files).sort()) hash.update(path).update('\0').update(files[path]!).update('\0');
  return hash.digest('hex').slice(0, 16);
}
