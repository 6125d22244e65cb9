// The hostile corpus: every route out of a snippet we know of, each followed by a benign cell.
// Each must be contained (an error, or the behaviour of a machine without a shell or network),
// leave the host untouched, and leave the next cell working. Then the second boundary alone:
// a snippet given a live JavaScript object on purpose (the test-only escape hatch) still cannot
// spawn, write, read outside the runtime, connect or read the environment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { KernelPool } from '../../src/kernel/node/pool.ts';
import type { CellRun } from '../../src/kernel/types.ts';
import { dedent } from '../kernel/helpers.ts';

const MARK = `/tmp/kernel-hostile-${process.pid}`;
let server: Server;
let port = 0;
let connections = 0;
const BENIGN = 'print(sum(range(4)))\n';

const ATTACKS: Record<string, string> = {
  'os.system': `import os\nprint(os.system("touch ${MARK}-system"))`,
  'os.popen': `import os\nos.popen("touch ${MARK}-popen")`,
  'subprocess': `import subprocess\nsubprocess.run(["touch", "${MARK}-subprocess"])`,
  'import js': `import js\njs.process`,
  'import pyodide_js': `import pyodide_js`,
  '_pyodide_core to_js': `import _pyodide_core\nf = _pyodide_core.to_js([]).constructor.constructor`,
  'kernel_host module': `import kernel_host`,
  'meta_path removed': `import sys\nsys.meta_path.clear()\nimport js`,
  'gc.get_objects': `import gc\nfound = [o for o in gc.get_objects() if type(o).__name__ == 'JsProxy']\nprint(len(found))`,
  'sys._current_frames': `import sys\nsys._current_frames()`,
  'kernel module globals': `import sys\nleaks = [n for m in list(sys.modules.values()) for n, v in list(getattr(m, '__dict__', {}).items()) if type(v).__name__.startswith('Js') and type(v).__name__ != 'JsNull']\nprint(leaks)`,
  'ctypes': `import ctypes`,
  'socket connect': `import socket\ns = socket.socket()\ns.connect(("127.0.0.1", PORT))`,
  '_socket connect': `import _socket\n_socket.socket().connect(("127.0.0.1", PORT))`,
  'write the kernel': `open("/kernel/vkernel/runtime.py", "w").write("x")`,
  'write the stdlib': `open("/lib/python3.14/asyncio/__init__.py", "w").write("x")`,
  'audit hook removal': `import sys\nsys.addaudithook(lambda *a: None)\nimport js`,
  'swap code objects': `def f(): pass\nf.__code__ = (lambda: 1).__code__`,
  'fork': `import os\nos.fork()`,
};

let pool: KernelPool;
let runs: CellRun[];
const names = Object.keys(ATTACKS);

beforeAll(async () => {
  server = createServer((socket) => { connections++; socket.end(); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  pool = new KernelPool(1);
  const cells = names.flatMap((name, i) => [
    { id: `attack-${i}`, code: dedent(ATTACKS[name]!.replace('PORT', String(port))) },
    { id: `benign-${i}`, code: BENIGN },
  ]);
  runs = await pool.runDocument({ id: 'hostile', cells });
}, 180_000);

afterAll(async () => {
  await pool.close();
  server.close();
  for (const suffix of ['system', 'popen', 'subprocess']) rmSync(`${MARK}-${suffix}`, { force: true });
});

describe('the hostile corpus', () => {
  names.forEach((name, i) => {
    it(`${name}: contained, the host untouched, the next cell fine`, () => {
      const attack = runs[2 * i]!;
      const benign = runs[2 * i + 1]!;
      const printed = attack.events.filter((e) => e.stream === 'stdout').map((e) => e.text).join('');
      if (attack.status === 'ok') {
        // Allowed only as a machine without a shell or without leaks behaves.
        expect(printed.trim(), name).toMatch(/^(32512|0|\[\])?$/);
      } else {
        expect(attack.status, name).toBe('error');
      }
      expect(benign.status, `${name}: benign cell`).toBe('ok');
      expect(benign.events.map((e) => e.text).join('')).toBe('6\n');
    });
  });

  it('no command reached the host and no connection was made', () => {
    for (const suffix of ['system', 'popen', 'subprocess']) expect(existsSync(`${MARK}-${suffix}`), suffix).toBe(false);
    expect(connections).toBe(0);
  });
});

describe('the process boundary alone (a live JavaScript object handed over on purpose)', () => {
  let hatch: KernelPool;
  let escape: CellRun;
  beforeAll(async () => {
    hatch = new KernelPool(1, { testEscapeHatch: true });
    const code = dedent(`
      import escape_hatch
      p = escape_hatch.process
      results = {}
      def attempt(name, action):
          try:
              action()
              results[name] = "ALLOWED"
          except Exception as error:
              results[name] = type(error).__name__ + ": " + str(error)[:80]
      attempt("spawn", lambda: escape_hatch.getBuiltinModule("child_process").execSync("touch ${MARK}-hatch"))
      attempt("write", lambda: escape_hatch.getBuiltinModule("fs").writeFileSync("${MARK}-write", "x"))
      attempt("read", lambda: escape_hatch.getBuiltinModule("fs").readFileSync("/etc/hostname"))
      attempt("inspector", lambda: escape_hatch.getBuiltinModule("inspector").open())
      env = [k for k in escape_hatch.globalThis.Object.keys(p.env) if not k.startswith("KERNEL_")]
      results["env"] = "EMPTY" if not env else ",".join(env)
      for k, v in sorted(results.items()):
          print(k, v)
    `);
    // Connecting last: under the permission model alone the refusal arrives as an error event that
    // ends the interpreter (contained, reported as a crash); under namespaces there is no route.
    const connect = dedent(`
      import escape_hatch
      escape_hatch.getBuiltinModule("net").connect(${port}, "127.0.0.1")
      import time
      time.sleep(1)
    `);
    [escape] = await hatch.runDocument({ id: 'hatch', cells: [{ id: 'escape', code }] });
    // A document of its own: the refusal may end the interpreter, reported as a failed document.
    await hatch.runDocument({ id: 'hatch-connect', cells: [{ id: 'connect', code: connect }] }).catch(() => null);
  }, 120_000);
  afterAll(async () => {
    await hatch.close();
    rmSync(`${MARK}-hatch`, { force: true });
    rmSync(`${MARK}-write`, { force: true });
  });

  it('spawning, writing, reading outside, the inspector, connecting all fail; the environment is empty', async () => {
    const text = escape.events.map((e) => e.text).join('');
    expect(escape.status, text + JSON.stringify(escape.error)).toBe('ok');
    const results = Object.fromEntries(text.trim().split('\n').map((l) => [l.split(' ')[0], l.slice(l.indexOf(' ') + 1)]));
    // A connection fails after the call returns: what counts is that none reaches the server.
    for (const name of ['spawn', 'write', 'read', 'inspector']) {
      expect(results[name], `${name}: ${results[name]}`).not.toBe('ALLOWED');
    }
    expect(results.env).toBe('EMPTY');
    await new Promise((r) => setTimeout(r, 1500));
    expect(existsSync(`${MARK}-hatch`)).toBe(false);
    expect(existsSync(`${MARK}-write`)).toBe(false);
    expect(connections).toBe(0);
  });
});
