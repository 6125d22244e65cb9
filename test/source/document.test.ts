import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellKey, documentSlug, parseDocument } from '../../src/source/document.ts';
import { slugify, uniqueSlugs } from '../../src/source/slug.ts';

const sha8 = (code: string) => createHash('sha256').update(code, 'utf8').digest('hex').slice(0, 8);

// Line numbers are written beside the lines, so every assertion on a line can be checked by eye.
const doc = [
  '---',                                  // 1
  'title: 비동기 프로그래밍',               // 2
  '---',                                  // 3
  '',                                     // 4
  '# 문서 제목',                           // 5
  '',                                     // 6
  '소개 문단.',                            // 7
  '',                                     // 8
  '## 1. 비동기 프로그래밍이란?',           // 9
  '',                                     // 10
  '```python',                            // 11
  'print("안녕")',                         // 12
  '## 코드 속 주석은 장이 아니다',           // 13
  '# 출력:',                               // 14
  '# 안녕',                                // 15
  '```',                                  // 16
  '',                                     // 17
  '### 하위 절은 장을 나누지 않는다',        // 18
  '',                                     // 19
  '## 🚀',                                 // 20
  '',                                     // 21
  '## ???',                               // 22
  '',                                     // 23
  '## 2. `async/await` 기본 개념',          // 24
  '',                                     // 25
  '```python',                            // 26
  'import time',                          // 27
  'time.sleep(1)',                        // 28
  '# 총 1초 소요',                          // 29
  '```',                                  // 30
  '#### 출력 결과',                         // 31
  '```',                                  // 32
  '끝 (1초 후)',                            // 33
  '```',                                  // 34
  '',                                     // 35
  '```bash',                              // 36
  'pip install aiohttp',                  // 37
  '```',                                  // 38
  '',                                     // 39
  '```python',                            // 40
  'pip install aiohttp',                  // 41
  '```',                                  // 42
  '',                                     // 43
  '```python',                            // 44
  'print("안녕")',                         // 45
  '## 코드 속 주석은 장이 아니다',           // 46
  '# 출력:',                               // 47
  '# 안녕',                                // 48
  '```',                                  // 49
].join('\n');

describe('parseDocument: chapters', () => {
  const parsed = parseDocument(doc, 'content/ko/async-demo.md');

  it('names the document after its file, titles it from the front matter', () => {
    expect([parsed.slug, parsed.file, parsed.title]).toEqual(['async-demo', 'content/ko/async-demo.md', '비동기 프로그래밍']);
  });

  it('splits at `##` headings only, keeping the introduction as its own chapter', () => {
    // A `##` line inside a code fence and a `###` heading do not start chapters.
    expect(parsed.chapters.map((c) => [c.index, c.slug, c.title, c.startLine, c.endLine])).toEqual([
      [0, 'introduction', '비동기 프로그래밍', 1, 8],
      [1, '1-비동기-프로그래밍이란', '1. 비동기 프로그래밍이란?', 9, 19],
      [2, 'section-3', '🚀', 20, 21],
      [3, 'section-4', '???', 22, 23],
      [4, '2-async-await-기본-개념', '2. async/await 기본 개념', 24, 49],
    ]);
  });

  it('gives each chapter the exact slice of the markdown it covers', () => {
    const slices = parsed.chapters.map((c) => doc.slice(c.startOffset, c.endOffset));
    expect(slices.join('')).toBe(doc);
    expect(slices[2]).toBe('## 🚀\n\n');
    expect(slices[1]!.startsWith('## 1. 비동기 프로그래밍이란?\n')).toBe(true);
  });

  it('has no introduction when the document starts with a chapter', () => {
    const chapters = parseDocument('---\ntitle: x\n---\n\n## 하나\n\n본문\n\n## 둘', 'a.md').chapters;
    expect(chapters.map((c) => [c.slug, c.startLine, c.endLine])).toEqual([['하나', 5, 8], ['둘', 9, 9]]);
  });

  it('is one introduction chapter when there is no `##` heading, titled by the `#` heading', () => {
    const parsed = parseDocument('# 23. 비동기 프로그래밍과 `asyncio`\n\n# 1. 핵심 개념\n\n본문', 'x/ch23.markdown');
    expect(parsed.slug).toBe('ch23');
    expect(parsed.title).toBe('23. 비동기 프로그래밍과 asyncio');
    expect(parsed.chapters.map((c) => [c.slug, c.title, c.startLine, c.endLine])).toEqual([
      ['introduction', '23. 비동기 프로그래밍과 asyncio', 1, 5],
    ]);
  });

  it('falls back to the file name for the title', () => {
    expect(parseDocument('본문만 있다', 'notes.md').title).toBe('notes');
    expect(documentSlug('content/ko/asyncio-basics.md')).toBe('asyncio-basics');
  });

  it('suffixes repeated headings, and the same text always gives the same slugs', () => {
    const md = '## 예제\n\n## 예제\n\n## 예제\n\n## Coroutine';
    const first = parseDocument(md, 'a.md').chapters.map((c) => c.slug);
    expect(first).toEqual(['예제', '예제-2', '예제-3', 'coroutine']);
    expect(parseDocument(md, 'a.md').chapters.map((c) => c.slug)).toEqual(first);
  });
});

