// The same cells for Sätteri, Astro's default Markdown processor: an mdast plugin that, for each
// page it compiles, asks for the page's checked cells before the tree is visited, then adds the
// cell after each python block it matches (by its code, in reading order, as remark-cells.ts does)
// and, on an MDX page, the component's import.
import { fileURLToPath } from 'node:url';
import type { Code, RootContent } from 'mdast';
import type { CheckedCell } from '../check/run.ts';
import { quoted } from '../emit/mdx.ts';
import { cellNode, sameCode, type PageCells, type RemarkCellsOptions } from './remark-cells.ts';

/** What Sätteri tells a plugin factory about the page it is about to compile. */
interface FactoryContext {
  fileURL: URL | undefined;
  sourceFormat: string;
}

interface VisitorContext {
  insertAfter(node: unknown, content: unknown): void;
  prependChild(node: unknown, content: unknown): void;
}

/** `processor.options.mdastPlugins.push(satteriCells(options))`. */
export function satteriCells(options: RemarkCellsOptions) {
  return (factory: FactoryContext) => {
    if (!factory.fileURL || factory.fileURL.protocol !== 'file:') return null;
    const file = fileURLToPath(factory.fileURL);
    const mdx = factory.sourceFormat === 'mdx';
    let page: PageCells | undefined;
    let cells: CheckedCell[] = [];
    let next = 0;
    let added = 0;
    return {
      name: 'execdocs-cells',
      before: async () => {
        page = await options.cellsOf(file);
        cells = page?.cells ?? [];
      },
      code: (node: Code, ctx: VisitorContext) => {
        if (!page) return;
        const at = cells.findIndex((c, i) => i >= next && sameCode(c.cell.code, node.value));
        if (at < 0) return;
        next = at + 1;
        ctx.insertAfter(node, cellNode(cells[at]!, page, mdx) as RootContent);
        added++;
      },
      after: (root: unknown, ctx: VisitorContext) => {
        if (mdx && added > 0) ctx.prependChild(root, { raw: `import Cell from ${quoted(options.cellModule)};\n` });
      },
    };
  };
}
