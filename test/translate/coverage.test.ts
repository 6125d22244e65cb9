// Translation coverage: stale and missing segments, the real documents' coverage, the file loader,
// and the skeleton writer.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { splitSegments, segmentKey } from '../../src/source/segments.ts';
import { coverageLine, documentCoverage, lineDiff } from '../../src/translate/coverage.ts';
import { loadTranslationFile, parseTranslationFile, TranslationFileError } from '../../src/translate/load.ts';
import { translationDir, translationStatus, translationSummary } from '../../src/translate/status.ts';
import { withSkeleton } from '../../src/translate/skeleton.ts';

const DOCUMENTS = ['async-io-performance', 'async-programming', 'asyncio-basics', 'asyncio-complete-guide', 'asyncio-coroutines-event-loop'];

const temporary: string[] = [];
afterEach(() => { for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true }); });

/** A temporary content/{ko,en} pair holding one document and its translation file. */
function copyOf(slug: string, edit: (markdown: string) => string): { root: string; ko: string; en: string } {
  const root = mkdtempSync(join(tmpdir(), 'translate-'));
  temporary.push(root);
  const ko = join(root, 'ko');
  const en = join(root, 'en');
  mkdirSync(ko);
  mkdirSync(en);
  writeFileSync(join(ko, `${slug}.md`), edit(readFileSync(`content/ko/${slug}.md`, 'utf8')));
  writeFileSync(join(en, `${slug}.yaml`), readFileSync(`content/en/${slug}.yaml`, 'utf8'));
  return { root, ko, en };
}

describe('changing one Korean paragraph', () => {
  const slug = 'asyncio-basics';
  const original = readFileSync(`content/ko/${slug}.md`, 'utf8');
  const before = '`async def`로 정의된 함수입니다.';
  const after = '`async def` 키워드로 정의된 함수입니다.';

  it('makes exactly that segment stale and exactly one segment missing, and nothing else', () => {
    expect(original.split(before).length).toBe(2); // the paragraph occurs once
    const { ko, en } = copyOf(slug, (md) => md.replace(before, after));
    const oldSegment = splitSegments(original).find((s) => s.source === before)!;
    const newSegment = splitSegments(readFileSync(join(ko, `${slug}.md`), 'utf8')).find((s) => s.source === after)!;
    expect(oldSegment.line).toBe(newSegment.line);

    const status = translationStatus(ko, translationDir(ko)!);
    expect(status.documents).toHaveLength(1);
    const { coverage } = status.documents[0]!;
    const total = splitSegments(original).length;
    expect(coverage.total).toBe(total);
    expect(coverage.translated).toBe(total - 1);
    expect(coverage.coverage).toBeLessThan(100);

    expect(coverage.stale).toHaveLength(1);
    const [stale] = coverage.stale;
    expect(stale!.key).toBe(oldSegment.key);
    expect(stale!.ko).toBe(before);
    expect(stale!.en).toBe('A function defined with `async def`.');
    expect(stale!.match).toMatchObject({ key: newSegment.key, line: newSegment.line });
    expect(stale!.diff).toBe(`-${before}\n+${after}`);
    // The entry's own line in the translation file.
    const yamlLines = readFileSync(join(en, `${slug}.yaml`), 'utf8').split('\n');
    expect(yamlLines[stale!.entryLine - 1]).toBe(`  - key: ${oldSegment.key}`);

    expect(coverage.missing).toEqual([{ key: newSegment.key, kind: 'paragraph', line: newSegment.line, excerpt: after, placeholderLine: null }]);

    // The check's problems: one at the stale entry, one at the changed paragraph.
    expect(status.problems.map((p) => `${p.file}:${p.line}`)).toEqual([
      `${join(en, `${slug}.yaml`)}:${stale!.entryLine}`,
      `${join(ko, `${slug}.md`)}:${newSegment.line}`,
    ]);
    expect(status.problems[0]!.message).toMatch(/stale segment .* most likely into .*asyncio-basics\.md:\d+/);
    expect(status.problems[0]!.message).toContain(`+${after}`);
    expect(status.problems[1]!.message).toContain('has no English translation');
    expect(coverageLine(coverage)).toBe(`translation en: ${slug} ${coverage.coverage}% (${total - 1}/${total}), 1 stale, 1 missing`);
  });

  it('matches a changed code block to its new version by the lines they share', () => {
    const md = readFileSync('content/ko/async-programming.md', 'utf8');
    const code = splitSegments(md).filter((s) => s.kind === 'code' && s.source.split('\n').length > 8)[3]!;
    const lines = code.source.split('\n');
    const edited = [...lines.slice(0, 3), '    # 새로 넣은 줄', ...lines.slice(3)].join('\n');
    const { ko } = copyOf('async-programming', (m) => m.replace(code.source, edited));
    const { coverage } = translationStatus(ko, translationDir(ko)!).documents[0]!;
    expect(coverage.stale).toHaveLength(1);
    expect(coverage.stale[0]!.match?.line).toBe(code.line);
    expect(coverage.stale[0]!.diff).toContain('+    # 새로 넣은 줄');
    expect(coverage.stale[0]!.diff.split('\n').length).toBeLessThanOrEqual(5); // short: one line of context each side
    expect(coverage.missing.map((m) => m.line)).toEqual([code.line]);
  });

  it('reports a translation of a removed block as stale with no match', () => {
    const { ko } = copyOf(slug, (md) => md.replace(`${before}\n`, ''));
    const { coverage } = translationStatus(ko, translationDir(ko)!).documents[0]!;
    expect(coverage.stale).toHaveLength(1);
    expect(coverage.stale[0]!.match).toBeNull();
    expect(coverage.missing).toEqual([]);
  });
});

