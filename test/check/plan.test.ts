// The plan: each cell's key (its document and every runnable cell up to it), which cells run, and
// the one interpreter run per document that runs them after the cells before them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/source/document.ts';
import { planDocument } from '../../src/check/plan.ts';
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
const context = { runtime, sourceRoot: 'content/ko' };
const runOf = (defines: string[], uses: string[]) => ({ status: 'ok', events: [], cpuMs: 1, imports: [], defines, uses }) as unknown as CellRun;

/** A cache holding `runs` under the keys the plan of `doc` gives its cells. */
function cacheOf(doc: LoadedDocument, runs: CellRun[]) {
  const store = new Map<string, CellRun>();
  planDocument(doc, context, null).keys.forEach((key, i) => { if (runs[i]) store.set(key, runs[i]!); });
  return { get: (k: string) => store.get(k) ?? null };
}

describe('the plan', () => {
  it('runs every cell in one interpreter, in order, when nothing is cached', () => {
    const plan = planDocument(loaded(DOC), context, null);
    expect(plan.toRun).toEqual([0, 1, 2, 3]);
    expect(targetsOf(plan)).toEqual([[0, 1, 2, 3]]);
  });

  it('keeps even an expensive cell that nothing names in its document\'s interpreter: an earlier cell may have changed anything', () => {
    const doc = loaded(DOC, { 0: { cpuMs: 1, needs: [] }, 1: { cpuMs: 1, needs: [] }, 2: { cpuMs: 2000, needs: [] }, 3: { cpuMs: 1500, needs: [] } });
    const plan = planDocument(doc, context, null);
    expect(cellsOf(plan)).toEqual([[0, 1, 2, 3]]);
    expect(plan.groups[0]!.cost).toBe(300 + 1 + 1 + 2000 + 1500);
  });

  it('keys a cell by every runnable cell before it, not by the names it shares with them', () => {
    const keys = planDocument(loaded(DOC), context, null).keys;
    expect(new Set(keys).size).toBe(4);
    // `def heavy()` shares no name with the cells after it: its edit still changes their keys.
    const edited = planDocument(loaded(DOC.replace('return 1', 'return 2')), context, null).keys;
    expect(edited[0]).toBe(keys[0]);
    expect(edited.slice(1).map((k, i) => k === keys[i + 1])).toEqual([false, false, false]);
    // A later cell's edit leaves the earlier keys alone; prose around the cells changes nothing.
    expect(planDocument(loaded(DOC.replace('"alone"', '"alone!"')), context, null).keys.slice(0, 3)).toEqual(keys.slice(0, 3));
    expect(planDocument(loaded(DOC.replace('# 문서', '# 문서\n\n다른 글.')), context, null).keys).toEqual(keys);
  });

  it('keys a cell by its document and source tree: the same code elsewhere has other keys', () => {
    const keys = planDocument(loaded(DOC), context, null).keys;
    const elsewhere = loaded(DOC);
    const moved = { ...elsewhere, file: 'content/ko/other.md' };
    expect(planDocument(moved, context, null).keys.some((k) => keys.includes(k))).toBe(false);
    expect(planDocument(loaded(DOC), { ...context, sourceRoot: 'other' }, null).keys.some((k) => keys.includes(k))).toBe(false);
    expect(planDocument({ ...elsewhere, fixtures: [{ name: 'f.yaml', files: {} }] }, context, null).keys.some((k) => keys.includes(k))).toBe(false);
    expect(planDocument(loaded(DOC), { ...context, runtime: { ...runtime, kernel: 'k2' } }, null).keys.some((k) => keys.includes(k))).toBe(false);
  });

  it('adds a cell that does not run to no key, and a setting of an earlier cell to every later key', () => {
    const keys = planDocument(loaded(DOC), context, null).keys;
    const doc = loaded(DOC);
    const key1 = doc.document.cells[1]!.key;
    const withSetting = (entry: Record<string, unknown>) => ({ ...doc, settings: { ...doc.settings, cells: new Map([[key1, { key: key1, line: 2, ...entry }]]) } });
    const skipped = planDocument(withSetting({ skip: 'not today' }), context, null);
    expect(skipped.runnable).toEqual([true, false, true, true]);
    expect(skipped.keys[1]).toBe(keys[0]);
    expect(skipped.keys.slice(2).some((k) => keys.includes(k))).toBe(false);
    const budget = planDocument(withSetting({ budget: 5 }), context, null);
    expect(budget.keys.map((k, i) => k === keys[i])).toEqual([true, false, false, false]);
  });

  it('runs nothing a cache holds, and for an edited cell that cell and every later one, replaying the ones before', () => {
    const runs = [runOf(['x'], []), runOf(['heavy'], []), runOf([], ['print', 'x']), runOf([], ['print'])];
    const cache = cacheOf(loaded(DOC), runs);
    expect(planDocument(loaded(DOC), context, cache).toRun).toEqual([]);
    expect(planDocument(loaded(DOC), context, cache).groups).toEqual([]);
    const edited = planDocument(loaded(DOC.replace('print(x + 1)', 'print(x + 2)')), context, cache);
    expect(edited.toRun).toEqual([2, 3]);
    expect(targetsOf(edited)).toEqual([[2, 3]]);
    expect(cellsOf(edited)).toEqual([[0, 1, 2, 3]]);
    expect(edited.cached.map((r) => r !== null)).toEqual([true, true, false, false]);
  });

  it('plans the same whatever the cached runs say about their own names', () => {
    const edited = loaded(DOC.replace('print("alone")', 'print("alone", x)'));
    const honest = planDocument(edited, context, cacheOf(loaded(DOC), [runOf(['x'], []), runOf(['heavy'], []), runOf([], ['print', 'x']), runOf([], ['print'])]));
    // Runs that claim to define and use nothing (a patched name recorder): the same plan, the same keys.
    const lying = planDocument(edited, context, cacheOf(loaded(DOC), [runOf([], []), runOf([], []), runOf([], []), runOf([], [])]));
    expect(lying.keys).toEqual(honest.keys);
    expect(lying.toRun).toEqual(honest.toRun);
    expect(cellsOf(lying)).toEqual(cellsOf(honest));
    expect(honest.toRun).toEqual([3]);
    expect(cellsOf(honest)).toEqual([[0, 1, 2, 3]]);
  });
});

describe('executing a plan', () => {
  let pool: KernelPool;
  beforeAll(() => { pool = new KernelPool(1); });
  afterAll(async () => { await pool.close(); });

  it('replays the cached cells before the one that runs, so the result is the one a single run gives', async () => {
    const doc = loaded(DOC);
    const cache = cacheOf(doc, [runOf(['x'], []), runOf(['heavy'], []), runOf([], ['print', 'x']), runOf([], ['print'])]);
    const edited = loaded(DOC.replace('print("alone")', 'print("alone", x)'));
    const plan = planDocument(edited, context, cache);
    const { runs, problems } = await execute(pool, [{ loaded: edited, plan }], () => {});
    expect(problems).toEqual([]);
    expect(runs[0]![3]!.events.map((e) => e.text).join('')).toBe('alone 20\n');
    // The replayed cells' runs are the cached ones; only the target's is new.
    expect(runs[0]!.slice(0, 3)).toEqual(plan.cached.slice(0, 3));
  });
});
