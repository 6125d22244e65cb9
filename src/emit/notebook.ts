// A chapter as a Jupyter notebook (nbformat 4.5): prose as Markdown cells, each python block as a
// code cell holding the outputs recorded at build time, in Jupyter's output shapes. The notebook
// runs top to bottom in real Jupyter (see notebook-jupyter.ts for what that takes); every change
// made for that is said in a Markdown cell beside it, in the notebook's language.
import type { Chapter } from '../source/model.ts';
import type { CheckedCell } from '../check/run.ts';
import type { CellRun } from '../kernel/types.ts';
import type { PhrasingContent, RootContent } from 'mdast';
import { chapterBlocks, type Locale } from './blocks.ts';
import { markdownSource, plainText, textNode } from './escape.ts';
import { capItems, capText, droppedNotice } from './limits.ts';
import { erratumParts, phrasingOf, verdictReasonParts } from './reason.ts';
import { jupyterCode, jupyterPlan, type StaticWhy } from './notebook-jupyter.ts';

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

const TEXT = {
  ko: {
    prelude: (names: string) => `이 장의 코드는 앞 장에서 정의한 이름(${names})을 씁니다. 노트북을 위에서부터 차례로 실행할 수 있도록, 그 이름을 정의하는 앞 장의 코드를 먼저 싣습니다.`,
    preludeImports: '(앞 장의 셀 중 이 장에 필요한 import 문만 실었습니다.)',
    awaitNote: 'Jupyter에서는 이벤트 루프가 이미 돌고 있어서 `asyncio.run()`을 부르면 RuntimeError(asyncio.run() cannot be called from a running event loop)가 납니다. 그래서 다음 셀에서는 그 호출을 최상위 `await`로 바꿨습니다(IPython과 Jupyter가 지원합니다). 원래 코드는 이렇습니다:',
    raises: '이 셀은 빌드에서도 예외를 냈습니다. 노트북을 끝까지 실행할 수 있도록 `raises-exception` 태그를 붙였습니다.',
    partial: (line: number, reason: string) => `원래 블록의 ${line}번째 줄부터는 Python으로 실행하지 않습니다(${reason}). 다음 코드 셀에는 실행되는 부분만 담았고, 나머지는 이렇습니다:`,
    erratum: '정오표: ',
    staticLead: '이 블록은 노트북에서 실행하지 않고 코드로만 보여 줍니다. ',
    why: {
      'not-run': '빌드에서도 실행하지 않은 블록입니다. ',
      hangs: '끝나지 않는 코드입니다(빌드에서 멈춤으로 판정). ',
      world: (kinds: string) => `사이트의 시뮬레이션된 세계(${kinds})를 씁니다. 실제 Jupyter에서는 그 주소와 데이터에 닿을 수 없습니다. `,
      transcript: '대화형 세션(>>> 프롬프트)을 옮긴 블록입니다. ',
      depends: (names: string) => `실행하지 않는 셀이 정의하는 이름(${names})을 씁니다. `,
      'asyncio-run': (line: number) => `${line}번째 줄의 asyncio.run() 호출을 최상위 await로 바꿀 수 없습니다(Jupyter의 이벤트 루프 안에서는 asyncio.run()을 부를 수 없습니다). `,
    },
    kinds: { http: '네트워크', db: '데이터베이스', file: '파일', app: '웹 앱' } as Record<string, string>,
    recorded: '빌드에서 기록된 출력:',
  },
  en: {
    prelude: (names: string) => `This chapter's code uses names defined in earlier chapters (${names}). So that the notebook runs from top to bottom, the earlier code that defines them comes first.`,
    preludeImports: '(Only the import statements this chapter needs from the earlier cells.)',
    awaitNote: 'In Jupyter an event loop is already running, so calling `asyncio.run()` raises RuntimeError (asyncio.run() cannot be called from a running event loop). The next cell therefore uses top-level `await` instead (IPython and Jupyter support it). The original code:',
    raises: 'This cell raised at build time too: it carries the `raises-exception` tag so that the notebook runs to the end.',
    partial: (line: number, reason: string) => `From line ${line} on, the original block is not run as Python (${reason}). The next code cell holds the part that runs; the rest is:`,
    erratum: 'Erratum: ',
    staticLead: 'The notebook shows this block as code and does not run it. ',
    why: {
      'not-run': 'It was not run at build time either. ',
      hangs: 'It never ends (the build judged that it hangs). ',
      world: (kinds: string) => `It uses the site's simulated world (${kinds}), which real Jupyter cannot reach. `,
      transcript: 'It is an interactive session (>>> prompts). ',
      depends: (names: string) => `It uses names (${names}) that only cells the notebook does not run define. `,
      'asyncio-run': (line: number) => `Its asyncio.run() call on line ${line} cannot be rewritten as top-level await (asyncio.run() cannot be called inside Jupyter's event loop). `,
    },
    kinds: { http: 'network', db: 'database', file: 'files', app: 'web app' } as Record<string, string>,
    recorded: 'Output recorded at build time:',
  },
};

