// Bad input is reported at its file and line, and nothing else is lost: a missing, escaping or
// invalid fixture (bad YAML or not of the fixture schema), invalid front matter, a budget out of
// range; the other documents are checked.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDocumentFixtures } from '../../src/check/fixtures.ts';
import { loadSettings } from '../../src/check/settings.ts';
import { cellKey, parseDocument } from '../../src/source/document.ts';
import { checkDocuments } from '../../src/check/run.ts';
import { KernelPool } from '../../src/kernel/node/pool.ts';

const root = mkdtempSync(join(tmpdir(), 'bad-input-'));
const docs = join(root, 'content', 'ko');
mkdirSync(docs, { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('fixtures', () => {
  it('names the settings line for a missing fixture and for one outside the content directory', () => {
    const doc = join(docs, 'a.md');
    const named = [
      { name: 'missing.yaml', settingsFile: join(docs, 'a.snippets.yaml'), line: 4 },
      { name: '../../../../etc/passwd', settingsFile: join(docs, 'a.snippets.yaml'), line: 7 },
    ];
    const { fixtures, problems } = loadDocumentFixtures(doc, named, join(root, 'content'));
    expect(fixtures).toEqual([]);
    expect(problems.map((p) => [p.line, p.message.split(' ').slice(0, 3).join(' ')])).toEqual([
      [4, 'fixture "missing.yaml" does'],
      [7, 'fixture "../../../../etc/passwd" is'],
    ]);
    // The host file is never read, so its content cannot be printed.
    expect(problems.map((p) => p.message).join('\n')).not.toMatch(/root:/);
  });

  it('reports invalid YAML at the fixture file\'s line', () => {
    writeFileSync(join(docs, 'b.fixtures.yaml'), 'routes:\n  - url: x\n    status: [1, 2\n');
    const { problems } = loadDocumentFixtures(join(docs, 'b.md'), [], join(root, 'content'));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toMatch(/b\.fixtures\.yaml$/);
    expect(problems[0]!.line).toBeGreaterThanOrEqual(3);
  });
});

describe('front matter and settings', () => {
  it('reports invalid front matter at its line instead of ignoring it', () => {
    const doc = parseDocument('---\ntitle: "unclosed\ntags: [a\n---\n# Heading\n', 'x.md');
    // YAML's own message follows; it names the line of the unclosed quote within the front matter.
    expect(doc.problems.map((p) => [p.code, p.line, p.args[0].split(' at line')[0]])).toEqual([['bad-front-matter', 3, 'invalid front matter: Missing closing "quote']]);
    expect(doc.title).toBe('Heading');
  });

  it('range-checks budgets: a real-time budget that would overflow a timer is an error', () => {
    const md = join(docs, 'c.md');
    writeFileSync(join(docs, 'c.snippets.yaml'), 'cells:\n  abcd1234:\n    real-budget: 1e12\n  ef567890:\n    budget: -1\n');
    const settings = loadSettings(md);
    expect(settings.errors.map((e) => [e.line, /at most 600/.test(e.message) || /positive/.test(e.message)])).toEqual([[3, true], [5, true]]);
    expect(settings.cells.get('abcd1234')?.realBudget).toBeUndefined();
  });
});

describe('one broken document does not stop the others', () => {
  it('checks the good document and reports the bad one at its lines', async () => {
    const dir = join(root, 'mixed', 'ko');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'good.md'), '# Good\n\n```python\nprint("ok")  # ok\n```\n');
    writeFileSync(join(dir, 'bad.md'), '---\ntitle: [oops\n---\n# Bad\n\n```python\nprint(1)\n```\n');
    writeFileSync(join(dir, 'bad.snippets.yaml'), `cells:\n  ${cellKey('print(1)')}:\n    fixtures: [../../../../etc/passwd]\n`);
    // A valid fixture reaches its document's interpreter; an invalid one is left out, with its line.
    const read = (name: string) => `print(open("${name}").read())`;
    writeFileSync(join(dir, 'fine.md'), `# Fine\n\n\`\`\`python\n${read('greeting.txt')}  # hello\n\`\`\`\n`);
    writeFileSync(join(dir, 'fine.fixtures.yaml'), 'files:\n  greeting.txt: "hello"\n');
    writeFileSync(join(dir, 'broken.md'), `# Broken\n\n\`\`\`python\n${read('a.txt')}\n\`\`\`\n`);
    writeFileSync(join(dir, 'broken.fixtures.yaml'), 'files:\n  a.txt: "x"\nhttp:\n  routes:\n    - url: "https://x.example/"\n      latency: soon\n');
    const pool = new KernelPool(1);
    try {
      const result = await checkDocuments({ sourceDir: dir, pool, cache: null });
      const good = result.documents.find((d) => d.document.slug === 'good')!;
      expect(good.cells[0]!.verdict.verdict).toBe('verified');
      expect(result.documents.find((d) => d.document.slug === 'bad')!.cells[0]!.verdict.verdict).toBe('ran');
      const messages = result.problems.map((p) => `${p.file.split('/').pop()}:${p.line}`);
      expect(messages).toContain('bad.md:2');
      expect(messages).toContain('bad.snippets.yaml:2');
      expect(result.problems.find((p) => p.file.endsWith('bad.snippets.yaml'))!.message).toMatch(/outside the content directory/);
      const verdictOf = (slug: string) => result.documents.find((d) => d.document.slug === slug)!.cells[0]!.verdict;
      expect(verdictOf('fine').verdict).toBe('verified');
      expect(result.problems.filter((p) => p.file.endsWith('broken.fixtures.yaml')).map((p) => `${p.line}: ${p.message}`))
        .toEqual(['6: http.routes.0.latency: must be a number, or a string with a URL capture such as "{seconds}" (got "soon")']);
      // Checked without it: the file it would have written is not there.
      expect([verdictOf('broken').verdict, verdictOf('broken').reason]).toEqual(['error', expect.stringMatching(/FileNotFoundError/)]);
      expect(result.problems.some((p) => /kernel failed/.test(p.message))).toBe(false);
    } finally {
      await pool.close();
    }
  }, 120_000);
});
