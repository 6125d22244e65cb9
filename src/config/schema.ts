// The one configuration of a repository that uses the tool: `execdocs.config.json` at its root.
//
//   {
//     "title": "Our service's docs",
//     "sources": ["docs"],                  // directories (their *.md) or globs ("guides/**/*.md")
//     "language": "en",                     // the documents' language
//     "repository": "https://github.com/acme/docs",
//     "kernel": { "budget": 600 },
//     "paths": { "lock": "docs/check.lock.json" },
//     "diagnostics": { "ignore": ["no-python-blocks"] }
//   }
//
// JSON rather than a script: a file that is read, never run, so a pull request that changes it
// changes data and nothing else. Every field is optional; paths are relative to the file's
// directory (the repository root), and the command line overrides any of them.
import { z } from 'astro/zod';
import { ignoreList, MAX_BUDGET, MAX_REAL_BUDGET } from '../schema/settings.ts';

export const CONFIG_FILE = 'execdocs.config.json';

/** The languages the site's own words exist in (src/i18n/). */
export const SITE_LANGUAGES = ['en', 'ko'] as const;
export type SiteLanguage = (typeof SITE_LANGUAGES)[number];

const path = (what: string) => z.string().min(1).describe(what);

const seconds = (max: number) => z.number()
  .positive({ error: (issue) => `must be a positive number of seconds (got ${String(issue.input)})` })
  .max(max, { error: (issue) => `must be at most ${max} seconds (got ${String(issue.input)})` });

const httpsUrl = z.string().refine((s) => {
  try {
    return new URL(s).protocol === 'https:';
  } catch {
    return false;
  }
}, { error: (issue) => `must be an https address (got ${JSON.stringify(issue.input)})` });

const language = z.enum(SITE_LANGUAGES);

export const configSchema = z.strictObject({
  $schema: z.string().optional().describe('For editors; not read.'),
  title: z.union([z.string().min(1), z.partialRecord(language, z.string().min(1))], { error: 'must be a text, or a text per language ({"en": "…", "ko": "…"})' }).optional()
    .describe("The site's title; one per language for a site in several."),
  sources: z.array(path('A directory (its Markdown files) or a glob of Markdown files.')).min(1).optional()
    .describe('Where the documents are (default: `docs`).'),
  language: language.optional()
    .describe('The language the documents are written in (default: `en`).'),
  translations: z.array(language).optional()
    .describe('Further languages of the site, from translation files beside the sources (`en` for Korean documents: `<sources>/../en/<document>.yaml`).'),
  repository: httpsUrl.optional()
    .describe('The repository on the web (`https://github.com/owner/name`): "edit this page" and links to source lines.'),
  site: z.strictObject({
    url: httpsUrl.optional().describe("The site's own address (Astro's `site`)."),
    outDir: path('Where `build` writes the site (default `dist`).').optional(),
  }).optional(),
  kernel: z.strictObject({
    budget: seconds(MAX_BUDGET).optional()
      .describe(`Virtual seconds a block may run before it counts as a hang, unless its settings say otherwise (default 3600, at most ${MAX_BUDGET}).`),
    'real-budget': seconds(MAX_REAL_BUDGET).optional()
      .describe(`Real seconds of CPU before a runaway loop is interrupted, unless its settings say otherwise (default 10, at most ${MAX_REAL_BUDGET}).`),
    workers: z.number().int().min(1).max(16).optional()
      .describe('Interpreters run at once (default: from the machine).'),
  }).optional(),
  paths: z.strictObject({
    fixtures: path('Shared fixture files of the simulated world (every `*.yaml` in it).').optional(),
    settings: path('Where `<document>.snippets.yaml` files live (default: beside each document).').optional(),
    lock: path('The lock file (default: `check.lock.json` beside the first source directory). Once named, it must exist.').optional(),
    cache: path('The cache directory (default `.cache`).').optional(),
  }).optional(),
  diagnostics: z.strictObject({
    ignore: ignoreList.optional().describe('Diagnostic codes not reported anywhere in the project (README: Diagnostics), e.g. `["no-python-blocks"]`.'),
  }).optional().describe('What the check reports.'),
}).superRefine((value, ctx) => {
  const source = value.language ?? 'en';
  for (const [i, t] of (value.translations ?? []).entries()) {
    // Translation files map Korean segments to English ones (src/schema/translation.ts): that is the one pair there is.
    if (source !== 'ko' || t !== 'en') ctx.addIssue({ code: 'custom', path: ['translations', i], message: `a ${source} site can have no ${t} translation: translations are English ones of Korean documents` });
  }
}).describe('The configuration of a repository of executable documents.');

export type ConfigFile = z.output<typeof configSchema>;
