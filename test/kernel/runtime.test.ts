// How a cell ends: errors as CPython 3.14 raises them, programs that wait forever (`hangs`), CPU
// loops (`timeout`), the end of a cell as the end of a script (threads and executors), and what the
// kernel reports besides output: the namespace across cells, defines/uses, the final value, the trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KernelPool } from '../../src/kernel/node/pool.ts';
import type { CellRun } from '../../src/kernel/types.ts';
import { actor, describeRun, lines, startDocument, text } from './helpers.ts';

const TIMEOUT = 60_000;
let pool: KernelPool;
let errors: ReturnType<typeof startDocument>;
let stops: ReturnType<typeof startDocument>;
let cells: ReturnType<typeof startDocument>;

beforeAll(() => {
  pool = new KernelPool(2);
  stops = startDocument(pool, 'hangs-and-timeouts', {
    eventDeadlock: `
      import asyncio
      async def waiter(name, ev):
          print(name, "waits")
          await ev.wait()
      async def main():
          ev = asyncio.Event()
          await asyncio.gather(waiter("a", ev), waiter("b", ev))
      asyncio.run(main())
    `,
    afterHang: `print("still alive")`,
    sleepForever: `
      import asyncio
      async def main():
          while True:
              await asyncio.sleep(60)
      asyncio.run(main())
    `,
    threadDeadlock: `
      import threading
      ev = threading.Event()
      def wait_forever():
          ev.wait()
      t = threading.Thread(target=wait_forever, name="Waiter")
      t.start()
      t.join()
    `,
    // A thread left blocked by a hung cell is not waited for by the next cells...
    afterThreadHang: `print("not waiting for Waiter")`,
    // ...but can still be woken, and then runs on as a thread would.
    wakeLeftover: `
      ev.set()
      t.join()
      print("Waiter done:", not t.is_alive())
    `,
    cpuLoop: {
      realBudget: 2,
      code: `
        before = "set before the loop"
        print("spinning")
        while True:
            pass
      `,
    },
    afterTimeout: `
      import asyncio
      async def main():
          await asyncio.sleep(1)
          print("next cell fine:", before)
      asyncio.run(main())
    `,
    cpuLoopInThread: {
      realBudget: 2,
      code: `
        import threading
        def spin():
            while True:
                pass
        t = threading.Thread(target=spin, name="Spinner")
        t.start()
        t.join()
        print("joined")
      `,
    },
    afterThreadTimeout: `print("alive; threads:", threading.active_count())`,
    // Threads that switch without end: most of the real time goes to the host's callbacks that
    // resume suspended stacks, where an interrupt used to land and take the interpreter down.
    switchingForever: {
      realBudget: 1,
      code: `
        import threading, time
        def ping():
            while True:
                time.sleep(0)
        pingers = [threading.Thread(target=ping, name=f"P{i}") for i in range(2)]
        for p in pingers: p.start()
        for p in pingers: p.join()
      `,
    },
    afterSwitching: `print("alive after switching")`,
    // Under asyncio.run the interrupt is Ctrl-C as asyncio.Runner handles it: the main task is
    // cancelled first, then KeyboardInterrupt comes out of asyncio.run.
    asyncioSpinning: {
      realBudget: 1,
      code: `
        import asyncio
        async def main():
            try:
                while True:
                    await asyncio.sleep(0)
            except asyncio.CancelledError:
                print("main cancelled")
                raise
            finally:
                print("main's finally")
        try:
            asyncio.run(main())
        finally:
            print("asyncio.run raised")
      `,
    },
    // A coroutine that never yields cannot see its cancellation: the next interrupt raises in it.
    asyncioCpuLoop: {
      realBudget: 1,
      code: `
        import asyncio
        async def main():
            try:
                while True:
                    pass
            except asyncio.CancelledError:
                print("never seen")
            finally:
                print("main's finally")
        asyncio.run(main())
      `,
    },
    afterAsyncioInterrupt: `print("alive after asyncio")`,
  });
  errors = startDocument(pool, 'errors', {
    // CPython 3.14: gather() needs a loop (get_event_loop() no longer creates one); the coroutine
    // is left unawaited, and the warning comes when it is collected, as at a script's shutdown.
    gatherNoLoop: `
      import asyncio
      async def f():
          return 1
      asyncio.gather(f())
    `,
    getEventLoop: `
      import asyncio
      asyncio.get_event_loop()
    `,
    // CPython 3.14's Runner.run: "An asyncio.Future, a coroutine or an awaitable is required"
    // (3.13 raised ValueError("a coroutine was expected, got 1")).
    runNonCoroutine: `
      import asyncio
      asyncio.run(1)
    `,
    awaitOutside: `
      import asyncio
      print("before")
      def not_async():
          await asyncio.sleep(1)
    `,
    nestedRun: `
      import asyncio
      async def inner():
          return 1
      async def main():
          asyncio.run(inner())
      asyncio.run(main())
    `,
    uncaught: `
      import asyncio
      async def main():
          await asyncio.sleep(1)
          raise KeyError("missing")
      asyncio.run(main())
    `,
    deprecated: `
      import asyncio
      async def g(): pass
      print(asyncio.iscoroutinefunction(g))
    `,
    // A script that fails still waits for its non-daemon threads at shutdown.
    threadAfterError: `
      import threading, time
      def w():
          time.sleep(1)
          print("thread done")
      threading.Thread(target=w).start()
      raise ValueError("x")
    `,
    // An executor never shut down: the script ends when the queued work is done (idle workers are
    // stopped at shutdown), and the executor is still usable from the next cell.
    openExecutor: `
      import concurrent.futures, time
      ex = concurrent.futures.ThreadPoolExecutor(2)
      f = ex.submit(time.sleep, 1)
      print("submitted")
    `,
    reuseExecutor: `
      print(f.done(), ex.submit(pow, 2, 5).result())
    `,
    // At shutdown, work can no longer be submitted: the job's submit() raises, nothing is printed.
    submitAtShutdown: `
      import concurrent.futures, time
      ex2 = concurrent.futures.ThreadPoolExecutor(1)
      def chain(n):
          time.sleep(1)
          if n:
              ex2.submit(chain, n - 1)
          print("chain", n)
      ex2.submit(chain, 2)
    `,
    // Recording a task's outcome for the trace must not count as retrieving its exception.
    neverRetrieved: `
      import asyncio, gc
      async def boom():
          raise ValueError("never retrieved")
      async def main():
          t = asyncio.create_task(boom())
          await asyncio.sleep(0.1)
          del t
          gc.collect()
          print("after gc")
      asyncio.run(main())
    `,
    openExecutorInAsyncio: `
      import asyncio, concurrent.futures, time
      pool = concurrent.futures.ThreadPoolExecutor(max_workers=2)
      async def main():
          loop = asyncio.get_running_loop()
          return await asyncio.gather(*(loop.run_in_executor(pool, time.sleep, 1) for _ in range(3)))
      print(asyncio.run(main()))
    `,
  });
  cells = startDocument(pool, 'namespace', {
    define: `
      x = 1
      def f(y):
          return x + y
      import math
    `,
    use: `f(2)`,
    redefine: `
      x = 10
      print("side effect")
      f(2)
    `,
    noneValue: `print("printed") or None`,
    stringValue: `"pi is " + str(math.pi)[:4]`,
    trace: `
      import asyncio
      async def sleeper(name, delay):
          await asyncio.sleep(delay)
          return name
      async def main():
          return await asyncio.gather(sleeper("a", 1), sleeper("b", 2), sleeper("c", 3))
      asyncio.run(main())
    `,
    traceOutcomes: `
      import asyncio
      async def fails():
          await asyncio.sleep(1)
          raise ValueError("bad")
      async def sleeps():
          await asyncio.sleep(5)
      async def main():
          f = asyncio.create_task(fails())
          s = asyncio.create_task(sleeps())
          await asyncio.sleep(2)
          s.cancel()
          await asyncio.gather(f, s, return_exceptions=True)
      asyncio.run(main())
    `,
    traceThreads: `
      import threading, time
      def worker(d):
          time.sleep(d)
      ts = [threading.Thread(target=worker, args=(d,)) for d in (1, 2)]
      for t in ts: t.start()
      for t in ts: t.join()
    `,
  });
});

