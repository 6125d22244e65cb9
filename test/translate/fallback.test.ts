// An English page whose translation lacks a segment shows the Korean block and says so.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chapterPage } from '../../src/emit/mdx.ts';
import { translationTexts } from '../../src/emit/site.ts';
import { readTranslationFile } from '../../src/translate/load.ts';
import { parseDocument } from '../../src/source/document.ts';
import { splitSegments } from '../../src/source/segments.ts';

const NOTICE = 'This page is not fully translated yet';
const file = 'content/ko/async-programming.md';
const markdown = readFileSync(file, 'utf8');
const document = parseDocument(markdown, file);
/** The English texts the site takes from a translation file (what the check's loader reads). */
const loadTranslations = (slug: string, dir = 'content/en') => translationTexts(readTranslationFile(join(dir, `${slug}.yaml`), slug).translation);
const translations = loadTranslations('async-programming');

describe('English fallback to Korean', () => {
  // A plain Korean paragraph (nothing the Markdown serialiser would escape) in a chapter with other paragraphs.
  const segments = splitSegments(markdown);
  const chapterOf = (line: number) => document.chapters.find((c) => c.startLine <= line && line <= c.endLine)!;
  const paragraphs = segments.filter((s) => s.kind === 'paragraph' && /^[\uAC00-\uD7A3][^*_`[\]<>{}\\#]*$/u.test(s.source));
  const others = (p: { line: number; key: string }) => segments.filter((o) => o.kind === 'paragraph' && o.key !== p.key && chapterOf(o.line) === chapterOf(p.line));
  const missing = paragraphs.find((p) => others(p).length > 0)!;
  const chapter = chapterOf(missing.line);
  const other = others(missing)[0]!;

  it('keeps the Korean block and adds the notice when a segment has no translation', () => {
    // `missing` is found above (chapterOf(missing.line) throws if none is): the check is its source.
    expect(missing.source).toMatch(/^[\uAC00-\uD7A3]/u);
    const page = chapterPage(markdown, chapter, [], 'en', (key) => (key === missing.key ? null : translations.get(key) ?? null));
    expect(page.frontmatter.fallback).toBe(true);
    expect(page.body).toContain(NOTICE);
    expect(page.body).toContain(missing.source);
    // The other segments are in English.
    const english = translations.get(missing.key)!;
    expect(english).toMatch(/[A-Za-z]{3}/);
    expect(english).not.toMatch(/[\uAC00-\uD7A3]/u);
    expect(page.body).not.toContain(english);
    expect(page.body).not.toContain(other.source);
    // (its first words: the serialiser may escape Markdown characters further on)
    expect(page.body).toContain(translations.get(other.key)!.split(/[*_`[\]<>{}\\]/)[0]!.slice(0, 20));
  });

  it('has no notice when every segment is translated', () => {
    const page = chapterPage(markdown, chapter, [], 'en', (key) => translations.get(key) ?? null);
    expect(page.frontmatter.fallback).toBeUndefined();
    expect(page.body).not.toContain(NOTICE);
    expect(page.body).not.toContain(missing.source);
  });

  it('treats an empty translation (`en: \'\'`) as untranslated instead of dropping the block', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fallback-'));
    try {
      writeFileSync(join(dir, 'x.yaml'), `document: x\nsegments:\n  - key: ${missing.key}\n    ko: |-\n      ${missing.source}\n    en: ''\n`);
      const empty = loadTranslations('x', dir);
      const page = chapterPage(markdown, chapter, [], 'en', (key) => (key === missing.key ? empty.get(key) ?? null : translations.get(key) ?? null));
      expect(page.body).toContain(NOTICE);
      expect(page.body).toContain(missing.source);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('treats a skeleton placeholder (`en: null`) as untranslated', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fallback-'));
    try {
      writeFileSync(join(dir, 'x.yaml'), `document: x\nsegments:\n  - key: ${missing.key}\n    ko: |-\n      ${missing.source}\n    en: null\n`);
      const placeholder = loadTranslations('x', dir);
      const page = chapterPage(markdown, chapter, [], 'en', (key) => (key === missing.key ? placeholder.get(key) ?? null : translations.get(key) ?? null));
      expect(page.body).toContain(NOTICE);
      expect(page.body).toContain(missing.source);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
