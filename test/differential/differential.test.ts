// The stand-ins against the real libraries. Every program in programs/ runs twice: under the system's
// CPython with the real aiohttp, requests, httpx, bs4, aiofiles, FastAPI, asyncpg and psycopg2
// against a real local server and a real PostgreSQL that serve the same fixtures (harness.ts), and
// in the kernel with the stand-ins. What they print must be the same, up to compare.ts's
// normalisation and the differences allowed.yaml lists (each with its reason, each in README.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optionalSuite } from '../support/optional-suite.ts';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { KernelPool } from '../../src/kernel/node/pool.ts';
import type { CellRun } from '../../src/kernel/types.ts';
import { sharedFixtures } from '../../src/check/fixtures.ts';
import { applyAllowed, KINDS, normalise, satisfies, timeAgrees, type AllowedDifference } from './compare.ts';
import { VERSIONED, missing, startRealWorld, type RealRun, type RealWorld } from './harness.ts';

const PROGRAMS = 'test/differential/programs';
const programs = readdirSync(PROGRAMS).filter((f) => f.endsWith('.py')).map((f) => f.replace(/\.py$/, '')).sort();
// DIFFERENTIAL_ONLY=a,b runs only those programs (while working on a difference).
const only = process.env.DIFFERENTIAL_ONLY?.split(',');
const selected = only ? programs.filter((p) => only.includes(p)) : programs;
const allowed = (parse(readFileSync('test/differential/allowed.yaml', 'utf8')) ?? []) as AllowedDifference[];
const shared = sharedFixtures();

function fixturesOf(name: string): Record<string, unknown>[] {
  const own = join(PROGRAMS, `${name}.fixtures.yaml`);
  if (!existsSync(own)) return shared;
  const doc = parse(readFileSync(own, 'utf8')) as Record<string, unknown>;
  // The real PostgreSQL holds the shared fixtures' tables only.
  if (doc.databases) throw new Error(`${own}: a program's own fixtures may not declare databases`);
  return [...shared, { ...doc, name: own }];
}

const usesDatabase = (name: string) => readFileSync(join(PROGRAMS, `${name}.py`), 'utf8').includes('postgresql://');

const why = missing();
// CI installs the real libraries (.ci/run): there a missing one fails the run (optional-suite.ts).
optionalSuite({
  name: 'differential suite (stand-ins against the real libraries)',
  missing: why,
  install: 'apt-get install -y python3-aiohttp python3-requests python3-httpx python3-bs4 python3-aiofiles python3-fastapi python3-asyncpg python3-psycopg2 postgresql',
});

describe('the allow-list', () => {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Stand-ins and the real libraries'));

  it('names known programs, gives a reason, and is listed in README.md', () => {
    expect(readme).toContain('## Stand-ins and the real libraries');
    const ids = new Set<string>();
    for (const entry of allowed) {
      expect(entry.id, JSON.stringify(entry)).toMatch(/^[a-z0-9-]+$/);
      expect(ids.has(entry.id), `duplicate id ${entry.id}`).toBe(false);
      ids.add(entry.id);
      expect(entry.reason?.length ?? 0, `${entry.id} needs a reason`).toBeGreaterThan(20);
      expect(KINDS, `${entry.id}: kind`).toContain(entry.kind);
      expect([entry.real].flat().length, `${entry.id}: as many stand-in texts as real ones`).toBe([entry['stand-in']].flat().length);
      expect(entry.real, entry.id).not.toEqual(entry['stand-in']);
      if (entry.kind === 'version') expect(entry.when, `${entry.id}: a version difference says which versions`).toBeDefined();
      for (const p of entry.programs) expect(programs, `${entry.id} names ${p}`).toContain(p);
      for (const [lib, range] of Object.entries(entry.when ?? {})) {
        expect(VERSIONED, `${entry.id}: when names ${lib}`).toContain(lib);
        expect(() => satisfies('1.0', range), `${entry.id}: when ${lib}: ${range}`).not.toThrow();
      }
      expect(section, `README.md's section lists ${entry.id}`).toContain(`\`${entry.id}\``);
    }
  });
});

describe.skipIf(why !== null)('the stand-ins print what the real libraries print', () => {
  let pool: KernelPool;
  let world: RealWorld;
  const runs = new Map<string, Promise<[RealRun, CellRun]>>();

  beforeAll(async () => {
    pool = new KernelPool(2);
    world = await startRealWorld(shared);
    // The kernel runs first, all of them (virtual time does not mind a busy machine); the real runs
    // then go one at a time on a machine the kernel no longer shares, since their times are compared.
    const kernels = selected.map((name) => pool.runDocument({
      id: name, fixtures: fixturesOf(name), cells: [{ id: name, code: readFileSync(join(PROGRAMS, `${name}.py`), 'utf8') }],
    }).then((r) => r[0]!));
    const kernelsDone = Promise.allSettled(kernels);
    selected.forEach((name, i) => {
      const real = kernelsDone.then(() => world.run(join(PROGRAMS, `${name}.py`), fixturesOf(name), usesDatabase(name)));
      const both = Promise.all([real, kernels[i]!]);
      both.catch(() => {}); // reported by the program's test
      runs.set(name, both);
    });
  });

  afterAll(async () => {
    await pool?.close();
    world?.stop();
  });

  it('has programs for every library', () => {
    for (const lib of ['requests', 'aiohttp', 'httpx', 'bs4', 'aiofiles', 'fastapi', 'asyncpg', 'psycopg2']) {
      expect(programs.filter((p) => p.startsWith(`${lib}_`)).length, lib).toBeGreaterThanOrEqual(2);
    }
  });

  for (const name of selected) {
    it(name, async () => {
      const [real, kernel] = await runs.get(name)!;
      const stdout = kernel.events.filter((e) => e.stream === 'stdout').map((e) => e.text).join('');
      const ours = normalise(stdout);
      const theirs = normalise(real.stdout, real);
      const { text, unused } = applyAllowed(theirs.text, name, allowed, world.versions);
      if (process.env.DIFFERENTIAL_OUT) {
        // For reading a difference whole: DIFFERENTIAL_OUT=dir keeps both outputs there.
        mkdirSync(process.env.DIFFERENTIAL_OUT, { recursive: true });
        writeFileSync(join(process.env.DIFFERENTIAL_OUT, `${name}.real.txt`), real.stdout + (real.stderr ? `\n--- stderr\n${real.stderr}` : ''));
        writeFileSync(join(process.env.DIFFERENTIAL_OUT, `${name}.stand-in.txt`), stdout + (kernel.error ? `\n--- error\n${kernel.error.traceback.join('')}` : ''));
      }
      expect(real.code, `the real run failed:\n${real.stderr}`).toBe(0);
      expect(kernel.error, `the kernel run failed:\n${kernel.error?.traceback.join('')}`).toBeNull();
      expect(text, 'the real output (+) against the stand-in output (-), after allowed.yaml').toBe(ours.text);
      expect(unused, 'allowed differences that no longer occur').toEqual([]);
      expect(theirs.times.length).toBe(ours.times.length);
      theirs.times.forEach((t, i) => {
        expect(timeAgrees(t, ours.times[i]!), `time #${i + 1}: real ${t}s, stand-in ${ours.times[i]}s`).toBe(true);
      });
    }, 600_000);
  }
});
