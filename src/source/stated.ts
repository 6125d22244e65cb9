// Stated outputs: every way the documents say what a snippet prints.
//  - a comment block in the code: `# 출력:`, `### 输出结果:`, `# Output:`, `# prints:`, then comment
//    lines; runs of `#>>> Alice` or `# => 42` lines
//  - a label (`출력:`, `#### 실행 결과`, `**Output**`, "... you get the following output:") before an
//    output fence; an unlabelled output fence right after the code is a candidate, taken when its
//    lines align with the run (see check/align.ts)
//  - a trailing comment after a print call that fits the print's template (`print(x)  # [1, 2]`)
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { StatedKind, StatedLine, StatedOutput } from './model.ts';
import { isEllipsisLine, stripTimingAnnotation } from './annotations.ts';
import { allPhrases, alternation, findPhrase, scriptLanguage } from './phrasebook.ts';
import { hasOwnWords, leadingLiteral, printTemplate, templatePattern, trailingComment } from './print-template.ts';
import { appearAnnotation, matchTotal } from './claims.ts';
import { looksLikePython } from './inline-output.ts';

// Text after a label's colon that is the document's own timing (`# 결과: 총 1초 소요`), not a printed
// line: it starts with the time. A line that only contains one (`# Output: fetched, took 3 s`,
// `# 输出: 任务B完成，耗时3s`) is what the program prints.
const TIMING_TEXT = /^(총|약|about|around|~|大约|约|約|合計|总共|一共)?\s*\d+(\.\d+)?\s*(초|秒|s\b|sec|seconds?)/iu;
const LABEL_WORDS = alternation([...allPhrases('outputLabels'), ...allPhrases('orderLabels')]);
const ORDER_WORDS = new RegExp(alternation(allPhrases('orderLabels')), 'iu');
const UNORDERED = new RegExp(alternation(allPhrases('unordered')), 'iu');
// `# 출력:`, `### 输出结果:`, `# Output (순서 무관):`, `# prints:` and text after the colon.
const COMMENT_MARKER = new RegExp(String.raw`^#+\s*(${LABEL_WORDS})\s*(?:\([^)]*\))?\s*[:：]\s*(.*)$`, 'iu');
const COMMENT_MARKER_BARE = new RegExp(String.raw`^#+\s*(${LABEL_WORDS})\s*(?:\([^)]*\))?\s*$`, 'iu');
// A label paragraph or heading on its own: `출력 결과`, `Output:`, `**실행 결과 (순서 무관)**`.
const LABEL = new RegExp(String.raw`^(?:\d+[.)]\s*)?(?:${LABEL_WORDS})(?:\s*\([^)]*\))?\s*[:：]?$`, 'iu');
const SENTENCE_WORDS = new RegExp(alternation([...allPhrases('outputSentences'), ...allPhrases('outputLabels')]), 'iu');

export const OUTPUT_FENCES = new Set(['', 'text', 'txt', 'output', 'console', 'plaintext', 'plain', 'shell-session', 'out', 'stdout',
  'log', 'terminal', 'result', 'none', 'nohighlight', 'bash', 'sh', 'shell', 'zsh', 'cmd', 'powershell', 'pytb']);
/** Fences that hold output when the text says so; unlabelled, only these are candidates. */
const CANDIDATE_FENCES = new Set(['', 'text', 'txt', 'output', 'console', 'plaintext', 'plain', 'out', 'stdout', 'log', 'terminal', 'result', 'none', 'nohighlight']);
// `$ python main.py`, `> python3 demo.py`, `PS C:\> py app.py`: the command, not the output.
const COMMAND_LINE = /^\s*(?:\$|%|>|PS [^>]*>|C:\\[^>]*>)\s*(?:python[\d.]*|py|uv run|poetry run|pipenv run)\b/i;

export function statedLine(raw: string, sourceLine: number): StatedLine {
  const { text, at, approximate } = stripTimingAnnotation(raw);
  return { text: isEllipsisLine(text) ? '...' : text, at, approximate, raw, sourceLine };
}

