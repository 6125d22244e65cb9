// Which earlier cells a cell needs: one rule for the check (cache keys, what to rerun), the pages'
// prelude and the browser's runner, so the browser runs the cells the build ran.
//
// Walking back from the cell, a name it uses (and does not define or import itself) is satisfied
// by the nearest earlier cell that defines it: that is the definition the cell sees. The needed
// cell's own uses are wanted in turn. A cell whose names are unknown (edited, never run) either
// stops nothing and is skipped (`nearest`), or is taken, since it may define anything (`cautious`:
// the check's choice, where missing a dependency would reuse a stale result).

export interface CellNames {
  /** Names the cell binds; null when unknown (never run). */
  defines: readonly string[] | null;
  /** Names it reads from the namespace; null when unknown. */
  uses: readonly string[] | null;
  /** Names it binds by its own imports (it does not need them from earlier cells). */
  imports?: readonly string[];
  /** False for cells that never run (not Python, skipped): they define nothing. */
  runnable?: boolean;
}

export type DependencyMode = 'nearest' | 'cautious';

/** Names a cell wants from earlier cells. */
export function wantedNames(cell: CellNames, fallbackUses: readonly string[] = []): Set<string> {
  const own = new Set([...(cell.defines ?? []), ...(cell.imports ?? [])]);
  return new Set((cell.uses ?? fallbackUses).filter((n) => !own.has(n)));
}

/** Indices (ascending) of the cells before `index` that it needs, transitively. */
export function earlierCellsNeeded(cells: readonly CellNames[], index: number, mode: DependencyMode = 'nearest', wanted = wantedNames(cells[index]!)): number[] {
  const needed: number[] = [];
  const open = new Set(wanted);
  for (let i = index - 1; i >= 0 && open.size > 0; i--) {
    const cell = cells[i]!;
    if (cell.runnable === false) continue;
    if (cell.defines === null) {
      if (mode === 'nearest') continue;
      needed.push(i);
      continue;
    }
    const hit = cell.defines.filter((n) => open.has(n));
    if (hit.length === 0) continue;
    needed.push(i);
    for (const n of hit) open.delete(n);
    for (const n of wantedNames(cell)) open.add(n);
  }
  return needed.sort((a, b) => a - b);
}
