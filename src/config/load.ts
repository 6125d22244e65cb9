// Reading the configuration: the file (src/config/schema.ts) validated, its paths made relative to
// the working directory (so problems name files the way the user typed them), the defaults filled
// in, and the command line's flags laid over it. Nothing here starts an interpreter or writes.
import { existsSync, globSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { validateText, type FileProblem } from '../schema/validate.ts';
import { listMarkdown } from '../check/load.ts';
import { CONFIG_FILE, configSchema, type ConfigFile, type SiteLanguage } from './schema.ts';
import { detectLanguage } from './language.ts';
import { translationDir } from '../translate/load.ts';

export interface Config {
  /** The directory the file's paths are relative to (absolute): where the file is, or the working directory. */
  root: string;
  /** The file that was read, relative to the working directory; null: none, all defaults. */
  file: string | null;
  /** Per language of the site. */
  title: Partial<Record<SiteLanguage, string>>;
  /** Directories and globs, relative to the working directory. */
  sources: string[];
  language: SiteLanguage;
  translations: SiteLanguage[];
  repository: string | null;
  site: { url: string | null; outDir: string };
  kernel: { budget?: number; realBudget?: number; workers?: number };
  paths: {
    fixtures: string | null;
    settings: string | null;
    /** The lock file; `lockRequired` says whether its absence is a problem (it is once it is named). */
    lock: string;
    lockRequired: boolean;
    cache: string;
  };
  /** Diagnostic codes the project ignores (src/check/diagnostics.ts). */
  diagnostics: { ignore: string[] };
}

export class ConfigError extends Error {
  readonly problems: FileProblem[];
  constructor(problems: FileProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
    this.problems = problems;
  }
}

const DEFAULT_SOURCES = ['docs'];
const DEFAULT_TITLE: Record<SiteLanguage, string> = { en: 'Documentation', ko: '문서' };

/** A path of the file (relative to `root`) as the working directory names it. */
function fromRoot(root: string, path: string, cwd: string): string {
  return relative(cwd, resolve(root, path)) || '.';
}

/** Does a source entry name files by pattern rather than a directory? */
export function isGlob(source: string): boolean {
  return /[*?[\]{}]/.test(source);
}

/** The directory part of a source entry: a glob's fixed leading segments. */
export function sourceBase(source: string): string {
  if (!isGlob(source)) return source;
  const parts = source.split('/');
  const fixed = parts.slice(0, parts.findIndex((p) => isGlob(p)));
  return fixed.join('/') || '.';
}

export interface Overrides {
  sources?: string[];
  language?: SiteLanguage;
  cache?: string;
  lock?: string;
  outDir?: string;
}

/**
 * The configuration in `cwd` (its `execdocs.config.json`, or the file given), with `overrides`
 * (the command line, relative to `cwd`) laid over it. Throws ConfigError naming file and line.
 */
export function loadConfig(options: { cwd?: string; file?: string; overrides?: Overrides } = {}): Config {
  const cwd = resolve(options.cwd ?? process.cwd());
  const path = options.file ? resolve(cwd, options.file) : join(cwd, CONFIG_FILE);
  let raw: ConfigFile = {};
  let shownFile: string | null = null;
  if (options.file || existsSync(path)) {
    shownFile = relative(cwd, path) || path;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw new ConfigError([{ file: shownFile, line: 1, message: `cannot read the configuration: ${(e as Error).message}` }]);
    }
    const checked = validateText(text, shownFile, configSchema, 'json');
    if (!checked.ok) throw new ConfigError(checked.problems);
    raw = checked.value;
  }
  const root = shownFile ? dirname(path) : cwd;
  return resolveConfig(raw, root, shownFile, cwd, options.overrides ?? {});
}

