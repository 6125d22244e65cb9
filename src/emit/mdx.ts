// MDX pages from the document model: the chapter's own Markdown tree, each python block followed by
// a <Cell> element carrying its run. Serialised with mdast-util-to-markdown and the MDX extension,
// so whatever the prose holds ({, <, `import` at a line start), the page is valid MDX.
import type { Root, RootContent } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import { sharedTree } from '../source/markdown.ts';
import { segmentKey } from '../source/segments.ts';
import type { Chapter } from '../source/model.ts';
import type { CheckedCell } from '../check/run.ts';
import { outputLines } from '../check/compare.ts';
import { reasonText } from '../check/reasons.ts';
import { hasTimeline, timelineOf, type Timeline } from './gantt.ts';
import { jsonAttribute, jsxElement as jsx, mdxSource, textNode } from './escape.ts';
import { capItems, capText, droppedNotice } from './limits.ts';
import { reasonParts, verdictReasonParts, type TextPart } from './reason.ts';
import { linkSourceLines, type SourceLineBase } from './source-links.ts';
import { cpuOnly, definesOnly } from './cell-notes.ts';
import { runnerProps, type PreludeCell, type RunnerProps } from './runner.ts';

import { chapterBlocks, type Locale } from './blocks.ts';
import { documentDefinitions, pageImage, type Definitions, type ServedImages } from './doc-images.ts';
import { strings } from '../i18n/index.ts';

export type { Locale };

export interface CellProps {
  id: string;
  index: number;
  line: number;
  file: string;
  verdict: string;
  /** The verdict's reason as text (a badge's title). */
  reason: string;
  /** The same, as parts: settings reasons through the allow-list (code, emphasis), the rest as text. */
  reasonParts: TextPart[];
  acknowledged: string | null;
  acknowledgedParts: TextPart[] | null;
  diff: string | null;
  status: string | null;
  lines: { t: number; text: string; stream: string }[];
  stated: string[];
  virtualSeconds: number | null;
  cpuMs: number | null;
  timeline: Timeline | null;
  world: string[];
  partial: string | null;
  /** What was done to the block to run it (`gutter`, `autoawait`, ...): said on the page. */
  transforms: string[];
  /** The rules that read it (`fence:pycon`, `label:zh`, `timing:prose:en`): to trace a misreading. */
  readings: string[];
  error: string | null;
  /** It only defines these (nothing runs): said instead of "(no output)". */
  definesOnly: string[] | null;
  /** It computed without waiting: virtual time 0 beside a real cost, which the page explains. */
  cpuOnly: boolean;
  /** For runnable cells in the browser (src/emit/runner.ts). */
  runner: RunnerProps | null;
}

/** Output lines for the page: at most the kernel's cap, with a note of what was dropped. */
function pageLines(lines: CellProps['lines']): CellProps['lines'] {
  return capItems(lines, (l) => l.text + '\n', (n) => ({ t: lines.at(-1)!.t, text: droppedNotice(n), stream: 'stderr' }));
}

/** Where the lines of a source document are shown (the repository), or null: no links. */
export type SourceLines = (file: string) => SourceLineBase;

/** `pageCode`: the block's code as the page shows it (its translation on a translated page). */
export function cellProps(checked: CheckedCell, locale: Locale, sourceLines: SourceLines = () => null, pageCode?: string): CellProps {
  const { cell, run, verdict } = checked;
  const lineBase = sourceLines(cell.file);
  const lineUrl = (line: number) => (lineBase === null ? null : `${lineBase}${line}`);
  const lines = run
    ? [...outputLines(run.events, 'stdout').map((l) => ({ ...l, stream: 'stdout' })), ...outputLines(run.events, 'stderr').map((l) => ({ ...l, stream: 'stderr' }))].sort((a, b) => a.t - b.t)
    : [];
  const acknowledged = verdict.acknowledged ? verdict.acknowledged[locale] : null;
  return {
    id: cell.id, index: cell.index, line: cell.line, file: cell.file,
    verdict: verdict.verdict, reason: capText(reasonText(verdict.why, locale)),
    reasonParts: linkSourceLines(verdictReasonParts(verdict, locale).map((p) => ({ ...p, text: capText(p.text) })), locale, lineUrl),
    acknowledged, acknowledgedParts: acknowledged === null ? null : reasonParts(acknowledged),
    diff: verdict.diff === null ? null : capText(verdict.diff), status: run?.status ?? null, lines: pageLines(lines),
    stated: cell.stated.flatMap((s) => s.lines.map((l) => l.raw)),
    virtualSeconds: run?.virtualSeconds ?? null, cpuMs: run?.cpuMs ?? null,
    timeline: run && hasTimeline(run) ? timelineOf(run, locale) : null,
    world: (run?.world ?? []).map((w) => `${w.detail} (${w.fixture})`),
    partial: cell.partial ? strings[locale].cell.partialReason(cell.partial.fromLine, cell.partial.language) : null,
    transforms: cell.transforms.map((t) => t.kind),
    readings: [...new Set([cell.found, ...cell.stated.map((s) => s.found), ...cell.claims.map((c) => c.found), ...cell.announcements.map((a) => a.found)])],
    error: run?.error ? capText(`${run.error.ename}: ${run.error.evalue}`) : null,
    definesOnly: definesOnly(run, cell.runCode), cpuOnly: cpuOnly(run),
    runner: runnerProps(checked, lineBase, pageCode),
  };
}

