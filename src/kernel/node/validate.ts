// What the host takes from a sandbox: nothing it has not checked. A document whose snippet got
// control of its interpreter could otherwise send a forged verdict-bearing result ("ok", the
// stated output) or a message that breaks the pool. Shapes are checked, sizes are bounded.
import { z } from 'astro/zod';
import { RUN_LIST_LIMIT, type CellRun } from '../types.ts';

/** Text fields beyond this are cut (the kernel already keeps at most 1 MiB of output per cell). */
const MAX_TEXT = 1 << 20;
/** The kernel cuts every list at the same number (it says so in `trace.cut`). */
const MAX_ITEMS = RUN_LIST_LIMIT;

const text = z.string().transform((s) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}… [cut: ${s.length - MAX_TEXT} more characters]` : s));
const time = z.number().finite();
const count = z.number().int().nonnegative();
const list = <T extends z.ZodTypeAny>(item: T) => z.array(item).max(MAX_ITEMS);
const timing = z.object({ line: z.number().int(), endLine: z.number().int(), start: time, end: time.nullable() });
const segment = timing.extend({ start: time.nullable() });

export const cellRunSchema = z.object({
  status: z.enum(['ok', 'error', 'hangs', 'timeout']),
  events: list(z.object({ stream: z.enum(['stdout', 'stderr']), text, t: time })),
  result: z.object({ 'text/plain': text }).nullable(),
  error: z.object({ ename: text, evalue: text, traceback: list(text) }).nullable(),
  virtualSeconds: time,
  cpuMs: time,
  trace: z.object({
    actors: list(z.object({
      id: text, kind: z.enum(['task', 'thread', 'job']), name: text, label: text, thread: text,
      created: time, started: time.nullable(), finished: time.nullable(),
      outcome: z.enum(['ok', 'error', 'cancelled', 'pending']), error: text.nullable(),
      spans: list(z.object({ kind: text, from: time, to: time, detail: text.nullable() })),
    })),
    cut: z.object({ actors: count, spans: count, statements: count, world: count }).optional(),
  }),
  statements: list(timing),
  segments: list(segment).optional(),
  defines: list(text),
  imports: list(text),
  uses: list(text),
  world: list(z.object({ kind: z.enum(['http', 'db', 'file', 'app']), target: text, detail: text, fixture: text })),
  limits: list(text).optional(),
});

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

export function checkCellRun(value: unknown): Checked<CellRun> {
  const parsed = cellRunSchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data as CellRun };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: `${issue?.path.join('.') || 'result'}: ${issue?.message ?? 'invalid'}` };
}

const job = z.number().int().nonnegative();
const index = z.number().int().nonnegative();
/** A short text from the sandbox, cut where it would be too long to be a message. */
const note = (max: number) => z.string().transform((s) => (s.length > max ? `${s.slice(0, max)}…` : s));

/**
 * Every message a sandbox process sends (protocol.ts FromSandbox), with no field it does not know
 * of: an unknown type, an extra key or a field of the wrong kind is a malformed message. The cell's
 * run is checked apart (checkCellRun), so its problem can be named precisely.
 */
export const fromSandboxSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('booted'), ms: time, pyodide: note(40), snapshot: z.boolean(), fallback: note(300).optional() }),
  z.strictObject({ type: z.literal('cell-start'), job, index, ticket: z.number().int() }),
  z.strictObject({ type: z.literal('cell'), job, index, run: z.unknown() }),
  z.strictObject({ type: z.literal('done'), job, rss: time.optional() }),
  z.strictObject({ type: z.literal('failed'), job, message: note(2000) }),
  z.strictObject({ type: z.literal('snapshot'), bytes: z.instanceof(Uint8Array).nullable(), message: note(2000).optional() }),
]);

export type CheckedMessage = z.infer<typeof fromSandboxSchema>;

export function checkMessage(value: unknown): Checked<CheckedMessage> {
  const parsed = fromSandboxSchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: `${issue?.path.join('.') || 'message'}: ${issue?.message ?? 'invalid'}` };
}

/** A message's small fields: integers where integers belong. */
export function isIndex(value: unknown, below: number): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < below;
}
