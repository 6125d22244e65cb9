// A block that needs what the sandbox does not provide (a network, another process, a construct the
// kernel cannot model) is skipped with warning[runtime-limit] naming what it needed, and does not fail
// the check, whether its program let the refusal raise or caught it and printed something else; a
// block that fails on its own, or is refused something the document announces as an error, is judged.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const root = mkdtempSync(join(tmpdir(), 'runtime-limit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Report { cells: { line: number; verdict: string; reason: string }[]; problems: { line: number; code: string; severity: string }[] }

function check(markdown: string, extra: string[] = []): { code: number; output: string; report: Report } {
  const dir = mkdtempSync(join(root, 'doc-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'doc.md'), markdown);
  const report = join(dir, 'r.json');
  let code = 0;
  let output: string;
  try {
    output = execFileSync('npm', ['run', '-s', 'check', '--', '--source', dir, '--no-cache', '--report', report, ...extra], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as { status: number; stdout: string };
    code = e.status;
    output = e.stdout;
  }
  return { code, output, report: JSON.parse(readFileSync(report, 'utf8')) as Report };
}

const fence = (code: string) => ['```python', code, '```', ''].join('\n');

const DOC = [
  '# Needs more than the sandbox', '',
  fence('import asyncio\n\nasync def main():\n    reader, writer = await asyncio.open_connection("127.0.0.1", 8888)\n    print(await reader.read(100))\n\nasyncio.run(main())'),
  'Output:', '', '```', "b'hello'", '```', '',
  fence('import socket\ntry:\n    socket.create_connection(("example.com", 80))\n    print("connected")\nexcept OSError as e:\n    print("failed:", e.errno)'),
  'Output:', '', '```', 'connected', '```', '',
  fence('import multiprocessing\n\ndef work():\n    print("child")\n\nif __name__ == "__main__":\n    p = multiprocessing.Process(target=work)\n    p.start()\n    p.join()'),
  fence('print(1 + 1)'),
  'Output:', '', '```', '3', '```', '',
].join('\n');

describe('runtime limits', () => {
  it('skips what needs a network or another process, with a warning naming it; still fails the block that is wrong on its own', () => {
    const { code, output, report } = check(DOC);
    expect(report.cells.map((c) => [c.line, c.verdict])).toEqual([[3, 'skipped'], [19, 'skipped'], [34, 'skipped'], [46, 'drift']]);
    // It states an output and raised: a drift, but the refusal's, not the document's.
    expect(report.cells[0]!.reason).toBe("not checked: it needs a network connection, which the sandbox does not provide (refused that, the run's verdict would be drift)");
    // Caught and printed otherwise: the drift it would have been is the refusal's, not the document's.
    expect(report.cells[1]!.reason).toBe("not checked: it needs a network connection, which the sandbox does not provide (refused that, the run's verdict would be drift)");
    expect(report.cells[2]!.reason).toMatch(/^not checked: it needs what the kernel cannot model \(multiprocessing\.Process cannot be modelled/);
    expect(report.problems.map((p) => [p.line, p.code, p.severity])).toEqual([[3, 'runtime-limit', 'warning'], [19, 'runtime-limit', 'warning'], [34, 'runtime-limit', 'warning'], [46, 'drift', 'error']]);
    expect(code).toBe(1);
    expect(output).toContain('doc.md:3: warning[runtime-limit]: cell 1');
  });

  it('passes with only limits, and a project can ignore their warnings', () => {
    const only = DOC.split('```python\nprint(1 + 1)')[0]!;
    const passed = check(only);
    expect([passed.code, passed.report.cells.map((c) => c.verdict)]).toEqual([0, ['skipped', 'skipped', 'skipped']]);
    expect(passed.output).toMatch(/check passed \(3 warnings\)/);
  });

  it('judges a refusal the document announces as the error it is', () => {
    const announced = ['# Offline', '', 'This raises `OSError` because nothing listens:', '', fence('import socket\nsocket.create_connection(("127.0.0.1", 9))')].join('\n');
    const { code, report } = check(announced);
    expect([code, report.cells.map((c) => c.verdict)]).toEqual([0, ['expected-error']]);
  });
});
