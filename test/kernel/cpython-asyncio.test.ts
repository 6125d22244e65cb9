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
const MODULES = ['test_locks', 'test_queues', 'test_timeouts', 'test_waitfor', 'test_taskgroups',
  'test_futures', 'test_futures2', 'test_tasks', 'test_runners', 'test_context', 'test_eager_task_factory',
  'test_pep492', 'test_threads', 'test_staggered'];
/** The functions and classes of test_asyncio/utils.py these modules use (the rest needs sockets and servers). */
const UTILS = ['await_without_task', 'run_briefly', 'MockCallback', 'MockPattern', 'MockInstanceOf',
  'get_function_source', 'TestSelector', 'TestLoop', 'TestCase', 'disable_logger'];
/** What those need of utils.py's imports (its socket, ssl and server imports are left out). */
const UTILS_IMPORTS = `import asyncio, collections, contextlib, logging, re, selectors, sys, threading, unittest, warnings, weakref
from unittest import mock
from asyncio import base_events, events, format_helpers, futures, tasks
from asyncio.log import logger
from test import support
from test.support import threading_helper
`;

/** Tests whose outcome differs from CPython 3.13's on purpose: test id -> why. */
const AWAIT_MESSAGE = "3.14 words a TypeError for awaiting a non-awaitable \"'X' object can't be awaited\"; 3.13's test expects \"object X can't be used in 'await' expression\"";
// 3.14 keeps the current task on the thread state (C) and apart for Python tasks: _PyTask steps
// through tasks._py_enter_task, so asyncio.current_task() (the C one) returns None inside a _PyTask,
// a TaskGroup there cannot find its parent, and the C all_tasks() misses eager Python tasks.
const PY_TASK_SPLIT = '3.14 keeps the current task of Python tasks (_PyTask) apart from the C one: current_task() returns None inside a _PyTask';
// 3.14's C _enter_task/_leave_task refuse a loop that is not the running one: a test calling
// loop._run_once() outside run_forever() makes the task's step fail, and the Mock exception handler
// keeps the failure (and through its traceback the task) alive.
const RUNNING_LOOP = "3.14's C _enter_task/_leave_task require the running loop; the test steps a task with loop._run_once() outside run_forever(), or passes a Mock loop";
const PY_INTROSPECTION = "3.14's tasks._py_* bookkeeping functions, which the test drives, are no longer what asyncio.current_task()/all_tasks() read";
const RUN_AWAITABLE = "3.14's Runner.run() accepts any awaitable and raises TypeError ('An asyncio.Future, a coroutine or an awaitable is required') where 3.13 raised ValueError ('a coroutine was expected')";
const NO_SUBPROCESS = 'starts a CPython subprocess (script_helper.assert_python_ok): the kernel has no interpreter to start';
const NO_REFERENTS = 'gc.get_referents() is refused by the sandbox (it reaches objects the kernel keeps out of reach)';
const each = (module: string, classes: string[], tests: string[], why: string) => Object.fromEntries(
  classes.flatMap((c) => tests.map((t) => [`test.test_asyncio.${module}.${c}.${t}`, why])));
