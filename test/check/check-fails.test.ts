// The check must fail when a document and reality drift apart: an altered stated output, an
// altered timing claim, an altered snippet. It runs the real command on a copy of a document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const SOURCE = readFileSync('content/ko/async-io-performance.md', 'utf8');

function check(markdown: string, settings?: string): { code: number; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'check-'));
  writeFileSync(join(dir, 'doc.md'), markdown);
  if (settings) writeFileSync(join(dir, 'doc.snippets.yaml'), settings);
  try {
    const output = execFileSync('npm', ['run', '-s', 'check', '--', '--source', dir, '--no-cache', '--report', join(dir, 'r.json')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string };
    return { code: e.status, output: e.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A cell of one of the project's documents, as its fence: the Markdown around it is irrelevant here. */
function fenceAt(file: string, line: number): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  const end = lines.findIndex((l, i) => i >= line && l.startsWith('```'));
  return lines.slice(line - 1, end + 1).join('\n');
}

describe('claims inside functions and tables of events', () => {
  // A claim written inside main() (`# 3개 동시 실행 → 총 1초`) and a table of timed events in comments.
  const doc = ['# Claims', '', fenceAt('content/ko/asyncio-basics.md', 61), '', fenceAt('content/ko/asyncio-complete-guide.md', 676), ''].join('\n');

  it('are verified as the documents state them', () => {
    const result = check(doc);
    expect(result.output).toMatch(/2 verified/);
    expect(result.code).toBe(0);
  });

  it('fail when the claim inside a function is altered', () => {
    const altered = doc.replace('총 1초 (3초 아님!)', '총 3초 (3초 아님!)');
    expect(altered).not.toBe(doc);
    const result = check(altered);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/doc\.md:3: error\[drift\]: cell 1 \(\w+\) drift: "3개 동시 실행 → 총 3초 \(3초 아님!\)" \(line 11 of the source document\) says 3s, the run took 1s/);
  });

  it('fail when a setting beside the document matches no python block, naming its file and line', () => {
    const result = check(doc, 'cells:\n  deadbeef:\n    skip: "an old block"\n');
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/doc\.snippets\.yaml:2: error\[orphan-setting\]: setting for cell deadbeef matches no python block of .*doc\.md \(was the block edited\?\)/);
    expect(result.output).toMatch(/2 verified/);
  });

  it('fail when a row of the table is altered', () => {
    const altered = doc.replace('# 2.0      | 파일A 완료!', '# 2.5      | 파일A 완료!');
    expect(altered).not.toBe(doc);
    const result = check(altered);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/drift: the table says "파일A 완료! \(sleep 2초 끝\)" \(line \d+ of the source document\) happens 2\.5s after its first event; "파일A 다운로드 완료" was printed 2s after/);
  });
});

describe('npm run check on a document outside the project', () => {
  let original: { code: number; output: string };
  beforeAll(() => { original = check(SOURCE); });
  afterAll(() => {});

  it('reports the unacknowledged hang of the original document (no settings outside the project)', () => {
    expect(original.code).toBe(1);
    expect(original.output).toMatch(/doc\.md:202: error\[hangs\]: cell 8 \(296a5e87\) hangs/);
    expect(original.output).toMatch(/4 verified/);
  });

  it('fails with file, line and a diff when a stated output is altered', () => {
    const altered = SOURCE.replace('작업 3 완료! (1초 후)', '작업 3 완료됨! (1초 후)');
    const result = check(altered);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/doc\.md:\d+: error\[drift\]: cell 5 \(\w+\) drift: the stated output at line 113/);
    expect(result.output).toContain('-작업 3 완료됨!');
    expect(result.output).toContain('+작업 3 완료!');
  });

  it('fails when a timing claim is altered', () => {
    const altered = SOURCE.replace('작업 2 완료! (3초 후)', '작업 2 완료! (5초 후)');
    const result = check(altered);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/cell 5 \(\w+\) drift: line 115 of the source document: "작업 2 완료! \(5초 후\)" says 5s, the run shows 3s/);
  });

  it('fails when a snippet is altered so that it prints something else', () => {
    const altered = SOURCE.replace('task("작업 2", 3)', 'task("작업 2", 4)');
    expect(altered).not.toBe(SOURCE);
    const result = check(altered);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/drift: line 115 of the source document: "작업 2 완료! \(3초 후\)" says 3s, the run shows 4s/);
  });
});
