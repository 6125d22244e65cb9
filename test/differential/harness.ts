// The real side of the differential suite: the real libraries under the system's CPython, a real
// local HTTP(S) server answering from the fixtures (real/run.py) and a real PostgreSQL seeded with
// the fixtures' tables (real/seed.py), all in one temporary directory that the suite removes.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const PYTHON = process.env.DIFFERENTIAL_PYTHON ?? '/usr/bin/python3';
export const LIBRARIES = ['aiohttp', 'requests', 'httpx', 'bs4', 'aiofiles', 'fastapi', 'asyncpg', 'psycopg2'];
/** What allowed.yaml's `when:` may name: the libraries, those they build on, and CPython itself. */
export const VERSIONED = [...LIBRARIES, 'urllib3', 'starlette', 'pydantic', 'python'];
const HERE = resolve('test/differential');
const WORLD = resolve('src/kernel/python/world');

/** Why the real side cannot run here, or null when it can. */
export function missing(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} is missing`;
  const probe = spawnSync(PYTHON, ['-c', `import ${LIBRARIES.join(', ')}`], { encoding: 'utf8' });
  if (probe.status !== 0) return `${PYTHON} lacks the real libraries (${probe.stderr.trim().split('\n').pop()})`;
  if (!postgresBin()) return 'PostgreSQL (initdb, pg_ctl) is missing';
  if (spawnSync('openssl', ['version']).status !== 0) return 'openssl is missing';
  return null;
}

/** The installed version of each library (from its distribution's metadata). */
export function libraryVersions(): Record<string, string> {
  const dists: Record<string, string> = { bs4: 'beautifulsoup4', psycopg2: 'psycopg2' };
  const script = 'import importlib.metadata as m, json, platform, sys\n' +
    'print(json.dumps({"python": platform.python_version(), **{n: m.version(d) for n, d in json.loads(sys.argv[1]).items()}}))';
  const names = Object.fromEntries(VERSIONED.filter((n) => n !== 'python').map((n) => [n, dists[n] ?? n]));
  const out = execFileSync(PYTHON, ['-c', script, JSON.stringify(names)], { encoding: 'utf8' });
  return JSON.parse(out) as Record<string, string>;
}

function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0]!, 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

/** A command as the `postgres` user when we are root (initdb refuses root), else as ourselves. */
function asPostgres(bin: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const root = process.getuid?.() === 0;
  const [cmd, argv] = root ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return execFileSync(cmd, argv, { encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface RealWorld {
  dir: string;
  pgPort: number;
  /** The real libraries' versions, by import name (allowed.yaml's `when:` conditions test them). */
  versions: Record<string, string>;
  /**
   * Runs one program. Programs run one at a time: their timings are compared with the fixtures'
   * latencies, and two real runs sharing the machine's cores would each run late. `db` programs
   * each get a fresh copy of the seeded database.
   */
  run(program: string, fixtures: Record<string, unknown>[], db: boolean): Promise<RealRun>;
  stop(): void;
}

export interface RealRun {
  stdout: string;
  stderr: string;
  code: number | null;
  /** The ports the program's world really used, by the port the program meant (5432). */
  ports: Record<number, number>;
  /** The loopback address the fixture hosts resolved to in this run. */
  address: string;
}

/** Host names the fixtures' routes name, for the servers' certificate. */
export function fixtureHosts(docs: Record<string, unknown>[]): string[] {
  const hosts = new Set<string>();
  for (const doc of docs) {
    const routes = ((doc.http as { routes?: { url?: string; host?: string }[] } | undefined)?.routes) ?? [];
    for (const route of routes) {
      if (route.url) hosts.add(new URL(route.url.replace(/\{[^}]*\}/g, 'x')).hostname);
      else if (route.host && !/[*?[]/.test(route.host)) hosts.add(route.host);
    }
  }
  for (const local of ['localhost', '127.0.0.1']) hosts.delete(local);
  return [...hosts].sort();
}

export async function startRealWorld(allFixtures: Record<string, unknown>[]): Promise<RealWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'differential-'));
  chmodSync(dir, 0o755);
  const bin = postgresBin()!;
  const data = join(dir, 'pg');
  mkdirSync(data);
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(data, uid, gid);
  }
  const pgPort = await freePort();
  asPostgres(join(bin, 'initdb'), ['-D', join(data, 'data'), '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
  asPostgres(join(bin, 'pg_ctl'), ['-D', join(data, 'data'), '-l', join(data, 'log'), '-w', '-o',
    `-p ${pgPort} -k ${data} -c listen_addresses=localhost -c fsync=off`, 'start']);
  const pgEnv = { PGHOST: 'localhost', PGPORT: String(pgPort), PGUSER: 'postgres' };
  const psql = (sql: string, db = 'postgres') => asPostgres(join(bin, 'psql'), ['-q', '-v', 'ON_ERROR_STOP=1', '-d', db, '-c', sql], pgEnv);
  const stop = () => {
    try { asPostgres(join(bin, 'pg_ctl'), ['-D', join(data, 'data'), '-m', 'immediate', 'stop']); } catch { /* already down */ }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    psql('CREATE DATABASE world_seed');
    const seedDocs = join(dir, 'seed.json');
    writeFileSync(seedDocs, JSON.stringify(allFixtures.filter((d) => d.databases)));
    execFileSync(PYTHON, [join(HERE, 'real', 'seed.py'), seedDocs, 'world_seed'], { env: { ...process.env, ...pgEnv }, stdio: 'pipe' });

    const hosts = fixtureHosts(allFixtures);
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=fixture hosts',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
      '-addext', `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`], { stdio: 'pipe' });
  } catch (error) {
    stop();
    throw error;
  }

  let queue: Promise<unknown> = Promise.resolve();
  let counter = 0;
  const runOne = async (program: string, fixtures: Record<string, unknown>[], db: boolean): Promise<RealRun> => {
    const own = join(dir, `run-${++counter}`);
    mkdirSync(join(own, 'cwd'), { recursive: true });
    const setup = join(own, 'setup.json');
    // An address of this run's own in 127.0.0.0/8 (the process id keeps two suites apart).
    const address = `127.${20 + (process.pid % 200)}.${Math.floor(counter / 250) % 256}.${(counter % 250) + 1}`;
    writeFileSync(setup, JSON.stringify({ world: WORLD, fixtures, cert: join(dir, 'cert.pem'), key: join(dir, 'key.pem'), address }));
    if (db) {
      // Two commands: psql -c runs a multi-statement string in one transaction, which DROP DATABASE refuses.
      psql('DROP DATABASE IF EXISTS mydb WITH (FORCE)');
      psql('CREATE DATABASE mydb TEMPLATE world_seed');
    }
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH, HOME: own, LANG: 'C.UTF-8', PYTHONHASHSEED: '0', PYTHONIOENCODING: 'utf-8',
      PYTHONDONTWRITEBYTECODE: '1', SSL_CERT_FILE: join(dir, 'cert.pem'), REQUESTS_CA_BUNDLE: join(dir, 'cert.pem'), ...pgEnv,
    };
    const child = spawn(PYTHON, [join(HERE, 'real', 'run.py'), setup, resolve(program)], { cwd: join(own, 'cwd'), env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    const code = await new Promise<number | null>((ok) => child.on('close', (c) => ok(c)));
    clearTimeout(timer);
    return { stdout, stderr, code, ports: { 5432: pgPort }, address };
  };

  return {
    dir,
    pgPort,
    versions: libraryVersions(),
    run(program, fixtures, db) {
      const result = queue.then(() => runOne(program, fixtures, db));
      queue = result.catch(() => undefined);
      return result;
    },
    stop,
  };
}
