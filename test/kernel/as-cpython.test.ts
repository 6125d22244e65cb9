// What a reader sees must be what CPython shows: a cell compiles whole before it runs, top-level
// `await` runs as in Jupyter, reprs and tracebacks show none of the kernel, input() reads the
// cell's settings or end of file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KernelPool } from '../../src/kernel/node/pool.ts';
import { describeRun, startDocument, text } from './helpers.ts';

let pool: KernelPool;
let run: ReturnType<typeof startDocument>;

beforeAll(() => {
  pool = new KernelPool(1);
  run = startDocument(pool, 'as-cpython', {
    lateSyntaxError: `
      print("before")
      def f():
          pass
      return 3
    `,
    awaitAtTop: `
      import asyncio
      async def work(n):
          await asyncio.sleep(n)
          return n * 10
      background = asyncio.create_task(work(5))
      value = await work(1)
      print(value)
    `,
    awaitAgain: `
      print(await background)
    `,
    taskRepr: `
      import asyncio
      async def foo():
          await asyncio.sleep(1)
      async def main():
          task = asyncio.create_task(foo(), name='task1')
          await asyncio.sleep(0)
          print(task)
          await task
          print(task)
      asyncio.run(main())
    `,
    loopRepr: `
      import asyncio
      async def main():
          print(asyncio.get_running_loop())
      asyncio.run(main())
    `,
    raises: { code: `
      import asyncio
      async def failing():
          await asyncio.sleep(1)
          raise ValueError("boom")
      asyncio.run(failing())
    `, number: 7 },
    reads: { code: `
      name = input("name? ")
      print("hello", name)
    `, stdin: 'Alice\n' },
    readsNothing: `
      input("name? ")
    `,
  });
}, 120_000);

afterAll(async () => {
  await pool.close();
});

describe('as CPython shows it', () => {
  it('a SyntaxError anywhere in a cell means nothing of it runs', async () => {
    const r = await run('lateSyntaxError');
    expect(r.status).toBe('error');
    expect(r.error?.ename).toBe('SyntaxError');
    expect(text(r)).toEqual([]);
  });

  it('runs top-level await on one loop kept across cells, as Jupyter does', async () => {
    const first = await run('awaitAtTop');
    expect(first.status, describeRun(first)).toBe('ok');
    expect(text(first)).toEqual(['10']);
    const second = await run('awaitAgain');
    expect(second.status, describeRun(second)).toBe('ok');
    expect(text(second)).toEqual(['50']);
  });

  it('prints tasks without the kernel\'s callbacks', async () => {
    const r = await run('taskRepr');
    expect(r.status, describeRun(r)).toBe('ok');
    const [pending, done] = text(r);
    expect(pending).toMatch(/^<Task pending name='task1' coro=<foo\(\) running at <cell \d+>:3>/);
    expect(pending).not.toMatch(/Tracer|_task_done/);
    expect(done).toMatch(/^<Task finished name='task1' coro=<foo\(\) done, defined at <cell \d+>:2> result=None>$/);
  });

  it('prints the event loop as CPython on Linux does', async () => {
    const r = await run('loopRepr');
    expect(text(r)).toEqual(['<_UnixSelectorEventLoop running=True closed=False debug=False>']);
  });

  it('shows tracebacks with the page\'s cell number and no frame of the kernel', async () => {
    const r = await run('raises');
    const traceback = r.error!.traceback.join('');
    expect(traceback).toMatch(/File "<cell 7>", line 4, in failing/);
    expect(traceback).not.toMatch(/vkernel/);
  });

  it('input() reads the input the settings give, and end of file otherwise', async () => {
    const r = await run('reads');
    expect(r.status, describeRun(r)).toBe('ok');
    expect(text(r).join('\n')).toBe('name? hello Alice');
    const none = await run('readsNothing');
    expect(none.error?.ename).toBe('EOFError');
  });
});
