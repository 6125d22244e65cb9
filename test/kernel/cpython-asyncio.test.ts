// Modules of CPython 3.13's own test_asyncio, run in the kernel (with a small stand-in for
// test.support: test/kernel/cpython-asyncio/run_module.py) and under that CPython: each test must
// end the same way in both, except the differences listed below by name, each with its reason
// (what CPython 3.14 changed, or what the kernel cannot be). The suite needs a CPython 3.13 with
// its test package (pyenv installs it); without one it skips, and says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KernelPool } from '../../src/kernel/node/pool.ts';
import { optionalSuite } from '../support/optional-suite.ts';

const RUNNER = 'test/kernel/cpython-asyncio/run_module.py';
const PYENV = `${process.env.PYENV_ROOT ?? '/root/.pyenv'}/versions`;
const MODULES = ['test_locks', 'test_queues', 'test_timeouts', 'test_waitfor', 'test_taskgroups'];
/** The functions of test_asyncio/utils.py these modules use (the rest needs sockets and servers). */
const UTILS = ['await_without_task'];

/** Tests whose outcome differs from CPython 3.13's on purpose: test id -> why. */
const AWAIT_MESSAGE = "3.14 words a TypeError for awaiting a non-awaitable \"'X' object can't be awaited\"; 3.13's test expects \"object X can't be used in 'await' expression\"";
const EXPECTED_DIFFERENCES: Record<string, string> = {
  'test.test_asyncio.test_locks.BarrierTests.test_barrier': AWAIT_MESSAGE,
  'test.test_asyncio.test_locks.LockTests.test_lock': AWAIT_MESSAGE,
  'test.test_asyncio.test_locks.LockTests.test_lock_by_with_statement': AWAIT_MESSAGE,
  'test.test_asyncio.test_locks.SemaphoreTests.test_semaphore': AWAIT_MESSAGE,
};

type Outcomes = Record<string, [string, string | null]>;

function cpython313(): { python: string; tests: string } | null {
  const versions = existsSync(PYENV) ? readdirSync(PYENV).filter((v) => /^3\.13\.\d+$/.test(v)) : [];
  versions.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const version of versions.reverse()) {
    const python = `${PYENV}/${version}/bin/python`;
    const tests = `${PYENV}/${version}/lib/python3.13/test/test_asyncio`;
    if (existsSync(python) && existsSync(join(tests, 'test_locks.py'))) return { python, tests };
  }
  return null;
}

/** The top-level functions `names` of a module's source, with nothing else of it. */
function functionsOf(source: string, names: string[]): string {
  return names.map((name) => {
    const match = source.match(new RegExp(`^(?:async )?def ${name}\\b[\\s\\S]*?(?=^\\S|(?![\\s\\S]))`, 'm'));
    if (!match) throw new Error(`test_asyncio/utils.py has no function ${name}`);
    return match[0];
  }).join('\n');
}

const found = cpython313();
const runs = optionalSuite({
  name: "CPython's test_asyncio in the kernel",
  missing: found ? null : 'no CPython 3.13 with its test package (test/test_asyncio) under pyenv',
  install: 'pyenv install 3.13',
});

describe.runIf(runs)("CPython's test_asyncio, in the kernel as under CPython 3.13", () => {
  let pool: KernelPool;
  beforeAll(() => { pool = new KernelPool(1); });
  afterAll(async () => { await pool.close(); });

  it.each(MODULES)('%s', { timeout: 300_000 }, async (module) => {
    const { python, tests } = found!;
    const expected: Outcomes = JSON.parse(execFileSync(python, [RUNNER, module], { encoding: 'utf8', timeout: 120_000 }));
    const sources = {
      [module]: readFileSync(join(tests, `${module}.py`), 'utf8'),
      utils: `import asyncio\n\n${functionsOf(readFileSync(join(tests, 'utils.py'), 'utf8'), UTILS)}`,
    };
    const code = `SOURCES = ${JSON.stringify(JSON.stringify(sources))}\nimport json\nSOURCES = json.loads(SOURCES)\n`
      + `${readFileSync(RUNNER, 'utf8')}\nmain(${JSON.stringify(module)}, SOURCES)\n`;
    const [run] = await pool.runDocument({ id: module, cells: [{ id: module, code, realBudget: 240 }] });
    expect(run!.status, JSON.stringify(run!.error)).toBe('ok');
    const printed = run!.events.filter((e) => e.stream === 'stdout').map((e) => e.text).join('');
    const actual: Outcomes = JSON.parse(printed);
    const passed = (o: Outcomes) => Object.values(o).filter(([outcome]) => outcome === 'ok').length;
    console.log(`${module}: ${passed(actual)} of ${Object.keys(actual).length} pass in the kernel, `
      + `${passed(expected)} of ${Object.keys(expected).length} under CPython 3.13`);
    const differences: string[] = [];
    for (const id of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      const [want, got] = [expected[id]?.[0] ?? 'missing', actual[id]?.[0] ?? 'missing'];
      if (want === got) continue;
      if (id in EXPECTED_DIFFERENCES) {
        console.log(`  expected difference: ${id}: ${want} -> ${got} (${EXPECTED_DIFFERENCES[id]})`);
        continue;
      }
      differences.push(`${id}: CPython ${want}, kernel ${got}${actual[id]?.[1] ? `: ${actual[id]![1]}` : ''}`);
    }
    // A listed difference that no longer shows is stale: the list must say what really differs.
    const stale = Object.keys(EXPECTED_DIFFERENCES)
      .filter((id) => id.startsWith(`test.test_asyncio.${module}.`) && expected[id]?.[0] === actual[id]?.[0]);
    expect(differences).toEqual([]);
    expect(stale).toEqual([]);
  });
});
