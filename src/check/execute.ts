// The check's runs: every document's group on the kernel pool, the most expensive first. A group
// holds every runnable cell of its document up to the last one that runs (plan.ts), so what a run
// reports is the run its cache key stands for; nothing a run says about itself changes the plan.
import type { CellRun } from '../kernel/types.ts';
import type { KernelPool } from '../kernel/node/pool.ts';
import type { Cell } from '../source/model.ts';
import type { DocumentPlan, RunGroup } from './plan.ts';
import type { LoadedDocument } from './load.ts';
import type { Problem } from './diagnostics.ts';
import { diagnostic } from './diagnostics.ts';

export interface PlannedDocument {
  loaded: LoadedDocument;
  plan: DocumentPlan;
}

export interface Executed {
  /** Per document, per cell: the cached or fresh run (null: not runnable, or the kernel failed). */
  runs: (CellRun | null)[][];
  problems: Problem[];
}

/** One run for a transcript: its statements' runs in order, with their output and names together. */
export function mergeParts(parts: (CellRun | null)[]): CellRun | null {
  const runs = parts.filter((p): p is CellRun => p !== null);
  if (runs.length === 0) return null;
  let offset = 0;
  const events = runs.flatMap((r) => {
    const shifted = r.events.map((e) => ({ ...e, t: e.t + offset }));
    offset += r.virtualSeconds;
    return shifted;
  });
  const stopped = runs.find((r) => r.status === 'hangs' || r.status === 'timeout');
  const union = (pick: (r: CellRun) => string[]) => [...new Set(runs.flatMap(pick))];
  return {
    status: stopped?.status ?? 'ok',
    events,
    result: null,
    error: stopped?.error ?? null,
    virtualSeconds: runs.reduce((n, r) => n + r.virtualSeconds, 0),
    cpuMs: runs.reduce((n, r) => n + r.cpuMs, 0),
    trace: { actors: runs.flatMap((r) => r.trace.actors) },
    statements: [],
    defines: union((r) => r.defines),
    imports: union((r) => r.imports),
    uses: union((r) => r.uses),
    world: runs.flatMap((r) => r.world),
    parts: runs,
  };
}

async function runGroup(pool: KernelPool, planned: PlannedDocument, runGroup: RunGroup, runs: (CellRun | null)[],
  onCell: (cell: Cell) => void): Promise<void> {
  const { document } = planned.loaded;
  const targets = new Set(runGroup.targets);
  const fresh = await pool.runDocument(runGroup.kernel, (k) => {
    const owner = runGroup.owners[k]!;
    if (runGroup.owners[k + 1] !== owner && targets.has(owner)) onCell(document.cells[owner]!);
  });
  for (const i of runGroup.targets) {
    const own = runGroup.owners.flatMap((owner, n) => (owner === i ? [fresh[n] ?? null] : []));
    runs[i] = document.cells[i]!.form === 'transcript' ? mergeParts(own) : own[0] ?? null;
  }
}

export async function execute(pool: KernelPool, documents: PlannedDocument[], onCell: (doc: number, cell: Cell) => void): Promise<Executed> {
  const problems: Problem[] = [];
  const runs = documents.map(({ plan }) => plan.cached.map((r, i) => (plan.runnable[i] ? r : null)));
  const failed = new Set<number>();
  const runAll = (work: { doc: number; group: RunGroup }[]) =>
    Promise.all([...work].sort((a, b) => b.group.cost - a.group.cost).map(async ({ doc, group: g }) => {
      try {
        await runGroup(pool, documents[doc]!, g, runs[doc]!, (cell) => onCell(doc, cell));
      } catch (error) {
        if (!failed.has(doc)) problems.push(diagnostic('kernel-failed', { file: documents[doc]!.loaded.document.file, line: 1 }, (error as Error).message));
        failed.add(doc);
      }
    }));
  await runAll(documents.flatMap(({ plan }, doc) => plan.groups.map((g) => ({ doc, group: g }))));
  return { runs, problems };
}
