// Mermaid's prebuilt modules are copied whole: every module the entry (or a chunk) imports is there,
// under the installed version, and an older version's folder is removed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { mermaidFiles, mermaidVersion, writeMermaidAssets } from '../../src/emit/mermaid-assets.ts';
import { mermaidModuleUrl } from '../../src/components/mermaid-module.ts';

describe("Mermaid's files for the site", () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'mermaid-assets-'));
    mkdirSync(join(out, '0.0.1'));
    writeFileSync(join(out, '0.0.1', 'mermaid.esm.min.mjs'), '');
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('copies the entry and every module it reaches, and nothing of another version', () => {
    const version = mermaidVersion();
    const { files, bytes } = writeMermaidAssets(out);
    expect(files).toBe(mermaidFiles().length);
    expect(existsSync(join(out, '0.0.1'))).toBe(false);
    const root = join(out, version);
    const seen = new Set<string>();
    const pending = ['mermaid.esm.min.mjs'];
    let total = 0;
    while (pending.length) {
      const file = pending.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const path = join(root, file);
      expect(existsSync(path), file).toBe(true);
      total += statSync(path).size;
      const text = readFileSync(path, 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) pending.push(normalize(join(dirname(file), m[1]!)));
    }
    expect(seen.size).toBeGreaterThan(20);
    expect(total).toBeLessThanOrEqual(bytes);
    expect(mermaidModuleUrl(version)).toBe(`/mermaid/${version}/mermaid.esm.min.mjs`);
  });

  it('leaves files already in place alone on a second run', () => {
    const entry = join(out, mermaidVersion(), 'mermaid.esm.min.mjs');
    const before = statSync(entry).mtimeMs;
    writeMermaidAssets(out);
    expect(statSync(entry).mtimeMs).toBe(before);
  });
});
