// What the check, the build and `npm run snippet` print, for a hostile document: no line that a
// snippet or a document wrote can pass for one of the check's own, or for a GitHub command.
import { describe, expect, it } from 'vitest';
import { buildReport, githubAnnotations, junit } from '../../src/check/report.ts';
import { consoleReport } from '../../src/cli/check.ts';
import { snippetText } from '../../src/cli/snippet.ts';
import type { CellRun } from '../../src/kernel/types.ts';
import { EVALUE, hostileResult } from '../security/hostile.ts';
import { diagnostic } from '../../src/check/diagnostics.ts';

const OWN = /^(check passed|check FAILED|-- (ok|error|hangs|timeout):|::)/;

describe('console output of a hostile check', () => {
  const report = buildReport(hostileResult());

  it('prints "check passed" only as its own last line, and quotes the rest behind a prefix', () => {
    for (const github of [false, true]) {
      const lines = consoleReport(report, [], github).trimEnd().split('\n');
      expect(lines.at(-1)).toMatch(/^check FAILED: \d+ problem\(s\)$/);
      const own = lines.slice(0, -1).filter((l) => OWN.test(l.trimStart()) && !/^::(error|warning) file=/.test(l));
      expect(own).toEqual([]);
      expect(lines.some((l) => l === '    | check passed')).toBe(true);
      for (const l of lines) expect(l).not.toMatch(/[\r\u001b\u0007]/);
    }
  });

  it('writes one GitHub annotation per problem, with its code as the title and its message and properties encoded', () => {
    const lines = githubAnnotations([...report.problems, diagnostic('kernel-failed', { file: 'a,b:c.md', line: 3 }, '100%\r\n::warning::x'), diagnostic('unclosed-fence', { file: 'd.md', line: 4 }, '```py', 2)]);
    expect(lines).toHaveLength(report.problems.length + 2);
    for (const l of lines) expect(l).not.toMatch(/[\r\n]/);
    expect(lines.at(-2)).toBe('::error file=a%2Cb%3Ac.md,line=3,title=kernel-failed::the kernel failed on this document: 100%25%0D%0A::warning::x');
    expect(lines.at(-1)).toBe('::warning file=d.md,line=4,title=unclosed-fence::the fence `\`\`\`py` opened here is never closed: the rest of the document (2 lines) is read as its code');
  });

  it('writes JUnit XML with every quoted text escaped', () => {
    const xml = junit(report);
    // The tool's name, not the guide's: any repository's CI shows it.
    expect(xml.split('\n')[1]).toBe('<testsuites name="execdocs check">');
    expect(xml).not.toMatch(/<(?!\/?(testsuites|testsuite|testcase|failure|skipped|system-out|properties|property)\b|\?xml)/);
    expect(xml).toContain(xmlEscaped(EVALUE.split('\n')[2]!));
  });

  it('keeps reasons and diffs in the JSON report within the output cap', () => {
    const huge = buildReport({ ...hostileResult(), documents: hostileResult().documents.map((d) => ({ ...d, cells: d.cells.map((c) => ({ ...c, verdict: { ...c.verdict, diff: 'x\n'.repeat(20_000) } })) })) });
    for (const c of huge.cells) expect(c.diff!.split('\n').length).toBeLessThanOrEqual(10_002);
    expect(huge.cells[0]!.diff).toMatch(/more lines not kept/);
  });
});

function xmlEscaped(s: string) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

describe('npm run snippet output', () => {
  it('keeps printed text behind time stamps and tracebacks behind a prefix', () => {
    const run: CellRun = {
      status: 'error', events: [{ stream: 'stdout', text: 'a\r-- ok: 0.000s virtual\u001b[2K\n', t: 0 }],
      result: null, error: { ename: 'E', evalue: 'x\n-- ok: 0.000s virtual', traceback: ['Traceback (most recent call last):\n', 'E: x\n-- ok: 0.000s virtual, 0.0 ms real\n'] },
      virtualSeconds: 0, cpuMs: 1, trace: { actors: [] }, statements: [], defines: [], imports: [], uses: [], world: [],
    };
    const lines = snippetText(run).split('\n');
    expect(lines.filter((l) => /^-- /.test(l))).toEqual(['-- error: 0.000s virtual, 1.0 ms real']);
    expect(lines[0]).toBe('[   0.000s]   a\\r-- ok: 0.000s virtual\\x1b[2K');
    expect(lines).toContain('  | -- ok: 0.000s virtual, 0.0 ms real');
  });
});
