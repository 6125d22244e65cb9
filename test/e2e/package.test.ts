// The packed package, installed from its tarball into repositories that hold nothing but their
// documents (test/e2e/fixtures/), run there as a user runs it: `npx execdocs` with the system's Node
// first on PATH. What it proves: the tarball holds what an install needs and nothing of the
// repository's own; the bin hands an old Node over to the `node` package's; check fails on drift with
// annotations naming the user's files; build writes pages with the real outputs; init's files work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cleanUp, filesUnder, installFixture, packOnce, run, systemNode, tarballFiles, type Run } from './harness.ts';

const HANGUL = /[\uac00-\ud7a3]/;
const npx = (dir: string, args: string[], extra: Record<string, string> = {}) => run(dir, 'npx', ['execdocs', ...args], extra);

interface ReportCell { file: string; line: number; verdict: string; claims: { text: string; ok: boolean }[] }
const report = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { cells: ReportCell[]; summary: Record<string, unknown> };
const verdicts = (file: string) => report(file).cells.map((c) => [c.file, c.line, c.verdict]);
const annotations = (r: Run) => `${r.out}${r.err}`.split('\n').filter((l) => l.startsWith('::error ')).map((l) => l.split('%0A')[0]);
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

const DRIFTING = '::error file=docs/drifting.md,line=5,title=drift::cell 1 (331ad050) drift: the stated output at line 22 of the source document does not match what the program printed';

let tarball: string;
beforeAll(() => {
  tarball = packOnce();
});
afterAll(cleanUp);

describe('the tarball', () => {
  it('holds the bin, lib/ with the kernel\'s Python, the components and their styles, and none of the repository\'s sources or tests', () => {
    const files = tarballFiles(tarball);
    expect(files.filter((f) => !f.startsWith('lib/'))).toEqual(['README.md', 'action.yml', 'bin/execdocs.js', 'package.json']);
    for (const f of ['lib/cli/main.js', 'lib/integration/index.js', 'lib/integration/index.d.ts', 'lib/kernel/node/sandbox-main.js',
      'lib/kernel/browser/worker.js', 'lib/kernel/python/vkernel/sandbox.py', 'lib/kernel/python/world/modules/aiohttp/__init__.py',
      'lib/components/Cell.astro', 'lib/components/cells.css', 'lib/components/runner/runner.css', 'lib/styles/diff.css',
      'lib/i18n/en.js', 'lib/i18n/ko.js']) expect(files).toContain(f);
    expect(files.filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((f) => /(^|\/)(tests?|__pycache__)\/|lib\/cli\/(bench|fidelity|lint-python)/.test(f))).toEqual([]);
  });
});

