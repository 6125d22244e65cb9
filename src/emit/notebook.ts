// A chapter as a Jupyter notebook (nbformat 4.5): prose as Markdown cells, each python block as a
// code cell holding the outputs recorded at build time, in Jupyter's output shapes.
import type { Chapter } from '../source/model.ts';
import type { CheckedCell } from '../check/run.ts';
import type { CellRun } from '../kernel/types.ts';
import { chapterBlocks, type Locale } from './blocks.ts';
import { markdownSource, plainText, textNode } from './escape.ts';
import { capItems, capText, droppedNotice } from './limits.ts';

type Output =
  | { output_type: 'stream'; name: 'stdout' | 'stderr'; text: string[] }
  | { output_type: 'execute_result'; execution_count: number; data: { 'text/plain': string[] }; metadata: Record<string, never> }
  | { output_type: 'error'; ename: string; evalue: string; traceback: string[] };

function lines(text: string): string[] {
  return text.split(/(?<=\n)/).filter((l) => l !== '');
}

/**
 * What the snippet wrote is plain text in every output (no text/html or text/markdown bundle), with
 * no terminal escapes (Jupyter renders ANSI colours and OSC 8 links in streams and tracebacks), and
 * no more than the kernel keeps of a cell's output.
 */
function output(text: string): string[] {
  return lines(plainText(capText(text)));
}

export function notebookOutputs(run: CellRun | null, count: number): Output[] {
  if (!run) return [];
  const streams: { name: 'stdout' | 'stderr'; text: string }[] = [];
  for (const event of run.events) {
    const last = streams.at(-1);
    if (last?.name === event.stream) last.text += event.text;
    else streams.push({ name: event.stream, text: event.text });
  }
  const outputs: Output[] = streams.map((s) => ({ output_type: 'stream', name: s.name, text: output(s.text) }));
  if (run.result) outputs.push({ output_type: 'execute_result', execution_count: count, data: { 'text/plain': output(run.result['text/plain']) }, metadata: {} });
  if (run.error) {
    const { ename, evalue, traceback } = run.error;
    outputs.push({ output_type: 'error', ename: plainText(ename), evalue: plainText(capText(evalue)), traceback: capItems(traceback, (l) => l, droppedNotice).map(plainText) });
  }
  return outputs;
}

export function chapterNotebook(markdown: string, chapter: Chapter, title: string, cells: CheckedCell[], locale: Locale,
  translate: (key: string) => string | null): object {
  const { blocks } = chapterBlocks(markdown, chapter, cells, locale, translate);
  // The title is text (a front matter title is not Markdown): a heading of one text node.
  const heading = markdownSource({ type: 'root', children: [{ type: 'heading', depth: 1, children: [textNode(title)] }] });
  const nbCells: object[] = [{ cell_type: 'markdown', id: 'title', metadata: {}, source: lines(heading) }];
  let prose: string[] = [];
  let count = 0;
  const flush = () => {
    const text = prose.join('\n\n').trim();
    if (text) nbCells.push({ cell_type: 'markdown', id: `md-${nbCells.length}`, metadata: {}, source: lines(text + '\n') });
    prose = [];
  };
  for (const block of blocks) {
    if (!block.cell) {
      if (block.markdown.trim()) prose.push(block.markdown);
      continue;
    }
    flush();
    const { cell, run, verdict } = block.cell;
    count += run ? 1 : 0;
    const code = block.markdown.replace(/^```[^\n]*\n/, '').replace(/\n?```\s*$/, '');
    nbCells.push({
      cell_type: 'code',
      id: cell.key,
      execution_count: run ? count : null,
      metadata: { tags: [`verdict-${verdict.verdict}`], asyncio_guide: { cell: cell.id, verdict: verdict.verdict, virtualSeconds: run?.virtualSeconds ?? null } },
      source: lines(code),
      outputs: notebookOutputs(run, count),
    });
  }
  flush();
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' },
      language_info: { name: 'python', version: '3.14' },
      asyncio_guide: { note: 'Outputs recorded in CPython 3.14 (Pyodide) on a virtual clock.' },
    },
    cells: nbCells,
  };
}
