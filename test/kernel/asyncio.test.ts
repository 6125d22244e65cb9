// asyncio on the virtual clock: every expectation below was first checked against real CPython 3.13
// (same snippet, real sleeps); `t` is virtual seconds since the cell started.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KernelPool } from '../../src/kernel/node/pool.ts';
import { describeRun, lines, startDocument } from './helpers.ts';

const TIMEOUT = 60_000;
let pool: KernelPool;
let tasks: ReturnType<typeof startDocument>;
let sync: ReturnType<typeof startDocument>;

beforeAll(() => {
  pool = new KernelPool(2);
  tasks = startDocument(pool, 'asyncio-tasks', {
    gather: `
      import asyncio, time
      T0 = time.monotonic()
      def t(): return round(time.monotonic() - T0, 1)
      async def work(name, delay):
          print(t(), "start", name)
          await asyncio.sleep(delay)
          print(t(), "end", name)
          return name.upper()
      async def main():
          results = await asyncio.gather(work("a", 2), work("b", 1), work("c", 1.5))
          print(t(), results)
      asyncio.run(main())
    `,
    createTask: `
      import asyncio
      async def child(name, delay):
          print("child", name, "starts")
          await asyncio.sleep(delay)
          print("child", name, "done")
          return delay
      async def main():
          t1 = asyncio.create_task(child("x", 2))
          t2 = asyncio.create_task(child("y", 1))
          print("tasks created; done?", t1.done(), t2.done())
          await asyncio.sleep(0)
          print("after sleep(0)")
          print("await t1 ->", await t1)
          print("t2 done?", t2.done(), t2.result())
      asyncio.run(main())
    `,
    wait: `
      import asyncio
      async def job(n):
          await asyncio.sleep(n)
          return n
      async def main():
          tasks = [asyncio.create_task(job(n), name=f"job{n}") for n in (3, 1, 2)]
          done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
          print("done", sorted(t.get_name() for t in done))
          print("pending", sorted(t.get_name() for t in pending))
          done, pending = await asyncio.wait(pending, return_when=asyncio.ALL_COMPLETED)
          print("done", sorted(t.result() for t in done), "pending", len(pending))
          tasks = [asyncio.create_task(job(n)) for n in (1, 5)]
          done, pending = await asyncio.wait(tasks, timeout=2)
          print("after timeout", len(done), len(pending))
          for p in pending:
              p.cancel()
          await asyncio.sleep(0)
          print("cancelled", [p.cancelled() for p in pending])
      asyncio.run(main())
    `,
    waitFor: `
      import asyncio
      async def slow():
          try:
              await asyncio.sleep(10)
          except asyncio.CancelledError:
              print("slow was cancelled")
              raise
      async def main():
          try:
              await asyncio.wait_for(slow(), timeout=1.5)
          except TimeoutError as e:
              print("TimeoutError", type(e).__name__, isinstance(e, asyncio.TimeoutError))
          print("fast result", await asyncio.wait_for(asyncio.sleep(0.5, result="ok"), timeout=1))
      asyncio.run(main())
    `,
    timeoutCm: `
      import asyncio
      async def main():
          try:
              async with asyncio.timeout(1) as cm:
                  print("inside")
                  await asyncio.sleep(5)
                  print("not reached")
          except TimeoutError:
              print("timed out; expired:", cm.expired())
          async with asyncio.timeout(2) as cm:
              await asyncio.sleep(1)
          print("in time; expired:", cm.expired())
          loop = asyncio.get_running_loop()
          try:
              async with asyncio.timeout(1) as cm:
                  cm.reschedule(loop.time() + 2)
                  await asyncio.sleep(3)
          except TimeoutError:
              print("rescheduled timeout fired")
      asyncio.run(main())
    `,
    asCompleted: `
      import asyncio
      async def job(name, delay):
          await asyncio.sleep(delay)
          return name
      async def main():
          coros = [job("slow", 3), job("fast", 1), job("mid", 2)]
          for fut in asyncio.as_completed(coros):
              print("got", await fut)
          try:
              for fut in asyncio.as_completed([job("a", 1), job("b", 5)], timeout=2):
                  print("got", await fut)
          except TimeoutError:
              print("as_completed timed out")
      asyncio.run(main())
    `,
    taskGroup: `
      import asyncio
      async def ok(name, delay):
          try:
              await asyncio.sleep(delay)
              print("finished", name)
              return name
          except asyncio.CancelledError:
              print("cancelled", name)
              raise
      async def boom(delay):
          await asyncio.sleep(delay)
          print("raising")
          raise ValueError("boom")
      async def main():
          async with asyncio.TaskGroup() as tg:
              a = tg.create_task(ok("a", 1))
              b = tg.create_task(ok("b", 2))
          print("group 1 done", a.result(), b.result())
          try:
              async with asyncio.TaskGroup() as tg:
                  tg.create_task(ok("c", 5))
                  tg.create_task(boom(1))
                  tg.create_task(ok("d", 0.5))
          except* ValueError as eg:
              print("caught", repr(eg), [repr(e) for e in eg.exceptions])
          print("end")
      asyncio.run(main())
    `,
    taskGroupUncaught: `
      import asyncio
      async def fail(n):
          await asyncio.sleep(n)
          raise KeyError(n)
      async def main():
          async with asyncio.TaskGroup() as tg:
              tg.create_task(fail(1))
              tg.create_task(fail(1))
      asyncio.run(main())
    `,
    cancel: `
      import asyncio
      async def worker():
          try:
              print("working")
              await asyncio.sleep(10)
          except asyncio.CancelledError:
              print("got CancelledError")
              raise
          finally:
              print("cleanup")
      async def main():
          task = asyncio.create_task(worker())
          await asyncio.sleep(1)
          print("cancel() ->", task.cancel())
          try:
              await task
          except asyncio.CancelledError:
              print("main saw CancelledError")
          print("cancelled()", task.cancelled(), "done()", task.done())
          t2 = asyncio.create_task(asyncio.sleep(1))
          t2.cancel("because")
          try:
              await t2
          except asyncio.CancelledError as e:
              print("message", e.args)
      asyncio.run(main())
    `,
    shield: `
      import asyncio
      async def important():
          await asyncio.sleep(2)
          print("important finished")
          return 42
      async def main():
          inner = asyncio.create_task(important())
          try:
              await asyncio.wait_for(asyncio.shield(inner), timeout=1)
          except TimeoutError:
              print("outer timed out; inner cancelled?", inner.cancelled())
          print("inner result", await inner)
      asyncio.run(main())
    `,
    roundRobin: `
      import asyncio
      async def w(name):
          for i in range(3):
              print(name, i)
              await asyncio.sleep(0)
      async def main():
          await asyncio.gather(w("a"), w("b"), w("c"))
          loop = asyncio.get_running_loop()
          loop.call_later(0.2, print, "later 0.2")
          loop.call_soon(print, "soon")
          loop.call_at(loop.time() + 0.1, print, "at 0.1")
          await asyncio.sleep(0.3)
          print(asyncio.get_event_loop() is loop)
      asyncio.run(main())
    `,
    handles: `
      import asyncio, time
      async def main():
          loop = asyncio.get_running_loop()
          print("loop.time() is time.monotonic():", abs(loop.time() - time.monotonic()) < 1e-6)
          h = loop.call_later(0.3, print, "never")
          loop.call_later(0.1, h.cancel)
          fut = loop.create_future()
          loop.call_later(0.2, fut.set_result, "fut done")
          print(await fut)
          await asyncio.sleep(0.3)
          print("h cancelled", h.cancelled())
      asyncio.run(main())
    `,
    edges: `
      import asyncio, time
      async def main():
          t0 = time.monotonic()
          await asyncio.sleep(-1)
          try:
              async with asyncio.timeout(0):
                  await asyncio.sleep(0)
          except TimeoutError:
              print("timeout(0) fired")
          try:
              await asyncio.wait_for(asyncio.sleep(1), 0)
          except TimeoutError:
              print("wait_for 0 fired")
          print(round(time.monotonic() - t0, 3))
          print(await asyncio.wait_for(asyncio.sleep(0, "instant"), None))
      asyncio.run(main())
    `,
    asyncGenerators: `
      import asyncio
      async def ticks(n):
          try:
              for i in range(n):
                  await asyncio.sleep(0.1)
                  yield i
          finally:
              print("agen closed")
      async def main():
          async for i in ticks(3):
              print("tick", i)
          agen = ticks(10)
          print(await anext(agen))
          q = asyncio.Queue()
          q.shutdown()
          try:
              await q.get()
          except asyncio.QueueShutDown:
              print("QueueShutDown")
      asyncio.run(main())
      print("after run")
    `,
    eagerAndNested: `
      import asyncio
      async def child():
          print("child runs")
          return 1
      async def main():
          loop = asyncio.get_running_loop()
          loop.set_task_factory(asyncio.eager_task_factory)
          t = asyncio.create_task(child())
          print("created; done?", t.done())
          print(await t)
          async with asyncio.timeout(0.5):
              async with asyncio.timeout(0.2):
                  try:
                      await asyncio.sleep(1)
                  except asyncio.CancelledError:
                      print("inner cancelled")
                      raise
      asyncio.run(main())
    `,
    runners: `
      import asyncio, time
      T0 = time.monotonic()
      async def f(x):
          await asyncio.sleep(0.1)
          return x
      with asyncio.Runner() as r:
          print(r.run(f(1)), r.run(f(2)))
      loop = asyncio.new_event_loop()
      print(loop.run_until_complete(f(3)))
      loop.close()
      print(round(time.monotonic() - T0, 1))
    `,
    waitForThread: `
      import asyncio, time
      T0 = time.monotonic()
      def t(): return round(time.monotonic() - T0, 1)
      def slow():
          time.sleep(0.5)
          print(t(), "thread finished anyway")
          return 1
      async def main():
          try:
              await asyncio.wait_for(asyncio.to_thread(slow), timeout=0.2)
          except TimeoutError:
              print(t(), "timed out")
      asyncio.run(main())
      print(t(), "run returned")
    `,
    threadsafe: `
      import asyncio, time
      T0 = time.monotonic()
      def t(): return round(time.monotonic() - T0, 2)
      def blocking(loop):
          time.sleep(0.2)
          loop.call_soon_threadsafe(print, t(), "call_soon_threadsafe")
          fut = asyncio.run_coroutine_threadsafe(asyncio.sleep(0.05, result="rct"), loop)
          print(t(), "thread got", fut.result())
          return "done"
      async def ticker():
          for i in range(4):
              print(t(), "tick", i)
              await asyncio.sleep(0.15)
      async def main():
          loop = asyncio.get_running_loop()
          r = await asyncio.gather(asyncio.to_thread(blocking, loop), ticker())
          print(t(), r)
      asyncio.run(main())
    `,
    loopsInThreads: `
      import asyncio, threading, time
      T0 = time.monotonic()
      def in_thread(name, d):
          async def go():
              await asyncio.sleep(d)
              return name
          result = asyncio.run(go())
          print(round(time.monotonic() - T0, 1), "thread loop got", result)
      ths = [threading.Thread(target=in_thread, args=(n, d)) for n, d in (("x", 0.3), ("y", 0.1))]
      for th in ths: th.start()
      for th in ths: th.join()
      print(round(time.monotonic() - T0, 1), "end")
    `,
  });
  sync = startDocument(pool, 'asyncio-sync', {
    semaphore: `
      import asyncio, time
      T0 = time.monotonic()
      async def job(i, sem):
          async with sem:
              print(round(time.monotonic() - T0, 1), "start", i)
              await asyncio.sleep(1)
              print(round(time.monotonic() - T0, 1), "end", i)
      async def main():
          sem = asyncio.Semaphore(2)
          await asyncio.gather(*(job(i, sem) for i in range(5)))
      asyncio.run(main())
    `,
    lock: `
      import asyncio
      async def worker(name, lock):
          print("wants", name)
          async with lock:
              print("holds", name)
              await asyncio.sleep(1)
          print("released", name)
      async def main():
          lock = asyncio.Lock()
          await asyncio.gather(worker("a", lock), worker("b", lock), worker("c", lock))
          print("locked?", lock.locked())
      asyncio.run(main())
    `,
    event: `
      import asyncio
      async def waiter(name, ev):
          print(name, "waiting")
          await ev.wait()
          print(name, "woke")
      async def setter(ev):
          await asyncio.sleep(2)
          print("setting")
          ev.set()
      async def main():
          ev = asyncio.Event()
          await asyncio.gather(waiter("w1", ev), waiter("w2", ev), setter(ev))
          print("is_set", ev.is_set())
      asyncio.run(main())
    `,
    condition: `
      import asyncio
      items = []
      async def consumer(name, cond):
          async with cond:
              await cond.wait_for(lambda: items)
              print(name, "took", items.pop())
      async def main():
          cond = asyncio.Condition()
          cs = [asyncio.create_task(consumer(f"c{i}", cond)) for i in range(2)]
          await asyncio.sleep(1)
          async with cond:
              items.extend(["x", "y"])
              print("notify_all")
              cond.notify_all()
          await asyncio.gather(*cs)
          async def w():
              async with cond:
                  await cond.wait()
                  print("plain wait woke")
          t = asyncio.create_task(w())
          await asyncio.sleep(0.5)
          async with cond:
              cond.notify()
          await t
      asyncio.run(main())
    `,
    queue: `
      import asyncio
      async def producer(q):
          for i in range(4):
              await asyncio.sleep(0.5)
              await q.put(i)
              print("put", i)
      async def consumer(name, q):
          while True:
              item = await q.get()
              print(name, "got", item)
              await asyncio.sleep(1)
              print(name, "done", item)
              q.task_done()
      async def main():
          q = asyncio.Queue(maxsize=2)
          workers = [asyncio.create_task(consumer(f"w{i}", q)) for i in range(2)]
          await producer(q)
          await q.join()
          print("all processed")
          for w in workers:
              w.cancel()
          res = await asyncio.gather(*workers, return_exceptions=True)
          print([type(r).__name__ for r in res])
      asyncio.run(main())
    `,
    barrier: `
      import asyncio
      async def w(b, i):
          await asyncio.sleep(i * 0.2)
          print("arrive", i)
          pos = await b.wait()
          print("pass", i, pos)
      async def main():
          b = asyncio.Barrier(3)
          await asyncio.gather(*(w(b, i) for i in range(3)))
      asyncio.run(main())
    `,
    blockingSleep: `
      import asyncio, time
      T0 = time.monotonic()
      def t(): return round(time.monotonic() - T0, 1)
      async def ticker():
          for i in range(3):
              print(t(), "tick", i)
              await asyncio.sleep(0.5)
      async def blocker():
          await asyncio.sleep(0.1)
          print(t(), "blocking")
          time.sleep(2)
          print(t(), "unblocked")
      async def main():
          await asyncio.gather(ticker(), blocker())
      asyncio.run(main())
    `,
  });
});

