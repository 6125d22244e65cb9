// MDX pages from the document model: the chapter's own Markdown tree, each python block followed by
// a <Cell> element carrying its run. Serialised with mdast-util-to-markdown and the MDX extension,
// so whatever the prose holds ({, <, `import` at a line start), the page is valid MDX.
import type { Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { visit } from 'unist-util-visit';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { parseMarkdown } from '../source/markdown.ts';
import { segmentKey } from '../source/segments.ts';
import type { Chapter } from '../source/model.ts';
import type { CheckedCell } from '../check/run.ts';
import { outputLines } from '../check/compare.ts';
import { reasonText } from '../check/reasons.ts';
import { ganttText, hasTimeline } from './gantt.ts';
import { runnerProps, type PreludeCell, type RunnerProps } from './runner.ts';

import { chapterBlocks, type Locale } from './blocks.ts';

export type { Locale };

function attribute(name: string, value: string) {
  return { type: 'mdxJsxAttribute' as const, name, value };
}

function jsx(name: string, attributes: Record<string, string>, children: RootContent[] = []): RootContent {
  return {
    type: 'mdxJsxFlowElement',
    name,
    attributes: Object.entries(attributes).map(([k, v]) => attribute(k, v)),
    children,
  } as unknown as RootContent;
}

export interface CellProps {
  id: string;
  index: number;
  line: number;
  file: string;
  verdict: string;
  reason: string;
  acknowledged: string | null;
  diff: string | null;
  status: string | null;
  lines: { t: number; text: string; stream: string }[];
  stated: string[];
  virtualSeconds: number | null;
  cpuMs: number | null;
  timeline: string | null;
  world: string[];
  partial: string | null;
  error: string | null;
  /** For runnable cells in the browser (src/emit/runner.ts). */
  runner: RunnerProps | null;
}

export function cellProps(checked: CheckedCell, locale: Locale): CellProps {
  const { cell, run, verdict } = checked;
  const lines = run
    ? [...outputLines(run.events, 'stdout').map((l) => ({ ...l, stream: 'stdout' })), ...outputLines(run.events, 'stderr').map((l) => ({ ...l, stream: 'stderr' }))].sort((a, b) => a.t - b.t)
    : [];
  return {
    id: cell.id, index: cell.index, line: cell.line, file: cell.file,
    verdict: verdict.verdict, reason: reasonText(verdict.why, locale),
    acknowledged: verdict.acknowledged ? verdict.acknowledged[locale] : null,
    diff: verdict.diff, status: run?.status ?? null, lines,
    stated: cell.stated.flatMap((s) => s.lines.map((l) => l.raw)),
    virtualSeconds: run?.virtualSeconds ?? null, cpuMs: run?.cpuMs ?? null,
    timeline: run && hasTimeline(run) ? ganttText(run) : null,
    world: (run?.world ?? []).map((w) => `${w.detail} (${w.fixture})`),
    partial: cell.partial?.reason ?? null,
    error: run?.error ? `${run.error.ename}: ${run.error.evalue}` : null,
    runner: runnerProps(checked),
  };
}

// MDX reads a line that starts with `import`/`export` as JavaScript, even inside a paragraph.
// Marking the first letter unsafe there makes the serialiser write it as a character reference.
const esmSafe = {
  unsafe: [
    { atBreak: true, character: 'i', after: 'mport\\b' },
    { atBreak: true, character: 'e', after: 'xport\\b' },
  ],
};

/** Raw HTML in a Markdown source (a block, or inline in a paragraph) is not valid JSX; show it as
 * text rather than lose it. */
function safeNode(node: RootContent): RootContent {
  if (node.type === 'html') return { type: 'paragraph', children: [{ type: 'text', value: node.value }] };
  if (node.type === 'yaml') return { type: 'paragraph', children: [] };
  visit(node, 'html', (html, index, parent) => {
    if (parent && index !== undefined) parent.children[index] = { type: 'text', value: (html as { value: string }).value } as never;
  });
  return node;
}

function fallbackNotice(): RootContent {
  return { type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'This page is not fully translated yet: untranslated parts are shown in the Korean original.' }] }] };
}

/** A chapter's title in a locale: the translated heading when there is one. */
export function chapterTitle(markdown: string, chapter: Chapter, locale: Locale, translate: (key: string) => string | null): string {
  if (locale === 'ko') return chapter.title;
  const tree = parseMarkdown(markdown);
  const heading = tree.children.find((n) => n.type === 'heading' && (n.position?.start.offset ?? -1) === chapter.startOffset);
  if (!heading) {
    // As for the Korean title: the front matter's title first, then the first # heading.
    const front = tree.children.find((n) => n.type === 'yaml');
    if (front?.position) {
      const english = translate(segmentKey(markdown.slice(front.position.start.offset!, front.position.end.offset!)));
      const title = english ? /^title:\s*"?(.+?)"?\s*$/m.exec(english)?.[1] : undefined;
      if (title) return title;
    }
    const h1 = tree.children.find((n) => n.type === 'heading' && n.depth === 1);
    const english = h1 ? translate(segmentKey(markdown.slice(h1.position!.start.offset!, h1.position!.end.offset!))) : null;
    return english ? english.replace(/^#+\s*/, '').trim() : chapter.title;
  }
  const english = translate(segmentKey(markdown.slice(heading.position!.start.offset!, heading.position!.end.offset!)));
  return english ? english.replace(/^#+\s*/, '').replace(/[`*]/g, '').trim() : chapter.title;
}

export interface ChapterPage {
  frontmatter: { title: string; sidebarOrder: number; fallback?: boolean };
  body: string;
}

/**
 * The chapter in one locale. `translate` returns the English Markdown of a Korean segment, or null
 * (then the Korean block is kept and the page is marked as a fallback).
 */
export function chapterPage(markdown: string, chapter: Chapter, cells: CheckedCell[], locale: Locale,
  translate: (key: string) => string | null, notebookHref?: string, prelude: PreludeCell[] = []): ChapterPage {
  const { blocks, fallback } = chapterBlocks(markdown, chapter, cells, locale, translate);
  const children: RootContent[] = [];
  for (const block of blocks) {
    children.push(...block.nodes.map(safeNode));
    if (block.cell) children.push(jsx('Cell', { data: JSON.stringify(cellProps(block.cell, locale)), locale }));
  }
  const download = notebookHref
    ? [jsx('a', { href: notebookHref, download: '', class: 'notebook-link', 'data-notebook': '' }, [
        { type: 'text', value: locale === 'ko' ? '📓 Jupyter 노트북으로 받기 (.ipynb, 실행 결과 포함)' : '📓 Download as a Jupyter notebook (.ipynb, with the recorded outputs)' } as RootContent,
      ])]
    : [];
  const root: Root = { type: 'root', children: [
    { type: 'mdxjsEsm', value: "import Cell from '../../../../components/Cell.astro';", data: { estree: null } } as unknown as RootContent,
    ...(fallback ? [fallbackNotice()] : []),
    ...download,
    ...(prelude.length ? [jsx('div', { 'data-runner-prelude': JSON.stringify(prelude), hidden: '' })] : []),
    ...children,
  ] };
  const body = toMarkdown(root, { extensions: [gfmToMarkdown(), mdxToMarkdown(), esmSafe] });
  return { frontmatter: { title: chapter.title, sidebarOrder: chapter.index, ...(fallback ? { fallback: true } : {}) }, body };
}
