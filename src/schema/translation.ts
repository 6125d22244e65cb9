// A translation file of the English edition: `content/en/<slug>.yaml`.
//
//   document: <slug>
//   segments:
//     - key: <first 16 hex digits of the sha256 of ko>
//       ko: <the Korean segment's exact source>
//       en: <its English Markdown>   (null or '' while untranslated)
//
// A segment is a top-level Markdown block of the Korean document; pages look English texts up by
// `key`, so an edited Korean block never shows a translation made for the old text. Rules that
// need the file's lines or the Korean document (one key translated two ways, `document` matching
// the file name, stale entries) are the loader's (src/translate/load.ts, src/translate/coverage.ts).
import { z } from 'astro/zod';
import { segmentKey } from '../source/segments.ts';

const KEY = /^[0-9a-f]{16}$/;
const KEY_RULE = 'must be 16 lowercase hex digits as a string';

export const segmentSchema = z.strictObject({
  key: z.string({ error: (issue) => (issue.input === undefined ? undefined : `${KEY_RULE}${typeof issue.input === 'number' ? ' (quote it: YAML read it as a number)' : ''}`) })
    .regex(KEY, { error: KEY_RULE })
    .describe('`segmentKey(ko)`: the first 16 hex digits of the sha256 of `ko`. Written by `npm run translations -- --write-skeleton`, never by hand.'),
  ko: z.string({ error: (issue) => (issue.input === undefined ? undefined : "must be the Korean segment's source text (a string, e.g. a `|-` block)") })
    .min(1, { error: "must be the Korean segment's source text (a string, e.g. a `|-` block)" })
    .describe('The exact source of the Korean segment.'),
  en: z.string({ error: 'must be a string (the English Markdown), or null while untranslated' }).nullable().optional()
    .describe('The English Markdown; null, empty or absent while untranslated (the page then shows the Korean block).'),
}).superRefine((entry, ctx) => {
  if (typeof entry.key !== 'string' || typeof entry.ko !== 'string' || !KEY.test(entry.key) || entry.ko === '') return;
  const expected = segmentKey(entry.ko);
  if (expected !== entry.key) {
    ctx.addIssue({
      code: 'custom', path: ['key'],
      message: `${entry.key} is not the key of its \`ko\` text (${expected}): \`ko\` must be the exact Korean source of the segment; run \`npm run translations -- --write-skeleton\` to add correct entries`,
    });
  }
}).describe('One Korean segment and its English text.');

export const translationFileSchema = z.strictObject({
  document: z.string({ error: (issue) => (issue.input === undefined ? undefined : 'must be the slug of the Korean document (its file name without .md)') })
    .min(1, { error: 'must be the slug of the Korean document (its file name without .md)' })
    .describe('The slug of the Korean document: `content/ko/<document>.md`.'),
  segments: z.array(segmentSchema, { error: (issue) => (issue.input === undefined ? undefined : 'must be a list of {key, ko, en} entries') })
    .describe('The segments in the order of the Korean document; identical Korean blocks share one key and one English text.'),
}).describe('The English translation of one Korean document.');

export type TranslationFileValue = z.output<typeof translationFileSchema>;
