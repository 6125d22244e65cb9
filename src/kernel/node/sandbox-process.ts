// Starting a sandbox process: the second boundary, for when a snippet gets past the first (the
// Python one, vkernel/sandbox.py) and holds a live JavaScript object.
//
// - Node's permission model: no child processes, no file writes, reads only of the kernel's own
//   files, Pyodide and the snapshot, no network (Node >= 25), no addons, no WASI, no inspector.
// - An empty environment: nothing of the host's variables.
// - Where the system has them: bubblewrap (new user, PID, network, IPC and UTS namespaces, a
//   read-only view of only what the interpreter needs, no /tmp or home of the host), else
//   `unshare` (user and network namespaces).
//
// Node documents its permission model as a seat belt, not a defence against malicious code; the
// namespaces are what the kernel does not have to trust Node for.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const KERNEL_DIR = fileURLToPath(new URL('../', import.meta.url));
const MAIN = fileURLToPath(new URL('./sandbox-main.ts', import.meta.url));

export function pyodideDir(): string {
  return dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
}

export type Wrapper = 'bubblewrap' | 'unshare' | 'none';

export interface Boundaries {
  permissionModel: boolean;
  network: boolean;
  wrapper: Wrapper;
  emptyEnvironment: true;
}

function nodeMajor(): number {
  return Number(process.versions.node.split('.')[0]);
}

let probed: Wrapper | null = null;

/** Which namespace wrapper works on this machine (probed once: containers often refuse them). */
export function namespaceWrapper(): Wrapper {
  if (probed) return probed;
  const forced = process.env.KERNEL_SANDBOX_WRAPPER as Wrapper | undefined;
  const works = (command: string, args: string[]) => {
    try {
      return spawnSync(command, args, { stdio: 'ignore', timeout: 5000 }).status === 0;
    } catch {
      return false;
    }
  };
  if (forced === 'none') probed = 'none';
  else if (forced !== 'unshare' && works('bwrap', ['--unshare-all', '--die-with-parent', '--ro-bind', '/', '/', 'true'])) probed = 'bubblewrap';
  else if (works('unshare', ['--user', '--map-root-user', '--net', 'true'])) probed = 'unshare';
  else probed = 'none';
  return probed;
}

export function boundaries(): Boundaries {
  return { permissionModel: true, network: nodeMajor() >= 25, wrapper: namespaceWrapper(), emptyEnvironment: true };
}

/** One line for the check's output. */
export function describeBoundaries(b: Boundaries = boundaries()): string {
  const parts = [
    `Node permission model (no processes, no writes, reads of the runtime only${b.network ? ', no network' : ''})`,
    b.wrapper === 'bubblewrap' ? 'bubblewrap (user, PID and network namespaces, read-only file system)'
      : b.wrapper === 'unshare' ? 'unshare (user and network namespaces)' : 'no namespaces (neither bubblewrap nor unshare works here)',
    'an empty environment',
  ];
  return `sandbox: ${parts.join('; ')}`;
}

export interface SandboxOptions {
  snapshot: string | null;
  mode?: 'run' | 'snapshot';
  memoryLimitMb?: number;
  /** Tests only (see PoolOptions.testEscapeHatch). Set by the pool's caller, never from the environment. */
  testEscapeHatch?: boolean;
}

export function spawnSandbox(options: SandboxOptions): ChildProcess {
  const node = realpathSync(process.execPath);
  const reads = [KERNEL_DIR, pyodideDir(), ...(options.snapshot ? [options.snapshot] : [])];
  const nodeArgs = [
    '--permission',
    ...reads.map((path) => `--allow-fs-read=${path}`),
    '--allow-worker',
    '--disable-proto=delete',
    MAIN,
  ];
  const env: Record<string, string> = {
    KERNEL_MODE: options.mode ?? 'run',
    KERNEL_MEMORY_LIMIT_MB: String(options.memoryLimitMb ?? 3072),
    ...(options.snapshot ? { KERNEL_SNAPSHOT: options.snapshot } : {}),
    ...(options.testEscapeHatch ? { KERNEL_TEST_ESCAPE_HATCH: '1' } : {}),
  };
  const wrapper = namespaceWrapper();
  let command = node;
  let args = nodeArgs;
  if (wrapper === 'bubblewrap') {
    const binds = [dirname(node), ...reads].flatMap((path) => ['--ro-bind', path, path]);
    const system = ['/usr', '/etc/ld.so.cache'].filter(existsSync).flatMap((path) => ['--ro-bind', path, path]);
    // /lib and friends: symbolic links into /usr on merged systems, directories elsewhere.
    const links = ['/lib', '/lib64', '/bin'].filter(existsSync).flatMap((path) =>
      lstatSync(path).isSymbolicLink() ? ['--symlink', readlinkSync(path), path] : ['--ro-bind', path, path]);
    // bwrap sets PWD for --chdir: the environment the snippet sees stays empty.
    command = 'bwrap';
    args = ['--unshare-all', '--die-with-parent', '--new-session', ...system, ...links, '--proc', '/proc', '--dev', '/dev', ...binds, '--chdir', KERNEL_DIR, ...(existsSync('/usr/bin/env') ? ['/usr/bin/env', '-u', 'PWD'] : []), node, ...nodeArgs];
  } else if (wrapper === 'unshare') {
    command = 'unshare';
    args = ['--user', '--map-root-user', '--net', node, ...nodeArgs];
  }
  return spawn(command, args, { env, cwd: KERNEL_DIR, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
}