afterAll(async () => {
  await pool.close();
});

function ok(run: CellRun) {
  expect(run.status, describeRun(run)).toBe('ok');
  return run;
}

describe('hangs and timeouts', { timeout: TIMEOUT }, () => {
  it('a deadlock on an Event hangs, with a diagnosis line for each waiting task', async () => {
    const run = await stops('eventDeadlock');
    expect(run.status).toBe('hangs');
    expect(text(run)).toEqual(['a waits', 'b waits']);
    expect(run.virtualSeconds).toBe(0);
    expect(run.error?.evalue).toBe('deadlock: every thread waits and nothing can wake it');
    const diagnosis = [...run.error!.traceback].sort();
    expect(diagnosis).toHaveLength(3);
    expect(diagnosis[0]).toMatch(/^Task-1 main\(\) waits on gather\(\) in main at line 7$/);
    expect(diagnosis[1]).toMatch(/^Task-2 waiter\('a', .*\) waits on Event\.wait\(\) in waiter at line 4$/);
    expect(diagnosis[2]).toMatch(/^Task-3 waiter\('b', .*\) waits on Event\.wait\(\) in waiter at line 4$/);
    expect(lines(ok(await stops('afterHang')))).toEqual([[0, 'still alive']]);
  });

  it('sleeping forever hangs when the one-virtual-hour budget is spent', async () => {
    const run = await stops('sleepForever');
    expect(run.status).toBe('hangs');
    expect(run.virtualSeconds).toBe(3600);
    expect(run.error?.evalue).toBe('virtual-time budget spent: the program keeps waiting on timers');
    expect(run.error?.traceback).toHaveLength(1);
    expect(run.error?.traceback[0]).toMatch(/^Task-\d+ main\(\) waits on sleep\(\) in main at line 4$/);
  });

  it('threads waiting on each other hang; a thread left blocked is not waited for later but can be woken', async () => {
    const run = await stops('threadDeadlock');
    expect(run.status).toBe('hangs');
    expect(run.error?.traceback).toEqual([
      'thread MainThread waits on another thread (join)',
      'thread Waiter waits on a lock (acquire)',
    ]);
    expect(lines(ok(await stops('afterThreadHang')))).toEqual([[0, 'not waiting for Waiter']]);
    expect(lines(ok(await stops('wakeLeftover')))).toEqual([[0, 'Waiter done: True']]);
  });

  it('a CPU loop is interrupted after the real-time budget, and the next cell runs normally', async () => {
    const run = await stops('cpuLoop');
    expect(run.status, describeRun(run)).toBe('timeout');
    expect(run.error?.ename).toBe('KeyboardInterrupt');
    expect(run.error?.evalue).toMatch(/^interrupted after 2 s of real time/);
    expect(text(run)).toEqual(['spinning']);
    const next = ok(await stops('afterTimeout'));
    expect(lines(next)).toEqual([[1, 'next cell fine: set before the loop']]);
  });

  it('a CPU loop in another thread is a timeout too (not an exception in that thread)', async () => {
    const run = await stops('cpuLoopInThread');
    expect(run.status, describeRun(run)).toBe('timeout');
    expect(run.error?.ename).toBe('KeyboardInterrupt');
    expect(run.error?.evalue).toMatch(/^interrupted after 2 s of real time: .*\(a CPU-bound loop in thread Spinner\)$/);
    expect(text(run)).toEqual([]);
    expect(text(run, 'stderr')).toEqual([]);
    expect(lines(ok(await stops('afterThreadTimeout')))).toEqual([[0, 'alive; threads: 1']]);
  });

  it('threads switching forever are a timeout, never a crash of the interpreter', async () => {
    const run = await stops('switchingForever');
    expect(run.status, describeRun(run)).toBe('timeout');
    expect(run.error?.evalue).toMatch(/^interrupted after 1 s of real time: .*\(a CPU-bound loop in thread P[01]\)$/);
    expect(lines(ok(await stops('afterSwitching')))).toEqual([[0, 'alive after switching']]);
  });
});