/** A line of a comment block of output; one that reads as a total time is a remark (see StatedLine). */
function outputLine(raw: string, sourceLine: number): StatedLine {
  const line = statedLine(raw, sourceLine);
  return matchTotal(raw) ? { ...line, remark: true } : line;
}

function kindOf(label: string): StatedKind {
  return ORDER_WORDS.test(label) ? 'order' : 'output';
}

function labelTag(label: string): string {
  const hit = findPhrase(label, 'outputLabels') ?? findPhrase(label, 'orderLabels') ?? findPhrase(label, 'outputSentences');
  return `label:${hit?.language ?? scriptLanguage(label)}`;
}

/** Comment blocks inside the code. `codeStartLine` is the source line of the code's first line. */
/**
 * A string at the very end of the code that holds the output (`"""\n실행 결과:\nhello\n"""`,
 * `'''Output: 6'''`): a label, then the printed lines. A trailing string that does not start with a
 * label (a module's docstring, a note) states nothing.
 */
export function trailingStringOutput(code: string, codeStartLine: number): StatedOutput | null {
  const lines = code.replace(/\s+$/, '').split('\n');
  const last = lines.length - 1;
  const lastLine = lines[last]!;
  const quote = lastLine.endsWith('"""') ? '"""' : lastLine.endsWith("'''") ? "'''" : null;
  if (!quote) return null;
  // Opened at the left margin (a top-level statement): on this line (`'''Output: 6'''`) or above.
  const oneLine = lastLine.startsWith(quote) && lastLine.length >= quote.length * 2 + 1;
  let open = last;
  if (!oneLine) for (open = last - 1; open >= 0 && !lines[open]!.startsWith(quote); open--);
  // A string that is the whole block is a docstring of nothing: no code ran before it.
  if (open <= 0 || lines.slice(0, open).every((l) => !l.trim())) return null;
  const texts = oneLine
    ? [lastLine.slice(quote.length, lastLine.length - quote.length)]
    : [lines[open]!.slice(quote.length), ...lines.slice(open + 1, last), lastLine.slice(0, lastLine.length - quote.length)];
  const body = texts.map((text, k) => ({ text, line: codeStartLine + open + k }));
  const first = body.findIndex((b) => b.text.trim() !== '');
  if (first < 0) return null;
  const head = /^(.*?)\s*[:：]\s*(.*)$/.exec(body[first]!.text.trim());
  const labelText = head ? head[1]! : body[first]!.text.trim();
  if (!LABEL.test(labelText)) return null;
  const out: StatedLine[] = [];
  if (head && head[2]!.trim()) out.push(outputLine(head[2]!, body[first]!.line));
  for (const b of body.slice(first + 1)) if (b.text.trim() !== '') out.push(outputLine(b.text, b.line));
  if (out.length === 0) return null;
  const language = findPhrase(labelText, 'outputLabels')?.language ?? scriptLanguage(labelText);
  return { kind: kindOf(labelText), lines: out, unordered: UNORDERED.test(labelText), sourceLine: body[first]!.line, found: `string:${language}` };
}