describe('the five documents', () => {
  it('are fully translated: 100% coverage, 0 stale, 0 missing', () => {
    const status = translationStatus('content/ko', 'content/en');
    expect(status.documents.map((d) => d.slug)).toEqual(DOCUMENTS);
    expect(status.problems).toEqual([]);
    for (const d of status.documents) {
      expect(d.errors).toEqual([]);
      expect(d.coverage.stale).toEqual([]);
      expect(d.coverage.missing).toEqual([]);
      expect(d.coverage.translated).toBe(d.coverage.total);
      expect(d.coverage.coverage).toBe(100);
    }
    const summary = translationSummary(status);
    expect(Object.keys(summary)).toEqual(DOCUMENTS);
    expect(Object.values(summary).reduce((n, s) => n + s.total, 0)).toBe(321);
    expect(summary['asyncio-basics']).toEqual({ total: 53, translated: 53, stale: 0, missing: 0, coverage: 100 });
  });
});

describe('coverage of a document', () => {
  const markdown = '# 제목\n\n첫 문단.\n\n둘째 문단.\n';
  const [title, first, second] = splitSegments(markdown);
  const file = (segments: { key: string; ko: string; en: string | null; line: number }[]) => ({ path: 'x.yaml', document: 'x', segments });

  it('counts an entry with an empty en as missing, and never rounds up to 100%', () => {
    const c = documentCoverage('x', markdown, file([
      { key: title!.key, ko: title!.source, en: '# Title', line: 3 },
      { key: first!.key, ko: first!.source, en: null, line: 6 },
      { key: second!.key, ko: second!.source, en: 'Second.', line: 9 },
    ]));
    expect([c.total, c.translated, c.missing.length, c.stale.length, c.coverage]).toEqual([3, 2, 1, 0, 66.6]);
    expect(c.missing[0]).toMatchObject({ line: 3, placeholderLine: 6 });
    expect(documentCoverage('x', markdown, null)).toMatchObject({ total: 3, translated: 0, coverage: 0 });
  });

  it('diffs lines briefly', () => {
    expect(lineDiff('a\nb\nc\nd\ne\nf', 'a\nb\nc\nd\nE\nf')).toBe('  …\n d\n-e\n+E\n f');
  });
});