describe('interrupts under asyncio.run, as Ctrl-C under CPython', { timeout: TIMEOUT }, () => {
  it('cancel the main task first, then raise KeyboardInterrupt from asyncio.run', async () => {
    const run = await stops('asyncioSpinning');
    expect(run.status, describeRun(run)).toBe('timeout');
    expect(run.error?.ename).toBe('KeyboardInterrupt');
    expect(run.error?.evalue).toMatch(/^interrupted after 1 s of real time/);
    expect(text(run)).toEqual(['main cancelled', "main's finally", 'asyncio.run raised']);
  });

  it('raise in a coroutine that never yields at the next interrupt', async () => {
    const run = await stops('asyncioCpuLoop');
    expect(run.status, describeRun(run)).toBe('timeout');
    expect(run.error?.ename).toBe('KeyboardInterrupt');
    expect(text(run)).toEqual(["main's finally"]);
    expect(lines(ok(await stops('afterAsyncioInterrupt')))).toEqual([[0, 'alive after asyncio']]);
  });
});

describe('errors as CPython 3.14 raises them', { timeout: TIMEOUT }, () => {
  it('asyncio.gather at module level: no current event loop', async () => {
    const run = await errors('gatherNoLoop');
    expect(run.status).toBe('error');
    expect(run.error?.ename).toBe('RuntimeError');
    expect(run.error?.evalue).toBe("There is no current event loop in thread 'MainThread'.");
    expect(text(run, 'stderr')).toEqual(["<sys>:0: RuntimeWarning: coroutine 'f' was never awaited"]);
  });

  it('asyncio.get_event_loop() with no loop raises', async () => {
    const run = await errors('getEventLoop');
    expect(run.error?.ename).toBe('RuntimeError');
    expect(run.error?.evalue).toBe("There is no current event loop in thread 'MainThread'.");
  });

  it('asyncio.run(non-coroutine) raises TypeError', async () => {
    const run = await errors('runNonCoroutine');
    expect(run.error?.ename).toBe('TypeError');
    expect(run.error?.evalue).toBe('An asyncio.Future, a coroutine or an awaitable is required');
  });

  it('await in a plain function is a SyntaxError, and nothing of the cell runs (top-level await runs, as in Jupyter)', async () => {
    const run = await errors('awaitOutside');
    expect(run.error?.ename).toBe('SyntaxError');
    expect(run.error?.evalue).toMatch(/^'await' outside async function \(<cell \d+>, line 4\)$/);
    expect(text(run)).toEqual([]);
    expect(run.virtualSeconds).toBe(0);
  });

  it('asyncio.run inside a running loop raises', async () => {
    const run = await errors('nestedRun');
    expect(run.error?.ename).toBe('RuntimeError');
    expect(run.error?.evalue).toBe('asyncio.run() cannot be called from a running event loop');
    // The refused coroutine is never awaited: reported as the failed script is finalized.
    expect(text(run, 'stderr')).toEqual(["<sys>:0: RuntimeWarning: coroutine 'inner' was never awaited"]);
  });

  it('an uncaught exception ends the cell with a traceback free of kernel frames', async () => {
    const run = await errors('uncaught');
    expect(run.status).toBe('error');
    expect(run.virtualSeconds).toBe(1);
    expect(run.error?.ename).toBe('KeyError');
    expect(run.error?.evalue).toBe("'missing'");
    const tb = run.error!.traceback.join('');
    expect(tb).toMatch(/^Traceback \(most recent call last\):/);
    expect(tb).toMatch(/line 4, in main\n\s+raise KeyError\("missing"\)\n/);
    expect(tb.endsWith("KeyError: 'missing'\n")).toBe(true);
    expect(tb).not.toContain('/vkernel/');
  });

  it('a DeprecationWarning from the snippet is shown with its line, as for __main__', async () => {
    const run = ok(await errors('deprecated'));
    expect(text(run)).toEqual(['True']);
    const [first, second] = text(run, 'stderr');
    expect(first).toMatch(/^<cell \d+>:3: DeprecationWarning: 'asyncio\.iscoroutinefunction' is deprecated/);
    expect(second).toBe('  print(asyncio.iscoroutinefunction(g))');
  });
});