describe('plain-english: a repository of English Markdown', () => {
  let dir: string;
  beforeAll(() => {
    const installed = installFixture('plain-english', tarball);
    dir = installed.dir;
    expect(installed.steps.map((s) => s.code), installed.steps.map((s) => s.err).join('\n')).toEqual([0, 0, 0]);
  });

  it('installs everything it runs: lib/, Pyodide, Mermaid, Astro, Starlight, the packaged Node', () => {
    for (const f of ['execdocs/lib/cli/main.js', 'pyodide/pyodide.asm.wasm', 'mermaid/package.json', 'astro/package.json', '@astrojs/starlight/package.json', 'node/bin/node']) {
      expect(existsSync(join(dir, 'node_modules', f)), f).toBe(true);
    }
    expect(existsSync(join(dir, 'node_modules', 'execdocs', 'src'))).toBe(false);
  });

  it('runs under the system\'s Node by handing over to the packaged one, or says in one line what it needs', () => {
    const version = `${JSON.parse(read(dir, 'node_modules/execdocs/package.json')).version}\n`;
    // npx puts node_modules/.bin first, where the `node` package's binary is: the bin starts on Node 26 itself.
    expect(npx(dir, ['--version'])).toEqual({ code: 0, out: version, err: '' });
    const node = systemNode();
    expect(node).not.toBeNull();
    const bin = join(dir, 'node_modules', 'execdocs', 'bin', 'execdocs.js');
    // Started by the system's Node directly (a shell whose PATH has no node_modules/.bin).
    expect(run(dir, node!.path, [bin, '--version'])).toEqual({ code: 0, out: version, err: '' });
    if (Number(node!.version.slice(1).split('.')[0]) < 24) {
      // As if the packaged Node were missing: the bin refuses to hand over twice.
      expect(run(dir, node!.path, [bin, '--version'], { EXECDOCS_REEXEC: '1' })).toEqual({
        code: 2, out: '',
        err: `execdocs needs Node.js 24 or newer (this is ${node!.version}): run \`npm install --save-dev node@26\` beside it, or install one from https://nodejs.org\n`,
      });
    }
  });

  it('check docs: exit 1 on the drifting document, an annotation on its line, the verdicts in the report', () => {
    const checked = npx(dir, ['check', 'docs', '--report', 'report.json'], { GITHUB_ACTIONS: 'true' });
    expect(checked.code, checked.err).toBe(1);
    expect(annotations(checked)).toEqual([DRIFTING]);
    expect(verdicts(join(dir, 'report.json'))).toEqual([['docs/drifting.md', 5, 'drift'], ['docs/gather.md', 6, 'verified']]);
    expect(report(join(dir, 'report.json')).cells[1]!.claims.map((c) => [c.text, c.ok])).toEqual([
      ["['tea', 'toast'] after 2 s", true], ['The whole program takes about 2 seconds.', true]]);
  });

  it('build docs: exit 0, pages with the real output, the verdict, the timeline, the runnable cell; no Korean anywhere', () => {
    const built = npx(dir, ['build', 'docs']);
    expect(built.code, built.err).toBe(0);
    const gather = filesUnder(join(dir, 'dist', 'en', 'gather'), 'index.html');
    expect(gather).toEqual(['introduction/index.html']);
    const page = read(dir, 'dist/en/gather/introduction/index.html');
    expect(page).toContain('<span class="t">[1.000s] </span>toast ready');
    expect(page).toContain('<span class="t">[2.000s] </span>tea ready');
    expect(page).toContain('<span class="badge badge-verified" data-verdict="verified"');
    expect(page).toMatch(/<pre class="mermaid"[^>]*>gantt\n/);
    expect(page).toContain('<button type="button" data-action="run"');
    const drifting = read(dir, 'dist/en/drifting/introduction/index.html');
    expect(drifting).toContain('<span class="badge badge-drift" data-verdict="drift"');
    expect(drifting).toContain('<span class="t">[0.500s] </span>step 0');
    const withHangul = filesUnder(join(dir, 'dist'), '.html').filter((f) => HANGUL.test(read(join(dir, 'dist'), f)));
    expect(withHangul).toEqual([]);
    expect(existsSync(join(dir, 'dist', 'ko'))).toBe(false);
  });

  it('init writes a configuration check reads without a DIR, and a workflow that runs the action (which checks --untrusted)', () => {
    const init = npx(dir, ['init']);
    expect(init).toEqual({ code: 0, err: '', out: 'wrote execdocs.config.json\nwrote .github/workflows/execdocs.yml\n2 document(s) in docs. Next: execdocs check, then execdocs build. Results and the generated site are kept in .cache/ (add it to .gitignore).\n' });
    expect(JSON.parse(read(dir, 'execdocs.config.json'))).toEqual({ title: dir.split('/').pop(), sources: ['docs'], language: 'en' });
    const workflow = parse(read(dir, '.github/workflows/execdocs.yml')) as { jobs: { check: { steps: { uses?: string; run?: string; with?: Record<string, string> }[] } } };
    expect(workflow.jobs.check.steps).toEqual([
      { uses: 'actions/checkout@v4' },
      { run: 'npm ci --no-audit --no-fund' },
      { uses: 'asyncio-executable-guide/asyncio-executable-guide@main', with: { sources: 'docs' } },
    ]);
    // The action's own command line, as action.yml runs it with its defaults (untrusted: 'true').
    const action = read(dir, 'node_modules/execdocs/action.yml');
    expect(action).toContain('if [ -x node_modules/.bin/execdocs ]; then');
    expect(action).toContain('if [ "$UNTRUSTED" = true ]; then args+=(--untrusted); fi');
    expect((parse(action) as { inputs: { untrusted: { default: string } } }).inputs.untrusted.default).toBe('true');
    expect(npx(dir, ['check', '--help']).out).toContain('--untrusted');
    const checked = npx(dir, ['check', '--report', 'execdocs-report.json', '--junit', 'execdocs-junit.xml', '--untrusted'], { GITHUB_ACTIONS: 'true' });
    expect(checked.code, checked.err).toBe(1);
    expect(annotations(checked)).toEqual([DRIFTING]);
    expect(verdicts(join(dir, 'execdocs-report.json'))).toEqual([['docs/drifting.md', 5, 'drift'], ['docs/gather.md', 6, 'verified']]);
    const junit = read(dir, 'execdocs-junit.xml');
    expect(junit.split('\n')[1]).toBe('<testsuites name="execdocs check">');
    expect([junit.match(/<testcase /g)?.length, junit.match(/<failure /g)?.length]).toEqual([2, 1]);
  });
});

