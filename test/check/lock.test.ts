// The lock: which differences fail a check, and how they are told.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { LockFileError, lockDifferences, readLock, writeLock, type LockFile } from '../../src/check/lock.ts';

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

describe('reading the lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'check.lock.json');
  const problemsOf = (text: string) => {
    writeFileSync(file, text);
    try {
      readLock(file);
    } catch (error) {
      expect(error).toBeInstanceOf(LockFileError);
      return (error as LockFileError).problems.map((p) => `${p.line}: ${p.message}`);
    }
    return [];
  };

  it('reads what writeLock wrote, and the project\'s own lock', () => {
    writeLock(file, lock);
    expect(readLock(file)).toEqual(lock);
    expect(Object.keys(readLock('content/check.lock.json')!.cells).length).toBeGreaterThan(50);
    expect(readLock(join(dir, 'absent.json'))).toBeNull();
  });

  it('keeps fields it does not know (a newer version may write them)', () => {
    writeFileSync(file, JSON.stringify({ ...lock, cells: { 'doc/abcd1234': { ...entry, later: 1 } } }));
    expect(readLock(file)!.cells['doc/abcd1234']).toMatchObject({ later: 1 });
  });

  it('refuses a damaged lock with an error naming the file and the line', () => {
    const good = JSON.stringify(lock, null, 2);
    expect(problemsOf(good.replace('"verified"', '"fine"'))).toEqual(['11: cells.doc/abcd1234.verdict: must be one of "verified", "drift", "ran", "expected-error", "error", "hangs", "skipped" (got "fine")']);
    expect(problemsOf(good.replace('"line": 10', '"line": "10"'))).toEqual(['10: cells.doc/abcd1234.line: must be a number (got "10")']);
    expect(problemsOf(good.replace(/\n\s*"key": "abcd1234",/, ''))).toEqual(['8: cells.doc/abcd1234.key: is required']);
    expect(problemsOf(good.replace('"doc/abcd1234"', '"abcd1234"'))).toEqual([expect.stringMatching(/^8: cells\.abcd1234: is not a valid key: must be `<document slug>\/<cell key>`/)]);
    expect(problemsOf(good.replace('"cells": {', '"cells": ['))).toEqual([expect.stringMatching(/^\d+: invalid JSON: /)]);
    expect(problemsOf('[]')).toEqual(['1: must be a mapping (got a list)']);
    writeFileSync(file, good.replace('"verified"', '"fine"'));
    expect(() => readLock(file)).toThrow(/check\.lock\.json is not a valid lock file:\n.*check\.lock\.json:11: cells\.doc\/abcd1234\.verdict: /);
  });

  it('is what the committed lock file is', () => {
    expect(() => readLock('content/check.lock.json')).not.toThrow();
    expect(JSON.parse(readFileSync('content/check.lock.json', 'utf8'))).toEqual(readLock('content/check.lock.json'));
  });
});

describe('npm run check with a damaged lock', () => {
  it('stops before any interpreter starts, with the lock\'s problems at their lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-cli-'));
    try {
      mkdirSync(join(dir, 'ko'));
      writeFileSync(join(dir, 'ko', 'doc.md'), '# T\n\n```python\nprint(1)\n```\n');
      writeFileSync(join(dir, 'check.lock.json'), '{\n  "runtime": {},\n  "cells": {\n    "doc/abcd1234": {"file": "x", "line": 1, "verdict": "fine", "key": "abcd1234", "output": ""}\n  }\n}\n');
      const result = spawnSync('npm', ['run', '-s', 'check', '--', '--source', join(dir, 'ko'), '--no-cache'], { encoding: 'utf8' });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('check FAILED: the lock file is not valid\n');
      expect(result.stderr).toMatch(/check\.lock\.json:4: error\[bad-lock\]: cells\.doc\/abcd1234\.verdict: must be one of .* \(got "fine"\)\n/);
      expect(result.stderr).not.toMatch(/sandbox:|at readLock/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