describe('asyncio diagnostics', { timeout: TIMEOUT }, () => {
  it('"Task exception was never retrieved" is logged when the task is collected', async () => {
    const run = ok(await errors('neverRetrieved'));
    expect(lines(run)).toEqual([[0.1, 'after gc']]);
    const stderr = text(run, 'stderr');
    expect(stderr[0]).toBe('Task exception was never retrieved');
    expect(stderr[1]).toMatch(/^future: <Task finished name='Task-\d+' coro=<boom\(\) done, defined at <cell \d+>:2> exception=ValueError\('never retrieved'\)>$/);
    expect(stderr[2]).toBe('Traceback (most recent call last):');
    expect(stderr.at(-3)).toMatch(/^  File "<cell \d+>", line 3, in boom$/);
    expect(stderr.slice(-2)).toEqual(['    raise ValueError("never retrieved")', 'ValueError: never retrieved']);
  });
});

describe('the end of a cell is the end of a script', { timeout: TIMEOUT }, () => {
  it('a failed cell still waits for its threads', async () => {
    const run = await errors('threadAfterError');
    expect(run.status).toBe('error');
    expect(run.error?.evalue).toBe('x');
    expect(lines(run)).toEqual([[1, 'thread done']]);
    expect(run.virtualSeconds).toBe(1);
  });

  it('an executor never shut down: the queued work finishes, idle workers do not hang the cell', async () => {
    const run = ok(await errors('openExecutor'));
    expect(lines(run)).toEqual([[0, 'submitted']]);
    expect(run.virtualSeconds).toBe(1);
    expect(lines(ok(await errors('reuseExecutor')))).toEqual([[0, 'True 32']]);
    const inAsyncio = ok(await errors('openExecutorInAsyncio'));
    expect(lines(inAsyncio)).toEqual([[2, '[None, None, None]']]);
  });

  it('work submitted during shutdown is refused', async () => {
    const run = ok(await errors('submitAtShutdown'));
    expect(text(run)).toEqual([]);
    expect(run.virtualSeconds).toBe(1);
  });
});

