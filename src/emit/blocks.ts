// A chapter's top-level blocks in one locale: the Korean source block, or its English translation
// when there is one. Pages and notebooks are both built from this walk.
import type { RootContent } from 'mdast';
import { parseMarkdown, sharedTree } from '../source/markdown.ts';
import { segmentKey } from '../source/segments.ts';
import type { Chapter } from '../source/model.ts';
import type { CheckedCell } from '../check/run.ts';

export type Locale = 'ko' | 'en';

export interface ChapterBlock {
  /** The block in the page's locale (a translation can be several nodes). */
  nodes: RootContent[];
  /** The same nodes as Markdown text. */
  markdown: string;
  /** The executed cell, when the block is a python fence. */
  cell: CheckedCell | null;
}

export interface ChapterBlocks {
  blocks: ChapterBlock[];
  /** Some block had no translation and is shown in Korean. */
  fallback: boolean;
}

/** `sourceLocale`: the language the documents are written in; pages in it show them as written. */
export function chapterBlocks(markdown: string, chapter: Chapter, cells: CheckedCell[], locale: Locale,
  translate: (key: string) => string | null, sourceLocale: Locale = 'ko'): ChapterBlocks {
  const tree = sharedTree(markdown);
  const blocks: ChapterBlock[] = [];
  let fallback = false;
  for (const node of tree.children) {
    const start = node.position?.start.offset ?? -1;
    if (start < chapter.startOffset || start >= chapter.endOffset || node.type === 'yaml') continue;
    const source = markdown.slice(start, node.position!.end.offset!);
    let text = source;
    // The shared tree is read-only; the page's writers may change their copy.
    let nodes: RootContent[] = [structuredClone(node)];
    if (locale !== sourceLocale && node.type !== 'thematicBreak') {
      const english = translate(segmentKey(source));
      if (english === null) fallback = true;
      else {
        text = english;
        nodes = parseMarkdown(english).children.filter((n) => n.type !== 'yaml');
      }
    }
    // The chapter title is the page title: drop the leading ## heading (and a document's # title).
    if (blocks.length === 0 && nodes[0]?.type === 'heading' && nodes[0].depth <= 2) {
      nodes = nodes.slice(1);
      text = '';
    }
    const cell = node.type === 'code' && node.lang === 'python'
      ? cells.find((c) => c.cell.line === node.position!.start.line) ?? null
      : null;
    blocks.push({ nodes, markdown: text, cell });
  }
  return { blocks, fallback };
}
