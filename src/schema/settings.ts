// The settings file beside a document: `content/ko/<doc>.snippets.yaml`.
//
//   cells:
//     443978b3:                 # the cell key: first 8 hex digits of the sha256 of the block's code
//       line: 42                # where the block starts (for the reader of this file; not checked)
//       acknowledge:
//         verdict: error
//         reason: { ko: "…", en: "…" }
//
// Settings live beside the document because the documents stay verbatim. They are keyed by the
// code, so an edit elsewhere in the document keeps them attached and an edit to the block detaches
// them (the check then reports the entry as matching no python block). Every field is optional.
import { z } from 'astro/zod';
import { SUPPRESSIBLE } from '../check/diagnostics.ts';

/** Beyond these a budget is a mistake (and a real-time one would overflow a timer): a virtual day, ten real minutes. */
export const MAX_BUDGET = 86_400;
export const MAX_REAL_BUDGET = 600;

/** A block's key: `cellKey(code)`, with `-2`, `-3`… for later blocks of the same code in one document. */
export const CELL_KEY = /^[0-9a-f]{8}(-[0-9]+)?$/;

/** A list of diagnostic codes to ignore: only codes that can be (src/check/diagnostics.ts). */
export const ignoreList = z.array(z.string().refine((code) => (SUPPRESSIBLE as string[]).includes(code), {
  error: (issue) => `${JSON.stringify(issue.input)} is not a diagnostic code that can be ignored (those are: ${SUPPRESSIBLE.join(', ')})`,
}), { error: 'must be a list of diagnostic codes' });

const reason = (what: string) => z.string().refine((s) => s.trim() !== '', { error: `needs a reason: ${what}` });

const seconds = (max: number) => z.number()
  .positive({ error: (issue) => `must be a positive number of seconds (got ${String(issue.input)})` })
  .max(max, { error: (issue) => `must be at most ${max} seconds (got ${String(issue.input)})` });

export const cellSettingsSchema = z.strictObject({
  line: z.number().int().positive().optional()
    .describe('The line of the block in the document, for whoever reads this file; the check does not use it.'),
  note: z.string().optional()
    .describe("A maintainer's note; never shown to readers."),
  skip: reason('why the block is not run (shown to readers)').optional()
    .describe('Do not run the block; the text is the reason, shown to readers with the `skipped` verdict.'),
  'expect-error': z.strictObject({
    ename: z.string().min(1).describe('The exception class name the block raises, e.g. `ValueError`.'),
    reason: z.string().describe('Why it raises, shown to readers.'),
  }).optional()
    .describe('The block raises this exception and the document means it to: verdict `expected-error`.'),
  acknowledge: z.strictObject({
    verdict: z.enum(['drift', 'error', 'hangs']).describe('The failing verdict the block is known to have.'),
    reason: z.strictObject({
      ko: z.string().describe('The erratum in Korean.'),
      en: z.string().describe('The erratum in English.'),
    }, { error: (issue) => (issue.input === undefined ? 'needs ko and en texts, shown to readers' : undefined) })
      .describe('Shown to readers as an erratum, in both locales.'),
  }).optional()
    .describe('A known failure: the check passes while the verdict stays the same, and the page shows the erratum. A different verdict makes the setting stale (an error).'),
  'order-may-vary': z.boolean().optional()
    .describe('The stated output may come in another order (e.g. threads); lines are compared as a set.'),
  budget: seconds(MAX_BUDGET).optional()
    .describe(`Virtual seconds the block may run before it counts as a hang (default 3600, at most ${MAX_BUDGET}).`),
  'real-budget': seconds(MAX_REAL_BUDGET).optional()
    .describe(`Real seconds of CPU before a runaway loop is interrupted (default 10, at most ${MAX_REAL_BUDGET}).`),
  fixtures: z.array(z.string().min(1)).optional()
    .describe("Fixture files of the simulated I/O world for this block, relative to the document and inside the content directory; added after the shared ones and the document's own `<doc>.fixtures.yaml`."),
  input: z.union([z.string(), z.array(z.union([z.string(), z.number()]))], { error: 'must be a string or a list of lines' }).optional()
    .describe('What `input()` reads: a text, or a list of lines a reader would type.'),
  pseudo: z.literal(true, { error: 'must be true (leave it out otherwise)' }).optional()
    .describe('The block is pseudo-code or an illustration, not a program: a block that does not compile is `skipped`, not a `syntax-error`.'),
  ignore: ignoreList.optional()
    .describe('Diagnostic codes not reported for this block (README: Diagnostics), e.g. `[unclosed-fence]`.'),
}).describe('The settings of one python block.');

/** One cell's entry as written (kebab-case names); the check's `CellSettings` is made from it. */
export type CellSettingsEntry = z.output<typeof cellSettingsSchema>;

export const settingsFileSchema = z.strictObject({
  cells: z.record(
    z.string().regex(CELL_KEY, { error: "a cell key is the first 8 hex digits of the sha256 of the block's code (then -2, -3… for repeated blocks); quote a key made only of digits" }),
    cellSettingsSchema,
  ).optional().describe('Settings per python block, keyed by the cell key.'),
  diagnostics: z.strictObject({
    ignore: ignoreList.optional().describe('Diagnostic codes not reported for this document, e.g. `[no-python-blocks]`.'),
  }).optional().describe('What the check reports about this document.'),
}).describe('Per-cell settings of one document (`<doc>.snippets.yaml`).');

export const SETTING_NAMES = Object.keys(cellSettingsSchema.shape);
