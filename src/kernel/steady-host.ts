// The host an interpreter snapshot is made on: a clock and a source of random bytes that give the
// same readings every time, so two snapshots made anywhere from the same Pyodide, runtime files and
// recipe are the same bytes (and the site that serves one is reproducible). Browser-safe.
//
// Comparing two snapshots made from scratch byte by byte found every difference to come from the
// host, through the few doors Emscripten opens for it:
// - the clock (`Date.now` for CLOCK_REALTIME and the file system's timestamps, `performance.now`
//   for CLOCK_MONOTONIC): the times of the runtime files just written, kept by the import system
//   as `os.stat` results and directory mtimes, the floats modules take at import (`time.time()`),
//   and `struct timespec`s left in freed memory;
// - random bytes (`crypto.getRandomValues`, or `randomFillSync` of `node:crypto` under Node):
//   the state of `random`'s module-level generator, multiprocessing's 32-byte authkey and SQLite's
//   ChaCha20 generator, all seeded from the operating system at import.
// Nothing of this holds meaning for a cell: every later reading of the clock is the kernel's
// virtual one, `random` is seeded with each cell's code before it runs, and what reads random bytes
// after boot (`os.urandom`, `uuid4`, `secrets`, tempfile's names) reads the real host again, since
// an interpreter loaded from the snapshot has a JavaScript side of its own. With PYTHONHASHSEED
// fixed (PYTHON_ENV), Python then computes the same memory image, address for address.

/** The kernel's virtual epoch (vkernel/clock.py EPOCH, 2025-01-01T00:00:00Z), in milliseconds. */
export const STEADY_EPOCH_MS = 1735689600_000;

type Fill = <T extends ArrayBufferView | null>(view: T) => T;
interface Patched { target: object; key: string; before: PropertyDescriptor | undefined }

/** splitmix32: a fixed stream of bytes, the same for every snapshot. */
function byteStream(seed: number): (view: ArrayBufferView) => void {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  return (view) => {
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    for (let i = 0; i < bytes.length; i++) bytes[i] = next() & 0xff;
  };
}

/**
 * Runs `work` with the host's clock and random bytes replaced by steady ones, and puts the real
 * ones back afterwards. Each reading of the clock moves it on by a fixed step (never backwards, never
 * standing still: a loop waiting on the monotonic clock still ends). `nodeCrypto` is `node:crypto`,
 * whose `randomFillSync` Pyodide calls under Node. Nothing else may run in the realm meanwhile: a
 * worker that only makes the snapshot.
 */
export async function withSteadyHost<T>(work: () => Promise<T>, nodeCrypto?: { randomFillSync: unknown }): Promise<T> {
  const patched: Patched[] = [];
  const patch = (target: object | undefined, key: string, value: unknown) => {
    if (!target) return;
    patched.push({ target, key, before: Object.getOwnPropertyDescriptor(target, key) });
    Object.defineProperty(target, key, { value, configurable: true, writable: true });
  };
  let ms = 0;
  let micros = 0;
  const fill = byteStream(0x5eed);
  const randomFill: Fill = (view) => {
    if (view) fill(view);
    return view;
  };
  const random = byteStream(0xd1ce);
  const scratch = new Uint32Array(1);
  patch(Date, 'now', () => STEADY_EPOCH_MS + ++ms);
  patch(globalThis.performance, 'now', () => ++micros / 1000);
  patch(globalThis.crypto, 'getRandomValues', randomFill);
  patch(nodeCrypto, 'randomFillSync', randomFill);
  patch(Math, 'random', () => {
    random(scratch);
    return scratch[0]! / 2 ** 32;
  });
  try {
    return await work();
  } finally {
    for (const { target, key, before } of patched.reverse()) {
      if (before) Object.defineProperty(target, key, before);
      else delete (target as Record<string, unknown>)[key];
    }
  }
}
