// The sandbox: the host bridge modules cannot be imported, and nothing a document does (files,
// monkeypatches, environment, modules) is seen by the next document, which gets a fresh interpreter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KernelPool } from '../../src/kernel/node/pool.ts';
import type { CellRun } from '../../src/kernel/types.ts';
import { describeRun, lines, startDocument, text } from './helpers.ts';

const TIMEOUT = 60_000;
let pool: KernelPool;

beforeAll(() => {
  pool = new KernelPool(2);
});

afterAll(async () => {
  await pool.close();
});

function ok(run: CellRun) {
  expect(run.status, describeRun(run)).toBe('ok');
  return run;
}

const LEAK_CHECK = `
  import os, sys, asyncio, builtins
  print(os.path.exists("/tmp/leak.txt"), os.path.exists("leak-relative.txt"),
        os.environ.get("LEAK"), "leaky_module" in sys.modules, hasattr(builtins, "leaked"))
  async def main():
      await asyncio.sleep(10)
  asyncio.run(main())
  print("slept", asyncio.sleep.__module__, asyncio.sleep.__name__)
`;

describe('sandbox', { timeout: TIMEOUT }, () => {
  it('host bridge modules are not importable (ModuleNotFoundError, as in CPython)', async () => {
    const cell = startDocument(pool, 'imports', {
      imports: `
        for name in ("js", "pyodide_js", "pyodide", "pyodide.ffi", "micropip"):
            try:
                __import__(name)
            except ModuleNotFoundError as e:
                print(name, type(e).__name__, e)
            else:
                print(name, "imported")
      `,
    });
    const run = ok(await cell('imports'));
    expect(text(run)).toEqual([
      "js ModuleNotFoundError No module named 'js'",
      "pyodide_js ModuleNotFoundError No module named 'pyodide_js'",
      "pyodide ModuleNotFoundError No module named 'pyodide'",
      "pyodide.ffi ModuleNotFoundError No module named 'pyodide'",
      "micropip ModuleNotFoundError No module named 'micropip'",
    ]);
  });

  it('files, monkeypatches, environment and modules of one document do not reach the next', async () => {
    const first = startDocument(pool, 'polluter', {
      pollute: `
        import asyncio, builtins, os, sys
        _print = builtins.print
        def loud(*args, **kwargs):
            _print("PATCHED", *args, **kwargs)
        builtins.print = loud
        async def instant(delay, result=None):
            return result
        asyncio.sleep = instant
        with open("/tmp/leak.txt", "w") as f:
            f.write("secret")
        with open("leak-relative.txt", "w") as f:
            f.write("secret")
        os.environ["LEAK"] = "1"
        sys.modules["leaky_module"] = type(sys)("leaky_module")
        builtins.leaked = True
      `,
      // Within the document the pollution is real (so the next test is not vacuous).
      polluted: LEAK_CHECK,
    });
    const polluted = ok(await first('polluted'));
    expect(lines(polluted)).toEqual([
      [0, 'PATCHED True True 1 True True'],
      [0, 'PATCHED slept __main__ instant'],
    ]);
    expect(polluted.virtualSeconds).toBe(0);

    // Two documents at once after the first: whichever worker ran it runs one of them.
    const next = [startDocument(pool, 'clean-1', { check: LEAK_CHECK }), startDocument(pool, 'clean-2', { check: LEAK_CHECK })];
    for (const doc of next) {
      const run = ok(await doc('check'));
      expect(lines(run)).toEqual([
        [0, 'False False None False False'],
        [10, 'slept asyncio.tasks sleep'],
      ]);
    }
  });
});
