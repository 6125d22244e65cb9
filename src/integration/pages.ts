// The check of a Starlight site's own pages, for the plugin: every Markdown or MDX page under the
// docs collection's folder that has a python block is a document of its own. The whole set is
// checked once as the site starts (reusing cached runs), and a page is checked again when its text
// changes (the dev server re-renders it). Results are kept by the page's absolute path; the
// errata page and the runnable cells' files (Pyodide, the snapshot, Mermaid) come from them.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { KernelPool } from '../kernel/node/pool.ts';
import { ResultCache } from '../check/cache.ts';
import { checkDocuments, type CheckedDocument, type CheckResult, type Problem } from '../check/run.ts';
import { ParseCache } from '../source/parse-cache.ts';
import { problemLine } from '../check/report.ts';
import { cacheDirs, type Config } from '../config/load.ts';
import { loadOptionsOf } from '../config/project.ts';
import { SITE_LANGUAGES, type SiteLanguage } from '../config/schema.ts';
import { sourceLineBase } from '../emit/repository.ts';
import type { Locale } from '../emit/mdx.ts';
import type { PageCells } from './remark-cells.ts';
import { pageErrata } from './errata-data.ts';
import type { ErrataData } from '../emit/errata.ts';

/** A fence that opens a python block (the check decides what it is; this only picks the pages worth reading). */
const PYTHON_FENCE = /^[ \t>]*(```+|~~~+)[ \t]*\{?\.?(python3?|py|pycon|ipython)\b/im;
const PAGE = /\.(md|mdx|markdown)$/i;

/** The pages under `docsDir` (recursively) with a python block, sorted. */
export function pagesWithPython(docsDir: string): string[] {
  if (!existsSync(docsDir)) return [];
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (PAGE.test(entry.name) && PYTHON_FENCE.test(readFileSync(full, 'utf8'))) found.push(full);
    }
  };
  walk(docsDir);
  return found.sort();
}

/**
 * A page's language: its first folder under the docs folder when that names one of the site's
 * locales (Starlight's layout for several languages), else the site's default; the words of the
 * cells exist in Korean and English, other languages get English ones.
 */
export function pageLocale(docsDir: string, page: string, locales: string[], defaultLocale: string | undefined): Locale {
  const first = relative(docsDir, page).split(/[\\/]/)[0] ?? '';
  const named = locales.includes(first) ? first : defaultLocale ?? '';
  const lang = named.toLowerCase().split('-')[0]!;
  return (SITE_LANGUAGES as readonly string[]).includes(lang) ? (lang as SiteLanguage) : 'en';
}

export interface PageCheckerOptions {
  config: Config;
  /** The docs collection's folder (absolute). */
  docsDir: string;
  pool: KernelPool;
  locales: string[];
  defaultLocale: string | undefined;
  log: (line: string) => void;
}

export class PageChecker {
  private readonly byPage = new Map<string, CheckedDocument>();
  private readonly checkedText = new Map<string, string>();
  private readonly cache: ResultCache;
  private readonly parseCache: ParseCache;
  problems: Problem[] = [];
  runtime: CheckResult['runtime'] | null = null;

  private readonly options: PageCheckerOptions;

  constructor(options: PageCheckerOptions) {
    this.options = options;
    const dirs = cacheDirs(options.config);
    this.cache = new ResultCache(dirs.results);
    this.parseCache = new ParseCache(dirs.parsed);
  }

  /** Checks `pages` (default: every page with a python block) and keeps their results. */
  async check(pages = pagesWithPython(this.options.docsDir)): Promise<CheckResult> {
    const project = loadOptionsOf(this.options.config);
    const files = pages.map((p) => relative(process.cwd(), p) || p);
    const texts = pages.map((p) => readFileSync(p, 'utf8'));
    const result = await checkDocuments({
      sourceDir: this.options.docsDir, files, pool: this.options.pool, cache: this.cache, parseCache: this.parseCache,
      load: { ...project.load, translationDir: null },
    });
    this.runtime = result.runtime;
    pages.forEach((page, i) => this.checkedText.set(page, texts[i]!));
    for (const document of result.documents) this.byPage.set(resolve(document.document.file), document);
    const checked = new Set(files.map((f) => resolve(f)));
    this.problems = [...this.problems.filter((p) => !checked.has(resolve(p.file))), ...result.problems];
    for (const p of result.problems) this.options.log(problemLine(p));
    return result;
  }

  /** The cells of `page`, checked again first when its text is not the one last checked. */
  async cellsOf(page: string): Promise<PageCells | undefined> {
    const file = resolve(page);
    if (!PAGE.test(file) || !existsSync(file)) return undefined;
    const text = readFileSync(file, 'utf8');
    if (this.checkedText.get(file) !== text) {
      if (!PYTHON_FENCE.test(text)) {
        this.byPage.delete(file);
        this.checkedText.set(file, text);
        return undefined;
      }
      await this.check([file]);
    }
    const document = this.byPage.get(file);
    if (!document) return undefined;
    const repository = this.options.config.repository;
    return {
      cells: document.cells,
      locale: pageLocale(this.options.docsDir, file, this.options.locales, this.options.defaultLocale),
      sourceLines: (f) => sourceLineBase(repository, f),
    };
  }

  /** Every checked page's document, in path order. */
  documents(): CheckedDocument[] {
    return [...this.byPage.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, d]) => d);
  }

  /** The errata page's data: every checked cell, in the site's default language. */
  errata(): ErrataData {
    const locale = pageLocale(this.options.docsDir, this.options.docsDir, [], this.options.defaultLocale);
    return pageErrata(this.documents(), this.options.docsDir, locale, this.options.config.repository);
  }
}
