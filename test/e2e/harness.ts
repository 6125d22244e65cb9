// The package as a user's repository meets it: packed with `npm pack` (its prepack step compiles
// lib/), installed from the tarball into a temporary copy of a fixture repository
// (test/e2e/fixtures/<scenario>/), and run there with the system's own Node first on PATH, the way
// `npx execdocs` runs in a repository that has nothing but its documents and this devDependency.
// One folder per scenario; a scenario's test calls `packOnce()` and `installFixture(name)`.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

export const PACKAGE_ROOT = resolve(import.meta.dirname, '..', '..');
export const FIXTURES = join(import.meta.dirname, 'fixtures');

/**
 * PATH without any node_modules folder: the npm scripts put this repository's Node 26 first, a
 * user's shell has the system's Node (20 on many machines) and its npm.
 */
export function systemPath(path = process.env.PATH ?? ''): string {
  return path.split(delimiter).filter((dir) => dir && !dir.split(/[\\/]/).includes('node_modules')).join(delimiter);
}

/** The environment a user's shell gives: the system's PATH, no npm script's variables, no CI unless asked. */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('npm_') || key === 'NODE_OPTIONS' || key === 'INIT_CWD' || key === 'GITHUB_ACTIONS' || key === 'CI') continue;
    if (key.startsWith('VITEST') || key === 'TEST' || key === 'NODE_ENV') continue;
    env[key] = value;
  }
  return { ...env, PATH: systemPath(), ...extra };
}

/** The first `node` on the system's PATH, and its version. */
export function systemNode(): { path: string; version: string } | null {
  for (const dir of systemPath().split(delimiter)) {
    const candidate = join(dir, 'node');
    if (existsSync(candidate) && statSync(candidate).isFile()) {
      return { path: candidate, version: execFileSync(candidate, ['--version'], { encoding: 'utf8' }).trim() };
    }
  }
  return null;
}

export interface Run {
  code: number | null;
  out: string;
  err: string;
}

/** A command line (`npx execdocs check`, `npm install …`) in `cwd`, as the user's shell runs it. */
export function run(cwd: string, command: string, args: string[], extra: Record<string, string> = {}, timeoutMs = 300_000): Run {
  const child = spawnSync(command, args, { cwd, env: userEnv(extra), encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  if (child.error) throw child.error;
  return { code: child.status, out: child.stdout, err: child.stderr };
}

let packed: string | null = null;
/** Every folder this file made (a fixture copy with its install is about 700 MB). */
const made: string[] = [];

/** Removes the tarball and the fixture copies, unless EXECDOCS_E2E_KEEP is set (to look at them after a failure). */
export function cleanUp(): void {
  if (process.env.EXECDOCS_E2E_KEEP) return;
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  packed = null;
}

/** `npm pack` of this repository into a temporary folder, once per test file: the tarball's path. */
export function packOnce(): string {
  if (packed) return packed;
  const destination = mkdtempSync(join(tmpdir(), 'execdocs-pack-'));
  made.push(destination);
  // Packing is the maintainer's side: this repository's own environment (its Node 26 runs prepack).
  execFileSync('npm', ['pack', '--pack-destination', destination, '--silent'], { cwd: PACKAGE_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 300_000 });
  const tarball = readdirSync(destination).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack wrote no tarball into ${destination}`);
  packed = join(destination, tarball);
  return packed;
}

/** The files a tarball holds, without npm's leading `package/`. */
export function tarballFiles(tarball: string): string[] {
  return execFileSync('tar', ['tzf', tarball], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })
    .split('\n').filter(Boolean).map((f) => f.replace(/^package\//, '')).sort();
}

/** A temporary copy of fixture `name`: the user's repository, outside this package's tree. */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `execdocs-e2e-${name}-`));
  made.push(dir);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

/**
 * The README's install line, with the tarball for the registry's `execdocs`: the package and the
 * Node it runs on, then npm 11's approval of the `node` package's install script (npm skips it until
 * allowScripts names it) and the script itself.
 */
export function installCommands(tarball: string): string[][] {
  return [
    ['npm', 'install', '--save-dev', tarball, 'node@26', '--no-audit', '--no-fund'],
    ['npm', 'install-scripts', 'approve', 'node'],
    ['npm', 'rebuild', 'node'],
  ];
}

/** A copy of fixture `name` with the packed tarball installed: its folder and each install step's run. */
export function installFixture(name: string, tarball = packOnce()): { dir: string; steps: Run[] } {
  const dir = copyFixture(name);
  const steps: Run[] = [];
  for (const [command, ...args] of installCommands(tarball)) {
    const step = run(dir, command!, args, {}, 400_000);
    steps.push(step);
    if (step.code !== 0) break;
  }
  return { dir, steps };
}

/** Every file under `dir` whose name ends with `ext`, relative to it, sorted. */
export function filesUnder(dir: string, ext: string, base = dir): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full, ext, base));
    else if (entry.name.endsWith(ext)) found.push(full.slice(base.length + 1));
  }
  return found.sort();
}
