// How the two runs of a program are compared. Only four things are normalised, because only they
// must differ between a real run and a simulated one:
//   - ports: the real PostgreSQL listens on a free port, where the programs mean 5432;
//   - memory addresses (`0x7f3c2a1b5e50` in a repr);
//   - elapsed times: a decimal number directly followed by `s` (`1.0s`, `(2.03s)`) is a time, and
//     is compared as a number with a tolerance instead of as text: real time adds handshakes and
//     scheduling to the fixtures' latencies, the virtual clock adds nothing.
//   - the address fixture hosts resolve to: a loopback address of the run's own in the real run, the
//     documentation address 203.0.113.10 (simworld's `_address_for`) in the stand-ins;
//   - version numbers in the User-Agent strings the clients send (`python-requests/2.28.1`,
//     `Python/3.11 aiohttp/3.8.4`): the real side has Debian's releases and CPython 3.11, the
//     kernel CPython 3.14 and the releases the stand-ins follow. The product names still compare.
// Everything else must be equal, or be listed in allowed.yaml, which says why it differs.

export interface Normalised {
  text: string;
  times: number[];
}

const MEMORY = /0x[0-9a-fA-F]+/g;
const TIME = /\b(\d+\.\d+)s\b/g;
const AGENT = /\b(Python|aiohttp|python-requests|python-httpx)\/\d+(?:\.\d+)*/g;

export const STAND_IN_ADDRESS = '203.0.113.10';

/**
 * `real` describes a real run: `ports` maps the port a program meant to the one the run used, and
 * `address` is where fixture hosts resolved. The stand-ins' output is normalised without it.
 */
export function normalise(output: string, real?: { ports: Record<number, number>; address: string }): Normalised {
  let text = output;
  if (real) text = text.split(real.address).join(STAND_IN_ADDRESS);
  for (const [meant, port] of Object.entries(real?.ports ?? {})) {
    if (String(port) !== meant) text = text.replace(new RegExp(String.raw`\b${port}\b`, 'g'), meant);
  }
  const times: number[] = [];
  text = text.replace(AGENT, '$1/<version>').replace(MEMORY, '0x…').replace(TIME, (_m, value: string) => {
    times.push(Number(value));
    return '<t>s';
  });
  return { text, times };
}

/**
 * Real time may run behind the fixtures' latencies (connections, TLS handshakes, a busy machine), by
 * up to 0.4 s or 20%, and never ahead by more than rounding. The fixtures' latencies are 0.3 s and
 * more, so a stand-in that serialised what the real library overlaps, or the reverse, still fails.
 */
export function timeAgrees(real: number, simulated: number): boolean {
  return real >= simulated - 0.1 && real <= simulated + Math.max(0.4, simulated * 0.2);
}

export const KINDS = ['version', 'inherent', 'limitation'] as const;

export interface AllowedDifference {
  id: string;
  /** version: the real library changed since Debian's release; inherent: real and simulated runs must
   * differ; limitation: a known shortcoming of the stand-ins, not fixed yet (the entry fails once fixed). */
  kind: (typeof KINDS)[number];
  programs: string[];
  /** One text, or several, each replaced by the `stand-in` text at the same place in the list. */
  real: string | string[];
  'stand-in': string | string[];
  reason: string;
  /**
   * Only for these versions of the real libraries (`{aiohttp: "<3.11"}`, comma-separated bounds):
   * a difference that a later release of the library removed must not excuse the stand-in when
   * the suite runs against that release.
   */
  when?: Record<string, string>;
}

function versionKey(version: string): number[] {
  return version.split(/[.+-]/).map((part) => Number.parseInt(part, 10)).filter((n) => !Number.isNaN(n));
}

function compareVersions(a: string, b: string): number {
  const [x, y] = [versionKey(a), versionKey(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Whether `version` satisfies `range`: bounds such as `<3.11`, `>=0.24,<0.28`, `==2.28.1`. */
export function satisfies(version: string, range: string): boolean {
  return range.split(',').map((b) => b.trim()).filter(Boolean).every((bound) => {
    const m = /^(<=|>=|==|<|>)\s*(\S+)$/.exec(bound);
    if (!m) throw new Error(`allowed.yaml: cannot read the version bound ${JSON.stringify(bound)}`);
    const d = compareVersions(version, m[2]!);
    return { '<': d < 0, '<=': d <= 0, '>': d > 0, '>=': d >= 0, '==': d === 0 }[m[1] as '<']!;
  });
}

/** Whether an entry applies to the installed real libraries. */
export function applies(entry: AllowedDifference, versions: Record<string, string>): boolean {
  return Object.entries(entry.when ?? {}).every(([lib, range]) => {
    const installed = versions[lib];
    if (installed === undefined) throw new Error(`allowed.yaml: ${entry.id}: no version known for ${lib}`);
    return satisfies(installed, range);
  });
}

/**
 * The real output with each listed difference for `program` replaced by what the stand-in prints.
 * Entries whose `when:` the installed libraries do not satisfy are left out.
 */
export function applyAllowed(real: string, program: string, allowed: AllowedDifference[], versions: Record<string, string> = {}): { text: string; unused: string[] } {
  let text = real;
  const unused: string[] = [];
  for (const entry of allowed) {
    if (!entry.programs.includes(program) || !applies(entry, versions)) continue;
    const reals = [entry.real].flat();
    const ours = [entry['stand-in']].flat();
    reals.forEach((real, i) => {
      if (!text.includes(real)) unused.push(entry.id);
      text = text.split(real).join(ours[i] ?? '');
    });
  }
  return { text, unused };
}