afterAll(async () => {
  await pool.close();
});

function ok(run: Awaited<ReturnType<typeof tasks>>) {
  expect(run.status, describeRun(run)).toBe('ok');
  return run;
}

describe('tasks', { timeout: TIMEOUT }, () => {
  it('gather starts all awaitables at once and returns results in argument order', async () => {
    const run = ok(await tasks('gather'));
    expect(lines(run)).toEqual([
      [0, '0.0 start a'],
      [0, '0.0 start b'],
      [0, '0.0 start c'],
      [1, '1.0 end b'],
      [1.5, '1.5 end c'],
      [2, '2.0 end a'],
      [2, "2.0 ['A', 'B', 'C']"],
    ]);
    expect(run.virtualSeconds).toBe(2);
  });

  it('create_task schedules a task that first runs when the creator yields', async () => {
    const run = ok(await tasks('createTask'));
    expect(lines(run)).toEqual([
      [0, 'tasks created; done? False False'],
      [0, 'child x starts'],
      [0, 'child y starts'],
      [0, 'after sleep(0)'],
      [1, 'child y done'],
      [2, 'child x done'],
      [2, 'await t1 -> 2'],
      [2, 't2 done? True 1'],
    ]);
  });

  it('wait: FIRST_COMPLETED, ALL_COMPLETED and a timeout that leaves tasks pending', async () => {
    const run = ok(await tasks('wait'));
    expect(lines(run)).toEqual([
      [1, "done ['job1']"],
      [1, "pending ['job2', 'job3']"],
      [3, 'done [2, 3] pending 0'],
      [5, 'after timeout 1 1'],
      [5, 'cancelled [True]'],
    ]);
  });

  it('wait_for raises TimeoutError at the deadline after cancelling the inner coroutine', async () => {
    const run = ok(await tasks('waitFor'));
    expect(lines(run)).toEqual([
      [1.5, 'slow was cancelled'],
      [1.5, 'TimeoutError TimeoutError True'],
      [2, 'fast result ok'],
    ]);
  });

  it('asyncio.timeout expires, stays unexpired when in time, and honours reschedule()', async () => {
    const run = ok(await tasks('timeoutCm'));
    expect(lines(run)).toEqual([
      [0, 'inside'],
      [1, 'timed out; expired: True'],
      [2, 'in time; expired: False'],
      [4, 'rescheduled timeout fired'],
    ]);
  });

  it('as_completed yields in completion order and times out', async () => {
    const run = ok(await tasks('asCompleted'));
    expect(lines(run)).toEqual([
      [1, 'got fast'],
      [2, 'got mid'],
      [3, 'got slow'],
      [4, 'got a'],
      [5, 'as_completed timed out'],
    ]);
  });

  it('TaskGroup waits for its tasks; a failure cancels the others and raises an ExceptionGroup', async () => {
    const run = ok(await tasks('taskGroup'));
    expect(lines(run)).toEqual([
      [1, 'finished a'],
      [2, 'finished b'],
      [2, 'group 1 done a b'],
      [2.5, 'finished d'],
      [3, 'raising'],
      [3, 'cancelled c'],
      [3, "caught ExceptionGroup('unhandled errors in a TaskGroup', [ValueError('boom')]) [\"ValueError('boom')\"]"],
      [3, 'end'],
    ]);
  });

  it('an uncaught TaskGroup failure ends the cell with the ExceptionGroup', async () => {
    const run = await tasks('taskGroupUncaught');
    expect(run.status).toBe('error');
    expect(run.error?.ename).toBe('ExceptionGroup');
    expect(run.error?.evalue).toBe('unhandled errors in a TaskGroup (2 sub-exceptions)');
    expect(run.virtualSeconds).toBe(1);
  });

  it('cancel() raises CancelledError inside the task; cancelled() is True afterwards', async () => {
    const run = ok(await tasks('cancel'));
    expect(lines(run)).toEqual([
      [0, 'working'],
      [1, 'cancel() -> True'],
      [1, 'got CancelledError'],
      [1, 'cleanup'],
      [1, 'main saw CancelledError'],
      [1, 'cancelled() True done() True'],
      [1, "message ('because',)"],
    ]);
  });

  it('shield keeps the inner task running when the outer wait times out', async () => {
    const run = ok(await tasks('shield'));
    expect(lines(run)).toEqual([
      [1, 'outer timed out; inner cancelled? False'],
      [2, 'important finished'],
      [2, 'inner result 42'],
    ]);
  });
});

