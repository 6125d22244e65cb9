// Documents written in English are checked like the Korean ones: `# Output:` blocks with
// `(after N s)` annotations, "took N s" claims, an "Expected output:" label, `# SyntaxError!` cues.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GUIDE = readFileSync('test/fixtures/english/guide.md', 'utf8');

function check(markdown: string): { code: number; report: { cells: { verdict: string; claims: { kind: string; ok: boolean }[] }[] } } {
  const dir = mkdtempSync(join(tmpdir(), 'english-'));
  writeFileSync(join(dir, 'guide.md'), markdown);
  let code = 0;
  try {
    execFileSync('npm', ['run', '-s', 'check', '--', '--source', dir, '--no-cache', '--report', join(dir, 'r.json')], { stdio: 'ignore' });
  } catch (error) {
    code = (error as { status: number }).status;
  }
  const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  return { code, report };
}

describe('an English document', () => {
  it('is verified, with its timing annotations and claims checked', () => {
    const { code, report } = check(GUIDE);
    expect(code).toBe(0);
    expect(report.cells.map((c) => c.verdict)).toEqual(['verified', 'verified', 'ran', 'expected-error']);
    // `# took 2.0 s` is a line of the `# Output:` block: the printed elapsed time, compared as that
    // line's content (printed-time), not also a claim about the code above it.
    expect(report.cells[0]!.claims.map((c) => c.kind)).toEqual(['line-time', 'line-time', 'printed-time']);
    expect(report.cells[1]!.claims).toMatchObject([{ kind: 'total', ok: true }]);
  });

  it('drifts when an English timing claim is wrong', () => {
    const { code, report } = check(GUIDE.replace('# took about 3 s in total', '# took 5 s in total'));
    expect(code).toBe(1);
    expect(report.cells[1]!.verdict).toBe('drift');
  });
});
