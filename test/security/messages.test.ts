// Every message from a sandbox is data (issue route: the console forged). A snippet that escaped
// into the worker's JavaScript (the test-only escape hatch stands for such an escape) posts messages
// of its own to the pool: a `booted` whose fallback holds workflow commands and colours, and
// messages of unknown types, with extra keys or wrong fields. What the pool logs is escaped; a
// malformed message ends that document's interpreter as a crash of the cell, and the next document
// runs as usual.
import { describe, expect, it } from 'vitest';
import { KernelPool } from '../../src/kernel/node/pool.ts';
import { checkMessage } from '../../src/kernel/node/validate.ts';
import { dedent, text } from '../kernel/helpers.ts';

const FORGED = '\n::error file=README.md,line=1::forged\x1b[32m check passed\x1b[0m\r::stop-commands::token';

function posting(message: string): string {
  return dedent(`
    import escape_hatch
    port = escape_hatch.getBuiltinModule("worker_threads").parentPort
    port.postMessage(escape_hatch.globalThis.JSON.parse(${JSON.stringify(message)}))
    print("posted")
  `);
}

describe('messages from a sandbox', () => {
  it('are checked whole: unknown types, extra keys and wrong fields are malformed, with the field named', () => {
    expect(checkMessage({ type: 'booted', ms: 1, pyodide: '314.0.7', snapshot: true })).toEqual({ ok: true, value: { type: 'booted', ms: 1, pyodide: '314.0.7', snapshot: true } });
    expect(checkMessage({ type: 'pwn', job: 1 })).toMatchObject({ ok: false, problem: expect.stringMatching(/^type: /) });
    expect(checkMessage({ type: 'done', job: 1, extra: 'x' })).toMatchObject({ ok: false, problem: expect.stringMatching(/^message: Unrecognized key/) });
    expect(checkMessage({ type: 'cell-start', job: 1, index: -1, ticket: 1 })).toMatchObject({ ok: false, problem: expect.stringMatching(/^index: /) });
    expect(checkMessage({ type: 'failed', job: 1, message: 7 })).toMatchObject({ ok: false, problem: expect.stringMatching(/^message: /) });
    expect(checkMessage('booted')).toMatchObject({ ok: false });
    const long = checkMessage({ type: 'booted', ms: 1, pyodide: 'x'.repeat(100), snapshot: false, fallback: 'y'.repeat(1000) });
    expect(long.ok && long.value.type === 'booted' && [long.value.pyodide.length, long.value.fallback?.length]).toEqual([41, 301]);
  });

  it('reach the console escaped, and a malformed one is a crash of its cell while the next document runs', async () => {
    const logged: string[] = [];
    const pool = new KernelPool(1, { testEscapeHatch: true, log: (line) => logged.push(line) });
    try {
      const booted = JSON.stringify({ type: 'booted', ms: 1, pyodide: 'forged', snapshot: false, fallback: FORGED });
      const [first] = await pool.runDocument({ id: 'forge-booted', cells: [{ id: 'a', code: posting(booted) }] });
      expect(text(first!)).toEqual(['posted']);
      expect(logged.filter((l) => l.includes('forged'))).toEqual(['kernel: \\n::error file=README.md,line=1::forged\\x1b[32m check passed\\x1b[0m\\r::stop-commands::token']);
      for (const line of logged) expect(line).not.toMatch(/[\n\r\x1b]/);

      const [second] = await pool.runDocument({ id: 'forge-type', cells: [{ id: 'b', code: posting(JSON.stringify({ type: 'cell', job: 0, index: 0, run: {}, extra: 1 })) }] });
      expect(second!.status).toBe('error');
      expect(second!.error!.ename).toBe('KernelCrash');
      expect(second!.error!.evalue).toMatch(/^the sandbox sent a malformed message \(/);

      const [third] = await pool.runDocument({ id: 'after', cells: [{ id: 'c', code: 'print("still here")' }] });
      expect(text(third!)).toEqual(['still here']);
    } finally {
      await pool.close();
    }
  }, 120_000);
});
