// What the kernel is given to run a source cell: its code, budgets, input and the timed segments its
// timing claims need. One function for the build (plan.ts) and the reader's browser (live.ts), so a
// run in the page can be judged by the same claims as the build's run: a claim inside a function
// body is checked against the kernel's timing of its segment, which the kernel only takes when it
// is asked for. Pure and free of Node APIs: the page's runner bundles it.
import type { KernelCell } from '../kernel/types.ts';
import type { Cell } from '../source/model.ts';
import type { CellSettings } from './settings.ts';
import { usesTopLevelAwait } from '../source/traits.ts';

/** The runs of statements inside function bodies that the cell's timing claims measure. */
export function segmentsOf(cell: Pick<Cell, 'claims'>): NonNullable<KernelCell['segments']> {
  return cell.claims.flatMap((c) => (c.segment ? [c.segment] : []));
}

/** The kernel cells a source cell runs as: a transcript one per statement, as the REPL runs it. */
export function kernelCellsOf(cell: Cell, settings: CellSettings | undefined): KernelCell[] {
  const how = { budget: settings?.budget, realBudget: settings?.realBudget, number: cell.index, ...(settings?.input !== undefined ? { stdin: settings.input } : {}) };
  if (cell.form === 'transcript') {
    return cell.examples.map((example, k) => ({ id: `${cell.id}#${k + 1}`, code: example.source, ...how, ...(cell.topLevelAwait ? { onLoop: true } : {}) }));
  }
  const segments = segmentsOf(cell);
  // Only a file that awaits outside a function compiles differently from a notebook cell.
  const script = cell.script && usesTopLevelAwait(cell.runCode) ? { script: true } : {};
  return [{ id: cell.id, code: cell.runCode, ...how, ...(segments.length ? { segments } : {}), ...script }];
}
