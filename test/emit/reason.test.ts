// Reasons from settings files: code spans and emphasis through an allow-list, everything else as written.
import { describe, expect, it } from 'vitest';
import { reasonParts, verdictReasonParts } from '../../src/emit/reason.ts';
import { linkSourceLines } from '../../src/emit/source-links.ts';
import { strings } from '../../src/i18n/index.ts';
import type { CellVerdict } from '../../src/check/verdict.ts';

describe('settings reasons', () => {
  it('splits code spans from the text around them', () => {
    expect(reasonParts('`asyncio.get_event_loop()`는 새 루프를 만들지 않고 `RuntimeError`를 냅니다.')).toEqual([
      { text: 'asyncio.get_event_loop()', code: true },
      { text: '는 새 루프를 만들지 않고 ' },
      { text: 'RuntimeError', code: true },
      { text: '를 냅니다.' },
    ]);
  });

  it('keeps emphasis and strong emphasis', () => {
    expect(reasonParts('a *b* **c** ***d***')).toEqual([
      { text: 'a ' }, { text: 'b', em: true }, { text: ' ' }, { text: 'c', strong: true }, { text: ' ' }, { text: 'd', em: true, strong: true },
    ]);
  });

  it('leaves a lone backtick and markup as text', () => {
    expect(reasonParts('a ` b <script>')).toEqual([{ text: 'a ` b <script>' }]);
  });

  it('shows links, images, autolinks, HTML and references as the text they were written as', () => {
    for (const text of ['[x](javascript:alert(1))', '![i](https://evil.example/i.png)', '<https://evil.example>', '<img src=x onerror=alert(1)>', '[x][r]\n\n[r]: javascript:alert(1)']) {
      expect(reasonParts(text).map((p) => p.text).join('')).toBe(text);
      expect(reasonParts(text).every((p) => !p.code && !p.em && !p.strong)).toBe(true);
    }
    expect(reasonParts('*[x](javascript:y)*')).toEqual([{ text: '[x](javascript:y)', em: true }]);
  });

  it('shows headings, lists and quotes as written', () => {
    expect(reasonParts('# h\n\n- item\n> q').map((p) => p.text).join('')).toBe('# h\n\n- item\n> q');
  });

  it('never reads Markdown in a reason that quotes the run', () => {
    const verdict = { verdict: 'error', why: { code: 'raises', ename: 'E', line: null, detail: '`x` *y* [z](javascript:1)', stated: false } } as unknown as CellVerdict;
    expect(verdictReasonParts(verdict, 'en')).toEqual([{ text: 'raises E: `x` *y* [z](javascript:1)' }]);
    const skip = { verdict: 'skipped', why: { code: 'skip', detail: 'needs `uvloop`' } } as unknown as CellVerdict;
    expect(verdictReasonParts(skip, 'en')).toEqual([{ text: 'needs ' }, { text: 'uvloop', code: true }]);
  });
});

describe('source lines in reasons', () => {
  const url = (line: number) => `https://example.org/r/blob/main/doc.md#L${line}`;

  it('links each mention of a source line, in both languages, and leaves the rest as it was', () => {
    for (const locale of ['en', 'ko'] as const) {
      const mention = strings[locale].cell.sourceLine(158);
      const parts = linkSourceLines([{ text: `a ${mention}, b ${strings[locale].cell.sourceLine(7)}.` }], locale, url);
      expect(parts).toEqual([
        { text: 'a ' }, { text: mention, href: url(158) }, { text: ', b ' },
        { text: strings[locale].cell.sourceLine(7), href: url(7) }, { text: '.' },
      ]);
    }
  });

  it('links nothing inside code, nor when there is no repository', () => {
    const mention = strings.en.cell.sourceLine(3);
    expect(linkSourceLines([{ text: mention, code: true }], 'en', url)).toEqual([{ text: mention, code: true }]);
    expect(linkSourceLines([{ text: `x ${mention}` }], 'en', () => null)).toEqual([{ text: `x ${mention}` }]);
    expect(linkSourceLines([{ text: 'line 3 of the cell' }], 'en', url)).toEqual([{ text: 'line 3 of the cell' }]);
  });
});
