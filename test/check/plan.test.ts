// The plan: which cells run and how they are grouped into interpreters; and the execution's proof
// that a cell run apart from its document had what it needed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/source/document.ts';
import { fullKeyOf, planDocument } from '../../src/check/plan.ts';
import type { CellRun } from '../../src/kernel/types.ts';
import { execute } from '../../src/check/execute.ts';
import type { LoadedDocument } from '../../src/check/load.ts';
import type { LockEntry } from '../../src/check/lock.ts';
import { KernelPool } from '../../src/kernel/node/pool.ts';

const runtime = { pyodide: 'p', kernel: 'k', python: '3.14' };
const fence = (code: string) => '```python\n' + code + '\n```\n';
const DOC = ['# 문서', '', fence('x = 20'), fence('def heavy():\n    return 1'), fence('print(x + 1)'), fence('print("alone")')].join('\n');

/** A loaded document whose lock says what each cell cost and needed (by cell index). */
function loaded(markdown: string, hints: Record<number, { cpuMs: number; needs?: number[] }> = {}): LoadedDocument {
  const document = parseDocument(markdown, 'content/ko/doc.md');
  const locked = (cell: { key: string }): LockEntry | null => {
    const index = document.cells.findIndex((c) => c.key === cell.key);
    const hint = hints[index];
    if (!hint) return null;
    return { file: 'content/ko/doc.md', line: 1, verdict: 'ran', key: cell.key, output: '', cpuMs: hint.cpuMs,
      ...(hint.needs ? { needs: hint.needs.map((i) => document.cells[i]!.key) } : {}) };
  };
  return { file: 'content/ko/doc.md', document, settings: { file: 'content/ko/doc.snippets.yaml', cells: new Map(), errors: [] }, fixtures: [], locked, translationFile: null, translation: null, problems: [] };
}

const targetsOf = (plan: ReturnType<typeof planDocument>) => plan.groups.map((g) => g.targets);
const cellsOf = (plan: ReturnType<typeof planDocument>) => plan.groups.map((g) => [...new Set(g.owners)]);

describe('the plan', () => {
  it('runs every cell in one interpreter when nothing is known about them', () => {
    const plan = planDocument(loaded(DOC), runtime, null);
    expect(plan.toRun).toEqual([0, 1, 2, 3]);
    expect(targetsOf(plan)).toEqual([[0, 1, 2, 3]]);
  });

  it('runs an expensive cell nothing needs apart, after replaying the cells it needs', () => {
    const doc = loaded(DOC, { 0: { cpuMs: 1, needs: [] }, 1: { cpuMs: 1, needs: [] }, 2: { cpuMs: 2000, needs: [0] }, 3: { cpuMs: 1500, needs: [] } });
    const plan = planDocument(doc, runtime, null, { parallelism: 2 });
    expect(targetsOf(plan)).toEqual([[0, 1], [2], [3]]);
    expect(cellsOf(plan)).toEqual([[0, 1], [0, 2], [3]]);
    // The most expensive group is told so: the executor starts it first.
    expect(plan.groups[1]!.cost).toBeGreaterThan(plan.groups[2]!.cost);
  });

  it('keeps an expensive cell in place when a later cell needs it, or when its needs are unknown', () => {
    const needed = loaded(DOC, { 0: { cpuMs: 3000, needs: [] }, 2: { cpuMs: 1, needs: [0] } });
    expect(targetsOf(planDocument(needed, runtime, null, { parallelism: 2 }))).toEqual([[0, 1, 2, 3]]);
    const unknown = loaded(DOC, { 3: { cpuMs: 3000 } });
    expect(targetsOf(planDocument(unknown, runtime, null, { parallelism: 2 }))).toEqual([[0, 1, 2, 3]]);
  });

  it('never splits with a single interpreter to run on', () => {
    const doc = loaded(DOC, { 3: { cpuMs: 3000, needs: [] } });
    expect(targetsOf(planDocument(doc, runtime, null, { parallelism: 1 }))).toEqual([[0, 1, 2, 3]]);
  });

  it('runs nothing a cache holds, and for an edited cell only what it and later cells may need', () => {
    const store = new Map<string, CellRun>();
    const cache = { get: (k: string) => store.get(k) ?? null };
    const names = [{ defines: ['x'], uses: [] }, { defines: ['heavy'], uses: [] }, { defines: [], uses: ['print', 'x'] }, { defines: [], uses: ['print'] }];
    const runs = names.map((n) => ({ status: 'ok', events: [], cpuMs: 1, imports: [], ...n }) as unknown as CellRun);
    const remember = (doc: LoadedDocument) => {
      const plan = planDocument(doc, runtime, cache);
      plan.baseKeys.forEach((key, i) => { store.set(key, runs[i]!); store.set(fullKeyOf(doc, key, i, runs), runs[i]!); });
    };
    const doc = loaded(DOC);
    remember(doc);
    expect(planDocument(doc, runtime, cache).toRun).toEqual([]);
    const edited = loaded(DOC.replace('print(x + 1)', 'print(x + 2)'));
    // Cell 2 and the cell it needs; cell 3 too, cautiously: an edited cell may define anything.
    // Cell 1 (defines only `heavy`, which nothing later uses) is reused.
    expect(planDocument(edited, runtime, cache).toRun).toEqual([0, 2, 3]);
  });
});

describe('executing a plan', () => {
  let pool: KernelPool;
  beforeAll(() => { pool = new KernelPool(2); });
  afterAll(async () => { await pool.close(); });

  it('runs a cell again with what it needs when its hint was wrong, so the result is the one a single run gives', async () => {
    // The lock claims cell 2 needs nothing: it runs apart, fails to find x, and is proven wrong by its own names.
    const doc = loaded(DOC, { 0: { cpuMs: 1, needs: [] }, 1: { cpuMs: 1, needs: [] }, 2: { cpuMs: 2000, needs: [] }, 3: { cpuMs: 1, needs: [] } });
    const plan = planDocument(doc, runtime, null, { parallelism: 2 });
    expect(targetsOf(plan)).toEqual([[0, 1, 3], [2]]);
    const { runs, problems } = await execute(pool, [{ loaded: doc, plan }], () => {});
    expect(problems).toEqual([]);
    expect(runs[0]![2]!.status).toBe('ok');
    expect(runs[0]![2]!.events.map((e) => e.text).join('')).toBe('21\n');
    expect(runs[0]![3]!.events.map((e) => e.text).join('')).toBe('alone\n');
  });
});
