// `npm pack` (prepack): the package's lib/, what an installed execdocs runs. Node strips no
// TypeScript types under node_modules, so every module of src/ the command line, the integration,
// the sandbox and the pages use is compiled to JavaScript at the same relative place, its `.ts`
// specifiers pointing at the `.js` files; the files the modules read or Vite bundles beside them
// (the kernel's Python, the stand-in libraries, the Astro components, their CSS) are copied as
// they are, the components' `.ts` imports pointed at lib's JavaScript too. Afterwards every bare
// import of lib/ is checked against package.json's dependencies: a runtime import of a
// devDependency would fail only in a user's repository. `--clean` (postpack) removes lib/ again.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');
const LIB = join(ROOT, 'lib');

/**
 * What stays out of lib/: the guide's own content collections and the commands that only this
 * repository runs (the bench, the fidelity corpus, the Python linter), whose imports are
 * devDependencies. Paths relative to src/, a trailing slash for a whole folder.
 */
const LEFT_OUT = ['content.config.ts', 'content/', 'cli/bench', 'cli/fidelity.ts', 'cli/lint-python.ts', 'cli/browser/'];
/** Never part of the runtime: Python's caches and the Python modules' own tests. */
const NEVER = new Set(['__pycache__', 'tests', '.DS_Store']);
const COPIED = ['.py', '.astro', '.css'];

function leftOut(path: string): boolean {
  // A name ending in .ts is one file; anything else is a prefix (a folder, or `cli/bench` for every bench module).
  return LEFT_OUT.some((p) => (p.endsWith('.ts') ? path === p : path.startsWith(p)));
}

function walk(dir: string, base = dir): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (NEVER.has(entry.name) || entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(full, base));
    else files.push(relative(base, full).split('\\').join('/'));
  }
  return files;
}

// A relative module specifier ending in .ts, in any quote: static and dynamic imports, `new URL('./x.ts', import.meta.url)`.
const TS_SPECIFIER = /(['"`])(\.{1,2}\/[^'"`\n]*?)\.ts\1/g;

/** The same text with its relative `.ts` module specifiers pointed at `.js`. */
export function pointAtJs(text: string): string {
  return text.replace(TS_SPECIFIER, (_, quote: string, path: string) => `${quote}${path}.js${quote}`);
}

type Transform = (code: string, options: object) => Promise<{ code: string; warnings: { text: string }[] }>;

/** esbuild (Astro's and Vite's own compiler): type stripping only, one file at a time, nothing bundled. */
async function esbuildTransform(): Promise<Transform> {
  try {
    return (await import('esbuild')).transform as Transform;
  } catch {
    throw new Error('prepack: esbuild is not installed (it comes with astro and vite): run npm install');
  }
}

async function compile(transform: Transform, file: string): Promise<string> {
  const source = readFileSync(join(SRC, file), 'utf8');
  const { code, warnings } = await transform(source, {
    loader: 'ts',
    format: 'esm',
    target: 'esnext',
    sourcefile: `src/${file}`,
    // Imports are kept as written (the sources mark type-only ones `import type`): a module imported for its effect stays imported.
    tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
  });
  for (const w of warnings) process.stderr.write(`src/${file}: ${w.text}\n`);
  return pointAtJs(code);
}

/** Bare specifiers a module of lib/ imports or resolves (package names; node builtins and Astro's virtual modules excluded). */
export function bareImports(text: string): string[] {
  const specifiers = new Set<string>();
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\sfrom\s*(['"])([^'"]+)\1/g,
    /\bimport\s*(['"])([^'"]+)\1/g,
    /\bimport\(\s*(['"])([^'"]+)\1\s*\)/g,
    /\.resolve\(\s*(['"])([^'"]+)\1\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) specifiers.add(m[2]!);
  const names = new Set<string>();
  for (const s of specifiers) {
    if (s.startsWith('.') || s.startsWith('/') || s.startsWith('node:') || s.startsWith('astro:') || s.startsWith('virtual:')) continue;
    const name = s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!;
    if (builtinModules.includes(name)) continue;
    names.add(name);
  }
  return [...names];
}

/** Lines naming each module of lib/ that imports a package package.json does not list in `dependencies`. */
export function undeclaredImports(files: Record<string, string>, dependencies: string[], self: string): string[] {
  const allowed = new Set([...dependencies, self]);
  const problems: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    const missing = bareImports(text).filter((name) => !allowed.has(name));
    if (missing.length) problems.push(`lib/${file}: imports ${missing.join(', ')}, not in package.json's dependencies`);
  }
  return problems;
}

/**
 * The types of the package's one import (`import execdocs from 'execdocs'`, the Starlight plugin),
 * for configurations that type-check: TypeScript's declarations of src/integration/index.ts and what
 * it names, beside the JavaScript, their `.ts` specifiers pointed at `.js` as well.
 */
function declarations(): number {
  // The configuration sits in the repository so that TypeScript finds @types/node as the type check does.
  const config = join(ROOT, '.cache', 'tsconfig.declarations.json');
  mkdirSync(dirname(config), { recursive: true });
  writeFileSync(config, JSON.stringify({
    extends: '../tsconfig.json',
    compilerOptions: { noEmit: false, declaration: true, emitDeclarationOnly: true, outDir: '../lib', rootDir: '../src' },
    include: [],
    files: ['../src/integration/index.ts'],
  }));
  const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', config], { encoding: 'utf8' });
  rmSync(config);
  if (run.status !== 0) throw new Error(`prepack: the declarations failed:\n${run.stdout}${run.stderr}`);
  const files = walk(LIB).filter((f) => f.endsWith('.d.ts'));
  for (const file of files) writeFileSync(join(LIB, file), pointAtJs(readFileSync(join(LIB, file), 'utf8')));
  return files.length;
}

async function build(): Promise<void> {
  const started = performance.now();
  rmSync(LIB, { recursive: true, force: true });
  const transform = await esbuildTransform();
  const written: Record<string, string> = {};
  let copied = 0;
  for (const file of walk(SRC)) {
    if (leftOut(file)) continue;
    const target = join(LIB, file);
    mkdirSync(dirname(target), { recursive: true });
    if (file.endsWith('.ts') && !file.endsWith('.d.ts')) {
      const js = file.replace(/\.ts$/, '.js');
      written[js] = await compile(transform, file);
      writeFileSync(join(LIB, js), written[js]);
    } else if (file.endsWith('.astro')) {
      written[file] = pointAtJs(readFileSync(join(SRC, file), 'utf8'));
      writeFileSync(target, written[file]);
    } else if (COPIED.some((ext) => file.endsWith(ext))) {
      cpSync(join(SRC, file), target);
      copied++;
    }
  }
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; dependencies?: Record<string, string> };
  const problems = undeclaredImports(written, Object.keys(pkg.dependencies ?? {}), pkg.name);
  const leftover = Object.entries(written).filter(([, text]) => pointAtJs(text) !== text).map(([file]) => `lib/${file}: still names a .ts module`);
  if (problems.length || leftover.length) {
    process.stderr.write(`${[...problems, ...leftover].join('\n')}\n`);
    process.exit(1);
  }
  const modules = Object.keys(written).length;
  const typed = declarations();
  process.stdout.write(`prepack: lib/ holds ${modules} modules and components, ${copied} copied files and ${typed} declarations (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}

if (import.meta.main) {
  if (process.argv.includes('--clean')) {
    rmSync(LIB, { recursive: true, force: true });
  } else {
    if (!existsSync(SRC)) throw new Error(`prepack: no ${SRC}`);
    await build();
  }
}
