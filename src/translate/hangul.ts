// Korean left over in an English text. Hangul is expected only where the English edition quotes
// what the programs print (the cells run from the Korean source, so their strings stay Korean):
//  - string literals on a code line (`print("작업 완료")`); not docstrings, which are prose;
//  - output fences (no language, `text`, `output`, `console` ...);
//  - python comment lines in a stated-output block (`# Output:` / `# Execution order:` ...);
//  - other code comments only where every Hangul word is part of a string literal of the same block
//    (`# 파일A starts`, `result = f()  # "홍길동 인사 완료"`, commented-out code printing "… 시작");
//  - inline code, and quoted text in a table cell.
// Everything else — paragraphs, headings, list items, front matter, links, table cells' own words,
// code outside strings, ordinary comments — must be free of Hangul.
import type { Node, Parent } from 'unist';
import type { Code, Root } from 'mdast';
import { parseMarkdown } from '../source/markdown.ts';
import { commentBlocks } from '../source/stated.ts';

export const HANGUL = /[\u3131-\uD79D]/u;
const HANGUL_RUNS = /[\u3131-\uD79D]+/gu;

export interface Leftover {
  /** 1-based line within the English text. */
  line: number;
  /** Where it was found: prose, table cell, code, comment, docstring, front matter, link. */
  where: string;
  text: string;
}

const OUTPUT_FENCES = new Set(['', 'text', 'txt', 'output', 'console', 'plaintext', 'plain', 'shell-session']);
const HASH_COMMENTS = new Set(['python', 'py', 'python3', 'pycon', 'sh', 'bash', 'shell', 'zsh', 'yaml', 'yml', 'toml', 'ini', 'ruby', 'rb', 'r', 'perl', 'dockerfile', 'makefile', 'conf']);
const SLASH_COMMENTS = new Set(['js', 'javascript', 'ts', 'typescript', 'jsx', 'tsx', 'java', 'kotlin', 'kt', 'c', 'cpp', 'c++', 'cs', 'csharp', 'go', 'rust', 'rs', 'swift', 'scala', 'dart', 'jsonc']);
const PYTHON = new Set(['python', 'py', 'python3', 'pycon']);

interface LexedLine {
  /** The line outside strings and comments. */
  code: string;
  /** String literals' contents (docstrings excluded). */
  strings: string[];
  /** Docstrings' contents on this line. */
  docstrings: string[];
  /** The comment, without its marker; null when the line has none. */
  comment: string | null;
}

/**
 * Splits code lines into code, string literals and comments. Handles '…', "…", triple-quoted strings
 * across lines (a triple-quoted string that starts a statement is a docstring), backslash escapes,
 * `#` comments (Python, shells) or `//` and `/* … *\/` comments and template literals (C-like languages).
 */
export function lexCode(code: string, lang: string): LexedLine[] {
  const hash = HASH_COMMENTS.has(lang);
  const slash = SLASH_COMMENTS.has(lang);
  const quotes = slash ? ['"', "'", '`'] : ['"', "'"];
  let open: { quote: string; doc: boolean } | null = null; // a string (or block comment, quote '*/') still open
  const out: LexedLine[] = [];
  for (const line of code.split('\n')) {
    const lexed: LexedLine = { code: '', strings: [], docstrings: [], comment: null };
    let i = 0;
    let buffer = '';
    const closeString = () => {
      if (open!.quote === '*/') lexed.comment = (lexed.comment ?? '') + buffer;
      else (open!.doc ? lexed.docstrings : lexed.strings).push(buffer);
      buffer = '';
    };
    while (i < line.length) {
      if (open) {
        if (open.quote !== '*/' && line[i] === '\\') { buffer += line.slice(i, i + 2); i += 2; continue; }
        if (line.startsWith(open.quote, i)) { closeString(); i += open.quote.length; open = null; continue; }
        buffer += line[i]; i++;
        continue;
      }
      const c = line[i]!;
      if ((hash && c === '#') || (slash && line.startsWith('//', i))) { lexed.comment = (lexed.comment ?? '') + line.slice(i + (c === '#' ? 1 : 2)); break; }
      if (slash && line.startsWith('/*', i)) { open = { quote: '*/', doc: false }; i += 2; continue; }
      if (quotes.includes(c)) {
        const triple = !slash && line.startsWith(c.repeat(3), i);
        const doc = triple && /^\s*[rRuU]?$/.test(lexed.code);
        open = { quote: triple ? c.repeat(3) : c, doc };
        i += open.quote.length;
        continue;
      }
      lexed.code += c; i++;
    }
    if (open) {
      // A triple-quoted string or block comment continues on the next line; a one-line string ends here.
      const multiLine = open.quote.length === 3 || open.quote === '*/' || open.quote === '`';
      if (open.quote === '*/') lexed.comment = (lexed.comment ?? '') + buffer;
      else (open.doc ? lexed.docstrings : lexed.strings).push(buffer);
      buffer = '';
      if (!multiLine) open = null;
    }
    out.push(lexed);
  }
  return out;
}

