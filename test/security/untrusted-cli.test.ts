// `check|build|dev --untrusted` (what CI on pull requests runs): on a machine that cannot isolate process ids
// it runs no snippet and stops with the sandbox line, one line saying why, and exit 2.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve('bin/execdocs.js');

function command(name: string, args: string[], isolation: string) {
  const dir = mkdtempSync(join(tmpdir(), 'untrusted-'));
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'a.md'), `# A\n\n\`\`\`python\nprint(1)\n\`\`\`\n`);
  const child = spawnSync(process.execPath, [BIN, name, 'docs', ...args], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '', KERNEL_SANDBOX_ISOLATION: isolation },
  });
  return { code: child.status, out: child.stdout, err: child.stderr.split('\n').filter(Boolean) };
}

describe.each(['check', 'build', 'dev'])('%s --untrusted', (name) => {
  it('refuses to run snippets without a PID namespace: the isolation line, the reason, exit 2', () => {
    const { code, out, err } = command(name, ['--untrusted'], 'none');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toHaveLength(2);
    expect(err[0]).toMatch(/^sandbox: NO process isolation \(neither bubblewrap nor unshare works here\)/);
    expect(err[1]).toBe('untrusted: refusing to run snippets: this machine cannot isolate process ids (neither bubblewrap nor unshare works here; install bubblewrap, or allow unprivileged user namespaces)');
  });

  it('is listed by --help', () => {
    const child = spawnSync(process.execPath, [BIN, name, '--help'], { encoding: 'utf8' });
    expect(child.stdout).toContain('  --untrusted         the documents may be hostile (CI on pull requests): refuse to run any snippet unless the sandbox has its own PID namespace\n');
  });
});
