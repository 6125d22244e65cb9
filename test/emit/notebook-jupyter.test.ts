// Every chapter notebook of the five documents runs top to bottom in real Jupyter (nbclient and
// ipykernel on the system's CPython, allow_errors=False: only cells tagged raises-exception may
// raise). The notebooks are made by the emitter from the check's result (cached runs, so fast after
// `npm run check` or `npm run build`), with the whole document's cells, as the build should pass them.
// An English notebook whose code is token for token the Korean one's (only comments differ) is not
// run again: the same code gives the same run. Skipped, loudly, where nbclient or ipykernel is missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { KernelPool } from '../../src/kernel/node/pool.ts';
import { ResultCache } from '../../src/check/cache.ts';
import { checkDocuments, type CheckResult } from '../../src/check/run.ts';
import { CACHE_DIR, DEFAULT_SOURCE } from '../../src/cli/check.ts';
import { chapterNotebook } from '../../src/emit/notebook.ts';
import { optionalSuite } from '../support/optional-suite.ts';
import { jupyterCode } from '../../src/emit/notebook-jupyter.ts';
import { chapterTitle } from '../../src/emit/mdx.ts';
import { translationTexts } from '../../src/emit/site.ts';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const RUNNER = join(import.meta.dirname, 'run-notebook.py');
const WORKERS = 2;

const probe = spawnSync(PYTHON, ['-c', 'import nbclient, ipykernel'], { encoding: 'utf8' });
const hasJupyter = probe.status === 0;
optionalSuite({
  name: 'Jupyter notebook tests',
  missing: hasJupyter ? null : `${PYTHON} cannot import nbclient and ipykernel`,
  install: 'apt-get install -y python3-nbclient python3-ipykernel',
});

interface NbCell { cell_type: string; id: string; source: string[]; metadata: { tags?: string[]; asyncio_guide?: Record<string, unknown> } }
interface Notebook { cells: NbCell[] }
interface CellVerdict { index: number; id: string; status: string; ename?: string; evalue?: string }
interface Verdict { notebook: string; status: string; message?: string; code_cells: number; executed: number; failed: CellVerdict[]; cells: CellVerdict[]; seconds: number }

/** Runs the runner over `paths` and yields its JSON lines. */
function runner(args: string[]): Promise<Verdict[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [RUNNER, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: '1' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const rows = out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Verdict);
      // A runner that ended before its list did: what it said on the way out is the reason.
      const given = args.filter((a) => !a.startsWith('--'));
      const missing = given.filter((path) => !rows.some((r) => r.notebook === path));
      if (!args.includes('--code-key') && missing.length > 0) {
        rows.push(...missing.map((notebook) => ({ notebook, status: 'runner-ended', message: `the runner ended (exit ${code}) before it: ${err.slice(-1500)}`, code_cells: 0, executed: 0, failed: [], cells: [], seconds: 0 })));
      }
      if (rows.length === 0) reject(new Error(`the notebook runner printed nothing: ${err.slice(-2000)}`));
      else resolve(rows);
    });
  });
}

// The terminal colours of an IPython traceback, for a readable failure message.
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