describe('bilingual: Korean documents with an English translation', () => {
  let dir: string;
  beforeAll(() => {
    const installed = installFixture('bilingual', tarball);
    dir = installed.dir;
    expect(installed.steps.map((s) => s.code), installed.steps.map((s) => s.err).join('\n')).toEqual([0, 0, 0]);
  });

  it('check: exit 1, the annotation on the Korean document\'s line, the verdicts and the translation\'s coverage', () => {
    const checked = npx(dir, ['check', '--report', 'report.json'], { GITHUB_ACTIONS: 'true' });
    expect(checked.code, checked.err).toBe(1);
    expect(annotations(checked)).toEqual(['::error file=docs/ko/sleep.md,line=30,title=drift::cell 2 (95e06e56) drift: the stated output at line 37 of the source document does not match what the program printed']);
    expect(verdicts(join(dir, 'report.json'))).toEqual([['docs/ko/sleep.md', 5, 'verified'], ['docs/ko/sleep.md', 30, 'drift']]);
    expect(report(join(dir, 'report.json')).summary.translation).toEqual({ sleep: { total: 10, translated: 10, stale: 0, missing: 0, coverage: 100 } });
  });

  it('build: exit 0, a Korean and an English page with the real output and the verdicts', () => {
    const built = npx(dir, ['build']);
    expect(built.code, built.err).toBe(0);
    for (const [lang, title] of [['ko', '차례로 기다리기'], ['en', 'Waiting in turn']] as const) {
      const page = read(dir, `dist/${lang}/sleep/introduction/index.html`);
      expect(page).toContain(`<html lang="${lang}"`);
      expect(page).toMatch(new RegExp(`<h1 id="_top"[^>]*>${title}</h1>`));
      expect(page).toContain('<span class="t">[2.000s] </span>단계 2 완료');
      expect(page).toContain('<span class="badge badge-verified" data-verdict="verified"');
      expect(page).toContain('<span class="badge badge-drift" data-verdict="drift"');
      expect(page).toContain('<span class="t">[0.000s] </span>6');
      expect(page).toContain('<button type="button" data-action="run"');
    }
  });
});

