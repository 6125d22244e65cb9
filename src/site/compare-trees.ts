// Two directory trees compared file by file (what `npm run reproducible` reports for two builds'
// dist/): the paths only one holds, and the paths both hold with different bytes.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface TreeDifference {
  /** Relative to the trees' roots, with `/`. */
  path: string;
  /** `only-a`, `only-b`, or `differ` with both sizes and the first byte offset that differs. */
  kind: 'only-a' | 'only-b' | 'differ';
  sizes?: [number, number];
  firstDifference?: number;
}

/** Every file under `root` (symbolic links as their target's text, not followed), sorted. */
export function listTree(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(root, path).split('\\').join('/'));
    }
  };
  walk(root);
  return out.sort();
}

function contentOf(path: string): Buffer {
  return lstatSync(path).isSymbolicLink() ? Buffer.from(`symlink:${readlinkSync(path)}`) : readFileSync(path);
}

function firstDifference(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The files that are not byte-identical in the two trees, in path order. */
export function compareTrees(a: string, b: string): TreeDifference[] {
  const inA = listTree(a);
  const inB = new Set(listTree(b));
  const out: TreeDifference[] = [];
  for (const path of inA) {
    if (!inB.has(path)) {
      out.push({ path, kind: 'only-a' });
      continue;
    }
    inB.delete(path);
    const x = contentOf(join(a, path));
    const y = contentOf(join(b, path));
    if (x.length === y.length && digest(x) === digest(y)) continue;
    out.push({ path, kind: 'differ', sizes: [x.length, y.length], firstDifference: firstDifference(x, y) });
  }
  for (const path of inB) out.push({ path, kind: 'only-b' });
  return out.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}

/** One line per difference, as the script prints them. */
export function differenceLine(d: TreeDifference, names: [string, string] = ['first', 'second']): string {
  if (d.kind === 'only-a') return `${d.path}: only in the ${names[0]} build`;
  if (d.kind === 'only-b') return `${d.path}: only in the ${names[1]} build`;
  const [x, y] = d.sizes!;
  return `${d.path}: ${x === y ? `${x} bytes in both` : `${x} against ${y} bytes`}, first difference at byte ${d.firstDifference}`;
}
