// Markdown file -> document model: chapters, cells (every Python block, in any of the forms
// fences.ts finds), stated outputs, claims, announcements, and what was done to a block to run it.
import { createHash } from 'node:crypto';
import type { Code, Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { LineCounter, parseDocument as parseYamlDocument } from 'yaml';
import { parseMarkdown } from './markdown.ts';
import { chapterAt, splitChapters } from './chapters.ts';
import { commentBlocks, fenceAfter, outputLabel, printValues, statedLine, trailingStringOutput } from './stated.ts';
import { findPhrase } from './phrasebook.ts';
import { liquidAsFences, noRunMarker, pythonForm, stripGutter, unclosedFences } from './fences.ts';
import { inlineOutput, looksLikePython } from './inline-output.ts';
import { announcements, codeWords, proseTiming, surroundingProse } from './prose.ts';
import { proseOrder } from './prose-order.ts';
import { scriptEvidence } from './script-form.ts';
import { pageFragments } from './fragments.ts';
import { isAsyncioRepl, parseTranscript, transcriptProgram } from './transcript.ts';
import { hasEntryPoint, placeholders, readsInput, serverShownElsewhere, usesTopLevelAwait } from './traits.ts';
import { errorCues, timingClaims } from './claims.ts';
import { checkLanguage } from './language.ts';
import { eventTables } from './events.ts';
import type { Announcement, Cell, DocumentProblem, SourceDocument, StatedOutput, Transform } from './model.ts';

export function documentSlug(file: string): string {
  return file.split('/').pop()!.replace(/\.(md|markdown|mdx)$/i, '');
}

/** The title from the front matter, else the first heading; and what is wrong with the front matter. */
function titleOf(tree: Root, fallback: string): { title: string; problems: DocumentProblem[] } {
  const problems: DocumentProblem[] = [];
  const front = tree.children.find((n) => n.type === 'yaml');
  if (front && 'value' in front) {
    const counter = new LineCounter();
    const doc = parseYamlDocument(String(front.value), { lineCounter: counter });
    // The YAML starts on the line after the opening `---`.
    const offset = (front.position?.start.line ?? 1);
    if (doc.errors.length > 0) {
      for (const error of doc.errors) problems.push({ code: 'bad-front-matter', line: offset + (error.linePos?.[0].line ?? 1), args: [`invalid front matter: ${error.message.split('\n')[0]}`] });
    } else {
      const data = doc.toJSON() as { title?: unknown } | null;
      if (data && typeof data.title === 'string') return { title: data.title, problems };
      if (data && data.title !== undefined) problems.push({ code: 'bad-front-matter', line: offset + 1, args: ['front matter: `title` must be a string'] });
    }
  }
  const h1 = tree.children.find((n): n is Heading => n.type === 'heading' && n.depth === 1);
  return { title: h1 ? toString(h1).trim() : fallback, problems };
}

export function cellKey(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex').slice(0, 8);
}

/** A python fence right after an output label that follows a cell, holding output: not a cell. */
function isOutputInPythonFence(siblings: RootContent[], index: number, code: string): boolean {
  if (!outputLabel(siblings[index - 1]) || siblings[index - 2]?.type !== 'code') return false;
  const lines = code.split('\n').filter((l) => l.trim());
  return lines.length > 0 && lines.filter((l) => !looksLikePython(l)).length >= lines.length / 2;
}

const FRAME = /^\s*File "[^"]+", line \d+/;

function statedTraceback(stated: StatedOutput[], sourceLine: number): Announcement | null {
  for (const s of stated) {
    const last = s.lines.at(-1)?.text ?? '';
    const header = s.lines.some((l) => /^Traceback \(most recent call last\):/.test(l.text.trim()));
    const final = /^([A-Z]\w*(?:Error|Exception|Group|Interrupt|Exit))(:|$)/.exec(last.trim());
    // A SyntaxError of a file has no header: its frame (`File "main.py", line 3`), the line, a caret.
    const frame = final !== null && s.lines.some((l) => FRAME.test(l.text));
    if (header || frame || (final && s.lines.length <= 3 && /Error|Exception/.test(final[1]!))) {
      return { kind: 'error', ename: final?.[1] ?? null, text: last.trim(), sourceLine: s.lines.at(-1)?.sourceLine ?? sourceLine, found: 'stated-traceback', firm: true };
    }
  }
  return null;
}