function resolveConfig(raw: ConfigFile, root: string, file: string | null, cwd: string, overrides: Overrides): Config {
  const at = (p: string) => fromRoot(root, p, cwd);
  const flag = (p: string) => fromRoot(cwd, p, cwd);
  const sources = overrides.sources?.length ? overrides.sources.map(flag) : (raw.sources ?? DEFAULT_SOURCES).map(at);
  // The file's language and translations describe its own sources; other sources are read to tell
  // theirs (a Korean directory with an `en` sibling has that English edition, as the guide does).
  const ownSources = !overrides.sources?.length;
  const language = overrides.language ?? (ownSources ? raw.language : undefined) ?? detectLanguage(sourceFiles({ sources }, cwd).files) ?? 'en';
  const translations = ownSources && language === (raw.language ?? language)
    ? raw.translations ?? (raw.language ? [] : impliedTranslations(sources, language))
    : impliedTranslations(sources, language);
  const languages = [language, ...translations];
  const title: Config['title'] = {};
  // The title is the configured site's: other sources are another site.
  const named = ownSources ? raw.title : undefined;
  for (const l of languages) {
    title[l] = typeof named === 'string' ? named : named?.[l] ?? named?.[language] ?? DEFAULT_TITLE[l];
  }
  // The lock and the settings directory belong to the configured sources: other sources given on
  // the command line have their own (beside them), unless a flag names the lock too.
  const lockNamed = overrides.lock ? flag(overrides.lock) : ownSources && raw.paths?.lock ? at(raw.paths.lock) : null;
  return {
    root,
    file,
    title,
    sources,
    language,
    translations,
    repository: raw.repository?.replace(/\/+$/, '') ?? null,
    site: { url: raw.site?.url ?? null, outDir: overrides.outDir ? flag(overrides.outDir) : at(raw.site?.outDir ?? 'dist') },
    kernel: {
      ...(raw.kernel?.budget !== undefined ? { budget: raw.kernel.budget } : {}),
      ...(raw.kernel?.['real-budget'] !== undefined ? { realBudget: raw.kernel['real-budget'] } : {}),
      ...(raw.kernel?.workers !== undefined ? { workers: raw.kernel.workers } : {}),
    },
    paths: {
      fixtures: raw.paths?.fixtures ? at(raw.paths.fixtures) : null,
      settings: ownSources && raw.paths?.settings ? at(raw.paths.settings) : null,
      lock: lockNamed ?? join(sourceBase(sources[0]!), '..', 'check.lock.json'),
      lockRequired: lockNamed !== null,
      cache: overrides.cache ? flag(overrides.cache) : at(raw.paths?.cache ?? '.cache'),
    },
    diagnostics: { ignore: [...(raw.diagnostics?.ignore ?? [])] },
  };
}

/** The English edition a Korean source directory has when an `en` folder sits beside it. */
function impliedTranslations(sources: string[], language: SiteLanguage): SiteLanguage[] {
  return language === 'ko' && translationDir(primarySource({ sources })) ? ['en'] : [];
}

export interface SourceFiles {
  /** Every Markdown file of the sources, in order, each once. */
  files: string[];
  /** What is wrong with the sources (a directory that does not exist, a glob that matches nothing). */
  problems: string[];
}

/** The documents the configuration names: each directory's Markdown files (not its README), then each glob's matches. */
export function sourceFiles(config: Pick<Config, 'sources'>, cwd = process.cwd()): SourceFiles {
  const files: string[] = [];
  const problems: string[] = [];
  for (const source of config.sources) {
    if (isGlob(source)) {
      const matched = globSync(source, { cwd }).filter((f) => /\.(md|mdx|markdown)$/i.test(f)).sort();
      if (matched.length === 0) problems.push(`${source}: matches no Markdown file`);
      files.push(...matched.map((f) => (isAbsolute(source) ? f : relative(cwd, resolve(cwd, f)))));
    } else if (existsSync(resolve(cwd, source)) && statSync(resolve(cwd, source)).isFile() && /\.(md|mdx|markdown)$/i.test(source)) {
      // One document named by its path.
      files.push(source);
    } else if (!existsSync(resolve(cwd, source)) || !statSync(resolve(cwd, source)).isDirectory()) {
      problems.push(existsSync(resolve(cwd, source)) ? `${source}: not a directory or a Markdown document (.md, .mdx, .markdown)` : `${source}: no such directory`);
    } else {
      // Relative to `cwd`, as the sources are (the working directory of a command; the site's root for the plugin).
      files.push(...listMarkdown(resolve(cwd, source)).map((f) => (isAbsolute(source) ? f : relative(cwd, f))));
    }
  }
  return { files: [...new Set(files)], problems };
}

/** The directory the check derives the rest from (the lock's default, the translations): the first source's. */
export function primarySource(config: Pick<Config, 'sources'>): string {
  return sourceBase(config.sources[0]!);
}

/** Where the check keeps its results and parsed documents, and the build its generated site. */
export function cacheDirs(config: Pick<Config, 'paths'>): { results: string; parsed: string; site: string } {
  return { results: join(config.paths.cache, 'check'), parsed: join(config.paths.cache, 'source'), site: join(config.paths.cache, 'site') };
}