/** URLs a page never links to, whoever wrote them: they run script or carry a document. */
const UNSAFE_URL = /^\s*(javascript|vbscript|data|file):/i;

/** How a page shows the document's images: the definitions its references use, and the served copies. */
export interface PageImages {
  definitions: Definitions;
  served: ServedImages;
}

/**
 * The document's own prose, made fit for an MDX page: raw HTML (a block, or inline in a paragraph)
 * is not valid JSX and is shown as the text it is; a link to a script URL becomes its source text;
 * an image is a remote one, a served copy, or text (doc-images.ts): never a path Astro imports.
 * The serialiser escapes every text node (see escape.ts).
 */
function safeNode(node: RootContent, images: PageImages): RootContent {
  if (node.type === 'html') return { type: 'paragraph', children: [textNode(node.value)] };
  if (node.type === 'yaml') return { type: 'paragraph', children: [] };
  visit(node, (child, index, parent) => {
    if (!parent || index === undefined) return;
    if (child.type === 'image' || child.type === 'imageReference') {
      (parent.children as RootContent[])[index] = pageImage(child, images.definitions, images.served);
      return SKIP;
    }
    let text: string | null = null;
    if (child.type === 'html') text = child.value;
    else if (child.type === 'link' && UNSAFE_URL.test(child.url)) text = `[${toString(child)}](${child.url})`;
    else if (child.type === 'definition' && UNSAFE_URL.test(child.url)) text = `[${child.label ?? child.identifier}]: ${child.url}`;
    if (text === null) return;
    (parent.children as RootContent[])[index] = child.type === 'definition' ? { type: 'paragraph', children: [textNode(text)] } : textNode(text) as RootContent;
    return SKIP;
  });
  return node;
}

/** A module path as a single-quoted ECMAScript string. */
export function quoted(path: string): string {
  return `'${path.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function fallbackNotice(locale: Locale): RootContent {
  return { type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'text', value: strings[locale].site.fallback }] }] };
}

/** A chapter's title in a locale: the translated heading when there is one. */
export function chapterTitle(markdown: string, chapter: Chapter, locale: Locale, translate: (key: string) => string | null, sourceLocale: Locale = 'ko'): string {
  if (locale === sourceLocale) return chapter.title;
  const tree = sharedTree(markdown);
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
export interface PageLinks {
  /** The chapter's notebook, for its download link. */
  notebookHref?: string;
  /** Earlier cells the page's runnable cells need (src/emit/runner.ts). */
  prelude?: PreludeCell[];
  /** Lines of the source document in the repository, for the reasons that name one. */
  sourceLines?: SourceLines;
  /** The documents' own language (default Korean, the guide's). */
  sourceLocale?: Locale;
  /** How the page imports a component (`Cell`): default the guide's layout, four folders up to src/components/. */
  componentImport?: (name: string) => string;
  /** The images' definitions and served copies (default: the document's definitions, no copies: every local image is text). */
  images?: PageImages;
}

export function chapterPage(markdown: string, chapter: Chapter, cells: CheckedCell[], locale: Locale,
  translate: (key: string) => string | null, links: PageLinks = {}): ChapterPage {
  const { notebookHref, prelude = [], sourceLines, sourceLocale = 'ko', componentImport = (name) => `../../../../components/${name}.astro` } = links;
  const { blocks, fallback } = chapterBlocks(markdown, chapter, cells, locale, translate, sourceLocale);
  const images = links.images ?? { definitions: documentDefinitions(markdown, null), served: () => null };
  const children: RootContent[] = [];
  for (const block of blocks) {
    children.push(...block.nodes.map((n) => safeNode(n, images)));
    if (block.cell) {
      const fence = block.nodes.find((n) => n.type === 'code');
      children.push(jsx('Cell', { data: jsonAttribute(cellProps(block.cell, locale, sourceLines, fence?.type === 'code' ? fence.value : undefined)), locale }));
    }
  }
  // The link and its icon are a component's (NotebookLink.astro), which keeps it out of the search index.
  const download = notebookHref ? [jsx('NotebookLink', { href: notebookHref, locale })] : [];
  const root: Root = { type: 'root', children: [
    { type: 'mdxjsEsm', value: `import Cell from ${quoted(componentImport('Cell'))};`, data: { estree: null } } as unknown as RootContent,
    ...(notebookHref ? [{ type: 'mdxjsEsm', value: `import NotebookLink from ${quoted(componentImport('NotebookLink'))};`, data: { estree: null } } as unknown as RootContent] : []),
    ...(fallback ? [fallbackNotice(locale)] : []),
    ...download,
    ...(prelude.length ? [jsx('div', { 'data-runner-prelude': jsonAttribute(prelude), hidden: '' })] : []),
    ...children,
  ] };
  const body = mdxSource(root);
  return { frontmatter: { title: chapter.title, sidebarOrder: chapter.index, ...(fallback ? { fallback: true } : {}) }, body };
}
