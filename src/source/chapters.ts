// Chapters: a document splits at each `##` heading; what comes before the first one is the
// document's introduction (its own chapter, so no prose is lost).
import type { Root, Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Chapter } from './model.ts';
import { uniqueSlugs } from './slug.ts';

export function splitChapters(tree: Root, markdown: string, documentTitle: string): Chapter[] {
  const cuts: { title: string; offset: number; line: number }[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading' && (node as Heading).depth === 2 && node.position) {
      cuts.push({ title: toString(node).trim(), offset: node.position.start.offset!, line: node.position.start.line });
    }
  }
  const firstContent = tree.children.find((n) => n.type !== 'yaml' && n.type !== 'thematicBreak');
  const introEnd = cuts[0]?.offset ?? markdown.length;
  const hasIntro = firstContent?.position !== undefined && firstContent.position.start.offset! < introEnd;
  const sections = [
    ...(hasIntro || cuts.length === 0 ? [{ title: documentTitle, offset: 0, line: 1, intro: true }] : []),
    ...cuts.map((c) => ({ ...c, intro: false })),
  ];
  const slugs = uniqueSlugs(sections.map((s) => (s.intro ? 'introduction' : s.title)));
  // A final newline ends the last line; it does not start another.
  const totalLines = markdown.split('\n').length - (markdown.endsWith('\n') ? 1 : 0);
  return sections.map((section, index) => {
    const next = sections[index + 1];
    return {
      slug: slugs[index]!,
      title: section.title,
      index,
      startLine: section.line,
      endLine: next ? next.line - 1 : totalLines,
      startOffset: section.offset,
      endOffset: next ? next.offset : markdown.length,
    };
  });
}

export function chapterAt(chapters: Chapter[], line: number): Chapter {
  return chapters.find((c) => line >= c.startLine && line <= c.endLine) ?? chapters[0]!;
}
