// The runtime's files are read-only by what a path resolves to, not by its text (sandbox route:
// "read-only" kernel files written). Every way of naming a kernel file for writing, creating,
// renaming, removing or changing it gets CPython's PermissionError for a read-only file, the file is
// unchanged, and the snippet's own files still work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KernelPool } from '../../src/kernel/node/pool.ts';
import { dedent, describeRun, text } from '../kernel/helpers.ts';

const ATTEMPTS: Record<string, string> = {
  plain: 'open(target, "a").write("#x")',
  'dot segment': 'open("/./kernel/vkernel/clock.py", "a").write("#x")',
  'double slash': 'open("//kernel/vkernel/clock.py", "a").write("#x")',
  'dot-dot': 'open("/tmp/../kernel/vkernel/clock.py", "a").write("#x")',
  'relative after chdir': '(os.chdir("/kernel/vkernel"), open("clock.py", "a").write("#x"))',
  'new file in the tree': 'open("/kernel/vkernel/new.py", "w")',
  'os.open append': 'os.write(os.open(target, os.O_WRONLY | os.O_APPEND), b"#x")',
  'os.open truncate': 'os.open(target, os.O_WRONLY | os.O_TRUNC)',
  'directory descriptor': 'os.open("clock.py", os.O_WRONLY, dir_fd=os.open("/kernel/vkernel", os.O_RDONLY))',
  chmod: 'os.chmod(target, 0o666)',
  'chmod through a descriptor': 'os.fchmod(os.open(target, os.O_RDONLY), 0o666)',
  'write through a symbolic link': '(os.symlink(target, "/tmp/link.py"), open("/tmp/link.py", "a").write("#x"))',
  'rename out': 'os.rename(target, "/tmp/stolen.py")',
  'replace in': '(open("/tmp/evil.py", "w").write("x"), os.replace("/tmp/evil.py", target))',
  remove: 'os.remove(target)',
  truncate: 'os.truncate(target, 0)',
  utime: 'os.utime(target, (0, 0))',
  mkdir: 'os.mkdir("/kernel/vkernel/sub")',
  rmdir: 'os.rmdir("/kernel/world")',
  'shutil.rmtree': 'shutil.rmtree("/kernel/world")',
  'the standard library': 'open("/lib/python314.zip", "ab").write(b"x")',
  'pathlib write_text': 'pathlib.Path("/kernel/vkernel/clock.py").write_text("x")',
};

function attempts(): string {
  return dedent(`
    import os, pathlib, shutil
    target = "/kernel/vkernel/clock.py"
    before = open(target).read()
    def attempt(name, action):
        try:
            action()
            print(name, "WROTE")
        except OSError as error:
            print(name, type(error).__name__, error.errno)
        finally:
            os.chdir("/tmp")
  `) + Object.entries(ATTEMPTS).map(([name, action]) => `attempt(${JSON.stringify(name)}, lambda: ${action})\n`).join('')
    + dedent(`
    print("unchanged", open(target).read() == before, os.path.isdir("/kernel/world"), oct(os.stat(target).st_mode & 0o777))
    open("/tmp/mine.txt", "w").write("mine")
    os.chdir(os.path.expanduser("~"))
    pathlib.Path("here.txt").write_text("here")
    print(open("/tmp/mine.txt").read(), open("here.txt").read())
  `);
}

describe('the runtime files', () => {
  let pool: KernelPool;
  beforeAll(() => { pool = new KernelPool(1); });
  afterAll(async () => { await pool.close(); });

  it('refuse every write, however the path is spelled, and stay as they were', async () => {
    const [run] = await pool.runDocument({ id: 'read-only', cells: [{ id: 'attempts', code: attempts() }] });
    expect(run!.status, describeRun(run!)).toBe('ok');
    expect(text(run!)).toEqual([
      ...Object.keys(ATTEMPTS).map((name) => `${name} PermissionError 13`),
      'unchanged True True 0o444',
      'mine here',
    ]);
  }, 120_000);
});
