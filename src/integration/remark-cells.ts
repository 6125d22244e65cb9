// The remark plugin of a Starlight site's own pages: each checked python block is followed by the
// same <Cell> the generated pages carry (src/emit/mdx.ts `cellProps`), so the page shows the real
// output, the verdict badge, the reason or diff, the timeline and the runnable cell. On an MDX page
// the element itself is added; a `.md` page cannot hold a component, so it gets a placeholder that
// the site's MarkdownContent replaces by the component (src/integration/placeholder.ts).
// A block is matched to its cell by its code, in reading order: the page's text as the content
// layer hands it over has no frontmatter, so the lines the check counted do not apply. Everything
// from a snippet travels as JSON inside an attribute, which the component renders as text.
import type { Code, Parent, Root, RootContent } from 'mdast';
import { resolve } from 'node:path';
import { visit, SKIP } from 'unist-util-visit';
import type { CheckedCell } from '../check/run.ts';
import { cellProps, quoted, type Locale, type SourceLines } from '../emit/mdx.ts';
import { jsonAttribute, jsxElement } from '../emit/escape.ts';
import { placeholderHtml } from './placeholder.ts';

/** What the check found on one page. */
export interface PageCells {
  cells: CheckedCell[];
  locale: Locale;
  sourceLines?: SourceLines;
}

export interface RemarkCellsOptions {
  /** The checked cells of a page, by the page's absolute path (checked again when it changed). */
  cellsOf: (file: string) => PageCells | undefined | Promise<PageCells | undefined>;
  /** The module MDX pages import the component from (the package's Cell.astro). */
  cellModule: string;
}

/** What the content layer tells a remark plugin of the page it renders. */
interface PageFile {
  path?: string;
  history?: string[];
}

/** The page's absolute path: `file.path`, else the first name in its history. */
export function pageFileOf(file: PageFile | undefined): string | null {
  const name = file?.path ?? file?.history?.[0];
  return typeof name === 'string' && name !== '' ? resolve(name) : null;
}

export const sameCode = (a: string, b: string) => a.replace(/\s+$/, '') === b.replace(/\s+$/, '');

/** The page's code blocks and the cells they are, in reading order (a block matches the next cell with its code). */
export function matchBlocks(tree: Root, cells: CheckedCell[]): { parent: Parent; node: Code; cell: CheckedCell }[] {
  const matched: { parent: Parent; node: Code; cell: CheckedCell }[] = [];
  let next = 0;
  visit(tree, 'code', (node: Code, _index, parent) => {
    if (!parent) return;
    const at = cells.findIndex((c, i) => i >= next && sameCode(c.cell.code, node.value));
    if (at < 0) return;
    next = at + 1;
    matched.push({ parent, node, cell: cells[at]! });
    return SKIP;
  });
  return matched;
}

const isCellElement = (node: RootContent | undefined) =>
  (node as { type?: string; name?: string } | undefined)?.type === 'mdxJsxFlowElement' && (node as { name?: string }).name === 'Cell';

/** What follows a checked block: the component on an MDX page, its placeholder on a Markdown one. */
export function cellNode(cell: CheckedCell, page: PageCells, mdx: boolean): RootContent {
  const data = jsonAttribute(cellProps(cell, page.locale, page.sourceLines));
  return mdx ? jsxElement('Cell', { data, locale: page.locale }) : { type: 'html', value: placeholderHtml({ data, locale: page.locale }) };
}

/** Adds the cells to one page's tree; returns how many were added. */
export function addCells(tree: Root, file: string, page: PageCells, cellModule: string): number {
  const mdx = file.endsWith('.mdx');
  let added = 0;
  for (const { parent, node, cell } of matchBlocks(tree, page.cells)) {
    const at = parent.children.indexOf(node as RootContent);
    // A generated page already has its <Cell> after each block.
    if (isCellElement(parent.children[at + 1] as RootContent | undefined)) continue;
    parent.children.splice(at + 1, 0, cellNode(cell, page, mdx) as never);
    added++;
  }
  if (added > 0 && mdx) tree.children.unshift(cellImport(cellModule));
  return added;
}

/**
 * `import Cell from '<module>'` as MDX's compiler needs it after parsing: with its ESTree program
 * (a node added by a remark plugin is not parsed again).
 */
export function cellImport(module: string): RootContent {
  const estree = {
    type: 'Program', sourceType: 'module', body: [{
      type: 'ImportDeclaration',
      specifiers: [{ type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name: 'Cell' } }],
      source: { type: 'Literal', value: module, raw: quoted(module) },
      attributes: [],
    }],
  };
  return { type: 'mdxjsEsm', value: `import Cell from ${quoted(module)};`, data: { estree } } as unknown as RootContent;
}

/** The unified plugin: `remarkPlugins: [[remarkCells, options]]`. */
export function remarkCells(options: RemarkCellsOptions) {
  return async (tree: Root, file: PageFile) => {
    const path = pageFileOf(file);
    if (path === null) return;
    const page = await options.cellsOf(path);
    if (page && page.cells.length > 0) addCells(tree, path, page, options.cellModule);
  };
}
