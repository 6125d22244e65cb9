// `npm run reproducible`: two clean builds of one commit must write byte-identical sites. Each
// build runs in a fresh `git clone` of the commit (so nothing but what is committed goes in) with
// an empty cache (a clone has no .cache/: every cell runs, every interpreter snapshot is made
// afresh), and the two dist/ trees are compared file by file. Exit 0 with "0 differing files",
// 1 with one line per differing file, 2 when a build could not run.
//
// node_modules is the repository's own, symlinked into both clones rather than installed twice:
// it is what `npm install` just made from the same package-lock.json (CI runs this after its own
// install), an install costs minutes and the registry, and nothing of a build is cached under
// node_modules (Astro's cache is .cache/astro, astro.config.mjs; a generated project's is under .cache/site), so the
// two builds share no state through it.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compareTrees, differenceLine } from '../site/compare-trees.ts';

const HELP = `usage: npm run reproducible [-- --commit REV] [--keep]
Builds the commit (default HEAD) twice, each in a fresh clone with an empty cache, and lists the
files of dist/ that differ. Exit 0 when none does, 1 otherwise.
  --commit REV   the commit to build (committed state only: uncommitted changes are not built)
  --keep         keep the two clones (they are kept anyway when the builds differ or fail)`;

function run(command: string, args: string[], cwd: string, log?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', log ? 'pipe' : 'inherit', log ? 'pipe' : 'inherit'] });
    if (log) {
      const out = createWriteStream(log);
      child.stdout!.pipe(out, { end: false });
      child.stderr!.pipe(out, { end: false });
      child.on('close', () => out.end());
    }
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function output(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(text.trim()) : reject(new Error(`${command} ${args.join(' ')}: exit ${code}`))));
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(0)} s`;

export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { commit: { type: 'string' }, keep: { type: 'boolean' }, help: { type: 'boolean' } } }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${HELP}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const started = performance.now();
  const root = await output('git', ['rev-parse', '--show-toplevel'], cwd);
  const commit = await output('git', ['rev-parse', '--verify', `${values.commit ?? 'HEAD'}^{commit}`], root);
  if (!existsSync(join(root, 'node_modules'))) {
    process.stderr.write('reproducible: no node_modules here (npm install first): the clones use this one\n');
    return 2;
  }
  const modules = realpathSync(join(root, 'node_modules'));
  if ((await output('git', ['status', '--porcelain', '--untracked-files=no'], root)) !== '') {
    process.stderr.write('reproducible: uncommitted changes are not built (only the commit is cloned)\n');
  }
  // Under this repository's .cache/, not the system's temporary directory: Astro takes a file
  // that shares no directory but `/` with the project (here node_modules' real path) for a path
  // under the project's root, and the build fails.
  mkdirSync(join(root, '.cache'), { recursive: true });
  const work = mkdtempSync(join(root, '.cache', 'reproducible-'));
  process.stdout.write(`building ${commit.slice(0, 12)} twice from an empty cache in ${work}\n`);
  const names = ['a', 'b'] as const;
  let keep = values.keep ?? false;
  try {
    for (const name of names) {
      const dir = join(work, name);
      const log = join(work, `build-${name}.log`);
      const t0 = performance.now();
      // --no-checkout then a detached checkout: a clone of a worktree would check out the main
      // branch, not this commit.
      let code = await run('git', ['clone', '--quiet', '--no-checkout', root, dir], work);
      if (code === 0) code = await run('git', ['-c', 'advice.detachedHead=false', 'checkout', '--quiet', '--detach', commit], dir);
      if (code !== 0) {
        process.stderr.write(`reproducible: could not clone ${commit} into ${dir}\n`);
        keep = true;
        return 2;
      }
      symlinkSync(modules, join(dir, 'node_modules'), 'dir');
      code = await run('npm', ['run', '--silent', 'build'], dir, log);
      if (code !== 0) {
        const tail = readFileSync(log, 'utf8').split('\n').slice(-20).join('\n');
        process.stderr.write(`reproducible: build ${name} failed (exit ${code}); its log: ${log}\n${tail}\n`);
        keep = true;
        return 2;
      }
      process.stdout.write(`build ${name}: ${seconds(performance.now() - t0)}\n`);
    }
    const differences = compareTrees(join(work, 'a', 'dist'), join(work, 'b', 'dist'));
    for (const d of differences) process.stdout.write(`${differenceLine(d, ['first (a)', 'second (b)'])}\n`);
    process.stdout.write(`${differences.length} differing file${differences.length === 1 ? '' : 's'} in dist/ (${seconds(performance.now() - started)} in all)\n`);
    if (differences.length > 0) {
      keep = true;
      process.stdout.write(`the two builds are kept in ${work}/a/dist and ${work}/b/dist\n`);
      return 1;
    }
    return 0;
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
}
