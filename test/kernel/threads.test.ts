// Threads, executors, process pools and clocks on the virtual clock. Every expectation was first
// checked against real CPython 3.13 (same snippet, real sleeps), except the fixed epoch, which is the
// kernel's own contract.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KernelPool } from '../../src/kernel/node/pool.ts';
import type { CellRun } from '../../src/kernel/types.ts';
import { describeRun, lines, startDocument, text } from './helpers.ts';

const TIMEOUT = 60_000;
let pool: KernelPool;
let threads: ReturnType<typeof startDocument>;
let processes: ReturnType<typeof startDocument>;

beforeAll(() => {
  pool = new KernelPool(2);
  threads = startDocument(pool, 'threads', {
    // First cell of the document: virtual time is still at the epoch. (The sleep is longer than the
    // default one-hour budget, hence the cell's own budget.)
    epoch: { budget: 7200, code: `
      import time, datetime
      print(datetime.datetime.now(datetime.timezone.utc))
      print(datetime.datetime.now())
      print(time.time(), time.strftime('%X'), time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime()))
      time.sleep(3725)
      print(datetime.datetime.now(), time.strftime('%X'))
    ` },
    clocks: `
      import time, datetime
      a = (time.time(), time.monotonic(), time.perf_counter(), datetime.datetime.now(), time.time_ns(), time.monotonic_ns())
      s1 = time.strftime('%X')
      time.sleep(2.5)
      b = (time.time(), time.monotonic(), time.perf_counter(), datetime.datetime.now(), time.time_ns(), time.monotonic_ns())
      s2 = time.strftime('%X')
      print([round(y - x, 1) for x, y in zip(a[:3], b[:3])])
      print(round((b[3] - a[3]).total_seconds(), 1))
      print(round((b[4] - a[4]) / 1e9, 1), round((b[5] - a[5]) / 1e9, 1))
      h1, m1, sec1 = map(int, s1.split(':')); h2, m2, sec2 = map(int, s2.split(':'))
      print(((h2 * 3600 + m2 * 60 + sec2) - (h1 * 3600 + m1 * 60 + sec1)) % 86400 in (2, 3))
    `,
    busy: `
      import time
      start = time.time()
      n = 0
      while time.time() - start < 2:
          n += 1
      print("busy wait ended", round(time.time() - start, 1), n > 0)
      t0 = time.perf_counter()
      while time.perf_counter() - t0 < 1:
          pass
      print("perf_counter loop ended", round(time.perf_counter() - t0, 1))
    `,
    // The cell after a busy loop: its clock readings do not inherit the busy-waiting state.
    afterBusy: `
      import time
      a = time.monotonic(); b = time.monotonic(); c = time.time()
      print(b - a < 1e-4, time.time() - c < 1e-4)
    `,
    logging: `
      import logging, time
      records = []
      class Keep(logging.Handler):
          def emit(self, record):
              records.append(record)
      log = logging.getLogger("virtual")
      log.addHandler(Keep())
      log.propagate = False
      log.warning("a")
      time.sleep(1.5)
      log.warning("b")
      a, b = records
      print(round(b.created - a.created, 1), round((b.relativeCreated - a.relativeCreated) / 1000, 1))
      print("relativeCreated from the program's start:", 0 <= a.relativeCreated < 10**8)
      print(abs(b.created - time.time()) < 0.01, b.threadName)
    `,
    executor: `
      import asyncio, time, concurrent.futures
      def blocking(n):
          time.sleep(1)
          return n * 10
      async def main():
          loop = asyncio.get_running_loop()
          t0 = loop.time()
          r = await asyncio.gather(*(loop.run_in_executor(None, blocking, i) for i in range(3)))
          print("default executor", r, round(loop.time() - t0, 1))
          t0 = loop.time()
          with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
              r = await asyncio.gather(*(loop.run_in_executor(pool, blocking, i) for i in range(4)))
          print("2 workers", r, round(loop.time() - t0, 1))
          t0 = loop.time()
          r = await asyncio.gather(asyncio.to_thread(blocking, 7), asyncio.to_thread(blocking, 8))
          print("to_thread", r, round(loop.time() - t0, 1))
      asyncio.run(main())
    `,
    threads: `
      import threading, time
      T0 = time.monotonic()
      def t(): return round(time.monotonic() - T0, 1)
      def worker(name, delay):
          print(t(), name, "start")
          time.sleep(delay)
          print(t(), name, "end")
      threads = [threading.Thread(target=worker, args=(f"t{d}", d)) for d in (3, 1, 2)]
      for th in threads:
          th.start()
      print(t(), "started", threading.active_count())
      for th in threads:
          th.join()
      print(t(), "joined", [th.is_alive() for th in threads])
    `,
    lock: `
      import threading, time
      T0 = time.monotonic()
      def t(): return round(time.monotonic() - T0, 1)
      lock = threading.Lock()
      counter = 0
      def worker(name):
          global counter
          with lock:
              print(t(), name, "has the lock")
              v = counter
              time.sleep(0.5)
              counter = v + 1
      threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(3)]
      for th in threads: th.start()
      for th in threads: th.join()
      print(t(), "counter", counter)
      print("acquire(timeout)", lock.acquire(timeout=0.1), lock.acquire(timeout=0.3), t())
      lock.release()
    `,
    queue: `
      import queue, threading, time
      T0 = time.monotonic()
      def t(): return round(time.monotonic() - T0, 1)
      q = queue.Queue()
      def producer():
          for i in range(3):
              time.sleep(0.5)
              q.put(i)
          q.put(None)
      def consumer():
          while (item := q.get()) is not None:
              print(t(), "consumed", item)
              q.task_done()
          q.task_done()
      threading.Thread(target=producer).start()
      c = threading.Thread(target=consumer); c.start()
      c.join()
      q.join()
      print(t(), "done")
      try:
          q.get(timeout=0.5)
      except queue.Empty:
          print(t(), "Empty after timeout")
    `,
    timer: `
      import threading, time
      T0 = time.monotonic()
      def t(): return round(time.monotonic() - T0, 1)
      def fire(what):
          print(t(), "fired", what)
      a = threading.Timer(1.5, fire, args=("a",))
      b = threading.Timer(0.5, fire, args=("b",))
      c = threading.Timer(1.0, fire, args=("c",))
      a.start(); b.start(); c.start()
      c.cancel()
      print(t(), "timers started")
      a.join(); b.join()
      print(t(), "end")
    `,
    primitives: `
      import threading, time
      T0 = time.monotonic()
      def t(): return round(time.monotonic() - T0, 1)
      ev = threading.Event()
      print("wait ->", ev.wait(0.3), t())
      cond = threading.Condition()
      box = []
      def put():
          time.sleep(0.2)
          with cond:
              box.append(1)
              cond.notify()
      threading.Thread(target=put).start()
      with cond:
          print("wait_for ->", cond.wait_for(lambda: box, timeout=1), t())
      b = threading.Barrier(2)
      def bw():
          time.sleep(0.3)
          print("barrier thread", b.wait(), t())
      th = threading.Thread(target=bw); th.start()
      i = b.wait()
      th.join()
      print("barrier main", i, t())
      sem = threading.BoundedSemaphore(1)
      sem.acquire()
      sem.release()
      try:
          sem.release()
      except ValueError as e:
          print("ValueError", e)
    `,
    boundedQueue: `
      import queue, threading, time
      T0 = time.monotonic()
      def t(): return round(time.monotonic() - T0, 1)
      q = queue.Queue(maxsize=1)
      def slow_consumer():
          for _ in range(3):
              time.sleep(0.3)
              print(t(), "got", q.get())
      th = threading.Thread(target=slow_consumer); th.start()
      for i in range(3):
          q.put(i)
          print(t(), "put", i)
      th.join()
      try:
          q.put_nowait(1); q.put(2, timeout=0.2)
      except queue.Full:
          print(t(), "Full")
    `,
    futures: `
      import concurrent.futures as cf, time
      T0 = time.monotonic()
      def t(): return round(time.monotonic() - T0, 1)
      def job(d):
          time.sleep(d)
          return d
      with cf.ThreadPoolExecutor(3) as ex:
          fs = [ex.submit(job, d) for d in (0.3, 0.1, 0.2)]
          for f in cf.as_completed(fs):
              print(t(), "as_completed", f.result())
          fs = [ex.submit(job, d) for d in (0.3, 0.1)]
          done, pending = cf.wait(fs, return_when=cf.FIRST_COMPLETED)
          print(t(), "first", [f.result() for f in done], len(pending))
          try:
              ex.submit(job, 1).result(timeout=0.2)
          except TimeoutError as e:
              print(t(), "result timeout", type(e).__name__)
      print(t(), "exit waits")
    `,
    mixed: `
      import asyncio, threading, time
      T0 = time.monotonic()
      def t(): return round(time.monotonic() - T0, 2)
      def worker():
          for i in range(3):
              time.sleep(0.2)
              print(t(), "thread", i)
      async def main():
          th = threading.Thread(target=worker)
          th.start()
          for i in range(2):
              await asyncio.sleep(0.25)
              print(t(), "task", i)
          await asyncio.to_thread(th.join)
          print(t(), "joined")
      asyncio.run(main())
    `,
    threadException: `
      import threading, time
      def bad():
          time.sleep(0.1)
          raise ValueError("in thread")
      th = threading.Thread(target=bad, name="Bad")
      th.start(); th.join()
      d = threading.Thread(target=time.sleep, args=(5,), daemon=True)
      d.start()
      print("main ends; daemon alive", d.is_alive())
    `,
    misc: `
      import time, sys, threading
      try:
          time.sleep(-1)
      except ValueError as e:
          print("ValueError", e)
      try:
          input()
      except EOFError as e:
          print("EOFError", e)
      loc = threading.local()
      loc.x = 1
      def f():
          print("local in thread", hasattr(loc, "x"))
      th = threading.Thread(target=f); th.start(); th.join()
      sys.exit(3)
    `,
    exitZero: `
      import sys
      print("bye")
      sys.exit(0)
      print("not reached")
    `,
  });
  processes = startDocument(pool, 'processes', {
    executor: `
      import concurrent.futures, pickle
      def square(x):
          return x * x
      if __name__ == "__main__":
          with concurrent.futures.ProcessPoolExecutor(max_workers=2) as ex:
              print(list(ex.map(square, range(5))))
              print(ex.submit(square, 7).result())
              fut = ex.submit(lambda x: x, 1)
              try:
                  fut.result()
              except Exception as e:
                  print("lambda failed:", type(e).__name__, isinstance(e, pickle.PicklingError))
    `,
    pool: `
      import multiprocessing, pickle
      def cube(x):
          return x ** 3
      if __name__ == "__main__":
          with multiprocessing.Pool(2) as pool:
              print(pool.map(cube, [1, 2, 3]))
              print(pool.apply(cube, (4,)))
              print(sorted(pool.imap_unordered(cube, range(4))))
              try:
                  pool.map(lambda x: x, [1, 2])
              except Exception as e:
                  print("lambda failed:", type(e).__name__, isinstance(e, pickle.PicklingError))
    `,
    timing: `
      import concurrent.futures, multiprocessing, time
      def nap(x):
          time.sleep(0.5)
          return x
      def mutate(d):
          d["k"] = "changed"
          return d
      if __name__ == "__main__":
          t0 = time.monotonic()
          with concurrent.futures.ProcessPoolExecutor(max_workers=2) as ex:
              print(list(ex.map(nap, range(4))), round(time.monotonic() - t0, 1))
              d = {"k": "orig"}
              r = ex.submit(mutate, d).result()
              print(d, r, r is d)
          t0 = time.monotonic()
          with multiprocessing.Pool(2) as pool:
              print(pool.map(nap, range(10)), round(time.monotonic() - t0, 1))
              t0 = time.monotonic()
              print(pool.map(nap, range(4)), round(time.monotonic() - t0, 1))
              t0 = time.monotonic()
              print(list(pool.imap(nap, range(3))), round(time.monotonic() - t0, 1))
          t0 = time.monotonic()
          with concurrent.futures.ProcessPoolExecutor(max_workers=2) as ex:
              print(list(ex.map(nap, range(6), chunksize=3)), round(time.monotonic() - t0, 1))
    `,
    exceptions: `
      import concurrent.futures, multiprocessing
      def boom(x):
          raise KeyError(x)
      if __name__ == "__main__":
          with concurrent.futures.ProcessPoolExecutor(2) as ex:
              try:
                  ex.submit(boom, 5).result()
              except KeyError as e:
                  print("KeyError", e, type(e.__cause__).__name__, e.__context__)
                  print([l for l in str(e.__cause__).splitlines() if "raise" in l or "KeyError" in l])
          with multiprocessing.Pool(2) as p:
              try:
                  p.apply(boom, (1,))
              except KeyError as e:
                  print("pool KeyError", e, type(e.__cause__).__name__)
          with concurrent.futures.ProcessPoolExecutor(1) as ex:
              ex.submit(boom, 9).result()
    `,
    threadPool: `
      import time
      from multiprocessing.pool import ThreadPool
      from multiprocessing.dummy import Pool as DummyPool
      T0 = time.monotonic()
      def slow(x):
          time.sleep(1)
          return x + 1
      with ThreadPool(2) as pool:
          print(pool.map(slow, range(4)), round(time.monotonic() - T0, 1))
          r = pool.apply_async(slow, (10,))
          print(r.get(), round(time.monotonic() - T0, 1))
          T0 = time.monotonic()
          print(pool.map(slow, range(10)), round(time.monotonic() - T0, 1))
          print(pool.starmap(max, [(1, 2), (4, 3)]))
      with DummyPool(3) as pool:
          print(pool.map(lambda x: x * 2, range(3)))
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

describe('clocks', { timeout: TIMEOUT }, () => {
  it('start at the epoch 2025-01-01T00:00:00Z and advance with virtual time', async () => {
    const run = ok(await threads('epoch'));
    expect(lines(run)).toEqual([
      [0, '2025-01-01 00:00:00+00:00'],
      [0, '2025-01-01 00:00:00'],
      [0, '1735689600.0 00:00:00 2025-01-01 00:00:00'],
      [3725, '2025-01-01 01:02:05 01:02:05'],
    ]);
  });

  it('time, monotonic, perf_counter, datetime.now, the _ns variants and strftime all move together', async () => {
    const run = ok(await threads('clocks'));
    expect(text(run)).toEqual(['[2.5, 2.5, 2.5]', '2.5', '2.5 2.5', 'True']);
    expect(run.virtualSeconds).toBe(2.5);
  });

  it('busy-waiting on time.time() or perf_counter() ends', async () => {
    const run = ok(await threads('busy'));
    expect(text(run)).toEqual(['busy wait ended 2.0 True', 'perf_counter loop ended 1.0']);
    const [[t1], [t2]] = lines(run);
    expect(t1).toBeCloseTo(2, 1);
    expect(t2).toBeCloseTo(3, 1);
    const after = ok(await threads('afterBusy'));
    expect(lines(after)).toEqual([[0, 'True True']]);
  });

  it('logging timestamps follow the virtual clock', async () => {
    const run = ok(await threads('logging'));
    expect(lines(run)).toEqual([
      [1.5, '1.5 1.5'],
      [1.5, "relativeCreated from the program's start: True"],
      [1.5, 'True MainThread'],
    ]);
  });
});

describe('threads', { timeout: TIMEOUT }, () => {
  it('run_in_executor and to_thread overlap; a ThreadPoolExecutor respects max_workers', async () => {
    const run = ok(await threads('executor'));
    expect(lines(run)).toEqual([
      [1, 'default executor [0, 10, 20] 1.0'],
      [3, '2 workers [0, 10, 20, 30] 2.0'],
      [4, 'to_thread [70, 80] 1.0'],
    ]);
  });

  it('threads sleeping with time.sleep overlap', async () => {
    const run = ok(await threads('threads'));
    expect(lines(run)).toEqual([
      [0, '0.0 t3 start'],
      [0, '0.0 t1 start'],
      [0, '0.0 t2 start'],
      [0, '0.0 started 4'],
      [1, '1.0 t1 end'],
      [2, '2.0 t2 end'],
      [3, '3.0 t3 end'],
      [3, '3.0 joined [False, False, False]'],
    ]);
  });

  it('threading.Lock serialises threads; acquire(timeout) gives up after the timeout', async () => {
    const run = ok(await threads('lock'));
    expect(lines(run)).toEqual([
      [0, '0.0 w0 has the lock'],
      [0.5, '0.5 w1 has the lock'],
      [1, '1.0 w2 has the lock'],
      [1.5, '1.5 counter 3'],
      [1.8, 'acquire(timeout) True False 1.8'],
    ]);
  });

  it('queue.Queue passes items between threads; get(timeout) raises Empty', async () => {
    const run = ok(await threads('queue'));
    expect(lines(run)).toEqual([
      [0.5, '0.5 consumed 0'],
      [1, '1.0 consumed 1'],
      [1.5, '1.5 consumed 2'],
      [1.5, '1.5 done'],
      [2, '2.0 Empty after timeout'],
    ]);
  });

  it('threading.Timer fires after its interval; a cancelled one never fires', async () => {
    const run = ok(await threads('timer'));
    expect(lines(run)).toEqual([
      [0, '0.0 timers started'],
      [0.5, '0.5 fired b'],
      [1.5, '1.5 fired a'],
      [1.5, '1.5 end'],
    ]);
  });
});

describe('more threading', { timeout: TIMEOUT }, () => {
  it('Event.wait timeout, Condition.wait_for, Barrier, BoundedSemaphore', async () => {
    const run = ok(await threads('primitives'));
    expect(lines(run)).toEqual([
      [0.3, 'wait -> False 0.3'],
      [0.5, 'wait_for -> [1] 0.5'],
      [0.8, 'barrier thread 1 0.8'],
      [0.8, 'barrier main 0 0.8'],
      [0.8, 'ValueError Semaphore released too many times'],
    ]);
  });

  it('a bounded queue.Queue blocks put() until there is room; put(timeout) raises Full', async () => {
    const run = ok(await threads('boundedQueue'));
    expect(lines(run)).toEqual([
      [0, '0.0 put 0'],
      [0.3, '0.3 got 0'],
      [0.3, '0.3 put 1'],
      [0.6, '0.6 got 1'],
      [0.6, '0.6 put 2'],
      [0.9, '0.9 got 2'],
      [1.1, '1.1 Full'],
    ]);
  });

  it('concurrent.futures as_completed, wait(FIRST_COMPLETED), result(timeout); the with block waits', async () => {
    const run = ok(await threads('futures'));
    expect(lines(run)).toEqual([
      [0.1, '0.1 as_completed 0.1'],
      [0.2, '0.2 as_completed 0.2'],
      [0.3, '0.3 as_completed 0.3'],
      [0.4, '0.4 first [0.1] 1'],
      [0.6, '0.6 result timeout TimeoutError'],
      [1.4, '1.4 exit waits'],
    ]);
  });

  it('a thread and event-loop tasks interleave in virtual time', async () => {
    const run = ok(await threads('mixed'));
    expect(lines(run)).toEqual([
      [0.2, '0.2 thread 0'],
      [0.25, '0.25 task 0'],
      [0.4, '0.4 thread 1'],
      [0.5, '0.5 task 1'],
      [0.6, '0.6 thread 2'],
      [0.6, '0.6 joined'],
    ]);
  });

  it('an exception in a thread is reported on stderr; daemon threads are not waited for', async () => {
    const run = ok(await threads('threadException'));
    expect(lines(run)).toEqual([[0.1, 'main ends; daemon alive True']]);
    expect(run.virtualSeconds).toBe(0.1);
    const stderr = text(run, 'stderr');
    expect(stderr[0]).toBe('Exception in thread Bad:');
    expect(stderr[1]).toBe('Traceback (most recent call last):');
    expect(stderr.join('\n')).toMatch(/File "<cell \d+>", line 4, in bad\n    raise ValueError\("in thread"\)/);
    expect(stderr.at(-1)).toBe('ValueError: in thread');
  });

  it('time.sleep(-1), input() and threading.local behave; sys.exit(3) is an error, sys.exit(0) is not', async () => {
    const run = await threads('misc');
    expect(text(run)).toEqual([
      'ValueError sleep length must be non-negative',
      'EOFError EOF when reading a line',
      'local in thread False',
    ]);
    expect(run.status).toBe('error');
    expect([run.error?.ename, run.error?.evalue]).toEqual(['SystemExit', '3']);
    const exit0 = ok(await threads('exitZero'));
    expect(text(exit0)).toEqual(['bye']);
  });
});

describe('process pools (modelled in-process, with pickling)', { timeout: TIMEOUT }, () => {
  it('ProcessPoolExecutor maps and submits; a lambda fails to pickle', async () => {
    const run = ok(await processes('executor'));
    expect(text(run)).toEqual(['[0, 1, 4, 9, 16]', '49', 'lambda failed: PicklingError True']);
  });

  it('multiprocessing.Pool map, apply, imap_unordered; a lambda fails to pickle', async () => {
    const run = ok(await processes('pool'));
    expect(text(run)).toEqual(['[1, 8, 27]', '64', '[0, 1, 8, 27]', 'lambda failed: PicklingError True']);
  });

  it('workers run in parallel up to the pool size, results are copies, map chunks its input', async () => {
    const run = ok(await processes('timing'));
    expect(lines(run)).toEqual([
      [1, '[0, 1, 2, 3] 1.0'],
      [1, "{'k': 'orig'} {'k': 'changed'} False"],
      // Pool.map's default chunksize is ceil(10 / (4 * 2)) = 2: five chunks of 1 s on two workers.
      [4, '[0, 1, 2, 3, 4, 5, 6, 7, 8, 9] 3.0'],
      [5, '[0, 1, 2, 3] 1.0'],
      [6, '[0, 1, 2] 1.0'],
      [7.5, '[0, 1, 2, 3, 4, 5] 1.5'],
    ]);
  });

  it('exceptions come back as from a worker process: with the remote traceback as __cause__', async () => {
    const run = await processes('exceptions');
    expect(text(run)).toEqual([
      'KeyError 5 _RemoteTraceback None',
      "['    raise KeyError(x)', 'KeyError: 5']",
      'pool KeyError 1 RemoteTraceback',
    ]);
    expect(run.status).toBe('error');
    expect([run.error?.ename, run.error?.evalue]).toEqual(['KeyError', '9']);
    const tb = run.error!.traceback.join('');
    expect(tb).toMatch(/^concurrent\.futures\.process\._RemoteTraceback: \n"""\nTraceback \(most recent call last\):\n/);
    expect(tb).toContain('The above exception was the direct cause of the following exception:');
    expect(tb).toMatch(/raise self\._exception\nKeyError: 9\n$/);
    expect(tb).not.toContain('/vkernel/');
  });

  it('multiprocessing.pool.ThreadPool and multiprocessing.dummy.Pool work (no pickling)', async () => {
    const run = ok(await processes('threadPool'));
    expect(lines(run)).toEqual([
      [2, '[1, 2, 3, 4] 2.0'],
      [3, '11 3.0'],
      // chunksize ceil(10 / 8) = 2: five 2 s chunks on two threads.
      [9, '[1, 2, 3, 4, 5, 6, 7, 8, 9, 10] 6.0'],
      [9, '[2, 4]'],
      [9, '[0, 2, 4]'],
    ]);
  });
});
