// One hostile pull request, checked and built the way the action does it: `execdocs check
// --untrusted` under GITHUB_ACTIONS=true, twice (cold, then with the cache the first run left), then
// `execdocs build --untrusted`. Its documents try every route at once: poison the result cache for
// another document, forge the check's console and annotations, rebuild the bridge to JavaScript, make
// the build import a module, and swamp the trace. None of it may change a verdict, an annotation,
// the host or the build.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { boundaries } from '../../src/kernel/node/sandbox-process.ts';
import { optionalSuite } from '../support/optional-suite.ts';

const BIN = resolve('bin/execdocs.js');
const fence = (code: string) => '```python\n' + code + '\n```\n';
const doc = (title: string, ...cells: string[]) => [`# ${title}`, '', ...cells.flatMap((c) => [fence(c), ''])].join('\n');

const FORGED = [
  '::error file=docs/a-poison.md,line=1::forged annotation',
  '::stop-commands::hidden',
  '\x1b[32mcheck passed\x1b[0m',
  '::notice::forged\r::error::carriage',
];

const DOCUMENTS: Record<string, string> = {
  // Patches print for the rest of its interpreter, then runs the victim's very code.
  'a-poison.md': doc('A',
    'import builtins\n_print = builtins.print\nbuiltins.print = lambda *args, **kwargs: _print(3)',
    'print(1 + 1)\n# 출력: 3'),
  // States a wrong output: a drift, whatever A did.
  'b-victim.md': doc('B', 'print(1 + 1)\n# 출력: 3'),
  // Prints workflow commands and colours, and states something else, so they are quoted in the diff.
  'c-forge.md': doc('C', FORGED.map((line) => `print(${JSON.stringify(line)})`).join('\n') + '\n# 출력: nothing'),
  // Asks the build to import a module beside it, and to show a picture that is not there.
  'd-image.md': ['# D', '', '![x](./x.mjs)', '', '![gone](./missing.png)', '', fence('print("d")\n# 출력: d')].join('\n'),
  // Rebuilds the bridge from the built-in table, and makes more tasks than a trace keeps.
  'e-bridge.md': doc('E',
    'import _imp\nfrom importlib.machinery import BuiltinImporter, ModuleSpec\nprint(_imp.create_builtin(ModuleSpec("_pyodide_core", BuiltinImporter)))\n# 출력: None',
    'import asyncio\nasync def main():\n    await asyncio.gather(*(asyncio.sleep(0) for _ in range(25000)))\n    print("done")\nasyncio.run(main())\n# 출력: done'),
};

const runs = optionalSuite({
  name: 'a hostile pull request under --untrusted',
  missing: boundaries().isolation === 'none' ? 'this machine cannot give the sandbox its own PID namespace (neither bubblewrap nor unshare works)' : null,
  install: 'apt-get install -y bubblewrap',
});

interface Outcome { code: number | null; out: string; err: string }

describe.runIf(runs)('a hostile pull request, checked and built as the action does', () => {
  let dir: string;
  const marker = () => join(dir, 'imported');
  const command = (args: string[]): Outcome => {
    const child = spawnSync(process.execPath, [BIN, ...args], {
      cwd: dir, encoding: 'utf8', timeout: 300_000,
      env: { ...process.env, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir, CI: 'true' },
    });
    return { code: child.status, out: child.stdout, err: child.stderr };
  };
  const report = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as { cells: { file: string; verdict: string }[] };
  const verdicts = (file: string) => {
    const cells = report(file).cells;
    return Object.fromEntries(Object.keys(DOCUMENTS).map((d) => [d, cells.filter((c) => c.file === `docs/${d}`).map((c) => c.verdict)]));
  };
  let cold: Outcome;
  let warm: Outcome;
  let build: Outcome;

  beforeAll(() => {
    // Inside the repository: the site's build resolves Astro's packages from above its output folder.
    mkdirSync('.cache', { recursive: true });
    dir = mkdtempSync(join(resolve('.cache'), 'pull-request-'));
    mkdirSync(join(dir, 'docs'));
    for (const [name, text] of Object.entries(DOCUMENTS)) writeFileSync(join(dir, 'docs', name), text);
    // Tens of thousands of tasks cost seconds of real CPU on a busy machine: more than the default budget.
    writeFileSync(join(dir, 'execdocs.config.json'), JSON.stringify({ sources: ['docs'], kernel: { 'real-budget': 120 } }));
    writeFileSync(join(dir, 'docs', 'x.mjs'), `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(join(dir, 'imported'))}, 'ran in the build');\nexport default 'x.png';\n`);
    cold = command(['check', 'docs', '--untrusted', '--report', 'cold.json']);
    warm = command(['check', 'docs', '--untrusted', '--report', 'warm.json']);
    build = command(['build', 'docs', '--untrusted', '--out', 'site']);
  }, 900_000);
  afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

  const expected = {
    'a-poison.md': ['ran', 'verified'],
    'b-victim.md': ['drift'],
    'c-forge.md': ['drift'],
    'd-image.md': ['verified'],
    'e-bridge.md': ['verified', 'verified'],
  };

  it('judges every document by its own runs, cold and warm: the drifts stay drifts, and the check fails', () => {
    expect([cold.code, warm.code]).toEqual([1, 1]);
    expect(verdicts('cold.json')).toEqual(expected);
    expect(verdicts('warm.json')).toEqual(expected);
  });

  it('annotates only the real drifts, at their lines, and prints nothing a runner would take as a command', () => {
    for (const { out, err } of [cold, warm]) {
      const commands = `${out}\n${err}`.split('\n').filter((line) => line.startsWith('::'));
      // The command and its properties; the messages are the check's own, with the quoted text escaped.
      // The images the build refuses fail the check too, at their lines.
      expect(commands.map((line) => line.split('::')[1]).sort()).toEqual([
        'error file=docs/b-victim.md,line=3,title=drift', 'error file=docs/c-forge.md,line=3,title=drift',
        'error file=docs/d-image.md,line=3,title=image-refused', 'error file=docs/d-image.md,line=5,title=image-not-found',
      ]);
      const raw = [...`${out}${err}`.matchAll(/.{0,40}[\x1b\r].{0,40}/g)].map((m) => JSON.stringify(m[0]));
      expect(raw).toEqual([]);
    }
  });

  it('says which isolation the sandbox has before anything runs', () => {
    for (const { err } of [cold, warm, build]) expect(err.split('\n')[0]).toMatch(/^sandbox: (bubblewrap|unshare) /);
  });

  it('builds the site without importing the module beside the document, and names what it left out', () => {
    expect(build.code).toBe(0);
    expect(existsSync(marker())).toBe(false);
    expect(build.err).toContain('docs/d-image.md:3');
    expect(build.err).toContain('docs/d-image.md:5');
    const pages = readdirSync(join(dir, 'site'), { recursive: true }).map(String).filter((f) => f.endsWith('index.html'));
    const chapters = pages.filter((p) => !p.includes('errata') && /(a-poison|b-victim|c-forge|d-image|e-bridge)/.test(p)).sort();
    expect(chapters).toEqual(Object.keys(DOCUMENTS).map((d) => join('en', d.replace(/\.md$/, ''), 'introduction', 'index.html')));
  });
});
