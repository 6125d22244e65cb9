// Stated outputs: every way the documents say what a snippet prints.
//  - a comment block in the code that starts with `# 출력:`, `# Output:`, `# 실행 순서:` ...
//  - a label (`출력:`, `#### 출력 결과`, `### 결과 (...)`, `Output:`) followed by a fence
//  - a trailing comment after a print call that shows the value (`print(x)  # [1, 2]`)
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { StatedKind, StatedLine, StatedOutput } from './model.ts';
import { isEllipsisLine, stripTimingAnnotation } from './annotations.ts';

const COMMENT_MARKER =
  /^#\s*(출력|출력 결과|실행 결과|결과|output|expected output|실행 순서|execution order)\s*(?:\([^)]*\))?\s*:\s*(.*)$/iu;
const ORDER_WORDS = /실행 순서|execution order/i;
// (JavaScript's \b is ASCII-only, so Hangul words end at a space, a colon, a parenthesis or the end.)
const LABEL = /^(출력 결과|실행 결과|출력|결과|output|expected output|results?)(?=\s|:|\(|$)\s*(?:\([^)]*\))?\s*:?\s*$/iu;
const UNORDERED = /순서\s*(무관|는?\s*달라질|가?\s*다를)|order may vary|in any order/i;
const OUTPUT_FENCES = new Set(['', 'text', 'txt', 'output', 'console', 'plaintext', 'plain', 'shell-session']);

function statedLine(raw: string, sourceLine: number): StatedLine {
  const { text, at, approximate } = stripTimingAnnotation(raw);
  return { text: isEllipsisLine(text) ? '...' : text, at, approximate, raw, sourceLine };
}

/** `# 출력:` style blocks inside the code. `codeStartLine` is the source line of the code's first line. */
export function commentBlocks(code: string, codeStartLine: number): StatedOutput[] {
  const lines = code.split('\n');
  const found: StatedOutput[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = COMMENT_MARKER.exec(lines[i]!.trim());
    if (!m) continue;
    const kind: StatedKind = ORDER_WORDS.test(m[1]!) ? 'order' : 'output';
    const body: StatedLine[] = [];
    if (m[2]!.trim()) body.push(statedLine(m[2]!.trim(), codeStartLine + i));
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!.trim();
      if (!line.startsWith('#')) break;
      const content = line.replace(/^#\s?/, '');
      if (COMMENT_MARKER.test(line)) break;
      if (content.trim() === '') continue;
      body.push(statedLine(content, codeStartLine + j));
    }
    if (body.length > 0) {
      found.push({ kind, lines: body, unordered: UNORDERED.test(lines[i]!), sourceLine: codeStartLine + i });
    }
    i = j - 1;
  }
  return found;
}

/** A label paragraph or heading right after the code, then an output fence. */
export function fenceAfter(siblings: RootContent[], codeIndex: number): StatedOutput | null {
  const label = siblings[codeIndex + 1];
  const fence = siblings[codeIndex + 2];
  if (!label || !fence || fence.type !== 'code') return null;
  if (label.type !== 'paragraph' && label.type !== 'heading') return null;
  const labelText = toString(label).trim();
  if (!LABEL.test(labelText)) return null;
  if (!OUTPUT_FENCES.has((fence.lang ?? '').toLowerCase())) return null;
  const first = fence.position!.start.line + 1;
  const lines = fence.value
    .split('\n')
    .map((raw, i) => ({ raw, line: first + i }))
    .filter(({ raw }) => raw.trim() !== '')
    .map(({ raw, line }) => statedLine(raw, line));
  return { kind: 'output', lines, unordered: UNORDERED.test(labelText), sourceLine: first };
}

const VALUE_START = /^(\[|\{|\(|<|'|"|-?\d|True\b|False\b|None\b)/;
const HANGUL = /[\u3131-\uD79D]/u;

const ITEM_ORDER = /^(?:[\p{L}\s]*순서|(?:completion |execution )?order)\s*:\s*(.+)$/iu;

/**
 * `print(result)  # 완료 순서: url2, url3, url1`: the print (in a loop) writes lines that mention
 * these items in this order. Each item stands for a line containing it; lines may come between.
 */
function orderOfItems(comment: string, sourceLine: number): StatedOutput | null {
  const m = ITEM_ORDER.exec(comment);
  if (!m) return null;
  const items = m[1]!.split(/\s*(?:,|→|->)\s*/).map((s) => s.trim()).filter(Boolean);
  if (items.length < 2) return null;
  return {
    kind: 'order',
    lines: items.map((item) => ({ text: `...${item}...`, at: null, approximate: false, raw: item, sourceLine })),
    unordered: false,
    sourceLine,
  };
}

/** `print(x)  # value`: a trailing comment that shows the printed value (not prose, not a timing). */
export function printValues(code: string, codeStartLine: number): StatedOutput[] {
  const found: StatedOutput[] = [];
  code.split('\n').forEach((line, i) => {
    const m = /^\s*print\((.*)\)\s+#\s*(.+?)\s*$/u.exec(line);
    if (!m) return;
    const comment = m[2]!.replace(/\s*[✅❌].*$/u, '').trim();
    if (!comment || /^(약\s*)?\d+(\.\d+)?\s*초/u.test(comment)) return; // a timing claim, not a value
    const order = orderOfItems(comment, codeStartLine + i);
    if (order) {
      found.push(order);
      return;
    }
    if (!VALUE_START.test(comment) && HANGUL.test(comment)) return; // prose about the line
    if (/:\s/.test(comment) && HANGUL.test(comment.split(':')[0]!)) return; // other prose with a colon
    found.push({
      kind: 'print-value',
      lines: [statedLine(comment, codeStartLine + i)],
      unordered: false,
      sourceLine: codeStartLine + i,
      codeLine: i + 1,
    });
  });
  return found;
}
