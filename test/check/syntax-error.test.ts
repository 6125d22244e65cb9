// A block that does not compile never passes silently: the real command fails on it with
// error[syntax-error] at the line of the error, while pseudo-code the prose, the code or the
// settings declare is skipped, and warnings (an empty document, an ignored unclosed fence) do not fail.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseDocument } from '../../src/source/document.ts';

const root = mkdtempSync(join(tmpdir(), 'syntax-error-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Checked { code: number; output: string; report: { cells: { line: number; verdict: string; reason: string; diagnostic: string | null }[]; problems: { file: string; line: number; code: string; severity: string }[]; summary: { failures: number; warnings: number } }; junit: string }

function check(name: string, files: Record<string, string>): Checked {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  const report = join(dir, 'r.json');
  const junit = join(dir, 'r.xml');
  let code = 0;
  let output: string;
  try {
    output = execFileSync('npm', ['run', '-s', 'check', '--', '--source', dir, '--no-cache', '--report', report, '--junit', junit], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir } });
  } catch (error) {
    const e = error as { status: number; stdout: string };
    code = e.status;
    output = e.stdout;
  }
  return { code, output, report: JSON.parse(readFileSync(report, 'utf8')), junit: readFileSync(junit, 'utf8') };
}

const BROKEN = [
  '# Broken', '',
  'Run this:', '',
  '```python',
  'import asyncio',
  '',
  'async def main():',
  '    print("hi"',
  '    await asyncio.sleep(1)',
  '',
  'asyncio.run(main())',
  '```', '',
].join('\n');

describe('a block that does not compile', () => {
  it('fails the check with error[syntax-error] at the line of the error, in every report', () => {
    const result = check('broken', { 'doc.md': BROKEN });
    expect(result.code).toBe(1);
    const problems = result.output.split('\n').filter((l) => /^\S*doc\.md:\d+: /.test(l));
    expect(problems).toEqual([expect.stringMatching(/doc\.md:9: error\[syntax-error\]: cell 1 \([0-9a-f]{8}\) does not compile: SyntaxError at line 9 of the source document: '\(' was never closed \(<cell 1>, line 4\); nothing says the block is pseudo-code/)]);
    expect(result.output).toContain('::error file=doc.md,line=9,title=syntax-error::cell 1');
    expect(result.report.cells.map((c) => [c.line, c.verdict, c.diagnostic])).toEqual([[5, 'error', 'syntax-error']]);
    expect(result.report.problems.map((p) => [p.line, p.code, p.severity])).toEqual([[9, 'syntax-error', 'error']]);
    expect(result.junit).toMatch(/<failure type="syntax-error" message="error\[syntax-error\]: error: SyntaxError at line 9 of the source document/);
    expect(result.output.trimEnd().split('\n').at(-1)).toBe('check FAILED: 1 problem(s)');
  });
});

describe('pseudo-code and warnings', () => {
  const settingsBlock = 'if ready then go';
  const tail = 'print("tail")';
  const doc = [
    '# Pseudo', '',
    'The pseudo-code below shows the idea:', '',
    '```python', 'for each task in tasks:', '    run it', '```', '',
    'A step of ours:', '',
    '```python', settingsBlock, '```', '',
    '## Awaitables', '',
    '```python', 'asyncio.create_task(coro, *, name=None, context=None)', '```', '',
    'Wrap the coroutine into a task.', '',
    '```python', 'async with session.get(<url>) as response:', '    pass', '```', '',
    'And the last one, never closed:', '',
    '```python', tail, '',
  ].join('\n');
  const keys = parseDocument(doc, 'doc.md').cells.map((c) => c.key);
  const settings = `cells:\n  ${keys[1]}:\n    pseudo: true\n  ${keys[4]}:\n    ignore: [unclosed-fence]\n`;

  it('skips what the prose, the code or the settings declare as pseudo-code, and passes with its warnings', () => {
    const result = check('pseudo', { 'doc.md': doc, 'doc.snippets.yaml': settings, 'empty.md': '' });
    expect(result.report.cells.map((c) => [c.line, c.verdict, c.reason])).toEqual([
      [5, 'skipped', 'pseudo-code, not a program, as the document says ("pseudo-code"): it is shown, not run'],
      [12, 'skipped', 'pseudo-code, not a program (its settings say so): it is shown, not run'],
      [18, 'skipped', 'an API signature, not a program: it is shown, not run'],
      [24, 'skipped', 'pseudo-code, not a program: it does not compile at its placeholder <url>'],
      [31, 'ran', 'ran cleanly; the document states no output'],
    ]);
    // The unclosed fence of the last block is ignored by the block; the empty document is a warning.
    expect(result.report.problems.map((p) => [p.file.split('/').pop(), p.line, p.code, p.severity])).toEqual([['empty.md', 1, 'empty-document', 'warning']]);
    expect([result.report.summary.failures, result.report.summary.warnings]).toEqual([0, 1]);
    expect(result.output).toMatch(/empty\.md:1: warning\[empty-document\]: the document is empty: nothing in it is checked\n/);
    expect(result.output).toContain('::warning file=empty.md,line=1,title=empty-document::the document is empty: nothing in it is checked');
    expect(result.output.trimEnd().split('\n').at(-1)).toBe('check passed (1 warning)');
    expect(result.code).toBe(0);
  });
});
