import { describe, expect, it } from 'vitest';
import { editBound, lineOf } from '../../src/cli/bench-dev-bound.ts';

const cells = [
  { file: 'a.md', line: 40, cpuMs: 300 },
  { file: 'b.md', line: 5, cpuMs: 9_000 },
  { file: 'a.md', line: 3, cpuMs: 1_000 },
  { file: 'a.md', line: 90, cpuMs: 4_000 },
  { file: 'a.md', line: 20, cpuMs: null },
];

describe('the bound of a one-cell edit', () => {
  it('is the replay of every earlier cell of the document plus the edited cell', () => {
    expect(editBound(cells, 'a.md', 45)).toEqual({ replayed: 2, replayMs: 1_000, editedMs: 300, boundMs: 1_300 });
  });

  it('counts nothing before the first cell and leaves other documents out', () => {
    expect(editBound(cells, 'a.md', 3)).toEqual({ replayed: 0, replayMs: 0, editedMs: 1_000, boundMs: 1_000 });
    expect(editBound(cells, 'b.md', 100)).toEqual({ replayed: 0, replayMs: 0, editedMs: 9_000, boundMs: 9_000 });
  });

  it('has none for a line before any cell or a file with no cells', () => {
    expect(editBound(cells, 'a.md', 2)).toBeNull();
    expect(editBound(cells, 'c.md', 10)).toBeNull();
  });

  it('finds the line of a text', () => {
    expect(lineOf('one\ntwo\nthree task(1)\n', 'task(1)')).toBe(3);
    expect(lineOf('x', 'y')).toBeNull();
  });
});
