// The kernel's Python passes Ruff with the project's settings (ruff.toml), and the lint finds
// what it should: a finding in a file of its own is reported with file, line and code.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPython } from '../../src/cli/lint-python.ts';

describe('ruff over the kernel', () => {
  it('finds nothing in src/kernel/python', () => {
    expect(lintPython().map((f) => `${f.file}:${f.line}: ${f.code} ${f.message}`)).toEqual([]);
  });

  it('reports an undefined name and an unused import, and honours per-file ignores', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ruff-'));
    try {
      mkdirSync(join(dir, 'pkg'));
      writeFileSync(join(dir, 'pkg', 'mod.py'), 'import os\nprint(undefined_name)\n');
      writeFileSync(join(dir, 'pkg', '__init__.py'), 'from .mod import os\n');
      const found = lintPython(dir).map((f) => `${relative(dir, f.file)}:${f.line}: ${f.code}`);
      expect(found.sort()).toEqual(['pkg/mod.py:1: F401', 'pkg/mod.py:2: F821']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
