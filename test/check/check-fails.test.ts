// The check must fail when a document and reality drift apart: an altered stated output, an
// altered timing claim, an altered snippet. It runs the real command on a copy of a document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const SOURCE = readFileSync('content/ko/async-io-performance.md', 'utf8');

function check(markdown: string): { code: number; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'check-'));
  writeFileSync(join(dir, 'doc.md'), markdown);
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

describe('npm run check on a document outside the project', () => {
  let original: { code: number; output: string };
  beforeAll(() => { original = check(SOURCE); });
  afterAll(() => {});

  it('reports the unacknowledged hang of the original document (no annotations outside the project)', () => {
    expect(original.code).toBe(1);
    expect(original.output).toMatch(/doc\.md:202: cell 8 \(296a5e87\) hangs/);
    expect(original.output).toMatch(/4 verified/);
  });

  it('fails with file, line and a diff when a stated output is altered', () => {
    const altered = SOURCE.replace('작업 3 완료! (1초 후)', '작업 3 완료됨! (1초 후)');
    const result = check(altered);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/doc\.md:\d+: cell 5 \(\w+\) drift: the stated output at line 113/);
    expect(result.output).toContain('-작업 3 완료됨!');
    expect(result.output).toContain('+작업 3 완료!');
  });

  it('fails when a timing claim is altered', () => {
    const altered = SOURCE.replace('작업 2 완료! (3초 후)', '작업 2 완료! (5초 후)');
    const result = check(altered);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/cell 5 \(\w+\) drift: line 115: "작업 2 완료! \(5초 후\)" says 5s, the run shows 3s/);
  });

  it('fails when a snippet is altered so that it prints something else', () => {
    const altered = SOURCE.replace('task("작업 2", 3)', 'task("작업 2", 4)');
    expect(altered).not.toBe(SOURCE);
    const result = check(altered);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/drift: line 115: "작업 2 완료! \(3초 후\)" says 3s, the run shows 4s/);
  });
});
