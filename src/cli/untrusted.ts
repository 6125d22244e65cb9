// `--untrusted`, shared by `check` and `build`: the documents may be hostile (a pull request's), so
// no snippet runs unless the sandbox can isolate process ids (its own PID namespace: see
// src/kernel/node/isolation.ts). Without one, a snippet that escaped the interpreter could signal
// the runner's processes. The pool enforces it (PoolOptions.requireIsolation); the command stops
// before reading anything with the pool's one line and exit 2.
import type { KernelPool, PoolOptions } from '../kernel/node/pool.ts';
import { consoleText } from '../emit/escape.ts';

/** Set by `build --untrusted` and `dev --untrusted` for the Starlight plugin when Astro itself runs the check. */
export const UNTRUSTED_ENV = 'EXECDOCS_UNTRUSTED';

/** For a command's node:util parseArgs options. */
export const UNTRUSTED_OPTION = { untrusted: { type: 'boolean' } } as const;

export const UNTRUSTED_HELP = '  --untrusted         the documents may be hostile (CI on pull requests): refuse to run any snippet unless the sandbox has its own PID namespace';

/** The pool options the flag asks for. */
export function untrustedPool(untrusted: boolean | undefined): Pick<PoolOptions, 'requireIsolation'> {
  return untrusted ? { requireIsolation: 'pid' } : {};
}

/** Exit 2 with the pool's one line when it refuses to run snippets here; null when it runs them. */
export function refusedHere(pool: KernelPool, write: (line: string) => void = (line) => process.stderr.write(line)): 2 | null {
  if (!pool.refusal) return null;
  write(`${consoleText(pool.refusal)}\n`);
  return 2;
}