describe('the event loop', { timeout: TIMEOUT }, () => {
  it('sleep(0) round-robins tasks; call_soon, call_at and call_later run in time order', async () => {
    const run = ok(await tasks('roundRobin'));
    expect(lines(run)).toEqual([
      [0, 'a 0'], [0, 'b 0'], [0, 'c 0'],
      [0, 'a 1'], [0, 'b 1'], [0, 'c 1'],
      [0, 'a 2'], [0, 'b 2'], [0, 'c 2'],
      [0, 'soon'],
      [0.1, 'at 0.1'],
      [0.2, 'later 0.2'],
      [0.3, 'True'],
    ]);
  });

  it('loop.time() is time.monotonic(); handles can be cancelled; futures resolve from callbacks', async () => {
    const run = ok(await tasks('handles'));
    expect(lines(run)).toEqual([
      [0, 'loop.time() is time.monotonic(): True'],
      [0.2, 'fut done'],
      [0.5, 'h cancelled True'],
    ]);
  });

  it('zero and negative delays and timeouts', async () => {
    const run = ok(await tasks('edges'));
    expect(lines(run)).toEqual([
      [0, 'timeout(0) fired'],
      [0, 'wait_for 0 fired'],
      [0, '0.0'],
      [0, 'instant'],
    ]);
  });

  it('async generators are finalized; Queue.shutdown raises QueueShutDown', async () => {
    const run = ok(await tasks('asyncGenerators'));
    expect(lines(run)).toEqual([
      [0.1, 'tick 0'],
      [0.2, 'tick 1'],
      [0.3, 'tick 2'],
      [0.3, 'agen closed'],
      [0.4, '0'],
      [0.4, 'QueueShutDown'],
      [0.4, 'agen closed'],
      [0.4, 'after run'],
    ]);
  });

  it('eager tasks run at creation; the inner of nested timeouts fires first', async () => {
    const run = await tasks('eagerAndNested');
    expect(lines(run)).toEqual([
      [0, 'child runs'],
      [0, 'created; done? True'],
      [0, '1'],
      [0.2, 'inner cancelled'],
    ]);
    expect(run.status).toBe('error');
    expect(run.error?.ename).toBe('TimeoutError');
    expect(run.virtualSeconds).toBe(0.2);
  });

  it('asyncio.Runner and run_until_complete on a new loop', async () => {
    const run = ok(await tasks('runners'));
    expect(lines(run)).toEqual([[0.2, '1 2'], [0.3, '3'], [0.3, '0.3']]);
  });

  it('wait_for on to_thread times out, but the thread runs on and asyncio.run waits for it', async () => {
    const run = ok(await tasks('waitForThread'));
    expect(lines(run)).toEqual([
      [0.2, '0.2 timed out'],
      [0.5, '0.5 thread finished anyway'],
      [0.5, '0.5 run returned'],
    ]);
  });

  it('call_soon_threadsafe and run_coroutine_threadsafe from a worker thread', async () => {
    const run = ok(await tasks('threadsafe'));
    expect(lines(run)).toEqual([
      [0, '0.0 tick 0'],
      [0.15, '0.15 tick 1'],
      [0.2, '0.2 call_soon_threadsafe'],
      [0.25, '0.2 thread got rct'], // t() is evaluated before fut.result()
      [0.3, '0.3 tick 2'],
      [0.45, '0.45 tick 3'],
      [0.6, "0.6 ['done', None]"],
    ]);
  });

  it('each thread can run its own event loop', async () => {
    const run = ok(await tasks('loopsInThreads'));
    expect(lines(run)).toEqual([
      [0.1, '0.1 thread loop got y'],
      [0.3, '0.3 thread loop got x'],
      [0.3, '0.3 end'],
    ]);
  });
});

