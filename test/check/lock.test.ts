// The lock: which differences fail a check, and how they are told.
import { describe, expect, it } from 'vitest';
import { lockDifferences, type LockFile } from '../../src/check/lock.ts';

const entry = { file: 'content/ko/doc.md', line: 10, verdict: 'verified', key: 'abcd1234', output: '[0.000] 시작\n[1.000] 끝' };
const lock: LockFile = { runtime: { pyodide: '314.0.7', kernel: 'aaaa', python: '3.14' }, cells: { 'doc/abcd1234': entry } };
const withChange = (change: Record<string, string>, cell: Partial<typeof entry> = {}): LockFile => ({
  runtime: { ...lock.runtime, ...change },
  cells: { 'doc/abcd1234': { ...entry, ...cell } },
});

describe('lock differences', () => {
  it('none when nothing changed', () => {
    expect(lockDifferences(lock, withChange({}))).toEqual([]);
  });

  it('a new kernel fingerprint alone is not a difference: what it changes shows in the cells', () => {
    expect(lockDifferences(lock, withChange({ kernel: 'bbbb' }))).toEqual([]);
  });

  it('another Pyodide or Python is a difference', () => {
    const found = lockDifferences(lock, withChange({ pyodide: '314.1.0', python: '3.15' }));
    expect(found.map((d) => d.message)).toEqual(['pyodide is 314.1.0, the lock has 314.0.7', 'python is 3.15, the lock has 3.14']);
  });

  it('a changed output is shown as a diff of the locked output against the new one', () => {
    const [found, ...rest] = lockDifferences(lock, withChange({}, { output: '[0.000] 시작\n[2.000] 끝' }));
    expect(rest).toEqual([]);
    expect(found!.id).toBe('doc/abcd1234');
    expect(found!.message).toContain('-[1.000] 끝');
    expect(found!.message).toContain('+[2.000] 끝');
  });

  it('a changed verdict, a new cell and a removed cell are each one difference', () => {
    const next: LockFile = { runtime: lock.runtime, cells: { 'doc/abcd1234': { ...entry, verdict: 'drift' }, 'doc/ffff0000': entry } };
    expect(lockDifferences(lock, next).map((d) => `${d.id}: ${d.message}`)).toEqual([
      'doc/abcd1234: verdict drift, the lock has verified',
      'doc/ffff0000: new cell, not in the lock',
    ]);
    expect(lockDifferences(next, lock).map((d) => `${d.id}: ${d.message}`)).toEqual([
      'doc/abcd1234: verdict verified, the lock has drift',
      'doc/ffff0000: in the lock but no longer in the documents',
    ]);
  });
});
