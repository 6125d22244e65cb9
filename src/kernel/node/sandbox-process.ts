// Starting a sandbox process: the boundaries for when a snippet gets past the interpreter's
// (vkernel/sandbox.py) and the realm's (../bridge.ts, ../realm-lock.ts) and holds live JavaScript.
//
// - The operating system's isolation (isolation.ts): PID, user, mount, network, IPC and UTS
//   namespaces with only the runtime's files, by bubblewrap or unshare, whichever works here; an
//   unprivileged uid when the host is root.
// - Node's permission model: no child processes, no file writes, reads only of the kernel's own
//   files, Pyodide and the snapshot, no network (Node >= 25), no addons, no WASI, no inspector.
// - No code generation from strings in any realm of the process (V8's flag).
// - An empty environment: nothing of the host's variables.
//
// Node documents its permission model as a seat belt, not a defence against malicious code; the
// namespaces are what the kernel does not have to trust Node for. Neither covers signals: only a
// PID namespace (or another uid) keeps `process.kill` away from the host's processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INSIDE, ISOLATION_LEVELS, SANDBOX_UID, bubblewrapArgs, isolationLevel, readableByOthers, sandboxUser, unshareArgs, type Isolation, type Mount } from './isolation.ts';

export type { Isolation } from './isolation.ts';

export const KERNEL_DIR = fileURLToPath(new URL('../', import.meta.url));
const MAIN = fileURLToPath(new URL('./sandbox-main.ts', import.meta.url));

export function pyodideDir(): string {
  return dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
}

export interface Boundaries {
  isolation: Isolation;
  /** The uid the sandbox runs as on the host, when it is not the host's own (root hands over to 65534). */
  hostUid: number | null;
  permissionModel: true;
  network: boolean;
  codeGeneration: false;
  emptyEnvironment: true;
}

function nodeMajor(): number {
  return Number(process.versions.node.split('.')[0]);
}

/** What the sandbox reads, and where it appears inside the namespaces. */
function runtimeMounts(snapshot: string | null): Mount[] {
  return [
    { source: realpathSync(process.execPath), target: INSIDE.node },
    { source: KERNEL_DIR.replace(/\/$/, ''), target: INSIDE.kernel },
    { source: pyodideDir(), target: INSIDE.pyodide },
    ...(snapshot ? [{ source: snapshot, target: INSIDE.snapshot }] : []),
  ];
}

/**
 * The most isolation a caller allows (tests force lower levels to show what each holds); the
 * environment variable KERNEL_SANDBOX_ISOLATION does the same for a whole command.
 */
export function isolationCeiling(requested?: Isolation): Isolation {
  const fromEnvironment = process.env.KERNEL_SANDBOX_ISOLATION as Isolation | undefined;
  const candidates = [requested, fromEnvironment].filter((level): level is Isolation => ISOLATION_LEVELS.includes(level as Isolation));
  return candidates.sort((a, b) => ISOLATION_LEVELS.indexOf(b) - ISOLATION_LEVELS.indexOf(a))[0] ?? 'bubblewrap';
}

export function boundaries(ceiling?: Isolation): Boundaries {
  const mounts = runtimeMounts(null);
  const user = sandboxUser(mounts);
  return {
    isolation: isolationLevel(mounts, isolationCeiling(ceiling)),
    hostUid: user?.uid ?? null,
    permissionModel: true,
    network: nodeMajor() >= 25,
    codeGeneration: false,
    emptyEnvironment: true,
  };
}

/** Whether a snippet that escaped could name (and so signal) no process of the host. */
export function isolatesProcessIds(b: Boundaries): boolean {
  return b.isolation !== 'none';
}

/** One line for the start of a check or a build: which isolation this machine gives the sandbox. */
export function describeBoundaries(b: Boundaries = boundaries()): string {
  const uid = b.hostUid !== null ? `; runs as uid ${b.hostUid}` : '';
  const node = `Node permission model (no processes, no writes, reads of the runtime only${b.network ? ', no network' : ''}); no code generation from strings; an empty environment`;
  if (b.isolation === 'none') {
    const whose = b.hostUid !== null ? `uid ${b.hostUid}'s processes` : "this user's processes";
    return `sandbox: NO process isolation (neither bubblewrap nor unshare works here): a snippet that escaped the interpreter could signal ${whose} and read the host's name and paths${uid}; ${node}; --untrusted refuses to run snippets here`;
  }
  const tool = b.isolation === 'bubblewrap' ? 'bubblewrap' : 'unshare';
  return `sandbox: ${tool} (own PID, user, mount, network, IPC and UTS namespaces; only the runtime's files, read-only${uid}); ${node}`;
}

/** The message an untrusted run stops with when this machine cannot isolate process ids. */
export function isolationRefusal(b: Boundaries): string | null {
  if (isolatesProcessIds(b)) return null;
  return 'untrusted: refusing to run snippets: this machine cannot isolate process ids (neither bubblewrap nor unshare works here; install bubblewrap, or allow unprivileged user namespaces)';
}

export interface SandboxOptions {
  snapshot: string | null;
  mode?: 'run' | 'snapshot';
  memoryLimitMb?: number;
  /** At most this much isolation (tests); the best that works otherwise. */
  isolation?: Isolation;
  /** Tests only (see PoolOptions.testEscapeHatch). Set by the pool's caller, never from the environment. */
  testEscapeHatch?: boolean;
  /** Tests only (see PoolOptions.testPythonGuards). */
  testPythonGuards?: boolean;
}

export function spawnSandbox(options: SandboxOptions): ChildProcess {
  const base = runtimeMounts(null);
  const level = isolationLevel(base, isolationCeiling(options.isolation));
  const user = sandboxUser(base);
  // A snapshot the sandbox's user cannot read is not used: the interpreter boots plainly.
  const snapshot = options.snapshot && (!user || readableByOthers([options.snapshot])) ? options.snapshot : null;
  const mounts = runtimeMounts(snapshot);
  const inside = level !== 'none';
  const at = (index: number) => (inside ? mounts[index]!.target : mounts[index]!.source);
  const main = inside ? `${INSIDE.kernel}/node/${basename(MAIN)}` : MAIN;
  const nodeArgs = [
    '--permission',
    ...mounts.slice(1).map((_, i) => `--allow-fs-read=${at(i + 1)}`),
    '--allow-worker',
    '--disable-proto=delete',
    '--disallow-code-generation-from-strings',
    main,
  ];
  const env: Record<string, string> = {
    KERNEL_MODE: options.mode ?? 'run',
    KERNEL_MEMORY_LIMIT_MB: String(options.memoryLimitMb ?? 3072),
    ...(snapshot ? { KERNEL_SNAPSHOT: inside ? INSIDE.snapshot : snapshot } : {}),
    ...(options.testEscapeHatch ? { KERNEL_TEST_ESCAPE_HATCH: '1' } : {}),
    ...(options.testPythonGuards === false ? { KERNEL_TEST_PYTHON_GUARDS: 'off' } : {}),
  };
  let command = mounts[0]!.source;
  let args = nodeArgs;
  if (level === 'bubblewrap') {
    command = 'bwrap';
    args = bubblewrapArgs(mounts, [INSIDE.node, ...nodeArgs], { uid: SANDBOX_UID, gid: SANDBOX_UID });
  } else if (level === 'unshare') {
    [command, args] = unshareArgs(mounts, [INSIDE.node, ...nodeArgs])!;
  }
  return spawn(command, args, {
    env,
    cwd: inside ? '/' : KERNEL_DIR,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
    ...(user ?? {}),
  });
}
