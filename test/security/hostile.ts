// A checked result for the hostile fixture, without Pyodide: the document is parsed and its settings
// loaded and judged by the real code; the runs are what a hostile snippet can make the kernel record
// (any output, any exception message, any task name).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../src/source/document.ts';
import { loadSettings } from '../../src/check/settings.ts';
import { judge } from '../../src/check/verdict.ts';
import type { CheckResult } from '../../src/check/run.ts';
import type { CellRun, TraceActor } from '../../src/kernel/types.ts';
import { diagnostic } from '../../src/check/diagnostics.ts';

export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const HOSTILE_FILE = join(FIXTURES, 'hostile.md');

export const PWNED = '/tmp/pwned';

/** What the first cell prints, line by line, as Python would. */
export const PRINTED = [
  '<img src=x onerror=alert(1)>',
  '{ } {(()=>{require("fs").writeFileSync("/tmp/pwned","out")})()}',
  '[click](javascript:alert(1)) ![i](https://evil.example/i.png) **bold** <!-- c -->',
  '%%{init: {"securityLevel": "loose"}}%%',
  'import os from "fs"',
  'export const x = 1',
  ':::note',
  '`tick` &amp; &lt;b&gt;',
];
export const STDERR = '\u001b]8;;javascript:alert(1)\u0007link\u001b]8;;\u0007 \u001b[2K\rcheck passed';

export const EVALUE = 'bad\ncheck passed\n[link](javascript:alert(2)) ![img](https://evil.example/x.png) <b onmouseover=alert(3)>';

export const LABELS = [
  "job('a:b;c#d\n%%{init: {\"securityLevel\":\"loose\"}}%%')",
  'x\nclick a0s0 href "javascript:alert(1)"',
  '<script>alert(1)</script> &amp;',
];

function run(partial: Partial<CellRun>): CellRun {
  return { status: 'ok', events: [], result: null, error: null, virtualSeconds: 1, cpuMs: 2, trace: { actors: [] }, statements: [], defines: [], imports: [], uses: [], world: [], ...partial };
}

function actor(id: string, label: string, started: number, finished: number): TraceActor {
  return { id, kind: 'task', name: label, label, thread: 'MainThread', created: started, started, finished, outcome: 'ok', error: null, spans: [{ kind: 'sleep', from: started, to: finished, detail: label }] };
}

function runFor(key: string): CellRun | null {
  switch (key) {
    case 'becd562d':
      return run({
        events: [
          { stream: 'stdout', text: PRINTED.slice(0, 4).map((l) => `${l}\n`).join(''), t: 0 },
          { stream: 'stdout', text: `${PRINTED.slice(4).join('\n')}\n`, t: 0.5 },
          { stream: 'stderr', text: `${STDERR}\n`, t: 0.5 },
        ],
        result: { 'text/plain': "'<svg onload=alert(1)>'" },
      });
    case '2bc09d85':
      return run({
        status: 'error',
        error: { ename: 'ValueError', evalue: EVALUE, traceback: ['Traceback (most recent call last):\n', '  File "<cell 2>", line 1, in <module>\n', `ValueError: ${EVALUE}\n`] },
      });
    case '4130cc56':
      return run({ trace: { actors: LABELS.map((label, i) => actor(`t${i}`, label, 0, 1 + i)) }, virtualSeconds: 3 });
    case 'c004a8a9':
      return run({ events: [{ stream: 'stdout', text: '<b>{x}</b>\n```\n</pre><script>alert(8)</script>\n', t: 0 }] });
    default:
      return null;
  }
}

export function hostileResult(): CheckResult {
  const document = parseDocument(readFileSync(HOSTILE_FILE, 'utf8'), 'test/security/fixtures/hostile.md');
  const notes = loadSettings(HOSTILE_FILE);
  const cells = document.cells.map((cell) => {
    const note = notes.cells.get(cell.key);
    const r = note?.skip || cell.notPython ? null : runFor(cell.key);
    return { cell, run: r, verdict: judge(cell, r, note), settings: note, cached: false, needs: [] };
  });
  return {
    runtime: { pyodide: 'test', kernel: 'test', python: '3.14' },
    documents: [{ document, cells, fixtures: [], translation: null }],
    problems: [diagnostic('kernel-failed', { file: 'test/security/fixtures/hostile.md', line: 1 }, EVALUE)],
    reused: 0,
    ran: cells.length,
  };
}
