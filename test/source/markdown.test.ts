// A document's shared tree is parsed once, read-only, and equal to a fresh parse.
import { describe, expect, it } from 'vitest';
import { parseMarkdown, sharedTree } from '../../src/source/markdown.ts';

describe('the shared tree of a document', () => {
  const text = '# 제목\n\n문단 *강조*.\n\n```python\nprint(1)\n```\n';

  it('is a fresh parse, given again for the same text', () => {
    const tree = sharedTree(text);
    expect(tree).toEqual(parseMarkdown(text));
    expect(sharedTree(text)).toBe(tree);
    expect(sharedTree(`${text}\n더.\n`)).not.toBe(tree);
  });

  it('cannot be changed by a caller, down to its leaves', () => {
    const tree = sharedTree(text);
    const paragraph = tree.children[1] as { children: { value?: string }[] };
    expect(() => { paragraph.children[0]!.value = 'changed'; }).toThrow(TypeError);
    expect(() => { (tree.children as unknown[]).push({}); }).toThrow(TypeError);
    // A clone is the caller's own.
    const copy = structuredClone(tree.children[1]!) as { children: { value?: string }[] };
    copy.children[0]!.value = 'changed';
    expect(paragraph.children[0]!.value).toBe('문단 ');
  });

  it('keeps a few documents, parsing an evicted one afresh', () => {
    const first = sharedTree('# 하나\n');
    for (let i = 0; i < 10; i++) sharedTree(`# 문서 ${i}\n`);
    const again = sharedTree('# 하나\n');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
