// A fixture file of the simulated I/O world: `content/fixtures/*.yaml` (shared by every document),
// `<doc>.fixtures.yaml` beside a document, and the files a cell's `fixtures:` setting names.
//
//   http:
//     default: { status: 200, json: {…}, latency: 1.0 }     # answers what no route matches
//     routes:
//       - url: "https://api.example.com/{n:int}"           # or host: "*.example.com"
//         json: {id: "{n:int}"}
//         latency: 1.0
//   databases:
//     - dsn: "postgresql://*"
//       schema: "CREATE TABLE …"
//       rows: {users: [[1, "Alice"]]}
//   files:
//     "data.txt": "initial contents"
//   file_io: {latency: 0.0}
//
// content/fixtures/README.md explains what each field does to the stand-in libraries; this schema
// is what the check accepts before any interpreter starts, so a mistake is an error at its line.
// The kernel's own loader (simworld, in src/kernel/python/world/) checks again, as a second line of
// defence: anything accepted here must be accepted there.
import { z } from 'astro/zod';

/** `{name}` in a string: a capture from the route's URL pattern, substituted per request. */
const CAPTURE = /\{\w+(?::\w+)?\}/;
const capture = z.string().regex(CAPTURE, { error: (issue) => `must be a number, or a string with a URL capture such as "{seconds}" (got ${JSON.stringify(issue.input)})` });

const latency = z.union([z.number().min(0), capture], { error: (issue) => `must be a number of seconds (at least 0) or a "{capture}" (got ${JSON.stringify(issue.input)})` })
  .describe('Seconds before the answer arrives, on the virtual clock; a number or a "{capture}" of the URL.');

export const FAULT_KINDS = ['timeout', 'refused', 'dns', 'reset'] as const;
export const ECHO_FIELDS = ['args', 'data', 'files', 'form', 'headers', 'json', 'method', 'origin', 'url'] as const;

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** The fields that make a response; a fault mapping may carry them too (`{status: 503}`). */
const responseFields = {
  status: z.union([z.number().int().min(100).max(599), capture], { error: 'must be an HTTP status (100-599) or a "{capture}"' }).optional()
    .describe('The status code (default 200).'),
  reason: z.string().optional().describe('The reason phrase (default: the standard one for the status).'),
  headers: z.union([z.record(z.string(), scalar), z.array(z.tuple([z.string(), scalar]))], { error: 'must be a mapping of header names to values, or a list of [name, value] pairs' }).optional()
    .describe('Response headers; Content-Type, Content-Length and Date are added when absent.'),
  json: z.unknown().optional().describe('A JSON body; `"{id:int}"` inside it becomes a number.'),
  indent: z.number().int().min(0).optional().describe('Pretty-print the `json` body with this indent (default compact).'),
  body: scalar.optional().describe('A text body.'),
  body_base64: z.string().regex(/^[A-Za-z0-9+/=\s]*$/, { error: 'must be base64 text' }).optional().describe('A binary body, base64-encoded.'),
};

const faultMapping = z.strictObject({
  type: z.enum(FAULT_KINDS).optional().describe('A connection-level fault; without it the mapping is a response (e.g. `{status: 500}`).'),
  latency: latency.optional(),
  address: z.string().optional().describe('The address a connection fault reports (default: one made from the host).'),
  ...responseFields,
});

const routeFields = {
  method: z.union([z.string().min(1), z.array(z.string().min(1))], { error: 'must be an HTTP method or a list of them' }).optional()
    .describe('Answer only these methods (default any).'),
  ...responseFields,
  body_file: z.string().min(1).optional().describe('A body read from this file, relative to the fixture file.'),
  echo: z.union([z.literal(true), z.array(z.enum(ECHO_FIELDS))], { error: `must be true or a list of ${ECHO_FIELDS.join(', ')}` }).optional()
    .describe('Reply as httpbin does: a JSON of the request with these fields (true: args, headers, origin, url).'),
  origin: z.string().optional().describe('The `origin` an echo reply reports (default 198.51.100.23).'),
  latency: latency.optional(),
  fault: z.union([z.enum(FAULT_KINDS), faultMapping], { error: `must be one of ${FAULT_KINDS.join(', ')} or a mapping such as {status: 500}` }).optional()
    .describe('Fail instead of answering: a connection fault, or a mapping of response fields.'),
  times: z.number().int().min(0).optional().describe('Answer only the first N matching requests, then fall through to the next rule.'),
  note: z.string().optional().describe('For the reader of the file.'),
};

const url = z.string().refine((u) => u.split('?')[0]!.includes('://'), { error: 'a route url needs a scheme (https://…)' });

export const routeSchema = z.strictObject({
  url: url.optional().describe('The URL pattern: `{name}`, `{name:int}`, `{name:float}`, `{name:path}` capture, `*` matches anything; a query must be present in the request.'),
  host: z.string().min(1).optional().describe('A glob on the host name, instead of `url`.'),
  ...routeFields,
}).refine((r) => r.url !== undefined || r.host !== undefined, { error: 'a route needs `url:` or `host:`' })
  .describe('One HTTP rule; routes are tried in order and the first match answers.');

export const databaseSchema = z.strictObject({
  dsn: z.string().min(1).describe('A glob on the DSN (`postgresql://user@host[:port]/dbname` and the DSN as written).'),
  latency: z.number().min(0).optional().describe('Seconds per query, statement, commit or rollback.'),
  connect_latency: z.number().min(0).optional().describe('Seconds to connect (default: `latency`).'),
  schema: z.string().optional().describe('SQL run once when the database is first opened.'),
  rows: z.record(z.string(), z.array(z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())], { error: 'a row must be a list of values in column order or a mapping of columns to values' })).nullable()).optional()
    .describe('Seed rows per table.'),
  fault: z.enum(['refused', 'auth']).optional().describe('Refuse every connection, or fail authentication.'),
  note: z.string().optional().describe('For the reader of the file.'),
}, { error: (issue) => (issue.input === undefined ? 'a database needs a `dsn:` glob' : undefined) })
  .describe('One simulated PostgreSQL database.');

const fileContent = z.union([
  z.string(),
  z.strictObject({
    content: z.string().optional().describe('The text.'),
    base64: z.string().optional().describe('Or the bytes, base64-encoded.'),
    repeat: z.number().int().min(0).optional().describe('Repeat the content this many times.'),
  }),
], { error: 'must be the text, or a mapping with content (or base64) and repeat' });

export const fixtureFileSchema = z.strictObject({
  description: z.string().optional().describe('What the file stands for.'),
  http: z.strictObject({
    default: z.strictObject(routeFields).nullable().optional().describe('The answer when no route matches.'),
    routes: z.array(routeSchema).nullable().optional(),
  }).nullable().optional(),
  databases: z.array(databaseSchema).nullable().optional(),
  files: z.record(z.string().min(1), fileContent).nullable().optional()
    .describe('Files written into the sandbox file system (paths relative to the working directory) before each cell.'),
  file_io: z.strictObject({
    latency: z.number().min(0).optional().describe('Seconds each aiofiles operation waits (default 0).'),
  }).nullable().optional(),
}).describe('One fixture file of the simulated I/O world; later files override earlier ones.');

export type FixtureFile = z.output<typeof fixtureFileSchema>;
