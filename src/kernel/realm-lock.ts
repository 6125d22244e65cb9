// The JavaScript realm an interpreter runs in, made worth nothing to a snippet before its first cell.
//
// Assume a snippet holds a JsProxy (the bridge modules are gone, see bridge.ts, but Pyodide's own
// modules keep some, and Python-level guards can be undone). From any JavaScript object,
// `.constructor.constructor` is the realm's `Function`, which compiles code in the realm's global
// scope, where the host's capabilities live (`process`, dynamic `import()`, `fetch`). So:
//
// - no code from strings: `Function`, the async and generator function constructors and `eval`
//   throw. Under Node this is V8's own `--disallow-code-generation-from-strings` (the sandbox
//   process is started with it, for every realm it makes; `assertNoCodeGeneration` refuses to go on
//   without it); in both hosts the constructors are also replaced by throwing proxies, so a realm
//   without the flag (a browser's Web Worker) refuses too.
// - no capabilities left on the global object, in case it is reached another way: Node's `process`
//   becomes a stub with the few values Pyodide reads at run time; the network's and storage's
//   entry points are deleted.
//
// The realm's own module code keeps what it captured before (the message port, the interrupt
// buffer): those are closures, which no property walk reaches.

export class RealmError extends Error {}

const REFUSAL = 'code generation from strings is not available in the sandbox';

function refuse(): never {
  throw new EvalError(REFUSAL);
}

/** A stand-in that is still `instanceof`-compatible and keeps its `name`, but cannot be called. */
function guard<T extends object>(target: T): T {
  return new Proxy(target, { apply: refuse, construct: refuse });
}

/** Replaces every constructor that compiles source text, and `eval`. */
export function guardCodeGeneration(global: typeof globalThis): void {
  const kinds = [function () {}, async function () {}, function* () {}, async function* () {}];
  for (const fn of kinds) {
    const prototype = Object.getPrototypeOf(fn) as { constructor: object };
    const guarded = guard(prototype.constructor);
    Object.defineProperty(prototype, 'constructor', { value: guarded, writable: false, configurable: false, enumerable: false });
  }
  Object.defineProperty(global, 'Function', { value: Object.getPrototypeOf(kinds[0]).constructor, writable: false, configurable: false, enumerable: false });
  Object.defineProperty(global, 'eval', { value: guard(global.eval), writable: false, configurable: false, enumerable: false });
}

/** True when compiling source text fails in this realm (V8's flag or the guard is in force). */
export function codeGenerationBlocked(): boolean {
  try {
    const construct = ([] as unknown as { constructor: { constructor: (source: string) => () => unknown } }).constructor.constructor;
    construct('return 1')();
    return false;
  } catch (error) {
    return error instanceof EvalError;
  }
}

/**
 * Deletes the named properties from the global object and its prototype chain (a Web Worker's
 * `fetch` lives on WorkerGlobalScope.prototype), where they exist and can be deleted.
 */
export function dropGlobals(global: typeof globalThis, names: readonly string[]): void {
  for (let holder: object | null = global; holder && holder !== Object.prototype; holder = Object.getPrototypeOf(holder)) {
    for (const name of names) {
      // Never read: some are getters with side effects (Node's localStorage warns and opens a file).
      if (!Object.getOwnPropertyDescriptor(holder, name)?.configurable) continue;
      delete (holder as Record<string, unknown>)[name];
    }
  }
}

/** Web-platform entry points to the network, to storage and to other workers. */
export const WEB_CAPABILITIES = [
  'fetch', 'WebSocket', 'WebSocketStream', 'EventSource', 'WebTransport', 'XMLHttpRequest', 'BroadcastChannel',
  'importScripts', 'indexedDB', 'localStorage', 'sessionStorage', 'navigator',
] as const;

/**
 * Node's `process`, as Pyodide's runtime reads it after boot (`getuid` and `umask` for the
 * syscalls of the same names, `exitCode` when the interpreter exits): values only, no methods that
 * reach the host.
 */
export function processStub(real: { getuid?: () => number; platform: string; version: string; versions: Record<string, string | undefined> }): object {
  const uid = typeof real.getuid === 'function' ? real.getuid() : 0;
  const stub = Object.create(null) as Record<string, unknown>;
  Object.assign(stub, {
    getuid: () => uid,
    umask: () => 0o022,
    platform: real.platform,
    version: real.version,
    versions: Object.freeze({ ...real.versions }),
    argv: Object.freeze([]),
    env: Object.freeze(Object.create(null)),
    exitCode: undefined,
  });
  return stub;
}

/** Node's document worker: after the kernel has started, before the first cell. */
export function lockNodeRealm(global: typeof globalThis): void {
  guardCodeGeneration(global);
  if (!codeGenerationBlocked()) throw new RealmError('the sandbox could not turn off code generation from strings');
  const real = (global as unknown as { process: Parameters<typeof processStub>[0] }).process;
  Object.defineProperty(global, 'process', { value: processStub(real), writable: false, configurable: false, enumerable: false });
  dropGlobals(global, WEB_CAPABILITIES);
}

/** A browser's Web Worker: `postMessage` stays (it is how results leave); code generation and the rest go. */
export function lockWebRealm(global: typeof globalThis): void {
  guardCodeGeneration(global);
  if (!codeGenerationBlocked()) throw new RealmError('the sandbox could not turn off code generation from strings');
  dropGlobals(global, WEB_CAPABILITIES);
}
