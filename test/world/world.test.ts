// The simulated I/O world through the real kernel on virtual time: each case's stdout must equal
// its expected file (the same files were checked against CPython 3.13 with real time).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { KernelPool } from '../../src/kernel/node/pool.ts';
import { sharedFixtures } from '../../src/check/fixtures.ts';

const CASES = 'test/world/cases';
const cases = readdirSync(CASES).filter((f) => f.endsWith('.py')).map((f) => f.replace(/\.py$/, ''));

describe('the simulated I/O world in the kernel', () => {
  let pool: KernelPool;
  beforeAll(() => { pool = new KernelPool(2); });
  afterAll(async () => { await pool.close(); });

  it('has cases for every module', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  it("names a blocking library's wait in the timeline by its call, in a thread and on the loop's thread", async () => {
    const code = [
      'import asyncio, time, requests',
      'URL = "https://jsonplaceholder.typicode.com/posts/1"',
      'def fetch():',
      '    return requests.get(URL).status_code',
      'def nap():',
      '    time.sleep(1)',
      'async def main():',
      '    print(await asyncio.gather(asyncio.to_thread(fetch), asyncio.to_thread(nap)))',
      '    requests.get(URL)  # on the loop\'s thread: blocks it',
      'asyncio.run(main())',
    ].join('\n');
    const [run] = await pool.runDocument({ id: 'blocking', fixtures: sharedFixtures(), cells: [{ id: 'blocking/1', code }] });
    expect(run!.error).toBeNull();
    const spans = (label: string) => run!.trace.actors.find((a) => a.label === label)!.spans.map((s) => [s.kind, s.detail]);
    expect(spans('fetch()')).toContainEqual(['http', 'requests.get()']);
    expect(spans('nap()')).toEqual([['sleep', 'time.sleep()']]);
    expect(spans('main()')).toContainEqual(['block', 'requests.get() blocks the event loop']);
  });

  for (const name of cases) {
    it(`${name} prints what CPython printed`, async () => {
      const own = join(CASES, `${name}.fixtures.yaml`);
      const fixtures = [...sharedFixtures(), ...(existsSync(own) ? [{ ...parse(readFileSync(own, 'utf8')), name: own }] : [])];
      const [run] = await pool.runDocument({ id: name, fixtures, cells: [{ id: name, code: readFileSync(join(CASES, `${name}.py`), 'utf8') }] });
      const stdout = run!.events.filter((e) => e.stream === 'stdout').map((e) => e.text).join('');
      expect(run!.error).toBeNull();
      expect(stdout).toBe(readFileSync(join(CASES, `${name}.expected.txt`), 'utf8'));
      // Every case reaches the simulated world, and says so, except those that print the usage
      // log themselves (simworld.take_usage() empties it before the kernel reads it).
      const code = readFileSync(join(CASES, `${name}.py`), 'utf8');
      if (!code.includes('simworld.take_usage()')) expect(run!.world.length).toBeGreaterThan(0);
    });
  }
});