describe('cells of one document', { timeout: TIMEOUT }, () => {
  it('share one namespace; defines, uses and the final expression value are reported', async () => {
    const define = ok(await cells('define'));
    expect(define.defines).toEqual(['f', 'math', 'x']);
    expect(define.result).toBeNull();
    const use = ok(await cells('use'));
    expect(use.uses).toEqual(['f']);
    expect(use.defines).toEqual([]);
    expect(use.result).toEqual({ 'text/plain': '3' });
    const redefine = ok(await cells('redefine'));
    expect(redefine.defines).toEqual(['x']);
    expect(redefine.uses).toEqual(['f']);
    expect(lines(redefine)).toEqual([[0, 'side effect']]);
    expect(redefine.result).toEqual({ 'text/plain': '12' });
  });

  it('a final expression of None has no result; other values show their repr', async () => {
    const none = ok(await cells('noneValue'));
    expect(text(none)).toEqual(['printed']);
    expect(none.result).toBeNull();
    const string = ok(await cells('stringValue'));
    expect(string.result).toEqual({ 'text/plain': "'pi is 3.14'" });
    expect(string.uses).toEqual(['math']);
  });

  it('the trace has one actor per task, with its start, end and sleep spans', async () => {
    const run = ok(await cells('trace'));
    const tasks = run.trace.actors.filter((a) => a.kind === 'task');
    expect(tasks.map((a) => a.label)).toEqual(["main()", "sleeper('a', 1)", "sleeper('b', 2)", "sleeper('c', 3)"]);
    const main = actor(run, 'main()');
    expect([main.started, main.finished, main.outcome]).toEqual([0, 3, 'ok']);
    expect(main.spans.map((s) => [s.kind, s.from, s.to])).toEqual([['gather', 0, 3]]);
    for (const [name, delay] of [['a', 1], ['b', 2], ['c', 3]] as const) {
      const sleeper = actor(run, `sleeper('${name}', ${delay})`);
      expect(sleeper.kind).toBe('task');
      expect([sleeper.created, sleeper.started, sleeper.finished, sleeper.outcome]).toEqual([0, 0, delay, 'ok']);
      expect(sleeper.spans.map((s) => [s.kind, s.from, s.to])).toEqual([['sleep', 0, delay]]);
      expect(sleeper.spans[0]!.detail).toBe('sleep() in sleeper at line 3');
    }
  });

  it('the trace records failed and cancelled tasks', async () => {
    const run = ok(await cells('traceOutcomes'));
    const fails = actor(run, 'fails()');
    expect([fails.finished, fails.outcome, fails.error]).toEqual([1, 'error', 'ValueError: bad']);
    const sleeps = actor(run, 'sleeps()');
    expect([sleeps.finished, sleeps.outcome, sleeps.error]).toEqual([2, 'cancelled', null]);
    expect(sleeps.spans.map((s) => [s.kind, s.from, s.to])).toEqual([['sleep', 0, 2]]);
  });

  it('the trace has one actor per thread, with its time.sleep spans', async () => {
    const run = ok(await cells('traceThreads'));
    for (const d of [1, 2]) {
      const thread = actor(run, `worker(${d})`);
      expect(thread.kind).toBe('thread');
      expect(thread.name).toBe(`Thread-${d} (worker)`);
      expect([thread.started, thread.finished, thread.outcome]).toEqual([0, d, 'ok']);
      expect(thread.spans).toEqual([{ kind: 'sleep', from: 0, to: d, detail: 'time.sleep()' }]);
    }
  });
});
