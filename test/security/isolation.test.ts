// A full escape, contained (issue 26, route 2): a snippet handed the sandbox's real `process` on
// purpose (the test-only escape hatch) tries to kill a process of the host and to read who and
// where the host is. Each isolation level this machine offers is tried; `none` shows what is lost
// without one, and that `requireIsolation: 'pid'` (the CLI's --untrusted) then refuses to run.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import { IsolationRefused, KernelPool } from '../../src/kernel/node/pool.ts';
import { KERNEL_DIR, boundaries, describeBoundaries, type Isolation } from '../../src/kernel/node/sandbox-process.ts';
import { SANDBOX_UID } from '../../src/kernel/node/isolation.ts';
import { describeRun, text } from '../kernel/helpers.ts';
import { dedent } from '../kernel/helpers.ts';

const TIMEOUT = 120_000;
const root = process.getuid?.() === 0;

/** A process of the host, as the user the sandbox runs as (so only isolation protects it). */
function victim(): ChildProcess {
  return spawn('sleep', ['600'], { stdio: 'ignore', ...(root ? { uid: SANDBOX_UID, gid: SANDBOX_UID } : {}) });
}

const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

function escapeCell(pid: number): string {
  return dedent(`
    import escape_hatch
    p = escape_hatch.process
    os = escape_hatch.getBuiltinModule("os")
    def attempt(name, action):
        try:
            print(name, action())
        except Exception as error:
            print(name, "refused:", str(error).split(": ")[-1].split("\\n")[0][:60])
    attempt("kill", lambda: p.kill(${pid}, "SIGKILL"))
    attempt("hostname", lambda: os.hostname())
    attempt("cwd", lambda: p.cwd())
    attempt("argv", lambda: "|".join(p.argv))
    attempt("execPath", lambda: p.execPath)
    attempt("userInfo", lambda: os.userInfo().username)
    attempt("env", lambda: sorted(k for k in escape_hatch.globalThis.Object.keys(p.env) if not k.startswith("KERNEL_")))
  `);
}

/** The snippet's lines as a record: name -> what it printed. */
function report(lines: string[]): Record<string, string> {
  return Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(' ')), l.slice(l.indexOf(' ') + 1)]));
}

const levels: Isolation[] = ['bubblewrap', 'unshare', 'none'];
const available = Object.fromEntries(levels.map((level) => [level, boundaries(level).isolation === level]));
const victims: ChildProcess[] = [];

afterAll(() => {
  for (const child of victims) if (alive(child)) child.kill('SIGKILL');
});

async function escapeAt(level: Isolation): Promise<{ printed: Record<string, string>; target: ChildProcess }> {
  const target = victim();
  victims.push(target);
  const pool = new KernelPool(1, { isolation: level, testEscapeHatch: true });
  try {
    const [run] = await pool.runDocument({ id: `escape-${level}`, cells: [{ id: 'escape', code: escapeCell(target.pid!) }] });
    expect(run!.status, describeRun(run!)).toBe('ok');
    // A signal, if one was sent, has arrived by the time the snippet printed its next line; the
    // child's exit is reported by the event loop: let it run once more.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { printed: report(text(run!)), target };
  } finally {
    await pool.close();
  }
}

const INSIDE_ARGV = '/sandbox/bin/node|/sandbox/kernel/node/worker.ts';

describe('a full JavaScript escape, contained by the process isolation', { timeout: TIMEOUT }, () => {
  it.skipIf(!available.bubblewrap)('bubblewrap: no host process can be signalled; no host name, user, path or command line shows', async () => {
    const { printed, target } = await escapeAt('bubblewrap');
    expect(printed).toEqual({
      kill: 'refused: kill ESRCH', hostname: 'sandbox', cwd: '/sandbox/kernel', argv: INSIDE_ARGV, execPath: '/sandbox/bin/node',
      userInfo: 'refused: uv_os_get_passwd returned ENOENT (no such file or directory)', env: '[]',
    });
    expect(alive(target)).toBe(true);
  });

  it.skipIf(!available.unshare)('unshare: the same', async () => {
    const { printed, target } = await escapeAt('unshare');
    expect(printed).toEqual({
      kill: 'refused: kill ESRCH', hostname: 'sandbox', cwd: '/sandbox/kernel', argv: INSIDE_ARGV, execPath: '/sandbox/bin/node',
      userInfo: 'refused: uv_os_get_passwd returned ENOENT (no such file or directory)', env: '[]',
    });
    expect(alive(target)).toBe(true);
  });

  it('none: the escape reaches the host (what the line and --untrusted are for)', async () => {
    const { printed, target } = await escapeAt('none');
    expect(printed.kill).toBe('True');
    expect(alive(target)).toBe(false);
    expect(printed.hostname).toBe(hostname());
    expect(printed.cwd).toBe(KERNEL_DIR.replace(/\/$/, ''));
    expect(printed.env).toBe('[]');
  });
});

describe('the isolation line and the untrusted mode', () => {
  it('says which isolation holds, and that none does', () => {
    if (available.bubblewrap) expect(describeBoundaries(boundaries('bubblewrap'))).toMatch(/^sandbox: bubblewrap \(own PID, user, mount, network, IPC and UTS namespaces; only the runtime's files, read-only/);
    if (available.unshare) expect(describeBoundaries(boundaries('unshare'))).toMatch(/^sandbox: unshare \(own PID, user, mount, network, IPC and UTS namespaces; only the runtime's files, read-only/);
    expect(describeBoundaries(boundaries('none'))).toMatch(/^sandbox: NO process isolation \(neither bubblewrap nor unshare works here\): a snippet that escaped the interpreter could signal .*; --untrusted refuses to run snippets here$/);
  });

  it("requireIsolation 'pid' refuses every document when there is none, and runs none of it", async () => {
    const pool = new KernelPool(1, { isolation: 'none', requireIsolation: 'pid' });
    try {
      const refused = await pool.runDocument({ id: 'refused', cells: [{ id: 'c', code: 'print(1)\n' }] }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(IsolationRefused);
      expect((refused as Error).message).toBe('untrusted: refusing to run snippets: this machine cannot isolate process ids (neither bubblewrap nor unshare works here; install bubblewrap, or allow unprivileged user namespaces)');
      expect(pool.started).toBe(false);
    } finally {
      await pool.close();
    }
  });

  it.skipIf(!available.unshare)("requireIsolation 'pid' runs documents where a PID namespace exists", async () => {
    const pool = new KernelPool(1, { isolation: 'unshare', requireIsolation: 'pid' });
    try {
      expect(pool.refusal).toBe(null);
      const [run] = await pool.runDocument({ id: 'isolated', cells: [{ id: 'c', code: 'print(6 * 7)\n' }] });
      expect(text(run!)).toEqual(['42']);
    } finally {
      await pool.close();
    }
  }, TIMEOUT);
});
