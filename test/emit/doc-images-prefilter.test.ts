// The image lookup parses a translation's text only when it can hold what it looks for: an image
// (a literal `![`) or a link reference definition (`]:`). Every text of the guide's translations
// and a set of tricky ones: whatever the parser finds in a text, the filter let that text through.
// And the documents the check looks the images up in, while the cells run.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from '../../src/source/markdown.ts';
import { mayDefine, mayShowImage } from '../../src/emit/doc-images.ts';

const TRICKY = [
  '![a](b.png)', '![a][ref]', '![ref]', '![ref][]', '[ref]: ./x.png', '[ref]:\n  ./x.png "t"', '> [r]: /u',
  '&#33;[a](b.png)', '\\![a](b.png)', '! [a](b.png)', '[a](b.png)', '<img src="x.png">', '[^1]: note', 'plain text',
  '- ![in a list](x.png)', '| ![cell](x.png) |\n|---|', '`![code](x.png)`', '[a\\]]: /u',
];

function englishTexts(): string[] {
  const dir = 'content/en';
  const texts: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) walk(parse(readFileSync(join(dir, f), 'utf8')));
  return texts;
}

const holds = (text: string, ...types: string[]) => {
  let found = false;
  visit(parseMarkdown(text), (node) => { if (types.includes(node.type)) found = true; });
  return found;
};

describe('which texts the image lookup parses', () => {
  const texts = [...TRICKY, ...englishTexts()];

  it('lets through every text that holds an image or a definition', () => {
    expect(texts.length).toBeGreaterThan(300);
    const missed = texts.filter((t) => (holds(t, 'image', 'imageReference') && !mayShowImage(t)) || (holds(t, 'definition') && !mayDefine(t)));
    expect(missed).toEqual([]);
  });

  it('leaves out texts that cannot hold either', () => {
    expect(['&#33;[a](b.png)', '! [a](b.png)', '[a](b.png)', 'plain text'].map((t) => mayShowImage(t) || mayDefine(t))).toEqual([false, false, false, false]);
    expect(['![a](b.png)', '![ref]', '[ref]: ./x.png', '[a\\]]: /u'].map((t) => mayShowImage(t) || mayDefine(t))).toEqual([true, true, true, true]);
    // The parser agrees: the first four hold neither.
    expect(['&#33;[a](b.png)', '! [a](b.png)', '[a](b.png)', 'plain text'].some((t) => holds(t, 'image', 'imageReference', 'definition'))).toBe(false);
  });
});

describe('the images the check looks up during the runs', () => {
  it('are read from the documents in the order of the check\'s result, with their translations', async () => {
    const { imageSources } = await import('../../src/site/doc-images.ts');
    const translation = { path: 'en/b.yaml' } as never;
    const loaded = [
      { document: { file: 'ko/b.md' }, translation: { translation } },
      { document: { file: 'ko/a.md' }, translation: null },
    ] as never[];
    expect(imageSources(loaded)).toEqual([
      { document: { file: 'ko/a.md' }, translation: null },
      { document: { file: 'ko/b.md' }, translation },
    ]);
  });
});
