// Running a command for the bench: its wall time and, on Linux, the peak memory of its whole
// process tree (the check and its sandbox children, which bubblewrap or unshare may wrap), read
// from /proc while it runs.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface Measured {
  wallMs: number;
  code: number | null;
  stdout: string;
  stderr: string;
  /** Null where /proc is missing. */
  peakTreeKiB: number | null;
  /** The largest single descendant (a sandbox process), at its own peak. */
  peakWorkerKiB: number | null;
}

const PAGE_KIB = 4;

function parentsOf(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name (field 2) may hold spaces and parentheses: the ppid follows the last ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(name), ppid);
    } catch { /* the process ended meanwhile */ }
  }
  return parents;
}

function rssKiB(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_KIB;
  } catch {
    return 0;
  }
}

/** The RSS of `root` and of each of its descendants, now. */
export function treeRss(root: number): { root: number; descendants: number[] } {
  const parents = parentsOf();
  const inTree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!inTree.has(pid) && inTree.has(ppid)) { inTree.add(pid); grew = true; }
    }
  }
  inTree.delete(root);
  return { root: rssKiB(root), descendants: [...inTree].map(rssKiB) };
}

export function runMeasured(command: string, args: string[], options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<Measured> {
  const sampling = existsSync('/proc/self/statm');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    let peakTree = 0;
    let peakWorker = 0;
    const sample = () => {
      if (!sampling || child.pid === undefined) return;
      const { root, descendants } = treeRss(child.pid);
      peakTree = Math.max(peakTree, root + descendants.reduce((a, b) => a + b, 0));
      peakWorker = Math.max(peakWorker, ...descendants);
    };
    const timer = setInterval(sample, 100);
    const limit = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : null;
    child.on('error', (error) => { clearInterval(timer); if (limit) clearTimeout(limit); reject(error); });
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      clearInterval(timer);
      if (limit) clearTimeout(limit);
      resolve({ wallMs, code, stdout, stderr, peakTreeKiB: sampling ? peakTree : null, peakWorkerKiB: sampling ? peakWorker : null });
    });
  });
}

/** For a "not measured" reason: the first line naming an error, else the last few lines. */
export function tail(text: string, lines = 3): string {
  const all = text.trim().split('\n').map((l) => l.trim()).filter(Boolean);
  const error = all.find((l) => /\b\w*Error\b/.test(l));
  return (error ?? all.slice(-lines).join(' | ')).slice(0, 300);
}
