// One diff view for the build's erratum and the browser's live run: rows with kinds and markers,
// a legend in the page's language, none of the patch's headers.
import { describe, expect, it } from 'vitest';
import { createPatch } from 'diff';
import { diffView } from '../../src/components/diff-view.ts';

const patch = (stated: string, printed: string) => createPatch('asyncio-basics/59d908a8', stated, printed, 'stated in the document', 'printed by the run');

describe('diffView', () => {
  it('turns a patch into marked rows, in order, without Index, ===, ---/+++ or @@', () => {
    const view = diffView(patch('작업1 시작\n작업2 완료\n작업1 완료\n', '작업1 시작\n작업1 완료\n작업2 완료\n'), 'en');
    expect(view.rows.map((r) => [r.kind, r.mark, r.text])).toEqual([
      ['context', ' ', '작업1 시작'],
      ['removed', '-', '작업2 완료'],
      ['context', ' ', '작업1 완료'],
      ['added', '+', '작업2 완료'],
    ]);
    const text = view.rows.map((r) => r.text).join('\n');
    for (const header of ['Index:', '====', '---', '+++', '@@', 'stated in the document', 'printed by the run']) expect(text).not.toContain(header);
  });

  it('speaks the page\'s language: the legend and each row\'s spoken kind', () => {
    const p = patch('a\n', 'b\n');
    const ko = diffView(p, 'ko');
    const en = diffView(p, 'en');
    expect(ko.legend).toEqual({ removed: '문서에만 있음', added: '실행 결과에만 있음' });
    expect(en.legend).toEqual({ removed: 'only in the document', added: 'only in the run' });
    expect(ko.rows.map((r) => r.spoken)).toEqual(['문서에만 있음', '실행 결과에만 있음']);
    expect(ko.label).toBe('문서와 실행 결과의 차이');
  });

  it('keeps every line of a long diff (nothing cut after ten lines)', () => {
    const stated = Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const printed = Array.from({ length: 30 }, (_, i) => `line ${i}${i % 2 ? '!' : ''}`).join('\n') + '\n';
    const rows = diffView(patch(stated, printed), 'en').rows;
    expect(rows.filter((r) => r.kind === 'removed')).toHaveLength(15);
    expect(rows.filter((r) => r.kind === 'added')).toHaveLength(15);
    expect(rows.filter((r) => r.kind === 'context')).toHaveLength(15);
  });
});
