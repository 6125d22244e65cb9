// The parse cache gives back exactly what the reader would, and a changed text, path or a damaged
// entry is read afresh.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from '../../src/source/document.ts';
import { ParseCache, readerFingerprint } from '../../src/source/parse-cache.ts';

const DOC = '# 제목\n\n## 하나\n\n```python\nprint("hi")\n```\n\n출력:\n\n```\nhi\n```\n';

describe('the parse cache', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'parse-cache-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('returns the same document as a fresh parse, from disk the second time', () => {
    const fresh = parseDocument(DOC, 'content/ko/doc.md');
    const first = new ParseCache(dir);
    expect(first.parse(DOC, 'content/ko/doc.md')).toEqual(fresh);
    expect([first.hits, first.misses]).toEqual([0, 1]);
    const second = new ParseCache(dir);
    const again = second.parse(DOC, 'content/ko/doc.md');
    expect([second.hits, second.misses]).toEqual([1, 0]);
    expect(again).toEqual(fresh);
    expect(again.cells[0]!.stated[0]!.lines[0]!.text).toBe('hi');
  });

  it('reads afresh when the text or the path changes', () => {
    const cache = new ParseCache(dir);
    cache.parse(DOC, 'content/ko/doc.md');
    const edited = cache.parse(DOC.replace('"hi"', '"bye"').replace('\nhi\n', '\nbye\n'), 'content/ko/doc.md');
    expect(edited.cells[0]!.code).toContain('bye');
    const moved = cache.parse(DOC, 'content/ko/other.md');
    expect(moved.slug).toBe('other');
    expect(cache.misses).toBe(3);
    expect(ParseCache.keyOf(DOC, 'a.md')).not.toBe(ParseCache.keyOf(DOC, 'b.md'));
  });

  it('treats a torn, foreign or renamed entry as a miss', () => {
    const cache = new ParseCache(dir);
    cache.parse(DOC, 'content/ko/doc.md');
    const [entry] = readdirSync(dir);
    for (const damaged of ['{"key":', JSON.stringify({ key: 'another', document: parseDocument(DOC, 'x.md') }), '[]']) {
      writeFileSync(join(dir, entry!), damaged);
      const reader = new ParseCache(dir);
      expect(reader.parse(DOC, 'content/ko/doc.md').slug).toBe('doc');
      expect(reader.misses).toBe(1);
    }
  });

  it('has a fingerprint of the reader that is stable within a process', () => {
    expect(readerFingerprint()).toMatch(/^[0-9a-f]{24}$/);
    expect(readerFingerprint()).toBe(readerFingerprint());
  });
});
