// Translation status of a source directory: every Korean document against its translation file in
// the sibling `en` directory (content/ko -> content/en). Reads files; the judging is in coverage.ts.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { listMarkdown } from '../check/run.ts';
import { documentSlug } from '../source/document.ts';
import { coverageProblems, coverageSummary, documentCoverage, type CoverageSummary, type DocumentCoverage } from './coverage.ts';
import { readTranslationFile, type LoadResult, type TranslationFile } from './load.ts';
import { asDiagnostics, diagnostic, type Problem } from '../check/diagnostics.ts';

export { translationDir } from './load.ts';

export type { Problem } from '../check/diagnostics.ts';

export interface DocumentStatus {
  slug: string;
  koFile: string;
  enFile: string;
  /** False when the document has no translation file yet. */
  exists: boolean;
  translation: TranslationFile | null;
  /** What is wrong with the translation file itself (invalid YAML, bad entries). */
  errors: Problem[];
  coverage: DocumentCoverage;
}

export interface TranslationStatus {
  dir: string;
  documents: DocumentStatus[];
  /** Translation files for which there is no Korean document. */
  orphans: Problem[];
  /** Everything that fails the check: file errors, stale and missing segments, orphans. */
  problems: Problem[];
}

/** Files in the translation directory that are not a document's translation. */
const NOT_DOCUMENTS = new Set(['glossary.yaml']);

/** A Korean document as the check loaded it: its text and its translation file, read and validated (null: no file). */
export interface KnownDocument {
  file: string;
  slug: string;
  markdown: string;
  translation: LoadResult | null;
}

/**
 * The English edition's status. `known` are documents already read (by the check's loader), so a
 * check reads and parses each file once; without it, the source directory and its translations are read here.
 */
export function translationStatus(sourceDir: string, dir: string, known?: KnownDocument[]): TranslationStatus {
  const documents: DocumentStatus[] = [];
  const problems: Problem[] = [];
  const orphans: Problem[] = [];
  // Orphans are judged against every Markdown file, including one the check could not parse.
  const slugs = new Set(listMarkdown(sourceDir).map((f) => documentSlug(f)));
  const sources = known ?? listMarkdown(sourceDir).map((koFile): KnownDocument => {
    const slug = documentSlug(koFile);
    const enFile = join(dir, `${slug}.yaml`);
    return { file: koFile, slug, markdown: readFileSync(koFile, 'utf8'), translation: existsSync(enFile) ? readTranslationFile(enFile, slug) : null };
  });
  for (const { file: koFile, slug, markdown, translation: loaded } of sources) {
    const enFile = join(dir, `${slug}.yaml`);
    const exists = loaded !== null;
    const translation: TranslationFile | null = loaded?.translation ?? null;
    const errors: Problem[] = asDiagnostics('translation-invalid', loaded?.errors ?? []);
    problems.push(...errors);
    const coverage = documentCoverage(slug, markdown, translation);
    if (!exists) {
      // One problem rather than one per segment: the whole document is untranslated.
      problems.push(diagnostic('translation-file-missing', { file: koFile, line: 1 }, enFile, coverage.total));
    } else {
      problems.push(...coverageProblems(coverage, koFile, enFile));
    }
    documents.push({ slug, koFile, enFile, exists, translation, errors, coverage });
  }
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml') && !NOT_DOCUMENTS.has(f)).sort()) {
    const slug = name.replace(/\.yaml$/, '');
    if (!slugs.has(slug)) orphans.push(diagnostic('translation-orphan', { file: join(dir, name), line: 1 }, name, join(sourceDir, `${slug}.md`)));
  }
  problems.push(...orphans);
  return { dir, documents, orphans, problems };
}

/** The `translation` part of the JSON report: per document {total, translated, stale, missing, coverage}. */
export function translationSummary(status: TranslationStatus): Record<string, CoverageSummary> {
  return Object.fromEntries(status.documents.map((d) => [d.slug, coverageSummary(d.coverage)]));
}
