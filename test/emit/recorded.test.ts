// Two builds from the same sources and lock show the same pages: the real cost is the lock's figure,
// memory addresses are masked by the one address rule, and the lock keeps a figure while the code stays.
import { describe, expect, it } from 'vitest';
import { asRecorded } from '../../src/emit/recorded.ts';
import { lockOf } from '../../src/cli/check.ts';
import { maskAddresses } from '../../src/check/normalize.ts';
import type { CheckResult } from '../../src/check/run.ts';
import type { LockFile } from '../../src/check/lock.ts';

function resultWith(cpuMs: number, printed: string, key = 'k1'): CheckResult {
  const run = {
    status: 'ok', events: [{ stream: 'stdout', text: printed, t: 0 }], result: null, error: null, virtualSeconds: 0, cpuMs,
    trace: { actors: [{ id: 't1', kind: 'task', name: 'Task-1', label: 'fetch(<Session object at 0x16b7ec8>)', thread: 'main', created: 0, started: 0, finished: 1, outcome: 'ok', error: null, spans: [] }] },
    statements: [], defines: [], imports: [], uses: [], world: [],
  };
  const cell = { id: 'doc/c1', key, file: 'content/ko/doc.md', line: 3 };
  const verdict = { verdict: 'ran', reason: 'ran cleanly', why: { kind: 'ran' }, diff: null, claims: [], acknowledged: null, settingsProblem: null, announced: false };
  return { runtime: { pyodide: 'p', kernel: 'k', python: '3.14' }, problems: [], reused: 0, ran: 1,
    documents: [{ document: {}, cells: [{ cell, run, verdict, cached: false }] }] } as unknown as CheckResult;
}

const lockWith = (cpuMs: number, key = 'k1'): LockFile => ({
  runtime: {}, cells: { 'doc/c1': { file: 'content/ko/doc.md', line: 3, verdict: 'ran', key, output: '', cpuMs } },
});

describe('the pages of a check', () => {
  it('show the real cost the lock recorded, not the one just measured', () => {
    const shown = asRecorded(resultWith(12.34, 'x\n'), lockWith(10));
    expect(shown.documents[0]!.cells[0]!.run!.cpuMs).toBe(10);
  });

  it('show the measured cost where the lock has none for this code', () => {
    expect(asRecorded(resultWith(12.34, 'x\n'), lockWith(10, 'other')).documents[0]!.cells[0]!.run!.cpuMs).toBe(12.34);
    expect(asRecorded(resultWith(12.34, 'x\n'), null).documents[0]!.cells[0]!.run!.cpuMs).toBe(12.34);
  });

  it('mask memory addresses in outputs and timeline labels, and nothing else', () => {
    const shown = asRecorded(resultWith(1, '<coroutine object main at 0x195d860> 0xff\n'), null).documents[0]!.cells[0]!.run!;
    expect(shown.events[0]!.text).toBe('<coroutine object main at 0x…> 0xff\n');
    expect(shown.trace.actors[0]!.label).toBe('fetch(<Session object at 0x…>)');
  });

  it('are the same for two runs that differ only in addresses and measured costs', () => {
    const lock = lockOf(resultWith(3.1, '<a at 0x11bd1d0>\n'));
    const first = asRecorded(resultWith(3.1, '<a at 0x11bd1d0>\n'), lock);
    const second = asRecorded(resultWith(4.7, '<a at 0x195d860>\n'), lock);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });
});

describe('the lock', () => {
  it('keeps a recorded cost while the code stays, and measures again when it changes', () => {
    expect(lockOf(resultWith(9.87, 'x\n'), lockWith(10)).cells['doc/c1']!.cpuMs).toBe(10);
    expect(lockOf(resultWith(9.87, 'x\n', 'k2'), lockWith(10)).cells['doc/c1']!.cpuMs).toBe(9.9);
    expect(lockOf(resultWith(9.87, 'x\n'), null).cells['doc/c1']!.cpuMs).toBe(9.9);
  });
});

describe('the memory-address rule', () => {
  it('masks what a repr prints after "at" and long hex numbers, and keeps short hex values', () => {
    expect(maskAddresses('<function f at 0x7f3a2b1c9d60>')).toBe('<function f at 0x…>');
    expect(maskAddresses('<Lock at 0x1a [unlocked]>')).toBe('<Lock at 0x… [unlocked]>');
    expect(maskAddresses('id 0x16b82f0')).toBe('id 0x…');
    expect(maskAddresses('hex(255) = 0xff, 0xdead')).toBe('hex(255) = 0xff, 0xdead');
  });
});