describe('synchronisation', { timeout: TIMEOUT }, () => {
  it('Semaphore(2) lets two tasks in at a time', async () => {
    const run = ok(await sync('semaphore'));
    expect(lines(run)).toEqual([
      [0, '0.0 start 0'],
      [0, '0.0 start 1'],
      [1, '1.0 end 0'],
      [1, '1.0 end 1'],
      [1, '1.0 start 2'],
      [1, '1.0 start 3'],
      [2, '2.0 end 2'],
      [2, '2.0 end 3'],
      [2, '2.0 start 4'],
      [3, '3.0 end 4'],
    ]);
  });

  it('Lock serialises holders in arrival order', async () => {
    const run = ok(await sync('lock'));
    expect(lines(run)).toEqual([
      [0, 'wants a'],
      [0, 'holds a'],
      [0, 'wants b'],
      [0, 'wants c'],
      [1, 'released a'],
      [1, 'holds b'],
      [2, 'released b'],
      [2, 'holds c'],
      [3, 'released c'],
      [3, 'locked? False'],
    ]);
  });

  it('Event wakes every waiter when set', async () => {
    const run = ok(await sync('event'));
    expect(lines(run)).toEqual([
      [0, 'w1 waiting'],
      [0, 'w2 waiting'],
      [2, 'setting'],
      [2, 'w1 woke'],
      [2, 'w2 woke'],
      [2, 'is_set True'],
    ]);
  });

  it('Condition: wait_for with notify_all, and plain wait with notify', async () => {
    const run = ok(await sync('condition'));
    expect(lines(run)).toEqual([
      [1, 'notify_all'],
      [1, 'c0 took y'],
      [1, 'c1 took x'],
      [1.5, 'plain wait woke'],
    ]);
  });

  it('Queue: producer and two consumers, join() waits for task_done()', async () => {
    const run = ok(await sync('queue'));
    expect(lines(run)).toEqual([
      [0.5, 'put 0'],
      [0.5, 'w0 got 0'],
      [1, 'put 1'],
      [1, 'w1 got 1'],
      [1.5, 'w0 done 0'],
      [1.5, 'put 2'],
      [1.5, 'w0 got 2'],
      [2, 'w1 done 1'],
      [2, 'put 3'],
      [2, 'w1 got 3'],
      [2.5, 'w0 done 2'],
      [3, 'w1 done 3'],
      [3, 'all processed'],
      [3, "['CancelledError', 'CancelledError']"],
    ]);
  });

  it('Barrier releases all parties when the last arrives', async () => {
    const run = ok(await sync('barrier'));
    expect(lines(run)).toEqual([
      [0, 'arrive 0'],
      [0.2, 'arrive 1'],
      [0.4, 'arrive 2'],
      [0.4, 'pass 2 2'],
      [0.4, 'pass 0 0'],
      [0.4, 'pass 1 1'],
    ]);
  });

  it('time.sleep in a coroutine blocks the loop: other tasks make no progress meanwhile', async () => {
    const run = ok(await sync('blockingSleep'));
    expect(lines(run)).toEqual([
      [0, '0.0 tick 0'],
      [0.1, '0.1 blocking'],
      [2.1, '2.1 unblocked'],
      [2.1, '2.1 tick 1'],
      [2.6, '2.6 tick 2'],
    ]);
  });
});
