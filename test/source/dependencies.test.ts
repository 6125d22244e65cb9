// One rule for "which earlier cells does this cell need", used by the check, the pages' prelude and
// the browser's runner. The cases show where the three used to disagree.
import { describe, expect, it } from 'vitest';
import { earlierCellsNeeded, wantedNames, type CellNames } from '../../src/source/dependencies.ts';

const cell = (defines: string[] | null, uses: string[] | null, extra: Partial<CellNames> = {}): CellNames => ({ defines, uses, ...extra });

describe('earlierCellsNeeded', () => {
  it('takes the nearest earlier definition and stops wanting a name once it is found', () => {
    // Two cells define `fetch`; the later one is what cell 3 sees. The check used to take both
    // (it never dropped a satisfied name), the runner and the prelude only the nearest.
    const cells = [cell(['asyncio'], []), cell(['fetch'], ['asyncio']), cell(['fetch'], ['asyncio']), cell([], ['fetch'])];
    expect(earlierCellsNeeded(cells, 3, 'nearest')).toEqual([0, 2]);
    expect(earlierCellsNeeded(cells, 3, 'cautious')).toEqual([0, 2]);
  });

  it('follows what a needed cell uses in turn', () => {
    const cells = [cell(['helper'], []), cell(['main'], ['helper']), cell([], ['main'])];
    expect(earlierCellsNeeded(cells, 2)).toEqual([0, 1]);
  });

  it('a cell that failed still defines what it bound before failing: the prelude used to skip it', () => {
    const cells = [cell(['asyncio', 'x'], []), cell([], ['x'])];
    expect(earlierCellsNeeded(cells, 1)).toEqual([0]);
  });

  it('unknown names: skipped when nearest, taken when cautious', () => {
    const cells = [cell(['a'], []), cell(null, null), cell([], ['a'])];
    expect(earlierCellsNeeded(cells, 2, 'nearest')).toEqual([0]);
    expect(earlierCellsNeeded(cells, 2, 'cautious')).toEqual([0, 1]);
  });

  it('cells that never run define nothing', () => {
    const cells = [cell(['a'], []), cell(['a'], [], { runnable: false }), cell([], ['a'])];
    expect(earlierCellsNeeded(cells, 2)).toEqual([0]);
  });

  it('a cell does not want what it imports or defines itself', () => {
    expect([...wantedNames(cell(['main'], ['asyncio', 'main', 'x'], { imports: ['asyncio'] }))]).toEqual(['x']);
  });
});