describe('slugs', () => {
  it('keep Hangul and digits and drop punctuation and markup', () => {
    expect(slugify('asyncio.gather - 병렬 실행')).toBe('asyncio-gather-병렬-실행');
    expect(slugify('⚠️ 주의: await는 async 함수 안에서만')).toBe('주의-await는-async-함수-안에서만');
    expect(slugify('**굵게** _기울임_')).toBe('굵게-기울임');
  });

  it('give emoji-only and punctuation-only headings a positional slug, never an empty one', () => {
    expect(slugify('🚀')).toBe('');
    expect(uniqueSlugs(['introduction', '🚀', '!!!', '🌍'])).toEqual(['introduction', 'section-2', 'section-3', 'section-4']);
  });
});

describe('parseDocument: cells', () => {
  const { cells, chapters } = parseDocument(doc, 'content/ko/async-demo.md');

  it('is every python block, with its fence line, 1-based index and chapter', () => {
    // The bash block is not a cell; the python block of shell commands is, and is marked.
    expect(cells.map((c) => [c.index, c.line, c.lang, c.chapter, c.file, c.document])).toEqual([
      [1, 11, 'python', '1-비동기-프로그래밍이란', 'content/ko/async-demo.md', 'async-demo'],
      [2, 26, 'python', '2-async-await-기본-개념', 'content/ko/async-demo.md', 'async-demo'],
      [3, 40, 'python', '2-async-await-기본-개념', 'content/ko/async-demo.md', 'async-demo'],
      [4, 44, 'python', '2-async-await-기본-개념', 'content/ko/async-demo.md', 'async-demo'],
    ]);
    expect(cells.every((c) => chapters.some((ch) => ch.slug === c.chapter))).toBe(true);
  });

  it('keys a cell by the hash of its code, and a repeated block by a numbered key', () => {
    const code = 'print("안녕")\n## 코드 속 주석은 장이 아니다\n# 출력:\n# 안녕';
    expect(cells[0]!.code).toBe(code);
    expect(cellKey(code)).toBe(sha8(code));
    expect(cells.map((c) => c.key)).toEqual([sha8(code), sha8(cells[1]!.code), sha8('pip install aiohttp'), `${sha8(code)}-2`]);
    expect(cells[3]!.id).toBe(`async-demo/${sha8(code)}-2`);
  });

  it('places stated outputs and claims at their lines in the document', () => {
    expect(cells[0]!.stated.map((s) => [s.kind, s.sourceLine, s.lines.map((l) => [l.text, l.sourceLine])])).toEqual([
      ['output', 14, [['안녕', 15]]],
    ]);
    const timed = cells[1]!;
    expect(timed.stated.map((s) => [s.kind, s.sourceLine, s.lines.map((l) => [l.text, l.at, l.sourceLine])])).toEqual([
      ['output', 33, [['끝', 1, 33]]],
    ]);
    expect(timed.claims.map((c) => [c.kind, c.seconds, c.codeLine, c.sourceLine])).toEqual([['total', 1, 3, 29]]);
  });

  it('marks a python block of shell commands as not Python, with nothing to run or claim', () => {
    const shell = cells[2]!;
    expect([shell.notPython, shell.runCode, shell.claims, shell.stated]).toEqual(['shell commands, not Python', '', [], []]);
    expect(cells[0]!.notPython).toBeNull();
    expect(cells[0]!.runCode).toBe(cells[0]!.code);
  });

  it('reads error cues from the code', () => {
    const { cells } = parseDocument('```python\ndef sync_func():\n    await fetch_data()  # SyntaxError!\n```\n', 'x.md');
    expect(cells[0]!.errorCues).toEqual([{ codeLine: 2, ename: 'SyntaxError', text: '# SyntaxError!' }]);
  });
});

describe('parseDocument on a real document', () => {
  // Invariants every source document must keep, on asyncio-basics.md (which mixes `#` and `##`).
  const markdown = readFileSync('content/ko/asyncio-basics.md', 'utf8');
  const parsed = parseDocument(markdown, 'content/ko/asyncio-basics.md');
  const lines = markdown.split('\n');

  it('has unique chapter slugs that tile the document', () => {
    const slugs = parsed.chapters.map((c) => c.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(parsed.chapters.map((c) => markdown.slice(c.startOffset, c.endOffset)).join('')).toBe(markdown);
    for (const c of parsed.chapters.slice(1)) expect(lines[c.startLine - 1]!.startsWith('## ')).toBe(true);
  });

  it('has cells whose lines are python fences inside their chapter', () => {
    expect(parsed.cells.length).toBeGreaterThan(5);
    for (const cell of parsed.cells) {
      expect(lines[cell.line - 1]!.trim()).toBe('```python');
      const chapter = parsed.chapters.find((c) => c.slug === cell.chapter)!;
      expect(cell.line).toBeGreaterThanOrEqual(chapter.startLine);
      expect(cell.line).toBeLessThanOrEqual(chapter.endLine);
    }
    expect(parsed.cells.map((c) => c.index)).toEqual(parsed.cells.map((_, i) => i + 1));
  });
});

describe('chapter slugs and ranges, edge cases', () => {
  it('stay unique when a suffixed slug equals another heading\'s own slug', () => {
    const slugs = uniqueSlugs(['예제', '예제', '예제 2']);
    // "예제 2" keeps its own slug; the repeated "예제" takes the next free number.
    expect(slugs).toEqual(['예제', '예제-3', '예제-2']);
  });

  it('end at the last line of a file that ends with a newline', () => {
    const chapters = parseDocument('# T\n\nintro\n\n## A\n\ntext\n', 'doc.md').chapters;
    expect(chapters.at(-1)!.endLine).toBe(7);
  });
});
