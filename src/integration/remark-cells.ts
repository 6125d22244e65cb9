// The remark plugin of a Starlight site's own pages: each ```python block of a checked page is
// followed by the same <Cell> element the generated pages carry (src/emit/mdx.ts `cellProps`), so
// the page shows the real output, the verdict badge, the reason or diff, the timeline and the
// runnable cell. A block is found by its file and the line of its opening fence: the identity the
// check gives its cells. Everything from a snippet travels inside the element's JSON attribute
// (`jsonAttribute`), which the component renders as text.
import type { Code, Root, RootContent } from 'mdast';
import { resolve } from 'node:path';
import type { CheckedCell } from '../check/run.ts';
import { cellProps, quoted, type Locale } from '../emit/mdx.ts';
import { jsonAttribute, jsxElement } from '../emit/escape.ts';

export interface RemarkCellsOptions {
  /** The checked cells of each page, by the page's absolute path. */
  cellsOf: (file: string) => CheckedCell[] | undefined;
  /** The module the pages import the component from (the package's Cell.astro). */
  cellModule: string;
  locale: Locale;
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

/**
 * Adds the cells to one page's tree; returns how many were added. Only MDX pages can carry the
 * component: a `.md` page is left as it is (its blocks keep Starlight's rendering). A generated page
 * holds no plain python fence next to a <Cell> twice: a block already followed by a <Cell> is skipped.
 */
export function addCells(tree: Root, file: string, options: RemarkCellsOptions): number {
  if (!file.endsWith('.mdx')) return 0;
  const cells = options.cellsOf(file);
  if (!cells || cells.length === 0) return 0;
  const byLine = new Map(cells.map((c) => [c.cell.line, c]));
  const children: RootContent[] = [];
  let added = 0;
  tree.children.forEach((node, i) => {
    children.push(node);
    if (node.type !== 'code' || (node as Code).lang !== 'python') return;
    const next = tree.children[i + 1] as { type: string; name?: string } | undefined;
    if (next?.type === 'mdxJsxFlowElement' && next.name === 'Cell') return;
    const checked = byLine.get(node.position?.start.line ?? -1);
    if (!checked) return;
    children.push(jsxElement('Cell', { data: jsonAttribute(cellProps(checked, options.locale)), locale: options.locale }));
    added++;
  });
  if (added === 0) return 0;
  tree.children = [cellImport(options.cellModule), ...children];
  return added;
}

/**
 * `import Cell from '<module>'` as MDX's compiler needs it after parsing: with its ESTree program
 * (a node added by a remark plugin is not parsed again).
 */
function cellImport(module: string): RootContent {
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
  return (tree: Root, file: PageFile) => {
    const page = pageFileOf(file);
    if (page !== null) addCells(tree, page, options);
  };
}
