// The host side of the kernel's one channel to its host (vkernel/host.py and vkernel/sandbox.py).
//
// Python never holds a gate, a promise or a host callback of its own: it names gates by number,
// and the functions it calls take and return numbers, strings and booleans only. What Python can
// reach of this module (its functions, the promises it waits on) is built by `realm`: under Node a
// separate JavaScript realm (node:vm) with nothing in it, so even `.constructor.constructor` of
// those objects compiles code only where there is no `process`, no `require` and no host object.

/** Evaluates the channel's source in a realm and returns the value of the expression. */
export type RealmEval = (source: string) => unknown;

export interface HostOps {
  /** Takes a pending SIGINT from the interrupt buffer (true once per interrupt). */
  takeInterrupt(): boolean;
  /** Starts a green thread: a new WebAssembly stack entered through `callPromising`. */
  spawn(fn: unknown): void;
  /** Live output of a cell, when the host streams it. */
  write(stream: string, text: string, t: number): void;
}

// Written as a string so that it can be evaluated in another realm: everything it creates
// (functions, promises, errors) belongs to that realm. Host functions are only called, never
// handed out, and what they throw is turned into a message.
const CHANNEL_SOURCE = `(function makeChannel(hostOps) {
  'use strict';
  const gates = new Map();
  let next = 1;
  const entry = (id) => {
    if (typeof id !== 'number' || !gates.has(id)) throw new Error('no such gate');
    return gates.get(id);
  };
  const settle = (id, e) => { if (e.opened && e.waited) gates.delete(id); };
  const call = (name, args) => {
    try { return hostOps[name](...args); }
    catch (error) { throw new Error(name + ' failed: ' + String(error && error.message || error)); }
  };
  const channel = Object.create(null);
  channel.gate = () => {
    const id = next++;
    let open;
    const promise = new Promise((resolve) => { open = resolve; });
    gates.set(id, { promise, open, opened: false, waited: false });
    return id;
  };
  channel.open = (id) => { const e = entry(id); e.opened = true; e.open(); settle(id, e); };
  channel.wait = (id) => { const e = entry(id); e.waited = true; settle(id, e); return e.promise; };
  channel.takeInterrupt = () => call('takeInterrupt', []) === true;
  channel.spawn = (fn) => { call('spawn', [fn]); };
  channel.write = (stream, text, t) => { call('write', [String(stream), String(text), Number(t)]); };
  for (const key of Object.keys(channel)) Object.setPrototypeOf(channel[key], null);
  return Object.freeze(channel);
})`;

/** The channel object to register as the `kernel_host` module. */
export function makeChannel(ops: HostOps, realm: RealmEval = (source) => (0, eval)(source)): object {
  const factory = realm(CHANNEL_SOURCE) as (ops: HostOps) => object;
  // The realm sees the host's functions only as this null-prototype record, through closures.
  const record = Object.assign(Object.create(null), {
    takeInterrupt: () => ops.takeInterrupt(),
    spawn: (fn: unknown) => ops.spawn(fn),
    write: (stream: string, text: string, t: number) => ops.write(stream, text, t),
  });
  return factory(record);
}