describe.skipIf(!hasJupyter)('chapter notebooks in real Jupyter', () => {
  let result: CheckResult;
  let dir: string;
  const notebooks = new Map<string, Notebook>();
  const estimate = new Map<string, number>();

  beforeAll(async () => {
    const pool = new KernelPool(1);
    try {
      result = await checkDocuments({ sourceDir: DEFAULT_SOURCE, pool, cache: new ResultCache(CACHE_DIR) });
    } finally {
      await pool.close();
    }
    dir = mkdtempSync(join(tmpdir(), 'notebooks-'));
    for (const { document, cells, translation } of result.documents) {
      const translations = translationTexts(translation);
      const translate = (key: string) => translations.get(key) ?? null;
      for (const locale of ['ko', 'en'] as const) {
        for (const chapter of document.chapters) {
          const chapterCells = cells.filter((c) => c.cell.chapter === chapter.slug);
          const title = chapterTitle(document.markdown, chapter, locale, translate);
          const nb = chapterNotebook(document.markdown, chapter, title, chapterCells, locale, translate, { documentCells: cells }) as Notebook;
          const path = join(dir, locale, document.slug, `${chapter.slug}.ipynb`);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, JSON.stringify(nb));
          notebooks.set(path, nb);
          // Real seconds are about the virtual ones the cells slept, plus a kernel's boot.
          const seconds = nb.cells.reduce((s, c) => s + (c.cell_type === 'code' ? Number(c.metadata.asyncio_guide?.virtualSeconds ?? 0) : 0), 1.5);
          estimate.set(path, seconds);
        }
      }
    }
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('leaves no asyncio.run() at top level in a code cell', () => {
    for (const [path, nb] of notebooks) {
      for (const cell of nb.cells.filter((c) => c.cell_type === 'code')) {
        expect(jupyterCode(cell.source.join('')).changed, `${relative(dir, path)} cell ${cell.id}`).toEqual([]);
      }
    }
  });

  it('runs every notebook top to bottom with allow_errors=False', async () => {
    const paths = [...notebooks.keys()].sort();
    const keys = new Map((await runner(['--code-key', ...paths])).map((r) => [r.notebook, (r as unknown as { key: string }).key]));
    // An English notebook with the Korean one's code answers with the Korean run.
    const toRun = paths.filter((p) => {
      const ko = p.replace(`${dir}/en/`, `${dir}/ko/`);
      return ko === p || keys.get(p) !== keys.get(ko);
    });
    // Longest first, each to the least loaded worker.
    const lists: string[][] = Array.from({ length: WORKERS }, () => []);
    const load = new Array<number>(WORKERS).fill(0);
    for (const p of [...toRun].sort((a, b) => estimate.get(b)! - estimate.get(a)!)) {
      const w = load.indexOf(Math.min(...load));
      lists[w]!.push(p);
      load[w]! += estimate.get(p)!;
    }
    const first = (await Promise.all(lists.filter((l) => l.length).map((l) => runner(l)))).flat();
    // What went wrong around a notebook rather than in it (a kernel that did not start or answer on a
    // busy machine, a runner that ended) is tried once more, alone; a notebook that failed is not.
    const around = new Set(['kernel-failed', 'runner-error', 'runner-ended']);
    const again = first.filter((v) => around.has(v.status)).map((v) => v.notebook);
    const retried = again.length ? await runner(again) : [];
    const verdicts = first.map((v) => retried.find((r) => r.notebook === v.notebook) ?? v);
    if (again.length) console.log(`notebooks run again after a failure around them: ${again.map((p) => relative(dir, p)).join(', ')}`);
    expect(verdicts.map((v) => v.notebook).sort()).toEqual([...toRun].sort());

    const failures = verdicts.filter((v) => v.status !== 'ok').map((v) => {
      const nb = notebooks.get(v.notebook)!;
      const cell = v.failed[0] ? nb.cells[v.failed[0].index] : undefined;
      const what = v.failed[0] ? `cell ${v.failed[0].index} (${cell?.id}) raised ${v.failed[0].ename}: ${v.failed[0].evalue}` : plain(v.message ?? v.status).slice(-800);
      return `${relative(dir, v.notebook)}: ${v.status}: ${what}${cell ? `\n${cell.source.join('').split('\n').map((l) => `    | ${l}`).join('\n')}` : ''}`;
    });
    const executed = verdicts.reduce((n, v) => n + v.executed, 0);
    const raised = verdicts.reduce((n, v) => n + v.cells.filter((c) => c.status === 'expected-raise').length, 0);
    const shown = [...notebooks.values()].reduce((n, nb) => n + nb.cells.filter((c) => c.metadata.asyncio_guide?.jupyter === 'not-run').length, 0);
    console.log(`notebooks: ${notebooks.size} (${toRun.length} run in Jupyter, ${notebooks.size - toRun.length} English ones with the Korean code); code cells executed: ${executed} (${raised} raised as tagged); blocks shown as code, not run: ${shown}; ${Math.max(...verdicts.map((v) => v.seconds)).toFixed(1)} s for the slowest notebook`);
    expect(failures, failures.join('\n\n')).toEqual([]);
  }, 600_000);
});

describe('asyncio.run() as top-level await', () => {
  it('rewrites calls outside functions and leaves the rest', () => {
    const code = [
      'x = asyncio.run(main())  # run',
      'print(asyncio.run(f(1, 2)))',
      'asyncio.run(f()).value',
      'print("asyncio.run(main())")',
      'def sync():',
      '    return asyncio.run(g())',
      'if __name__ == "__main__":',
      '    asyncio.run(main())',
    ].join('\n');
    const out = jupyterCode(code);
    expect(out.code.split('\n')).toEqual([
      'x = await main()  # run',
      'print(await f(1, 2))',
      '(await f()).value',
      'print("asyncio.run(main())")',
      'def sync():',
      '    return asyncio.run(g())',
      'if __name__ == "__main__":',
      '    await main()',
    ]);
    expect(out.changed.map((c) => c.line)).toEqual([1, 2, 3, 8]);
    expect(out.unrewritable).toBeNull();
  });

  it('says which call it cannot rewrite', () => {
    expect(jupyterCode('asyncio.run(main(), debug=True)').unrewritable).toBe(1);
    expect(jupyterCode('asyncio.run(\n    main()\n)').unrewritable).toBe(1);
  });
});