export function commentBlocks(code: string, codeStartLine: number): StatedOutput[] {
  const lines = code.split('\n');
  const found: StatedOutput[] = [];
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i]!.trim();
    const marker = COMMENT_MARKER.exec(trimmed) ?? COMMENT_MARKER_BARE.exec(trimmed);
    if (marker) {
      const body: StatedLine[] = [];
      // Text after the colon is a line of output, unless it is a timing claim (`# 결과: 총 1초 소요`).
      const inline = marker[2]?.trim() ?? '';
      if (inline && !TIMING_TEXT.test(inline)) body.push(outputLine(inline, codeStartLine + i));
      let j = i + 1;
      for (; j < lines.length; j++) {
        const line = lines[j]!.trim();
        if (!line.startsWith('#')) break;
        // A new bare label starts another block; `# 결과: 10` inside a block is one of its lines.
        if (COMMENT_MARKER_BARE.test(line) || (COMMENT_MARKER.test(line) && COMMENT_MARKER.exec(line)![2]!.trim() === '')) break;
        const content = line.replace(/^#+\s?/, '').replace(/^>>>\s?|^=>\s?/, '');
        if (content.trim() === '') continue;
        body.push(outputLine(content, codeStartLine + j));
      }
      if (body.length > 0) {
        const language = findPhrase(marker[1]!, 'outputLabels')?.language ?? scriptLanguage(marker[1]!);
        found.push({ kind: kindOf(marker[1]!), lines: body, unordered: UNORDERED.test(lines[i]!), sourceLine: codeStartLine + i, found: `comment:${language}` });
      }
      i = j - 1;
      continue;
    }
    // `#>>> Alice` / `# => 42` lines on their own: each is a printed line.
    const shaped = /^#\s*(>>>|=>)\s?(.*)$/.exec(trimmed);
    if (shaped && !lines.slice(0, i).every((l) => !l.trim() || l.trim().startsWith('#'))) {
      const body: StatedLine[] = [];
      let j = i;
      for (; j < lines.length; j++) {
        const m = /^#\s*(>>>|=>)\s?(.*)$/.exec(lines[j]!.trim());
        if (!m || m[1] !== shaped[1]) break;
        if (m[2]!.trim()) body.push(statedLine(m[2]!, codeStartLine + j));
      }
      if (body.length > 0) found.push({ kind: 'output', lines: body, unordered: false, sourceLine: codeStartLine + i, found: `comment:${shaped[1]}` });
      i = j - 1;
    }
  }
  return found;
}

/** Is this paragraph or heading a label for the output fence after it? Returns the label text. */
export function outputLabel(node: RootContent | undefined): string | null {
  if (!node || (node.type !== 'paragraph' && node.type !== 'heading')) return null;
  const text = toString(node).trim();
  if (!text) return null;
  if (LABEL.test(text.replace(/^[*_]+|[*_]+$/g, '').trim())) return text;
  // The end of a sentence that introduces what follows: "... you get the following output:",
  // "运行后输出如下：", "실행하면 다음과 같이 출력됩니다."
  const sentences = text.split(/(?<=[.!?。！？])\s+/);
  const last = sentences.at(-1)!;
  if (/[:：]$/.test(last) && SENTENCE_WORDS.test(last)) return text;
  if (findPhrase(last, 'outputSentences') && /(출력됩니다|출력된다|나옵니다|如下|表示されます|出力されます|following output)[.。:：]?$/u.test(last)) return text;
  return null;
}

function fenceLines(fence: { value: string; position?: { start: { line: number } } }): StatedLine[] {
  const first = fence.position!.start.line + 1;
  return fence.value
    .split('\n')
    .map((raw, i) => ({ raw, line: first + i }))
    .filter(({ raw }) => raw.trim() !== '' && !COMMAND_LINE.test(raw))
    .map(({ raw, line }) => statedLine(raw, line));
}

/**
 * The output fence after the code (`siblings[codeIndex]`): after a label, it is a stated output;
 * right after the code with no label, a candidate the check takes only when it aligns with the run.
 */
export function fenceAfter(siblings: RootContent[], codeIndex: number): StatedOutput | null {
  const next = siblings[codeIndex + 1];
  const inline = inlineCodeAfterLabel(next);
  if (inline) return inline;
  const label = outputLabel(next);
  const fence = label ? siblings[codeIndex + 2] : next;
  if (!fence || fence.type !== 'code' || !fence.position) return terminalSessionAfter(siblings, codeIndex);
  const lang = (fence.lang ?? '').toLowerCase();
  if (label) {
    const python = lang === 'python' || lang === 'py';
    if (!OUTPUT_FENCES.has(lang) && !python) return null;
    // A python fence after a label holds output only when its lines are mostly not Python.
    if (python) {
      const body = fence.value.split('\n').filter((l) => l.trim());
      if (body.filter((l) => !looksLikePython(l)).length < body.length / 2) return null;
    }
    return { kind: kindOf(label), lines: fenceLines(fence), unordered: UNORDERED.test(label), sourceLine: fence.position.start.line + 1, found: labelTag(label) };
  }
  if (!CANDIDATE_FENCES.has(lang)) return terminalSessionAfter(siblings, codeIndex);
  const lines = fenceLines(fence);
  if (lines.length === 0) return terminalSessionAfter(siblings, codeIndex);
  return { kind: 'output', lines, unordered: false, sourceLine: fence.position.start.line + 1, found: 'fence-after', candidate: true };
}

