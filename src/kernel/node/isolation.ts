// How a sandbox process is isolated from the host by the operating system: the boundary for a
// snippet that got past both the interpreter's and the realm's (a full JavaScript escape, or a bug
// in Node or Pyodide). Three levels, the best that works on this machine is used:
//
// - `bubblewrap`: new user, PID, mount, network, IPC, UTS and cgroup namespaces; a root file system
//   holding only the runtime's files (Node's binary, the kernel, Pyodide, the snapshot) read-only
//   at neutral paths under /sandbox, and /usr for the system's libraries; uid 65534 inside.
// - `unshare`: the same namespaces and the same file system, built by a small setup script run in
//   the new namespaces (tmpfs root, read-only bind mounts, chroot), then every capability dropped.
// - `none`: neither works (a container without user namespaces, a system without either tool).
//   Node's permission model and the empty environment still apply, but a snippet that escaped
//   could signal this user's processes and read the host's name, user and paths.
//
// On every level the process starts with an empty environment, and when the host runs as root it
// is started as uid 65534, so that even without namespaces it cannot signal or write what root
// owns (when the runtime's files are readable by that user; the line printed says which).
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type Isolation = 'bubblewrap' | 'unshare' | 'none';
export const ISOLATION_LEVELS: readonly Isolation[] = ['bubblewrap', 'unshare', 'none'];

/** The unprivileged user the sandbox runs as when the host is root. */
export const SANDBOX_UID = 65534;
/** Where the runtime's files appear inside the namespaces: nothing of the host's paths shows. */
export const INSIDE = {
  root: '/sandbox',
  node: '/sandbox/bin/node',
  kernel: '/sandbox/kernel',
  pyodide: '/sandbox/node_modules/pyodide',
  snapshot: '/sandbox/snapshot',
} as const;
const HOSTNAME = 'sandbox';

/** A file or directory the sandbox needs, and where it appears inside. */
export interface Mount {
  source: string;
  target: string;
}

function tool(name: string): string | null {
  for (const dir of ['/usr/bin', '/bin', '/usr/sbin', '/sbin']) {
    const path = join(dir, name);
    if (existsSync(path)) return path;
  }
  return null;
}

/**
 * Whether another user could read every path by the "others" bits: the path, its parents and what
 * is directly inside a directory (a checkout made under umask 077 fails here). Not deeper: one
 * unreadable file further down makes the sandbox fail to start, with a report, never run with less.
 */
export function readableByOthers(paths: string[]): boolean {
  const ok = (path: string) => {
    const stat = statSync(path);
    return stat.isDirectory() ? (stat.mode & 0o005) === 0o005 : (stat.mode & 0o004) === 0o004;
  };
  try {
    for (const path of paths) {
      const real = realpathSync(path);
      const parts = real.split('/').filter(Boolean);
      for (let i = 0; i < parts.length; i++) {
        if ((statSync(`/${parts.slice(0, i).join('/')}`).mode & 0o001) === 0) return false;
      }
      if (!ok(real)) return false;
      if (statSync(real).isDirectory() && !readdirSync(real).every((name) => ok(join(real, name)))) return false;
    }
    return true;
  } catch {
    return false;
  }
}

const handedOver = new Map<string, boolean>();

/** The uid and gid to start the sandbox as: 65534 when the host is root and can hand the files over. */
export function sandboxUser(mounts: Mount[]): { uid: number; gid: number } | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const sources = mounts.map((m) => m.source);
  const key = sources.join('\0');
  if (!handedOver.has(key)) handedOver.set(key, readableByOthers(sources));
  return handedOver.get(key) ? { uid: SANDBOX_UID, gid: SANDBOX_UID } : null;
}

/** The system's part of the file system: libraries, the loader's cache, the merged-/usr links. */
function systemEntries(): { links: [string, string][]; dirs: string[]; files: string[] } {
  const links: [string, string][] = [];
  const dirs = ['/usr'];
  for (const path of ['/lib', '/lib64', '/lib32', '/libx32', '/bin', '/sbin']) {
    if (!existsSync(path)) continue;
    if (lstatSync(path).isSymbolicLink()) links.push([readlinkSync(path), path]);
    else dirs.push(path);
  }
  return { links, dirs, files: ['/etc/ld.so.cache'].filter(existsSync) };
}

/** The command line that starts `command` (given with inside paths) under bubblewrap. */
export function bubblewrapArgs(mounts: Mount[], command: string[], inner: { uid: number; gid: number }): string[] {
  const system = systemEntries();
  return [
    '--unshare-all', '--die-with-parent', '--new-session', '--hostname', HOSTNAME,
    '--uid', String(inner.uid), '--gid', String(inner.gid),
    ...system.dirs.flatMap((path) => ['--ro-bind', path, path]),
    ...system.files.flatMap((path) => ['--ro-bind', path, path]),
    ...system.links.flatMap(([target, path]) => ['--symlink', target, path]),
    '--proc', '/proc', '--dev', '/dev',
    ...mounts.flatMap((m) => ['--ro-bind', m.source, m.target]),
    '--remount-ro', '/',
    '--chdir', INSIDE.kernel,
    // bwrap sets PWD for --chdir: the environment the snippet sees stays empty.
    '/usr/bin/env', '-u', 'PWD', ...command,
  ];
}

