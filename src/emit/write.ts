// Make a directory hold exactly the given files, touching only what changed (the dev server
// reloads a page only when its file really changes).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(root, full));
    }
  };
  walk(root);
  return out;
}

/** Returns the paths (relative to root) that were written or removed. */
export function syncTree(root: string, files: Map<string, string>): string[] {
  const changed: string[] = [];
  for (const [path, content] of files) {
    const full = join(root, path);
    if (existsSync(full) && readFileSync(full, 'utf8') === content) continue;
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    changed.push(path);
  }
  for (const path of listFiles(root)) {
    if (!files.has(path)) {
      rmSync(join(root, path));
      changed.push(path);
    }
  }
  return changed;
}