const PY_TASK_CLASSES = ['PyTask_CFutureSubclass_Tests', 'PyTask_CFuture_Tests', 'PyTask_PyFuture_SubclassTests', 'PyTask_PyFuture_Tests'];
const C_TASK_CLASSES = ['CTaskSubclass_PyFuture_Tests', 'CTask_CFuture_SubclassTests', 'CTask_CFuture_Tests', 'CTask_PyFuture_Tests'];
/** Tests not run in the kernel, because under 3.14 they never end: test id -> why. */
const NOT_RUN: Record<string, string> = {
  // 3.14's Runner.run() accepts any awaitable; the test's loop has a mocked selector that never
  // blocks, so awaiting a future nobody resolves spins for ever (in the kernel: until the real budget).
  'test.test_asyncio.test_runners.RunnerTests.test_run_future': "3.14's Runner.run() awaits a future instead of refusing it, on a loop whose mocked select never blocks: it spins for ever",
};
const EXPECTED_DIFFERENCES: Record<string, string> = {
  'test.test_asyncio.test_locks.BarrierTests.test_barrier': AWAIT_MESSAGE,
  'test.test_asyncio.test_locks.LockTests.test_lock': AWAIT_MESSAGE,
  'test.test_asyncio.test_locks.LockTests.test_lock_by_with_statement': AWAIT_MESSAGE,
  'test.test_asyncio.test_locks.SemaphoreTests.test_semaphore': AWAIT_MESSAGE,
  'test.test_asyncio.test_pep492.LockTests.test_context_manager_with_await': AWAIT_MESSAGE,
  'test.test_asyncio.test_futures.CFutureTests.test_future_iter_get_referents_segfault': NO_REFERENTS,
  'test.test_asyncio.test_runners.RunTests.test_asyncio_run_only_coro': RUN_AWAITABLE,
  'test.test_asyncio.test_runners.RunnerTests.test_run_non_coro': RUN_AWAITABLE,
  'test.test_asyncio.test_eager_task_factory.CEagerTaskFactoryLoopTests.test_issue105987': NO_SUBPROCESS,
  'test.test_asyncio.test_tasks.CoroutineGatherTests.test_env_var_debug': NO_SUBPROCESS,
  'test.test_asyncio.test_tasks.FutureGatherTests.test_env_var_debug': NO_SUBPROCESS,
  ...each('test_eager_task_factory', ['EagerPyTaskTests', 'NonEagerPyTaskTests'], ['test_recursive_taskgroups'], PY_TASK_SPLIT),
  ...each('test_eager_task_factory', ['PyEagerTaskFactoryLoopTests'],
    ['test_all_tasks_with_blocking', 'test_all_tasks_with_eager_completion', 'test_current_task'], PY_TASK_SPLIT),
  ...each('test_tasks', PY_TASK_CLASSES,
    ['test_current_task', 'test_error_in_call_soon', 'test_uncancel_basic', 'test_uncancel_structured_blocks'], PY_TASK_SPLIT),
  ...each('test_tasks', [...PY_TASK_CLASSES, ...C_TASK_CLASSES], ['test_log_destroyed_pending_task'], RUNNING_LOOP),
  ...each('test_tasks', ['CIntrospectionTests'],
    ['test__enter_task', 'test__enter_task_failure', 'test__leave_task', 'test__leave_task_failure1'], RUNNING_LOOP),
  ...each('test_tasks', ['PyIntrospectionTests'],
    ['test__enter_task', 'test__enter_task_failure', 'test__leave_task_failure1', 'test__register_task_1', 'test__register_task_2'], PY_INTROSPECTION),
  ...Object.fromEntries(Object.entries(NOT_RUN).map(([id, why]) => [id, `not run: ${why}`])),
};
/** Real seconds a module may take in the kernel (test_tasks runs 977 tests, each on a new loop). */
const REAL_BUDGET: Record<string, number> = { test_tasks: 540 };

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

/** The top-level functions and classes `names` of a module's source (with their decorators), with nothing else of it. */
function functionsOf(source: string, names: string[]): string {
  return names.map((name) => {
    const match = source.match(new RegExp(`^(?:@.*\\n)*(?:async def|def|class) ${name}\\b[\\s\\S]*?(?=^[^\\s)]|(?![\\s\\S]))`, 'm'));
    if (!match) throw new Error(`test_asyncio/utils.py has no function or class ${name}`);
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

  it.each(MODULES)('%s', { timeout: 600_000 }, async (module) => {
    const { python, tests } = found!;
    const expected: Outcomes = JSON.parse(execFileSync(python, [RUNNER, module], { encoding: 'utf8', timeout: 120_000 }));
    const sources = {
      [module]: readFileSync(join(tests, `${module}.py`), 'utf8'),
      utils: `${UTILS_IMPORTS}\n${functionsOf(readFileSync(join(tests, 'utils.py'), 'utf8'), UTILS)}`,
    };
    const code = `SOURCES = ${JSON.stringify(JSON.stringify(sources))}\nimport json\nSOURCES = json.loads(SOURCES)\n`
      + `${readFileSync(RUNNER, 'utf8')}\nmain(${JSON.stringify(module)}, SOURCES, json.loads(${JSON.stringify(JSON.stringify(NOT_RUN))}))\n`;
    const realBudget = REAL_BUDGET[module] ?? 240;
    const [run] = await pool.runDocument({ id: module, cells: [{ id: module, code, realBudget }] });
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