/** Hangul left over in a fenced code block (lines are 1-based within the block's code). */
export function codeLeftovers(code: string, lang: string | null | undefined): Leftover[] {
  const language = (lang ?? '').toLowerCase();
  if (OUTPUT_FENCES.has(language) || !HANGUL.test(code)) return [];
  const lines = lexCode(code, language);
  const literals = lines.flatMap((l) => l.strings).join('\n');
  const stated = new Set<number>();
  if (PYTHON.has(language)) {
    for (const block of commentBlocks(code, 0)) for (const l of block.lines) stated.add(l.sourceLine);
  }
  const found: Leftover[] = [];
  const raw = code.split('\n');
  lines.forEach((l, i) => {
    const text = raw[i]!;
    if (HANGUL.test(l.code)) found.push({ line: i + 1, where: 'code', text });
    else if (l.docstrings.some((d) => HANGUL.test(d))) found.push({ line: i + 1, where: 'docstring', text });
    else if (l.comment !== null && HANGUL.test(l.comment) && !stated.has(i)) {
      const words = l.comment.match(HANGUL_RUNS) ?? [];
      if (words.some((w) => !literals.includes(w))) found.push({ line: i + 1, where: 'comment', text });
    }
  });
  return found;
}

/** Quoted text ("…", '…', “…”, ‘…’) and inline code removed: what is left is the cell's own words. */
function unquoted(text: string): string {
  return text
    .replace(/(`+)[^`]*?\1/g, ' ')
    .replace(/"[^"\n]*"|“[^”\n]*”|‘[^’\n]*’|(?<![\p{L}\p{N}])'[^'\n]*'(?![\p{L}\p{N}])/gu, ' ');
}

function linesWithHangul(text: string, firstLine: number, where: string): Leftover[] {
  return text.split('\n').flatMap((t, i) => (HANGUL.test(t) ? [{ line: firstLine + i, where, text: t }] : []));
}

/** Every place in an English Markdown text where Korean is left over (see the rules above). */
export function hangulLeftovers(markdown: string): Leftover[] {
  if (!HANGUL.test(markdown)) return [];
  const tree: Root = parseMarkdown(markdown);
  const found: Leftover[] = [];
  const visit = (node: Node) => {
    const line = node.position?.start.line ?? 1;
    switch (node.type) {
      case 'code': {
        const code = node as Code;
        // The code starts on the line after the opening fence.
        for (const l of codeLeftovers(code.value, code.lang)) found.push({ ...l, line: line + l.line });
        return;
      }
      case 'inlineCode':
        return;
      case 'tableCell': {
        const source = markdown.slice(node.position!.start.offset!, node.position!.end.offset!);
        if (HANGUL.test(unquoted(source))) found.push({ line, where: 'table cell', text: source.trim() });
        return;
      }
      case 'yaml':
        found.push(...linesWithHangul((node as unknown as { value: string }).value, line + 1, 'front matter'));
        return;
      case 'text':
      case 'html':
        found.push(...linesWithHangul((node as unknown as { value: string }).value, line, 'prose'));
        return;
    }
    const { url, title, alt } = node as { url?: string; title?: string | null; alt?: string | null };
    for (const value of [url, title, alt]) if (value && HANGUL.test(value)) found.push({ line, where: 'link', text: value });
    for (const child of (node as Parent).children ?? []) visit(child);
  };
  visit(tree);
  return found;
}
