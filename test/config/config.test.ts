// The configuration file: what it may say, what a mistake in it looks like (file, line and key),
// the defaults, and the command line laid over it.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, sourceBase, sourceFiles } from '../../src/config/load.ts';
import { loadOptionsOf } from '../../src/config/project.ts';
import { settingOf } from '../../src/check/load.ts';
import type { Cell } from '../../src/source/model.ts';

const root = mkdtempSync(join(tmpdir(), 'config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function repo(name: string, config: string | null, files: Record<string, string> = {}): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  if (config !== null) writeFileSync(join(dir, 'execdocs.config.json'), config);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

function problemsOf(cwd: string): string[] {
  try {
    loadConfig({ cwd });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('the configuration file', () => {
  it('without one, every default: English documents in docs/, the lock beside them, the cache in .cache', () => {
    const cwd = repo('none', null);
    const config = loadConfig({ cwd });
    expect(config).toEqual({
      root: cwd, file: null, title: { en: 'Documentation' }, sources: ['docs'], language: 'en', translations: [],
      repository: null, site: { url: null, outDir: 'dist' }, kernel: {},
      paths: { fixtures: null, settings: null, lock: 'check.lock.json', lockRequired: false, cache: '.cache' },
      diagnostics: { ignore: [] },
    });
  });

  it('reads every field, paths relative to the file, a title per language', () => {
    const cwd = repo('full', JSON.stringify({
      title: { ko: '가이드', en: 'Guide' }, sources: ['content/ko'], language: 'ko', translations: ['en'],
      repository: 'https://github.com/acme/docs/', site: { url: 'https://docs.example', outDir: 'public-site' },
      kernel: { budget: 120, 'real-budget': 5, workers: 2 },
      paths: { fixtures: 'content/fixtures', settings: 'content/settings', lock: 'content/check.lock.json', cache: '.cache/docs' },
      diagnostics: { ignore: ['no-python-blocks', 'unclosed-fence'] },
    }));
    const config = loadConfig({ cwd });
    expect(config.diagnostics).toEqual({ ignore: ['no-python-blocks', 'unclosed-fence'] });
    expect(config.title).toEqual({ ko: '가이드', en: 'Guide' });
    expect(config.repository).toBe('https://github.com/acme/docs');
    expect(config.kernel).toEqual({ budget: 120, realBudget: 5, workers: 2 });
    expect(config.paths).toEqual({ fixtures: 'content/fixtures', settings: 'content/settings', lock: 'content/check.lock.json', lockRequired: true, cache: '.cache/docs' });
    expect(config.site).toEqual({ url: 'https://docs.example', outDir: 'public-site' });
  });

  it('names the file, the line and the key of each mistake', () => {
    const cwd = repo('bad', '{\n  "sources": ["docs"],\n  "langauge": "en",\n  "kernel": {\n    "budget": 100000\n  },\n  "repository": "http://example.com/x"\n}\n');
    expect(problemsOf(cwd)).toEqual([
      'execdocs.config.json:3: langauge: unknown field (known: $schema, title, sources, language, translations, repository, site, kernel, paths, diagnostics)',
      'execdocs.config.json:5: kernel.budget: must be at most 86400 seconds (got 100000)',
      'execdocs.config.json:7: repository: must be an https address (got "http://example.com/x")',
    ]);
  });

  it('a file that is not JSON is a problem at its line', () => {
    const cwd = repo('broken', '{\n  "sources": ["docs"],\n  oops\n}\n');
    expect(problemsOf(cwd)).toHaveLength(1);
    expect(problemsOf(cwd)[0]).toMatch(/^execdocs\.config\.json:3: invalid JSON: /);
  });

  it('refuses a translation there is no machinery for', () => {
    const cwd = repo('translations', '{ "language": "en", "translations": ["ko"] }');
    expect(problemsOf(cwd)).toEqual(['execdocs.config.json:1: translations.0: a en site can have no ko translation: translations are English ones of Korean documents']);
  });

  it('a --config file that does not exist is a problem naming it', () => {
    const cwd = repo('missing', null);
    expect(() => loadConfig({ cwd, file: 'nope.json' })).toThrow(/^nope\.json:1: cannot read the configuration: ENOENT/);
  });
});

describe('flags override the file', () => {
  const cwd = repo('override', JSON.stringify({ sources: ['content/ko'], language: 'ko', translations: ['en'], paths: { lock: 'content/check.lock.json', settings: 'content/settings', cache: 'c' } }));

  it('other sources bring their own lock (not required) and settings beside them', () => {
    const config = loadConfig({ cwd, overrides: { sources: ['elsewhere/docs'] } });
    expect(config.sources).toEqual(['elsewhere/docs']);
    expect(config.paths).toMatchObject({ lock: 'elsewhere/check.lock.json', lockRequired: false, settings: null, cache: 'c' });
  });

  it('a named lock, the cache, the output and the language', () => {
    const config = loadConfig({ cwd, overrides: { lock: 'my.lock.json', cache: 'tmp/cache', outDir: 'out', language: 'en' } });
    expect(config.paths).toMatchObject({ lock: 'my.lock.json', lockRequired: true, cache: 'tmp/cache' });
    expect(config.site.outDir).toBe('out');
    // English documents have no Korean-to-English translations.
    expect([config.language, config.translations]).toEqual(['en', []]);
  });
});

describe('sources', () => {
  const cwd = repo('sources', null, { 'docs/a.md': '# A\n', 'docs/README.md': '# readme\n', 'docs/deep/b.md': '# B\n', 'guides/x/c.md': '# C\n', 'guides/x/notes.txt': 'x' });

  it('a directory gives its Markdown files (not its README); a glob its matches; a missing one is a problem', () => {
    const here = process.cwd();
    process.chdir(cwd);
    try {
      expect(sourceFiles({ sources: ['docs', 'guides/**/*'] })).toEqual({ files: ['docs/a.md', 'guides/x/c.md'], problems: [] });
      expect(sourceFiles({ sources: ['nowhere', 'docs/*.rst'] }).problems).toEqual(['nowhere: no such directory', 'docs/*.rst: matches no Markdown file']);
    } finally {
      process.chdir(here);
    }
    expect(sourceBase('guides/**/*.md')).toBe('guides');
    expect(sourceBase('*.md')).toBe('.');
  });
});

describe('what the check is told', () => {
  it('budgets of the configuration apply to the cells whose settings name none', () => {
    const cwd = repo('budgets', JSON.stringify({ kernel: { budget: 60 } }));
    const options = loadOptionsOf(loadConfig({ cwd }));
    expect(options.load).toEqual({ lockFile: 'check.lock.json', translationDir: null, fixturesDir: null, settingsDir: null, defaults: { budget: 60 } });
    const cell = { key: 'aaaaaaaa' } as Cell;
    const own = { key: 'aaaaaaaa', line: 3, budget: 5 };
    expect(settingOf({ settings: { file: 'x', cells: new Map(), errors: [] }, defaults: options.load.defaults! }, cell)).toEqual({ key: 'aaaaaaaa', line: 0, budget: 60 });
    expect(settingOf({ settings: { file: 'x', cells: new Map([['aaaaaaaa', own]]), errors: [] }, defaults: options.load.defaults! }, cell)).toEqual(own);
    // No budgets: the settings exactly as before (the guide's cache keys do not change).
    expect(settingOf({ settings: { file: 'x', cells: new Map(), errors: [] } }, cell)).toBeUndefined();
  });

  it("the guide's own configuration: its sources, translations, fixtures and lock", () => {
    const config = loadConfig();
    expect(config.file).toBe('execdocs.config.json');
    expect(loadOptionsOf(config)).toEqual({
      sourceDir: 'content/ko',
      load: { lockFile: 'content/check.lock.json', translationDir: 'content/en', fixturesDir: 'content/fixtures', settingsDir: null },
    });
  });
});