export function parseDocument(original: string, file: string): SourceDocument {
  const { markdown } = liquidAsFences(original);
  const tree = parseMarkdown(markdown);
  const slug = documentSlug(file);
  const { title, problems } = titleOf(tree, slug);
  const chapters = splitChapters(tree, markdown, title);
  const cells: Cell[] = [];
  const seenKeys = new Map<string, number>();
  const server = serverShownElsewhere(tree);
  const liquidLines = new Set(liquidAsFences(original).lines);

  visit(tree, 'code', (node: Code, index, parent) => {
    if (!node.position) return;
    const shape = pythonForm(node.lang, node.value);
    if (!shape) return;
    const siblings = parent && index !== undefined ? parent.children : [];
    if (parent && index !== undefined && isOutputInPythonFence(siblings as RootContent[], index, node.value)) return;
    const line = node.position.start.line;
    // The code starts on the line after the fence (a fence inside a list item or quote too).
    const codeStart = line + 1;
    const code = node.value;
    const base = cellKey(code);
    const count = (seenKeys.get(base) ?? 0) + 1;
    seenKeys.set(base, count);
    const key = count === 1 ? base : `${base}-${count}`;
    const transforms: Transform[] = [];
    let source = code;
    const gutter = stripGutter(source);
    if (gutter) {
      source = gutter.code;
      transforms.push({ kind: 'gutter', note: `line numbers copied with the code were removed before running (${gutter.lines} lines)` });
    }
    const found = liquidLines.has(line) ? `liquid:${shape.tag.replace(/^fence:/, '')}` : shape.tag;
    const prose = parent && index !== undefined ? surroundingProse(siblings as RootContent[], index) : [];
    const words = codeWords(source, codeStart);
    const announced = [...announcements(prose, 'prose'), ...announcements(words.comments, 'comment'), ...announcements(words.docstrings, 'docstring')];
    const common = {
      id: `${slug}/${key}`, key, document: slug, file, line, index: cells.length + 1,
      chapter: chapterAt(chapters, line).slug, lang: 'python', code, found, transforms,
      serverElsewhere: server, noRun: noRunMarker(node.lang, node.meta),
    };

    if (shape.form === 'transcript') {
      const examples = parseTranscript(source, codeStart);
      const program = transcriptProgram(examples);
      transforms.push({ kind: 'transcript', note: `an interactive session: each of its ${examples.length} statements runs in turn and is compared with what the session shows after it${isAsyncioRepl(source) ? ' (top-level await, as in `python -m asyncio`)' : ''}` });
      const traceback = examples.map((e) => statedTraceback([{ kind: 'output', lines: e.expected, unordered: false, sourceLine: e.sourceLine, found: 'repl' }], e.sourceLine)).find(Boolean);
      cells.push({
        ...common, notPython: null, runCode: program, partial: null, stated: [], claims: [], errorCues: errorCues(program),
        eventTables: [], form: 'transcript', examples, announcements: traceback ? [...announced, traceback] : announced,
        topLevelAwait: usesTopLevelAwait(program) || isAsyncioRepl(source), readsInput: readsInput(program),
        illustration: { placeholders: [], entryPoint: true, excerpt: false, pseudo: null },
      });
      return;
    }

    const language = checkLanguage(source);
    let runCode = language.runCode;
    const stated: StatedOutput[] = [];
    const inline = language.notPython ? null : inlineOutput(runCode);
    if (inline) {
      const codeLines = runCode.split('\n');
      runCode = codeLines.slice(0, inline.fromLine).join('\n').trimEnd() + '\n';
      stated.push({
        kind: 'output', lines: inline.lines.map((l) => statedLine(l.text, codeStart + l.index)), unordered: false,
        sourceLine: codeStart + inline.fromLine, found: inline.found, ...(inline.found === 'inline:tail' ? { candidate: true } : {}),
      });
      transforms.push({ kind: 'inline-output', note: `lines ${inline.fromLine + 1}-${codeLines.length} of the block are its output, not code: they are compared, not run` });
    }
    const trailing = trailingStringOutput(runCode || source, codeStart);
    stated.unshift(...commentBlocks(runCode || source, codeStart), ...printValues(runCode || source, codeStart), ...(trailing ? [trailing] : []));
    const after = parent && index !== undefined ? fenceAfter(siblings as RootContent[], index) : null;
    if (after) stated.push(after);
    const script = parent && index !== undefined ? scriptEvidence(siblings as RootContent[], index, prose, stated) : null;
    const awaitsOutside = !language.notPython && usesTopLevelAwait(runCode);
    // A file the document runs (`python main.py`) cannot await outside a function: CPython refuses to compile it.
    const topLevelAwait = awaitsOutside && script === null;
    if (topLevelAwait) transforms.push({ kind: 'autoawait', note: 'uses `await` outside a function: it runs as Jupyter and IPython run it (top-level await)' });
    if (awaitsOutside && script !== null) transforms.push({ kind: 'script', note: `the document runs it as a file (${script}): it is compiled as CPython compiles a file, where \`await\` outside a function is a SyntaxError` });
    const traceback = statedTraceback(stated, codeStart);
    const claims = language.notPython ? [] : [...timingClaims(runCode, codeStart, stated), ...proseTiming(prose), ...proseOrder(prose)];
    cells.push({
      ...common,
      notPython: language.notPython,
      runCode,
      partial: language.partial,
      stated,
      claims,
      errorCues: errorCues(source),
      eventTables: language.notPython ? [] : eventTables(runCode, codeStart),
      form: 'script',
      examples: [],
      announcements: traceback ? [...announced, traceback] : announced,
      topLevelAwait,
      script,
      readsInput: readsInput(runCode),
      illustration: {
        placeholders: placeholders(runCode), entryPoint: hasEntryPoint(runCode),
        excerpt: prose.some((p) => p.where === 'before' && findPhrase(p.text, 'excerptWords') !== null),
        pseudo: prose.map((p) => findPhrase(p.text, 'pseudoWords')?.phrase ?? null).find((w) => w !== null) ?? null,
      },
    });
  });

  // Fragments are judged against the whole page: a name one block uses may be bound by another.
  const python = cells.filter((c) => !c.notPython);
  pageFragments(python.map((c) => c.runCode)).forEach((unbound, i) => { python[i]!.illustration.unbound = unbound; });

  // A fence never closed swallows the rest of the document: its blocks would be "checked" as code.
  for (const open of unclosedFences(tree, markdown)) {
    const cell = cells.find((c) => c.line === open.line);
    problems.push({ code: 'unclosed-fence', line: open.line, ...(cell ? { cell: cell.key } : {}), args: [open.fence, open.lines] });
  }
  return { slug, file, title, markdown, chapters, cells, problems };
}
