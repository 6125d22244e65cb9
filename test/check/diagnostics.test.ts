// The diagnostics registry: every code listed in the README exactly as the registry has it, each
// document diagnostic raised from a small document at its line, the printed and reported forms
// carrying the code, and suppression by project, document and block.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DIAGNOSTICS, diagnostic, isSuppressed, SUPPRESSIBLE, unsuppressed, type DiagnosticCode } from '../../src/check/diagnostics.ts';
import { loadSource } from '../../src/check/load.ts';
import { parseSettings } from '../../src/check/settings.ts';
import { buildReport, githubAnnotations, junit, problemLine } from '../../src/check/report.ts';
import type { CheckResult } from '../../src/check/run.ts';
import { cellKey, parseDocument } from '../../src/source/document.ts';
import { decodeText, invalidSequences } from '../../src/source/utf8.ts';
import { loadConfig } from '../../src/config/load.ts';

const root = mkdtempSync(join(tmpdir(), 'diagnostics-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A source directory holding these files (name -> text or bytes). */
function sourceDir(name: string, files: Record<string, string | Uint8Array>): string {
  const dir = join(root, name, 'docs');
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
  return dir;
}

const shown = (dir: string, file: string) => relative(process.cwd(), join(dir, file));
const codesOf = (problems: { file: string; line: number; code: string; severity: string }[]) =>
  problems.map((p) => `${p.file.split('/').pop()}:${p.line}: ${p.severity}[${p.code}]`);

describe('the registry', () => {
  it('is the README\'s table of codes, row for row', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Diagnostics'));
    const rows = section.split('\n').filter((l) => /^\| `[a-z0-9-]+` \|/.test(l));
    const expected = (Object.keys(DIAGNOSTICS) as DiagnosticCode[]).map((code) => {
      const d = DIAGNOSTICS[code];
      return `| \`${code}\` | ${d.severity} | ${d.suppressible ? 'yes' : 'no'} | ${d.description.replaceAll('|', '\\|')} |`;
    });
    expect(rows).toEqual(expected);
  });

  it('has kebab-case codes, and the verdict failures and the lock cannot be ignored', () => {
    for (const code of Object.keys(DIAGNOSTICS)) expect(code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
    const fixed = (Object.keys(DIAGNOSTICS) as DiagnosticCode[]).filter((c) => !SUPPRESSIBLE.includes(c));
    expect(fixed).toEqual(['unreadable-document', 'stale-setting', 'kernel-failed', 'drift', 'unexpected-error', 'hangs', 'lock-missing', 'lock-mismatch', 'bad-lock']);
    expect(DIAGNOSTICS['unclosed-fence'].severity).toBe('warning');
    expect(DIAGNOSTICS['syntax-error'].severity).toBe('error');
  });
});

describe('reading bytes', () => {
  it('finds the first bad byte of a file that is not UTF-8, by line and column, and decodes the rest', () => {
    const bytes = new Uint8Array([...Buffer.from('# 제목\n\nab'), 0xff, 0x41, 0xc3, 0x0a]);
    expect(invalidSequences(bytes)).toEqual([12, 14]);
    expect(decodeText(bytes)).toEqual({ text: '# 제목\n\nab\uFFFDA\uFFFD\n', firstBad: { line: 3, column: 3, count: 2 } });
    expect(decodeText(Buffer.from('\uFEFF# ok\n'))).toEqual({ text: '\uFEFF# ok\n', firstBad: null });
  });

  it('counts a truncated sequence once and an overlong or surrogate byte as bad', () => {
    expect(invalidSequences(new Uint8Array([0xe2, 0x82]))).toEqual([0]);
    expect(invalidSequences(new Uint8Array([0xc0, 0xaf]))).toEqual([0, 1]);
    expect(invalidSequences(new Uint8Array([0xed, 0xa0, 0x80]))).toEqual([0, 1, 2]);
    expect(invalidSequences(Buffer.from('가나다 😀'))).toEqual([]);
  });
});

describe('document diagnostics, each at its line', () => {
  const latin1 = new Uint8Array([...Buffer.from('# Caf'), 0xe9, ...Buffer.from('\n\n```python\nprint("ok")\n```\n')]);
  const dir = sourceDir('documents', {
    'a-unclosed.md': '# Open\n\nText.\n\n```python\nprint(1)\n\n## Later\n\n```python\nprint(2)\n',
    'b-latin1.md': latin1,
    'c-empty.md': '\n  \n',
    'd-prose.md': '# Only words\n\nNo code here.\n\n```sh\nls\n```\n',
    'e-fine.md': '# Fine\n\n> ```python\n> print(1)\n\n````python\nprint("```")\n````\n',
  });
  const source = loadSource(dir);

  it('raises unclosed-fence, not-utf8, empty-document and no-python-blocks as warnings, and nothing for closed fences', () => {
    expect(codesOf(source.problems)).toEqual([
      'a-unclosed.md:5: warning[unclosed-fence]',
      'b-latin1.md:1: warning[not-utf8]',
      'c-empty.md:1: warning[empty-document]',
      'd-prose.md:1: warning[no-python-blocks]',
    ]);
    expect(source.problems.map((p) => p.message)).toEqual([
      'the fence ````python` opened here is never closed: the rest of the document (6 lines) is read as its code',
      'not valid UTF-8: the first bad byte is at column 6 of this line (1 bad byte in all); checked with them read as U+FFFD',
      'the document is empty: nothing in it is checked',
      'the document has no python block: nothing in it runs or is checked',
    ]);
    // The unclosed fence is about its block: the block's own `ignore:` can silence it.
    expect(source.problems[0]!.cell).toBe(source.documents[0]!.document.cells[0]!.key);
  });

  it('still checks a document that is not UTF-8, its bad byte read as U+FFFD', () => {
    const doc = source.documents.find((d) => d.document.slug === 'b-latin1')!.document;
    expect(doc.title).toBe('Caf\uFFFD');
    expect(doc.cells.map((c) => c.code)).toEqual(['print("ok")']);
  });

  it('prints a problem as file:line: severity[code]: message', () => {
    expect(problemLine(source.problems[2]!)).toBe(`${shown(dir, 'c-empty.md')}:1: warning[empty-document]: the document is empty: nothing in it is checked`);
    expect(problemLine(diagnostic('drift', { file: 'guide.md', line: 42 }, 3, 'ab12cd34', 'the stated output differs\n-a\n+b')))
      .toBe('guide.md:42: error[drift]: cell 3 (ab12cd34) drift: the stated output differs\n    | -a\n    | +b');
  });

  it('reads an unclosed fence from the tree and the text, wherever it is', () => {
    const doc = parseDocument('# T\n\n- item\n\n  ~~~~py\n  print(1)\n  ~~~\n', 'x.md');
    expect(doc.problems).toEqual([{ code: 'unclosed-fence', line: 5, cell: doc.cells[0]!.key, args: ['~~~~py', 2] }]);
    expect(parseDocument('```python\nprint(1)\n```', 'y.md').problems).toEqual([]);
    expect(parseDocument('    indented = 1\n', 'z.md').problems).toEqual([]);
  });
});

describe('suppression', () => {
  const code = 'print("x")';
  const key = cellKey(code);
  const dir = sourceDir('suppressed', {
    'one.md': '',
    'two.md': '# Two\n\nNo code.\n',
    'three.md': `# Three\n\n\`\`\`python\n${code}\n`,
    'four.md': '',
    'one.snippets.yaml': 'diagnostics:\n  ignore: [empty-document]\n',
    'three.snippets.yaml': `cells:\n  ${key}:\n    ignore: [unclosed-fence]\n`,
    'four.snippets.yaml': 'diagnostics:\n  ignore: [drift, no-such-code]\n',
  });

  it('leaves out what a document or a block ignores, and nothing else', () => {
    const source = loadSource(dir);
    expect(codesOf(unsuppressed(source.problems, source.suppression))).toEqual([
      'four.md:1: warning[empty-document]',
      'four.snippets.yaml:2: error[bad-settings]',
      'four.snippets.yaml:2: error[bad-settings]',
      'two.md:1: warning[no-python-blocks]',
    ]);
    expect(source.problems.filter((p) => p.code === 'bad-settings').map((p) => p.message.split(' (those')[0])).toEqual([
      'diagnostics.ignore.0: "drift" is not a diagnostic code that can be ignored',
      'diagnostics.ignore.1: "no-such-code" is not a diagnostic code that can be ignored',
    ]);
  });

  it('leaves out what the project ignores, from the configuration', () => {
    const repo = join(root, 'project');
    mkdirSync(join(repo, 'docs'), { recursive: true });
    writeFileSync(join(repo, 'execdocs.config.json'), JSON.stringify({ language: 'en', diagnostics: { ignore: ['no-python-blocks'] } }));
    expect(loadConfig({ cwd: repo }).diagnostics.ignore).toEqual(['no-python-blocks']);
    writeFileSync(join(repo, 'bad.config.json'), '{\n  "language": "en",\n  "diagnostics": { "ignore": ["hangs"] }\n}\n');
    expect(() => loadConfig({ cwd: repo, file: 'bad.config.json' })).toThrow(/bad\.config\.json:3: diagnostics\.ignore\.0: "hangs" is not a diagnostic code that can be ignored/);
    const source = loadSource(dir, undefined, { ignore: ['no-python-blocks', 'bad-settings'] });
    expect(codesOf(unsuppressed(source.problems, source.suppression))).toEqual(['four.md:1: warning[empty-document]']);
  });

  it('never leaves out a verdict failure or a difference from the lock, whoever ignores it', () => {
    const all = { project: new Set<string>(['drift', 'lock-mismatch', 'unclosed-fence']), files: new Map() };
    expect(isSuppressed(diagnostic('drift', { file: 'a.md', line: 3 }, 1, 'k', 'r'), all)).toBe(false);
    expect(isSuppressed(diagnostic('lock-mismatch', { file: 'a.md', line: 3 }, 'a/k', 'new cell', 'execdocs check'), all)).toBe(false);
    expect(isSuppressed(diagnostic('unclosed-fence', { file: 'a.md', line: 3 }, '```', 1), all)).toBe(true);
  });

  it('reads `pseudo` and `ignore` of a block and the document\'s `diagnostics`', () => {
    const settings = parseSettings('diagnostics:\n  ignore: [no-python-blocks]\ncells:\n  abcd1234:\n    pseudo: true\n    ignore: [syntax-error]\n  abcd5678:\n    pseudo: false\n', 'x.snippets.yaml');
    expect(settings.ignore).toEqual(['no-python-blocks']);
    expect(settings.cells.get('abcd1234')).toEqual({ key: 'abcd1234', line: 4, pseudo: true, ignore: ['syntax-error'] });
    expect(settings.errors.map((e) => `${e.line}: ${e.message}`)).toEqual(['8: cells.abcd5678.pseudo: must be true (leave it out otherwise)']);
  });
});

describe('reports carry the code', () => {
  const result: CheckResult = {
    runtime: { pyodide: 'test', kernel: 'test', python: '3.14' },
    documents: [],
    problems: [
      diagnostic('unclosed-fence', { file: 'docs/a.md', line: 5 }, '```python', 3),
      diagnostic('bad-fixture', { file: 'docs/a.fixtures.yaml', line: 2 }, 'http.routes.0.url: is required'),
    ],
    reused: 0,
    ran: 0,
  };
  const report = buildReport(result);

  it('in the JSON report: code and severity per problem, failures and warnings counted apart', () => {
    expect(report.problems.map((p) => [p.code, p.severity, p.line])).toEqual([['unclosed-fence', 'warning', 5], ['bad-fixture', 'error', 2]]);
    expect([report.summary.failures, report.summary.warnings]).toEqual([1, 1]);
  });

  it('in GitHub annotations: error or warning, the code as title', () => {
    expect(githubAnnotations(report.problems)).toEqual([
      '::warning file=docs/a.md,line=5,title=unclosed-fence::the fence ````python` opened here is never closed: the rest of the document (3 lines) is read as its code',
      '::error file=docs/a.fixtures.yaml,line=2,title=bad-fixture::http.routes.0.url: is required',
    ]);
  });

  it('in JUnit: a test case per diagnostic with its code as a property; an error is a failure of that type', () => {
    const xml = junit(report);
    expect(xml).toContain('<testsuite name="diagnostics" tests="2" failures="1" skipped="0">');
    expect(xml).toContain('<testcase classname="docs/a.md" name="docs/a.md:5 warning[unclosed-fence]" time="0.000"><properties><property name="code" value="unclosed-fence"/><property name="severity" value="warning"/></properties><system-out>warning[unclosed-fence]: the fence ````python` opened here is never closed: the rest of the document (3 lines) is read as its code</system-out></testcase>');
    expect(xml).toContain('<failure type="bad-fixture" message="error[bad-fixture]: http.routes.0.url: is required">http.routes.0.url: is required</failure>');
  });
});
