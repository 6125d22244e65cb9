// The check's loader reads each document once, with its translation: the pages are made from what
// it loaded, and the translation status of a check equals the one read from disk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSource, selectSource } from '../../src/check/load.ts';
import type { CheckResult } from '../../src/check/run.ts';
import { siteFiles } from '../../src/emit/site.ts';
import { splitSegments } from '../../src/source/segments.ts';
import { translationStatus } from '../../src/translate/status.ts';

const DOC = '# 문서\n\n## 첫 장\n\n첫 문단입니다.\n\n둘째 문단입니다.\n';
const OTHER = '# 다른 문서\n\n## 장\n\n다른 문단입니다.\n';

describe('the check loader', () => {
  let root: string;
  let ko: string;
  let en: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'loader-'));
    ko = join(root, 'ko');
    en = join(root, 'en');
    mkdirSync(ko);
    mkdirSync(en);
    writeFileSync(join(ko, 'doc.md'), DOC);
    writeFileSync(join(ko, 'other.md'), OTHER);
    const [first, second] = splitSegments(DOC).filter((s) => s.kind === 'paragraph');
    // One good entry, one placeholder, and one entry of the wrong shape (reported at its line, left out).
    writeFileSync(join(en, 'doc.yaml'), `document: doc\nsegments:\n  - key: ${first!.key}\n    ko: 첫 문단입니다.\n    en: The first paragraph.\n  - key: '${second!.key}'\n    ko: 둘째 문단입니다.\n    en: null\n  - key: 12\n`);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('loads the translation beside each document, or none', () => {
    const source = loadSource(ko);
    const [doc, other] = source.documents;
    expect(doc!.translationFile).toBe(join(en, 'doc.yaml'));
    expect(doc!.translation!.translation!.segments.map((s) => s.en)).toEqual(['The first paragraph.', null]);
    expect(doc!.translation!.errors.map((e) => e.line)).toEqual([9, 9]);
    expect(doc!.translation!.errors.map((e) => e.message)).toEqual(['segments.2.key: must be 16 lowercase hex digits as a string (quote it: YAML read it as a number)', 'segments.2.ko: is required']);
    // A translation's problems are the translation status's, not the document's (which has no python block).
    expect(doc!.problems.map((p) => `${p.severity}[${p.code}]`)).toEqual(['warning[no-python-blocks]']);
    expect(other!.translation).toBeNull();
    expect(loadSource(join(root, 'ko'), [join(ko, 'doc.md')]).documents).toHaveLength(1);
  });

  it('gives the same translation status as reading the files again', () => {
    const source = loadSource(ko);
    const known = source.documents.map((d) => ({ file: d.file, slug: d.document.slug, markdown: d.document.markdown, translation: d.translation }));
    const fromDisk = translationStatus(ko, en);
    expect(translationStatus(ko, en, known)).toEqual(fromDisk);
    expect(fromDisk.problems.some((p) => p.file === join(en, 'doc.yaml') && p.line === 9)).toBe(true);
  });

  it('selects a share of the documents with their own problems and the shared ones', () => {
    writeFileSync(join(ko, 'doc.snippets.yaml'), 'cells:\n  nosuchcell:\n    expect: error\n');
    try {
      const source = loadSource(ko);
      const share = selectSource(source, [join(ko, 'other.md')]);
      expect(share.documents.map((d) => d.document.slug)).toEqual(['other']);
      expect(source.problems.some((p) => p.message.includes('nosuchcell'))).toBe(true);
      expect(share.problems.some((p) => p.message.includes('nosuchcell'))).toBe(false);
      expect(selectSource(source, [join(ko, 'doc.md')]).problems.some((p) => p.message.includes('nosuchcell'))).toBe(true);
    } finally {
      rmSync(join(ko, 'doc.snippets.yaml'));
    }
  });

  it('makes the English pages from the translation it loaded', () => {
    const source = loadSource(ko);
    const result: CheckResult = {
      runtime: { pyodide: 'x', kernel: 'x', python: '3.14' },
      documents: source.documents.map((d) => ({ document: d.document, cells: [], fixtures: [], translation: d.translation?.translation ?? null })),
      problems: [], reused: 0, ran: 0,
    };
    const { docs } = siteFiles(result, { repository: 'https://example.org/r' });
    const english = [...docs].filter(([p]) => p.startsWith('en/doc/')).map(([, text]) => text).join('\n');
    expect(english).toContain('The first paragraph.');
    expect(english).toContain('둘째 문단입니다.');
    const otherEnglish = [...docs].filter(([p]) => p.startsWith('en/other/')).map(([, text]) => text).join('\n');
    expect(otherEnglish).toContain('다른 문단입니다.');
  });

  it("links an English page's \"edit this page\" to the translation file it was made from", () => {
    const source = loadSource('content/ko', ['content/ko/asyncio-basics.md']);
    const [loaded] = source.documents;
    expect(loaded!.translation!.translation!.path).toBe('content/en/asyncio-basics.yaml');
    const result: CheckResult = {
      runtime: { pyodide: 'x', kernel: 'x', python: '3.14' },
      documents: [{ document: loaded!.document, cells: [], fixtures: [], translation: loaded!.translation!.translation }],
      problems: [], reused: 0, ran: 0,
    };
    const { docs } = siteFiles(result, { repository: 'https://example.org/r' });
    const first = loaded!.document.chapters[0]!.slug;
    expect(docs.get(`en/asyncio-basics/${first}.mdx`)).toContain('editUrl: https://example.org/r/edit/main/content/en/asyncio-basics.yaml');
    expect(docs.get(`ko/asyncio-basics/${first}.mdx`)).toContain('editUrl: https://example.org/r/edit/main/content/ko/asyncio-basics.md');
  });
});