/** A command that runs a script file (`$ python main.py`, `> uv run app.py --fast`), not `-m pip` or `-c`. */
const RUNS_A_SCRIPT = /^\s*(?:\$|%|>|PS [^>]*>|C:\\[^>]*>)\s*(?:(?:uv|poetry|pipenv) run\s+(?:python[\d.]*\s+)?|(?:python[\d.]*|py)\s+)(?:-[uOBW]\S*\s+)*[\w./\\~-]+\.py\b/i;

/** How far past a block a terminal session may be and still be its run: a few paragraphs. */
const SESSION_REACH = 4;

/**
 * A terminal session further on that runs the script (`$ python main.py`, then what it printed),
 * with prose between: the author's own run of the block before it. Only up to the next heading or
 * the next python block, which would be the session's script instead.
 */
function terminalSessionAfter(siblings: RootContent[], codeIndex: number): StatedOutput | null {
  for (let i = codeIndex + 1; i < siblings.length && i <= codeIndex + SESSION_REACH; i++) {
    const node = siblings[i]!;
    if (node.type === 'heading' || node.type === 'thematicBreak') return null;
    if (node.type !== 'code' || !node.position) continue;
    const lang = (node.lang ?? '').toLowerCase();
    if (!OUTPUT_FENCES.has(lang)) return null;
    const first = node.value.split('\n').find((l) => l.trim() !== '') ?? '';
    if (!RUNS_A_SCRIPT.test(first)) return null;
    // One command, then its output: a session that runs several commands is not one block's run.
    const commands = node.value.split('\n').filter((l) => COMMAND_LINE.test(l) || /^\s*\$\s/.test(l));
    if (commands.length !== 1) return null;
    const lines = fenceLines(node);
    if (lines.length === 0) return null;
    return { kind: 'output', lines, unordered: false, sourceLine: node.position.start.line + 1, found: 'terminal-session' };
  }
  return null;
}

/** `输出：\`[0, 1, 4]\``: a label, a colon, then the output as inline code in the same paragraph. */
function inlineCodeAfterLabel(node: RootContent | undefined): StatedOutput | null {
  if (!node || node.type !== 'paragraph' || !node.position) return null;
  const first = node.children[0];
  if (!first || first.type !== 'text') return null;
  const m = new RegExp(String.raw`^\s*(${LABEL_WORDS})\s*(?:\([^)]*\))?\s*[:：]\s*$`, 'iu').exec(first.value);
  if (!m) return null;
  const codes = node.children.slice(1).filter((c) => c.type === 'inlineCode');
  const others = node.children.slice(1).filter((c) => c.type !== 'inlineCode' && !(c.type === 'text' && /^[\s,，、]*$/.test(c.value)));
  if (codes.length === 0 || others.length > 0) return null;
  const line = node.position.start.line;
  return { kind: kindOf(m[1]!), lines: codes.map((c) => statedLine((c as { value: string }).value, line)), unordered: false, sourceLine: line, found: `${labelTag(m[1]!)}:inline-code` };
}