describe('starlight-site: an existing Starlight site that adds the plugin', () => {
  let dir: string;
  let astro: (args: string[]) => Run;
  beforeAll(() => {
    const installed = installFixture('starlight-site', tarball);
    dir = installed.dir;
    expect(installed.steps.map((s) => s.code), installed.steps.map((s) => s.err).join('\n')).toEqual([0, 0, 0]);
    // Astro 7 needs a newer Node than some systems have: the site runs on the one installed beside the package.
    astro = (args) => run(dir, join(dir, 'node_modules', 'node', 'bin', 'node'), [join(dir, 'node_modules', 'astro', 'bin', 'astro.mjs'), ...args], {}, 400_000);
  }, 600_000);

  it('astro build: the .md and .mdx pages stay where they are and show their real outputs, verdicts, timeline and runnable cells; an errata page lists them', () => {
    const built = astro(['build']);
    expect(built.code, built.err).toBe(0);
    expect(built.out).toMatch(/checked 2 python blocks on 2 pages in [\d.]+ s: 1 verified, 1 drift/);
    const gather = read(dir, 'dist/guides/gather/index.html');
    expect(gather).toContain('<span class="t">[1.000s] </span>first done');
    expect(gather).toContain('<span class="t">[1.000s] </span>total: 1.0s');
    expect(gather).toMatch(/<span class="badge badge-verified" data-verdict="verified"/);
    expect(gather).toMatch(/<pre class="mermaid"[^>]*>gantt\n/);
    expect(gather).toContain('<button type="button" data-action="run"');
    expect(gather).not.toContain('data-execdocs-cell');
    const timeouts = read(dir, 'dist/guides/timeouts/index.html');
    expect(timeouts).toMatch(/<span class="badge badge-drift" data-verdict="drift"/);
    expect(timeouts).toContain('<span class="t">[2.000s] </span>gave up after 2 seconds');
    // The page's own MDX still renders: Starlight's Aside component.
    expect(timeouts).toContain('A timeout cancels the task it waits for.');
    const errata = read(dir, 'dist/errata/index.html');
    expect(errata.match(/data-verdict="drift"/g)?.length).toBeGreaterThanOrEqual(1);
    expect(errata).toContain('href="/guides/timeouts/#cell-');
    expect(existsSync(join(dir, 'dist', 'errata', 'drift', 'index.html'))).toBe(true);
    expect(existsSync(join(dir, 'dist', 'pyodide', 'pyodide.mjs'))).toBe(true);
    expect(filesUnder(join(dir, 'dist', 'mermaid'), '.mjs').length).toBeGreaterThan(0);
    // Nothing was added to the site's own folders.
    expect(filesUnder(join(dir, 'src'), '')).toEqual(['content.config.ts', 'content/docs/guides/gather.md', 'content/docs/guides/timeouts.mdx', 'content/docs/index.md']);
    expect(existsSync(join(dir, 'public'))).toBe(false);
  });

  it('execdocs check on the same pages: exit 1, the annotation on the .mdx page\'s line', () => {
    const checked = npx(dir, ['check', 'src/content/docs/guides', '--report', 'report.json'], { GITHUB_ACTIONS: 'true' });
    expect(checked.code, checked.err).toBe(1);
    expect(verdicts(join(dir, 'report.json'))).toEqual([['src/content/docs/guides/gather.md', 7, 'verified'], ['src/content/docs/guides/timeouts.mdx', 9, 'drift']]);
    expect(annotations(checked).map((a) => a.split('::')[1])).toEqual(['error file=src/content/docs/guides/timeouts.mdx,line=9,title=drift']);
  });

  it('execdocs build on its own pages: Astro builds the site as it is, the plugin checks the pages; nothing is generated', () => {
    const built = npx(dir, ['build', 'src/content/docs/guides', '--out', 'site']);
    expect(built.code, built.err).toBe(0);
    expect(built.out.split('\n')[0]).toBe(`the documents are this site's own pages (${dir}/src/content/docs): Astro builds them, the execdocs plugin in its astro.config checks them`);
    expect(read(dir, 'site/guides/timeouts/index.html')).toMatch(/<span class="badge badge-drift" data-verdict="drift"/);
    expect(filesUnder(join(dir, 'src'), '')).toEqual(['content.config.ts', 'content/docs/guides/gather.md', 'content/docs/guides/timeouts.mdx', 'content/docs/index.md']);
  });
});