type Block = RootContent;
const paragraph = (...children: PhrasingContent[]): Block => ({ type: 'paragraph', children });
const codeBlock = (value: string, lang: string | null): Block => ({ type: 'code', lang, value: value.replace(/\n$/, '') });
/** Our sentences may hold code spans written as `x`; what comes from the document is text. */
function sentence(text: string): PhrasingContent[] {
  return text.split(/(`[^`]+`)/).filter(Boolean).map((part) => (part.startsWith('`') && part.endsWith('`') ? { type: 'inlineCode', value: part.slice(1, -1) } : textNode(part)));
}

function whyText(why: StaticWhy, locale: Locale): string {
  const t = TEXT[locale].why;
  switch (why.code) {
    case 'world': return t.world(why.kinds.map((k) => TEXT[locale].kinds[k] ?? k).join(', '));
    case 'depends': return t.depends(why.names.join(', '));
    case 'asyncio-run': return t['asyncio-run'](why.line);
    default: return t[why.code];
  }
}

/** The text of the streams a run recorded (for a block the notebook shows as code only). */
function recordedText(run: CellRun): string {
  const text = run.events.map((e) => e.text).join('') + (run.result ? `${run.result['text/plain']}\n` : '') + (run.error ? `${run.error.ename}: ${run.error.evalue}\n` : '');
  return plainText(capText(text));
}

export interface NotebookOptions {
  /**
   * Every cell of the document, in order (the chapter's among them): the notebook repeats the
   * earlier chapters' cells its own need, as the page does in the browser. Without it the notebook
   * holds only the chapter's cells.
   */
  documentCells?: CheckedCell[];
  /** The documents' own language (default Korean, the guide's). */
  sourceLocale?: Locale;
}

export function chapterNotebook(markdown: string, chapter: Chapter, title: string, cells: CheckedCell[], locale: Locale,
  translate: (key: string) => string | null, options: NotebookOptions = {}): object {
  const { blocks } = chapterBlocks(markdown, chapter, cells, locale, translate, options.sourceLocale);
  const t = TEXT[locale];
  const documentCells = options.documentCells ?? cells;
  const plan = jupyterPlan(documentCells, chapter.slug);
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
  // Our own Markdown cells are trees: what they quote from the document is text or a code block.
  const note = (id: string, children: Block[], meta: Record<string, unknown> = {}) => {
    nbCells.push({ cell_type: 'markdown', id, metadata: { asyncio_guide: meta }, source: lines(markdownSource({ type: 'root', children })) });
  };
  if (plan.prelude.length > 0) {
    const names = [...new Set(plan.prelude.flatMap((p) => p.provides))].sort().join(', ');
    const imports = plan.prelude.every((p) => p.importsOnly);
    note('prelude', [paragraph(...sentence(t.prelude(names)), ...(imports ? [textNode(' '), ...sentence(t.preludeImports)] : []))], { note: 'prelude' });
    plan.prelude.forEach((p, i) => {
      nbCells.push({
        cell_type: 'code',
        id: `prelude-${i + 1}`,
        execution_count: null,
        metadata: { tags: ['prelude'], asyncio_guide: { prelude: p.cell.cell.id, chapter: p.cell.cell.chapter, provides: p.provides, importsOnly: p.importsOnly } },
        source: lines(p.code),
        outputs: [],
      });
    });
  }
  for (const block of blocks) {
    if (!block.cell) {
      if (block.markdown.trim()) prose.push(block.markdown);
      continue;
    }
    flush();
    const { cell, run, verdict } = block.cell;
    const mode = plan.modes.get(cell.id) ?? { kind: 'static', why: { code: 'not-run' } };
    const shown = block.markdown.replace(/^(`{3,}|~{3,})[^\n]*\n/, '').replace(/\n?(`{3,}|~{3,})\s*$/, '');
    const meta = { cell: cell.id, verdict: verdict.verdict, virtualSeconds: run?.virtualSeconds ?? null };
    if (mode.kind === 'static') {
      // A block the build did not run says why, in the check's words (a settings reason may use the
      // allow-listed Markdown, src/emit/reason.ts).
      const reason = mode.why.code === 'not-run' ? phrasingOf(verdictReasonParts(verdict, locale)) : [];
      const children: Block[] = [paragraph(...sentence((t.staticLead + whyText(mode.why, locale)).trim()), ...(reason.length ? [textNode(' '), ...reason] : []))];
      children.push(codeBlock(shown, 'python'));
      if (run) {
        const recorded = recordedText(run);
        if (recorded.trim()) children.push(paragraph(textNode(t.recorded)), codeBlock(recorded, 'text'));
      }
      note(cell.key, children, { ...meta, jupyter: 'not-run', why: mode.why.code });
    } else {
      count += 1;
      // What runs is what ran at build time; the page's (translated) text of the block when that is
      // the same code, else the code the kernel ran (a block only partly Python, a transformed one).
      const same = cell.runCode.replace(/\n+$/, '') === cell.code.replace(/\n+$/, '');
      const source = same ? shown : cell.runCode;
      if (cell.partial) {
        const rest = cell.code.split('\n').slice(cell.partial.fromLine - 1).join('\n').replace(/^\s*\n/, '');
        note(`${cell.key}-partial`, [paragraph(...sentence(t.partial(cell.partial.fromLine, cell.partial.reason))), codeBlock(rest, null)], { note: 'partial', cell: cell.id });
      }
      const jupyter = jupyterCode(source);
      if (jupyter.changed.length > 0) {
        note(`${cell.key}-await`, [paragraph(...sentence(t.awaitNote)), codeBlock(jupyter.changed.map((c) => c.before).join('\n'), 'python')], { note: 'await', cell: cell.id });
      }
      const tags = [`verdict-${verdict.verdict}`, ...(mode.raises ? ['raises-exception'] : [])];
      nbCells.push({
        cell_type: 'code',
        id: cell.key,
        execution_count: count,
        metadata: { tags, asyncio_guide: { ...meta, ...(jupyter.changed.length ? { rewritten: 'asyncio.run -> await' } : {}) } },
        source: lines(jupyter.code),
        outputs: notebookOutputs(run, count),
      });
      if (mode.raises) note(`${cell.key}-raises`, [paragraph(...sentence(t.raises))], { note: 'raises', cell: cell.id });
    }
    if (verdict.acknowledged) {
      note(`${cell.key}-erratum`, [paragraph({ type: 'strong', children: [textNode(t.erratum.trim())] }, textNode(' '), ...phrasingOf(erratumParts(verdict, locale)))], { erratum: cell.id });
    }
  }
  flush();
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' },
      language_info: { name: 'python', version: '3.14' },
      asyncio_guide: { note: 'Outputs recorded in CPython 3.14 (Pyodide) on a virtual clock. Cells tagged raises-exception raised at build time; blocks shown as Markdown code were not run here (see the note above each).' },
    },
    cells: nbCells,
  };
}