describe('loading a translation file', () => {
  const good = (ko: string) => `document: x\nsegments:\n  - key: ${segmentKey(ko)}\n    ko: |-\n      ${ko}\n    en: |-\n      Text.\n`;

  it('reads entries with their lines', () => {
    const { translation, errors } = parseTranslationFile(`# comment\n${good('문단.')}`, 'x.yaml', 'x');
    expect(errors).toEqual([]);
    expect(translation!.segments).toEqual([{ key: segmentKey('문단.'), ko: '문단.', en: 'Text.', line: 4 }]);
  });

  it('names the file, line and field of every error', () => {
    const errors = (text: string, slug?: string) => parseTranslationFile(text, 'f.yaml', slug).errors.map((e) => `${e.file}:${e.line}: ${e.message}`);
    expect(errors('document: x\nsegments:\n  - key: a\n    ko: b: c\n    en: d\n')).toEqual(['f.yaml:4: invalid YAML: Nested mappings are not allowed in compact mappings']);
    const wrongKey = good('문단.').replace('ko: |-\n      문단.', 'ko: |-\n      바뀐 문단.');
    expect(errors(wrongKey, 'x')).toEqual([expect.stringMatching(/^f\.yaml:3: segments\.0\.key: \w{16} is not the key of its `ko` text \(\w{16}\)/)]);
    expect(errors(good('문단.'), 'y')).toEqual(['f.yaml:1: document: `x` does not match the file name (expected `y`)']);
    expect(errors('document: x\nsegments:\n  - key: 1234567890123456\n    ko: 가\n    en: A\n')).toEqual(['f.yaml:3: segments.0.key: must be 16 lowercase hex digits as a string (quote it: YAML read it as a number)']);
    expect(errors('document: x\nsegments:\n  - ko: 가\n    eng: A\n')).toEqual(['f.yaml:3: segments.0.key: is required', 'f.yaml:4: segments.0.eng: unknown field (known: key, ko, en)']);
    expect(errors('document: x\n')).toEqual(['f.yaml:1: segments: is required']);
    expect(errors('document: 3\nsegments: {}\nextra: 1\n')).toEqual([
      'f.yaml:1: document: must be the slug of the Korean document (its file name without .md)',
      'f.yaml:2: segments: must be a list of {key, ko, en} entries',
      'f.yaml:3: extra: unknown field (known: document, segments)',
    ]);
    expect(errors(`document: x\nsegments:\n  - key: ${segmentKey('가')}\n    ko: 가\n    en: [1]\n  - nope\n`)).toEqual([
      'f.yaml:5: segments.0.en: must be a string (the English Markdown), or null while untranslated',
      'f.yaml:6: segments.1: must be a mapping (got "nope")',
    ]);
    const twice = `${good('가.')}  - key: ${segmentKey('가.')}\n    ko: 가.\n    en: Other.\n`;
    expect(errors(twice)).toEqual([expect.stringMatching(/^f\.yaml:8: segments\.1: segment \w{16} is translated twice, differently \(first at line 3\)/)]);
  });

  it('leaves out an invalid entry and keeps the valid ones', () => {
    const text = `document: x\nsegments:\n  - key: ${segmentKey('가')}\n    ko: 가\n    en: [1]\n  - key: ${segmentKey('나')}\n    ko: 나\n    en: B\n  - key: ${segmentKey('다')}\n    ko: 다\n`;
    const { translation, errors } = parseTranslationFile(text, 'f.yaml', 'x');
    expect(errors.map((e) => e.line)).toEqual([5]);
    expect(translation!.segments).toEqual([{ key: segmentKey('나'), ko: '나', en: 'B', line: 6 }, { key: segmentKey('다'), ko: '다', en: null, line: 9 }]);
  });

  it('throws an error listing file:line problems from loadTranslationFile', () => {
    const dir = mkdtempSync(join(tmpdir(), 'translate-'));
    temporary.push(dir);
    writeFileSync(join(dir, 'x.yaml'), 'document: x\nsegments: {}\n');
    expect(() => loadTranslationFile(join(dir, 'x.yaml'), 'x')).toThrow(TranslationFileError);
    expect(() => loadTranslationFile(join(dir, 'x.yaml'), 'x')).toThrow(`${join(dir, 'x.yaml')}:2: segments: must be a list of {key, ko, en} entries`);
    expect(loadTranslationFile('content/en/asyncio-basics.yaml', 'asyncio-basics').segments).toHaveLength(53);
  });
});

describe('--write-skeleton', () => {
  it('adds an entry for the changed segment right after its stale entry, keeping the rest of the file', () => {
    const slug = 'asyncio-basics';
    const before = '`async def`로 정의된 함수입니다.';
    const after = '`async def` 키워드로 정의된 함수입니다.';
    const { ko, en } = copyOf(slug, (md) => md.replace(before, after));
    const enFile = join(en, `${slug}.yaml`);
    const text = readFileSync(enFile, 'utf8');
    const markdown = readFileSync(join(ko, `${slug}.md`), 'utf8');
    const { translation } = parseTranslationFile(text, enFile, slug);
    const { text: next, added } = withSkeleton(slug, join(ko, `${slug}.md`), markdown, text, translation);
    expect(added).toBe(1);
    const entry = `  - key: ${segmentKey(after)}\n    ko: |-\n      ${after}\n    en: null\n`;
    const staleEntry = `  - key: ${segmentKey(before)}\n    ko: |-\n      ${before}\n    en: |-\n      A function defined with \`async def\`.\n`;
    expect(next).toBe(text.replace(staleEntry, staleEntry + entry));

    writeFileSync(enFile, next);
    const { coverage, errors } = translationStatus(ko, en).documents[0]!;
    expect(errors).toEqual([]);
    // Still failing until the translator writes `en` and deletes the stale entry.
    expect(coverage.stale).toHaveLength(1);
    expect(coverage.missing).toMatchObject([{ key: segmentKey(after), placeholderLine: expect.any(Number) }]);
  });

  it('creates a missing file with every segment to translate', () => {
    const markdown = readFileSync('content/ko/asyncio-coroutines-event-loop.md', 'utf8');
    const { text, added } = withSkeleton('asyncio-coroutines-event-loop', 'content/ko/asyncio-coroutines-event-loop.md', markdown, null, null);
    expect(added).toBe(splitSegments(markdown).length);
    const parsed = parseTranslationFile(text, 'new.yaml', 'asyncio-coroutines-event-loop');
    expect(parsed.errors).toEqual([]);
    expect(parsed.translation!.segments.map((s) => s.ko)).toEqual(splitSegments(markdown).map((s) => s.source));
    expect(parsed.translation!.segments.every((s) => s.en === null)).toBe(true);
  });
});
