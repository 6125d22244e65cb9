// The runtime's files (the kernel, the stand-ins, Python's standard library) made read-only in the
// interpreter's own file system, below Python. A guard that compares path text is undone by
// `/./kernel`, `//kernel`, `/tmp/../kernel`, a relative path after `chdir`, `os.open`, a directory
// descriptor or a symbolic link; the file system resolves every one of those to the same node. So
// each node of these trees gets read-only permission bits, and the operations that would change
// them (set attributes, create, rename, unlink, remove, link) refuse, whichever path led there. A
// snippet cannot give the bits back: changing them is one of the refused operations. Runs in the
// host's JavaScript before the first cell, where no snippet reaches (src/kernel/bridge.ts).
import type { PyodideAPI } from 'pyodide';

/** Emscripten's error numbers (Python shows EACCES as `[Errno 13] Permission denied`). */
const EACCES = 2;

/** The trees no snippet may change. */
export const READ_ONLY_TREES = ['/kernel', '/lib', '/usr/lib'];

/** Node operations that change a node or a directory's entries. */
const CHANGING_NODE_OPS = ['setattr', 'mknod', 'rename', 'unlink', 'rmdir', 'symlink', 'link'];
const CHANGING_STREAM_OPS = ['setattr', 'write', 'allocate', 'msync'];

type Ops = Record<string, unknown>;
interface FsNode {
  mode: number;
  node_ops: Ops;
  stream_ops: Ops;
}
interface Fs {
  lookupPath(path: string, options: { follow: boolean }): { node: FsNode };
  readdir(path: string): string[];
  isDir(mode: number): boolean;
  isFile(mode: number): boolean;
  isLink(mode: number): boolean;
  ErrnoError: new (errno: number) => Error;
}

/** A copy of `ops` whose changing operations refuse (only those the file system has). */
function refusing(ops: Ops, names: string[], refuse: () => never): Ops {
  const copy: Ops = { ...ops };
  for (const name of names) if (typeof ops[name] === 'function') copy[name] = refuse;
  return copy;
}

function seal(fs: Fs, path: string, refuse: () => never): number {
  let node: FsNode;
  try {
    node = fs.lookupPath(path, { follow: false }).node;
  } catch {
    return 0; // not in this build of the file system
  }
  node.node_ops = refusing(node.node_ops, CHANGING_NODE_OPS, refuse);
  if (node.stream_ops) node.stream_ops = refusing(node.stream_ops, CHANGING_STREAM_OPS, refuse);
  if (fs.isLink(node.mode)) return 1;
  // Read and (for directories) search, nothing else: the file system checks these bits on open and create.
  node.mode = (node.mode & ~0o7777) | (fs.isDir(node.mode) ? 0o555 : 0o444);
  if (!fs.isDir(node.mode)) return 1;
  let sealed = 1;
  for (const name of fs.readdir(path)) {
    if (name === '.' || name === '..') continue;
    sealed += seal(fs, `${path === '/' ? '' : path}/${name}`, refuse);
  }
  return sealed;
}

/** Makes the runtime's trees read-only; returns how many nodes were sealed. */
export function sealRuntimeFiles(pyodide: PyodideAPI, trees: readonly string[] = READ_ONLY_TREES): number {
  const fs = pyodide.FS as unknown as Fs;
  const refuse = (): never => { throw new fs.ErrnoError(EACCES); };
  return trees.reduce((n, tree) => n + seal(fs, tree, refuse), 0);
}
