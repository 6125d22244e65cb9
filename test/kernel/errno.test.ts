// OSError numbers are Linux's, as CPython on Linux prints them, although Pyodide's libc
// (Emscripten) numbers errors differently (ENOENT is 44 there).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KernelPool } from '../../src/kernel/node/pool.ts';

describe('error numbers', () => {
  let pool: KernelPool;
  beforeAll(() => { pool = new KernelPool(1); });
  afterAll(async () => { await pool.close(); });

  it('match CPython on Linux for raised, caught and constructed OSErrors', async () => {
    // Expected lines printed by CPython 3.13 on this machine for the same program.
    const code = [
      'import errno, os',
      'try:\n    open("missing.txt")\nexcept FileNotFoundError as e:\n    print(e, e.errno == errno.ENOENT, e.args[0], errno.errorcode[e.errno])',
      'try:\n    raise OSError(errno.EACCES, os.strerror(errno.EACCES), "x")\nexcept OSError as e:\n    print(e)',
      'os.mkdir("d")\ntry:\n    os.mkdir("d")\nexcept FileExistsError as e:\n    print(e, repr(e))',
      'print(errno.ENOENT, errno.EAGAIN, errno.ECONNREFUSED, errno.errorcode[11])',
      'open("nope")',
    ].join('\n');
    const [run] = await pool.runDocument({ id: 'errno', cells: [{ id: 'a', code }] });
    const out = run!.events.map((e) => e.text).join('');
    expect(out).toBe([
      "[Errno 2] No such file or directory: 'missing.txt' True 2 ENOENT",
      "[Errno 13] Permission denied: 'x'",
      "[Errno 17] File exists: 'd' FileExistsError(17, 'File exists')",
      '2 11 111 EAGAIN',
      '',
    ].join('\n'));
    expect(run!.error?.evalue).toBe("[Errno 2] No such file or directory: 'nope'");
  });
});
