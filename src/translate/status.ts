// Translation status of a source directory: every Korean document against its translation file in
// the sibling `en` directory (content/ko -> content/en). Reads files; the judging is in coverage.ts.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { listMarkdown } from '../check/run.ts';
import { documentSlug } from '../source/document.ts';
import { coverageProblems, coverageSummary, documentCoverage, type CoverageSummary, type DocumentCoverage } from './coverage.ts';
import { readTranslationFile, type TranslationFile } from './load.ts';

export interface Problem {
  file: string;
  line: number;
  message: string;
}

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

/** The English edition of a Korean source directory: its sibling `en`, when the source is a `ko` directory that has one. */
export function translationDir(sourceDir: string): string | null {
  if (basename(sourceDir.replace(/[\\/]+$/, '')) !== 'ko') return null;
  const dir = join(sourceDir, '..', 'en');
  return existsSync(dir) ? dir : null;
}

export function translationStatus(sourceDir: string, dir: string): TranslationStatus {
  const documents: DocumentStatus[] = [];
  const problems: Problem[] = [];
  const orphans: Problem[] = [];
  const slugs = new Set<string>();
  for (const koFile of listMarkdown(sourceDir)) {
    const slug = documentSlug(koFile);
    slugs.add(slug);
    const enFile = join(dir, `${slug}.yaml`);
    const markdown = readFileSync(koFile, 'utf8');
    const exists = existsSync(enFile);
    let translation: TranslationFile | null = null;
    const errors: Problem[] = [];
    if (exists) {
      const loaded = readTranslationFile(enFile, slug);
      translation = loaded.translation;
      errors.push(...loaded.errors);
      problems.push(...loaded.errors);
    }
    const coverage = documentCoverage(slug, markdown, translation);
    if (!exists) {
      // One problem rather than one per segment: the whole document is untranslated.
      problems.push({ file: koFile, line: 1, message: `translation en: no translation file ${enFile}: all ${coverage.total} segments are missing (\`npm run translations -- --write-skeleton\` creates it)` });
    } else {
      problems.push(...coverageProblems(coverage, koFile, enFile));
    }
    documents.push({ slug, koFile, enFile, exists, translation, errors, coverage });
  }
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml') && !NOT_DOCUMENTS.has(f)).sort()) {
    const slug = name.replace(/\.yaml$/, '');
    if (!slugs.has(slug)) orphans.push({ file: join(dir, name), line: 1, message: `translation en: ${name} translates no document: there is no ${join(sourceDir, `${slug}.md`)}` });
  }
  problems.push(...orphans);
  return { dir, documents, orphans, problems };
}

/** The `translation` part of the JSON report: per document {total, translated, stale, missing, coverage}. */
export function translationSummary(status: TranslationStatus): Record<string, CoverageSummary> {
  return Object.fromEntries(status.documents.map((d) => [d.slug, coverageSummary(d.coverage)]));
}
