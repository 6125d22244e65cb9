// Unified diffs as typed lines for readers: no patch headers, removed/added/context kept in order.
import { describe, expect, it } from 'vitest';
import { createPatch } from 'diff';
import { diffLines } from '../../src/emit/diff-lines.ts';

const patch = (stated: string, printed: string) => createPatch('doc/cell', stated, printed, 'stated in the document', 'printed by the run');

describe('diffLines', () => {
  it('drops Index, ===, ---/+++ and @@ lines and keeps the rest in order', () => {
    const lines = diffLines(patch('A 완료\nB 완료\n', 'B 완료\nA 완료\n'));
    expect(lines).toEqual([
      { kind: 'removed', text: 'A 완료' },
      { kind: 'context', text: 'B 완료' },
      { kind: 'added', text: 'A 완료' },
    ]);
    expect(lines.map((l) => l.text).join('\n')).not.toMatch(/Index:|====|stated in the document|@@/);
  });

  it('reads a removed line that starts with dashes as a line, not a file header', () => {
    const lines = diffLines(patch('x\n-- dash\n', 'x\n--- new\n++ plus\n'));
    expect(lines).toEqual([
      { kind: 'context', text: 'x' },
      { kind: 'removed', text: '-- dash' },
      { kind: 'added', text: '--- new' },
      { kind: 'added', text: '++ plus' },
    ]);
  });

  it('marks skipped lines between hunks with a gap', () => {
    const stated = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n';
    const lines = diffLines(patch(stated, stated.replace('b\n', 'B\n').replace('l\n', 'L\n')));
    const kinds = lines.map((l) => l.kind);
    expect(kinds.filter((k) => k === 'gap')).toHaveLength(1);
    expect(lines.slice(0, 3)).toEqual([{ kind: 'context', text: 'a' }, { kind: 'removed', text: 'b' }, { kind: 'added', text: 'B' }]);
    expect(lines.slice(-2)).toEqual([{ kind: 'removed', text: 'l' }, { kind: 'added', text: 'L' }]);
    expect(kinds.indexOf('gap')).toBeGreaterThan(kinds.indexOf('added'));
  });

  it('starts with a gap when the first hunk does not start at the first line', () => {
    const stated = Array.from({ length: 10 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const lines = diffLines(patch(stated, stated.replace('line 9', 'line nine')));
    expect(lines[0]).toEqual({ kind: 'gap', text: '' });
  });

  it('handles an empty side and missing final newlines', () => {
    expect(diffLines(patch('a\n', ''))).toEqual([{ kind: 'removed', text: 'a' }]);
    expect(diffLines(patch('a', 'b'))).toEqual([{ kind: 'removed', text: 'a' }, { kind: 'added', text: 'b' }]);
  });

  it('keeps what follows a hunk cut short (a capped diff) as a note', () => {
    const full = patch('a\nb\nc\n', 'x\ny\nz\n');
    const cut = full.split('\n').slice(0, 7).join('\n') + '\n[3 more lines not kept: output capped]\n';
    expect(diffLines(cut)).toEqual([
      { kind: 'removed', text: 'a' }, { kind: 'removed', text: 'b' },
      { kind: 'note', text: '[3 more lines not kept: output capped]' },
    ]);
  });

  it('keeps hostile text as it is (rendering it is the component\'s job, as text)', () => {
    const evil = '<script>alert(1)</script> {x} `y`';
    expect(diffLines(patch(`${evil}\n`, 'ok\n'))).toEqual([{ kind: 'removed', text: evil }, { kind: 'added', text: 'ok' }]);
  });

  it('gives nothing for an empty patch', () => {
    expect(diffLines('')).toEqual([]);
  });
});
