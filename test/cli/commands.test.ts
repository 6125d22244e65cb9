// Every command's command line: an unknown flag or a missing value stops it with one line and exit
// 2 (they used to be ignored: `npm run build -- --no-such-flag` built the guide), `--help` answers,
// and the sources given to build are the ones built (`--source DIR` used to be dropped).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { siteRunOf } from '../../src/cli/build.ts';

const BIN = resolve('bin/execdocs.js');

function run(args: string[], cwd = process.cwd()) {
  const child = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
  return { code: child.status, out: child.stdout, err: child.stderr };
}

describe('the command line', () => {
  const commands = ['check', 'build', 'dev', 'snippet', 'init', 'translations'];

  it.each(commands)('%s refuses an unknown flag with one line and exit 2', (command) => {
    expect(run([command, '--no-such-flag'])).toEqual({ code: 2, out: '', err: `execdocs ${command}: unknown option --no-such-flag (see execdocs ${command} --help)\n` });
  });

  it.each(commands)('%s answers --help on stdout with exit 0', (command) => {
    const { code, out, err } = run([command, '--help']);
    expect([code, err]).toEqual([0, '']);
    expect(out.split('\n')[0]).toMatch(new RegExp(`^usage: execdocs ${command} `));
  });

  it('a flag without its value is bad usage', () => {
    expect(run(['check', '--report'])).toEqual({ code: 2, out: '', err: 'execdocs check: --report needs a value (see execdocs check --help)\n' });
    expect(run(['build', '--out'])).toEqual({ code: 2, out: '', err: 'execdocs build: --out needs a value (see execdocs build --help)\n' });
    expect(run(['build', '--out='])).toEqual({ code: 2, out: '', err: 'execdocs build: --out needs a value (see execdocs build --help)\n' });
  });

  it('an unknown command, and none, are bad usage', () => {
    expect(run(['chekc'])).toMatchObject({ code: 2, err: 'execdocs: unknown command "chekc" (one of check, build, dev, snippet, init, translations; see execdocs --help)\n' });
    expect(run([])).toMatchObject({ code: 2 });
  });

  it('a source directory that does not exist is unreadable input: exit 2 before anything runs', () => {
    expect(run(['check', 'no/such/dir'])).toEqual({ code: 2, out: '', err: 'no/such/dir: no such directory\n' });
    expect(run(['build', 'no/such/dir'])).toEqual({ code: 2, out: '', err: 'execdocs build: no/such/dir: no such directory\n' });
  });

  it('a broken configuration names its file and line, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-config-'));
    writeFileSync(join(dir, 'execdocs.config.json'), '{\n  "sources": "docs"\n}\n');
    expect(run(['check'], dir)).toEqual({ code: 2, out: '', err: 'execdocs.config.json:2: sources: must be a list (got "docs")\n' });
  });
});

describe('build and dev build the documents they are given', () => {
  it('--source DIR (or DIR) is the site: its files, its language, a project of its own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-build-'));
    const docs = join(dir, 'docs');
    mkdirSync(docs);
    writeFileSync(join(docs, 'intro.md'), '# Intro\n\nSome words.\n\n```python\nprint("hi")\n```\n');
    for (const run of [siteRunOf({ source: [docs] }, []), siteRunOf({}, [docs])]) {
      if (typeof run === 'string') throw new Error(run);
      // Named as the check names them: relative to the working directory.
      expect(run.files).toEqual([relative(process.cwd(), join(docs, 'intro.md'))]);
      // The repository's astro.config describes the guide; other documents are built in a generated project.
      expect(run.plan.generated).toBe(true);
      expect(run.plan.pages.languages).toEqual(['en']);
      expect(run.config.title).toEqual({ en: 'Documentation' });
    }
    // Without sources: the guide, in its own project, in its two languages.
    const guide = siteRunOf({}, []);
    if (typeof guide === 'string') throw new Error(guide);
    expect([guide.plan.generated, guide.plan.pages.languages, guide.files.length]).toEqual([false, ['ko', 'en'], 5]);
    expect(guide.plan.pages.components).toBe('../../components');
  });

  it('refuses a language the site has no words in', () => {
    expect(siteRunOf({ language: 'fr' }, [])).toBe('--language fr: the site\'s words exist in en and ko');
  });
});
