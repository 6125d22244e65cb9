// The check must fail when a document and reality drift apart: an altered stated output, an
// altered timing claim, an altered snippet. It runs the real command on copies of documents: the
// unaltered copy alone (it must pass), then every altered copy together in one run (each must fail
// on its own lines), so the command starts twice instead of once per case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Report } from '../../src/check/report.ts';

interface CheckRun { code: number; output: string; report: Report }

/** Runs `npm run check` on a directory holding `files` (name → text) and reads its JSON report. */
function check(files: Record<string, string>): CheckRun {
  const dir = mkdtempSync(join(tmpdir(), 'check-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const reportFile = join(dir, 'r.json');
  const read = (code: number, output: string): CheckRun => ({ code, output, report: JSON.parse(readFileSync(reportFile, 'utf8')) as Report });
  try {
    return read(0, execFileSync('npm', ['run', '-s', 'check', '--', '--source', dir, '--no-cache', '--report', reportFile], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  } catch (error) {
    const e = error as { status: number; stdout: string };
    return read(e.status, e.stdout);
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

/** Replaces `from` by `to` and insists the text changed, so a case cannot pass by altering nothing. */
function altered(text: string, from: string, to: string): string {
  const result = text.replace(from, to);
  expect(result, `"${from}" is in the document`).not.toBe(text);
  return result;
}

/** The verdict counts of one document of a run (the report names documents by their path). */
function countsOf(run: CheckRun, file: string): Record<string, number> | undefined {
  const entry = Object.entries(run.report.summary.byDocument).find(([path]) => path === file || path.endsWith(`/${file}`));
  return entry?.[1];
}

/** The output lines of one file of a run. */
const linesOf = (run: CheckRun, file: string) => run.output.split('\n').filter((l) => l.includes(`${file}:`)).join('\n');

// A claim written inside main() (`# 3개 동시 실행 → 총 1초`) and a table of timed events in comments.
const CLAIMS = ['# Claims', '', fenceAt('content/ko/asyncio-basics.md', 61), '', fenceAt('content/ko/asyncio-complete-guide.md', 676), ''].join('\n');
const SOURCE = readFileSync('content/ko/async-io-performance.md', 'utf8');

let unaltered: CheckRun;
let broken: CheckRun;
beforeAll(() => {
  unaltered = check({ 'claims.md': CLAIMS });
  broken = check({
    'claim-in-function.md': altered(CLAIMS, '총 1초 (3초 아님!)', '총 3초 (3초 아님!)'),
    'orphan-setting.md': CLAIMS,
    'orphan-setting.snippets.yaml': 'cells:\n  deadbeef:\n    skip: "an old block"\n',
    'table-row.md': altered(CLAIMS, '# 2.0      | 파일A 완료!', '# 2.5      | 파일A 완료!'),
    'original.md': SOURCE,
    'stated-output.md': altered(SOURCE, '작업 3 완료! (1초 후)', '작업 3 완료됨! (1초 후)'),
    'timing-claim.md': altered(SOURCE, '작업 2 완료! (3초 후)', '작업 2 완료! (5초 후)'),
    'snippet.md': altered(SOURCE, 'task("작업 2", 3)', 'task("작업 2", 4)'),
  });
});
afterAll(() => {});

describe('claims inside functions and tables of events', () => {
  it('are verified as the documents state them', () => {
    expect(unaltered.output).toMatch(/2 verified/);
    expect(Object.keys(unaltered.report.summary.byDocument)).toHaveLength(1);
    expect(countsOf(unaltered, 'claims.md')).toEqual({ verified: 2 });
    expect(unaltered.code).toBe(0);
  });

  it('fail when the claim inside a function is altered', () => {
    expect(broken.code).toBe(1);
    expect(linesOf(broken, 'claim-in-function.md')).toMatch(/claim-in-function\.md:3: error\[drift\]: cell 1 \(\w+\) drift: "3개 동시 실행 → 총 3초 \(3초 아님!\)" \(line 11 of the source document\) says 3s, the run took 1s/);
  });

  it('fail when a setting beside the document matches no python block, naming its file and line', () => {
    expect(broken.output).toMatch(/orphan-setting\.snippets\.yaml:2: error\[orphan-setting\]: setting for cell deadbeef matches no python block of .*orphan-setting\.md \(was the block edited\?\)/);
    expect(countsOf(broken, 'orphan-setting.md')).toEqual({ verified: 2 });
  });

  it('fail when a row of the table is altered', () => {
    expect(linesOf(broken, 'table-row.md')).toMatch(/drift: the table says "파일A 완료! \(sleep 2초 끝\)" \(line \d+ of the source document\) happens 2\.5s after its first event; "파일A 다운로드 완료" was printed 2s after/);
  });
});

describe('npm run check on a document outside the project', () => {
  it('reports the unacknowledged hang of the original document (no settings outside the project)', () => {
    expect(broken.output).toMatch(/original\.md:202: error\[hangs\]: cell 8 \(296a5e87\) hangs/);
    expect(countsOf(broken, 'original.md')?.verified).toBe(4);
  });

  it('fails with file, line and a diff when a stated output is altered', () => {
    expect(linesOf(broken, 'stated-output.md')).toMatch(/stated-output\.md:\d+: error\[drift\]: cell 5 \(\w+\) drift: the stated output at line 113/);
    expect(broken.output).toContain('-작업 3 완료됨!');
    expect(broken.output).toContain('+작업 3 완료!');
  });

  it('fails when a timing claim is altered', () => {
    expect(linesOf(broken, 'timing-claim.md')).toMatch(/cell 5 \(\w+\) drift: line 115 of the source document: "작업 2 완료! \(5초 후\)" says 5s, the run shows 3s/);
  });

  it('fails when a snippet is altered so that it prints something else', () => {
    expect(linesOf(broken, 'snippet.md')).toMatch(/drift: line 115 of the source document: "작업 2 완료! \(3초 후\)" says 3s, the run shows 4s/);
  });

  it('leaves the unaltered documents of the same run as they are', () => {
    // The same document's verdicts alone and beside seven others: no case leaks into another.
    expect(countsOf(broken, 'orphan-setting.md')).toEqual(countsOf(unaltered, 'claims.md'));
    expect(broken.output).not.toMatch(/orphan-setting\.md:\d+: error\[drift\]/);
  });
});