// Run by /bin/sh inside the new namespaces, before anything of the sandbox. Arguments: the mount
// point of the new root, then `kind source target` triples up to `--`, then the command. Every
// path arrives as an argument, never inside the script's text.
const SETUP_SCRIPT = `set -eu
root=$1; shift
mount -t tmpfs -o mode=0755,size=1m sandbox "$root"
while [ "$1" != "--" ]; do
  kind=$1; source=$2; target=$root$3; shift 3
  case $kind in
    link) mkdir -p "\${target%/*}"; ln -s "$source" "$target" ;;
    dir) mkdir -p "$target"; mount --bind "$source" "$target"; mount -o remount,bind,ro "$target" ;;
    file) mkdir -p "\${target%/*}"; : > "$target"; mount --bind "$source" "$target"; mount -o remount,bind,ro "$target" ;;
  esac
done
shift
mkdir "$root/proc"; mount -t proc proc "$root/proc"
hostname ${HOSTNAME}
mount -o remount,bind,ro "$root"
exec chroot "$root" "$@"
`;

/** A directory to build the new root on, that is not above any file the sandbox needs. */
function setupMountPoint(mounts: Mount[]): string | null {
  const sources = [...mounts.map((m) => m.source), '/usr', '/etc/ld.so.cache'];
  for (const dir of ['/mnt', '/media', '/srv', '/opt', '/tmp', '/var/tmp', '/run']) {
    if (existsSync(dir) && !sources.some((s) => s === dir || s.startsWith(`${dir}/`))) return dir;
  }
  return null;
}

/** The command line that starts `command` (inside paths) under unshare, or null without the tools it needs. */
export function unshareArgs(mounts: Mount[], command: string[]): [string, string[]] | null {
  const [unshare, sh, setpriv] = [tool('unshare'), tool('sh'), tool('setpriv')];
  const point = setupMountPoint(mounts);
  if (!unshare || !sh || !setpriv || !tool('mount') || !tool('chroot') || !tool('hostname') || !point) return null;
  const system = systemEntries();
  const isFile = (path: string) => !statSync(path).isDirectory();
  const entries = [
    ...system.dirs.map((path) => ['dir', path, path]),
    ...system.files.map((path) => ['file', path, path]),
    ...system.links.map(([target, path]) => ['link', target, path]),
    ...['null', 'zero', 'random', 'urandom'].filter((d) => existsSync(`/dev/${d}`)).map((d) => ['file', `/dev/${d}`, `/dev/${d}`]),
    ...mounts.map((m) => [isFile(m.source) ? 'file' : 'dir', m.source, m.target]),
  ].flat();
  // setpriv runs inside the new root (it is under /usr): every capability the namespace gave is
  // dropped before Node starts, so the sandbox cannot mount, remount or change the host name.
  const drop = [setpriv, '--no-new-privs', '--bounding-set=-all', '--inh-caps=-all', '--ambient-caps=-all', '--'];
  const inner = ['/usr/bin/env', '-C', INSIDE.kernel, '-u', 'PWD', '-u', 'OLDPWD', '-u', 'SHLVL', '-u', '_', ...command];
  return [unshare, [...UNSHARE_FLAGS, '--', sh, '-c', SETUP_SCRIPT, 'sandbox-setup', point, ...entries, '--', ...drop, ...inner]];
}

const UNSHARE_FLAGS = ['--user', '--map-root-user', '--net', '--pid', '--fork', '--kill-child', '--mount', '--uts', '--ipc', '--propagation', 'private'];

/**
 * Whether the namespaces give what the setup script needs (a tmpfs, a host name). Not the whole
 * setup: that takes a third of a second, and should it still fail at start, the sandbox does not
 * start (no snippet ever runs with less isolation than the line says).
 */
function unshareProbe(mounts: Mount[]): [string, string[]] | null {
  const point = setupMountPoint(mounts);
  if (!unshareArgs(mounts, ['/usr/bin/true']) || !point) return null;
  return [tool('unshare')!, [...UNSHARE_FLAGS, '--', tool('sh')!, '-c', `mount -t tmpfs sandbox "$1" && hostname ${HOSTNAME}`, 'probe', point]];
}

const probed = new Map<string, Isolation>();

/**
 * The best level that works here, at most `ceiling` (tests and the environment variable
 * KERNEL_SANDBOX_ISOLATION force a lower one). Probed once per ceiling, as the user the sandbox
 * will run as (containers often refuse namespaces), starting `true` instead of Node.
 */
export function isolationLevel(mounts: Mount[], ceiling: Isolation = 'bubblewrap'): Isolation {
  const cached = probed.get(ceiling);
  if (cached) return cached;
  const user = sandboxUser(mounts);
  const works = (command: string, args: string[]) => {
    try {
      return spawnSync(command, args, { stdio: 'ignore', timeout: 5000, env: {}, ...(user ?? {}) }).status === 0;
    } catch {
      return false;
    }
  };
  const order = ISOLATION_LEVELS.slice(ISOLATION_LEVELS.indexOf(ceiling));
  let level: Isolation = 'none';
  for (const candidate of order) {
    // The namespaces only, not the whole command line (15 ms instead of 22, at every check's
    // start): should the full one fail, the sandbox does not start, never runs with less.
    if (candidate === 'bubblewrap' && tool('bwrap') && works(tool('bwrap')!, ['--unshare-all', '--die-with-parent', '--ro-bind', '/', '/', '/usr/bin/true'])) {
      level = 'bubblewrap';
      break;
    }
    if (candidate === 'unshare') {
      const line = unshareProbe(mounts);
      if (line && works(...line)) {
        level = 'unshare';
        break;
      }
    }
  }
  probed.set(ceiling, level);
  return level;
}

/** Tests only: forget what was probed. */
export function forgetProbes(): void {
  probed.clear();
  handedOver.clear();
}