const VALUE_START = /^(\[|\{|\(|<|'|"|-?\d|True\b|False\b|None\b)/;
const VALUE_MARKER = new RegExp(String.raw`^(?:=>|->|→|(?:${LABEL_WORDS})\s*[:：])\s*`, 'iu');
const ITEM_ORDER = /^(?:[\p{L}\s]*순서|(?:completion |execution )?order|[\p{L}]*顺序|[\p{L}]*順序)\s*[:：]\s*(.+)$/iu;

/**
 * `print(result)  # 완료 순서: url2, url3, url1`: the print (in a loop) writes lines that mention
 * these items in this order. Each item stands for a line containing it; lines may come between.
 */
function orderOfItems(comment: string, sourceLine: number): StatedOutput | null {
  const m = ITEM_ORDER.exec(comment);
  if (!m) return null;
  const items = m[1]!.split(/\s*(?:,|，|→|->)\s*/).map((s) => s.trim()).filter(Boolean);
  if (items.length < 2) return null;
  return {
    kind: 'order',
    lines: items.map((item) => ({ text: `...${item}...`, at: null, approximate: false, raw: item, sourceLine })),
    unordered: false,
    sourceLine,
    found: 'print-comment:order',
  };
}

/** Prose about the line rather than its value: words of a sentence with nothing value-like. */
function isProse(comment: string): boolean {
  if (VALUE_START.test(comment)) return false;
  if (/[\u3040-\u30FF\u4E00-\u9FFF\uAC00-\uD7A3]/u.test(comment)) return true;
  const words = comment.split(/\s+/).filter(Boolean);
  return words.length >= 3 && !/[\d'"[\]{}()=<>]/.test(comment);
}

/** `print(x)  # value`: a trailing comment that states the printed value (not prose, not a timing). */
export function printValues(code: string, codeStartLine: number): StatedOutput[] {
  const found: StatedOutput[] = [];
  code.split('\n').forEach((line, i) => {
    const template = printTemplate(line);
    const raw = trailingComment(line);
    if (!template || raw === null) return;
    const comment = raw.replace(/\s*[✅❌✓✔✗].*$/u, '').trim();
    if (!comment || appearAnnotation(comment) || /^(약\s*|about\s+|~\s*|大约\s*|約\s*)?\d+(\.\d+)?\s*(초|秒|s\b|sec|seconds?)/iu.test(comment)) return;
    // `# SyntaxError!`, `# raises ValueError`: a cue that the line raises, not a printed value.
    if (/^(?:raises?\s+|throws?\s+)?[A-Z]\w*(Error|Exception|Warning|Interrupt|Exit)(?![(:\w])/.test(comment)) return;
    const order = orderOfItems(comment, codeStartLine + i);
    if (order) {
      found.push(order);
      return;
    }
    // The print's own text may start with a label word (`print(f"결과: {r}")  # 결과: [1, 2]`).
    if (hasOwnWords(template) && templatePattern(template).test(comment.replace(/\s+/g, ' '))) {
      found.push({ kind: 'print-value', lines: [statedLine(comment, codeStartLine + i)], unordered: false, sourceLine: codeStartLine + i, codeLine: i + 1, found: 'print-template' });
      return;
    }
    const marked = VALUE_MARKER.exec(comment);
    const value = marked ? comment.slice(marked[0].length).trim() : comment;
    if (!value) return;
    let rule: string;
    if (hasOwnWords(template)) {
      // The template decides: the comment fits it, or repeats its leading words with another value.
      const normalised = value.replace(/\s+/g, ' ');
      const prefix = leadingLiteral(template);
      if (templatePattern(template).test(normalised)) rule = 'print-template';
      else if (prefix.length >= 2 && normalised.startsWith(prefix)) rule = 'print-template:prefix';
      else if (marked) rule = 'print-comment:marker';
      else if (VALUE_START.test(normalised) && template.parts.filter((p) => 'hole' in p).length === 1) {
        // `print(f"상태: {coro}")  # <coroutine object>`: the value of the template's one hole.
        found.push({
          kind: 'print-value',
          lines: [statedLine(template.parts.map((p) => ('literal' in p ? p.literal : normalised)).join(''), codeStartLine + i)],
          unordered: false, sourceLine: codeStartLine + i, codeLine: i + 1, found: 'print-template:hole',
        });
        return;
      } else return;
    } else {
      if (isProse(value)) return;
      rule = marked ? 'print-comment:marker' : 'print-comment:value';
    }
    found.push({
      kind: 'print-value',
      lines: [statedLine(value, codeStartLine + i)],
      unordered: false,
      sourceLine: codeStartLine + i,
      codeLine: i + 1,
      found: rule,
    });
  });
  return found;
}
