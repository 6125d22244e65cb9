// Which code blocks of a Markdown file are Python, and in which form: a script or an interactive
// transcript. Real tutorials write ```py, ```Python, ```python3, ```pycon, ~~~ fences, fences in
// list items and block quotes, Jekyll/Liquid `{% highlight python %}` blocks, and unlabelled
// fences that are plainly Python. A block that is never seen is a silent gap, so every one of
// them is found here.

import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

export type BlockForm = 'script' | 'transcript';

const SCRIPT_LANGS = new Set(['python', 'py', 'python3', 'py3', 'ipython', 'ipython3', 'python2', 'sage', 'pyi', 'mpy']);
const TRANSCRIPT_LANGS = new Set(['pycon', 'pyrepl', 'python-repl', 'python-console', 'pytb-repl', 'doctest', 'python-session']);

/** `python {.line-numbers}`, `python:main.py`, `python title="x"`: the language word only. */
export function fenceLanguage(lang: string | null | undefined): string {
  return (lang ?? '').trim().split(/[\s:{,;]/)[0]!.toLowerCase();
}

/** Words of a fence's info string that say the block is not to be run (`python no-run`, `python {skip}`, `python,ignore`). */
const NO_RUN_WORDS = new Set(['no-run', 'norun', 'no_run', 'dont-run', 'skip', 'noexec', 'no-exec', 'no_exec', 'notest', 'no-test', 'no_test', 'ignore', 'nocheck', 'no-check', 'no_check', 'nodoctest']);
/** The same as attributes: `run=false`, `exec="false"`, `skip=true`. */
const NO_RUN_ATTRIBUTE = /^(?:(?:run|exec|execute|eval|test|check)=["']?(?:false|no|0)["']?|skip=["']?(?:true|yes|1)["']?)$/i;

/** The word of the fence's info string (language and meta) that says not to run the block, or null. */
export function noRunMarker(lang: string | null | undefined, meta: string | null | undefined): string | null {
  const words = `${lang ?? ''} ${meta ?? ''}`.split(/[\s,{}()\[\]]+/).map((w) => w.replace(/^[.:#]+/, '')).filter(Boolean);
  // The first word is the language (`python`); a marker joined to it (`python:skip`) counts too.
  const rest = [...words.slice(1), ...(words[0]?.split(':').slice(1) ?? [])];
  return rest.find((w) => NO_RUN_WORDS.has(w.toLowerCase()) || NO_RUN_ATTRIBUTE.test(w)) ?? null;
}

const PROMPT = /^\s*(?:>>>|In \[\d*\]:)(\s|$)/;
const PYTHON_START = /^(import\s+\w|from\s+[\w.]+\s+import\s|async\s+def\s|def\s+\w+\s*\(|class\s+\w+.*:\s*$|@\w)/;

/** A fence's form, or null when it is not Python. `tag` is the rule that decided (for `found`). */
export function pythonForm(lang: string | null | undefined, code: string): { form: BlockForm; tag: string } | null {
  const word = fenceLanguage(lang);
  const firstLine = code.split('\n').find((l) => l.trim() !== '') ?? '';
  if (TRANSCRIPT_LANGS.has(word)) return { form: 'transcript', tag: `fence:${word}` };
  if (SCRIPT_LANGS.has(word)) {
    return PROMPT.test(firstLine) ? { form: 'transcript', tag: `fence:${word}+prompt` } : { form: 'script', tag: `fence:${word}` };
  }
  if (word === '' || word === 'text' || word === 'plain') {
    if (PROMPT.test(firstLine)) return { form: 'transcript', tag: 'fence:unlabelled+prompt' };
    if (word === '' && PYTHON_START.test(firstLine.trim()) && /\basyncio\b|\bawait\b|\basync\b/.test(code)) {
      return { form: 'script', tag: 'fence:unlabelled+python' };
    }
  }
  return null;
}

const LIQUID_OPEN = /^(\s*)\{%-?\s*highlight\s+([\w+-]+)[^%]*-?%\}\s*$/;
const LIQUID_CLOSE = /^\s*\{%-?\s*endhighlight\s*-?%\}\s*$/;

/**
 * Jekyll/Liquid `{% highlight python %} ... {% endhighlight %}` blocks as fenced code blocks, line
 * for line (the line count stays, so every line number still points into the original file).
 * The pages then render them as code too, which is what the reader of the original saw.
 */
export function liquidAsFences(markdown: string): { markdown: string; lines: number[] } {
  const lines = markdown.split('\n');
  const converted: number[] = [];
  let open: { index: number; indent: string } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!open) {
      const m = LIQUID_OPEN.exec(line);
      if (m) open = { index: i, indent: m[1]! };
      continue;
    }
    if (LIQUID_CLOSE.test(line)) {
      const lang = LIQUID_OPEN.exec(lines[open.index]!)![2]!;
      const body = lines.slice(open.index + 1, i);
      // A fence longer than any backtick run inside, so the body cannot close it.
      const longest = Math.max(2, ...body.map((l) => Math.max(0, ...[...l.matchAll(/`+/g)].map((m) => m[0].length))));
      const fence = '`'.repeat(longest + 1);
      lines[open.index] = `${open.indent}${fence}${lang}`;
      lines[i] = `${open.indent}${fence}`;
      converted.push(open.index + 1);
      open = null;
    }
  }
  return { markdown: lines.join('\n'), lines: converted };
}

const GUTTER = /^(\s*)(\d{1,4})(?:[.:|)]?)(\s+|$)(.*)$/;

/**
 * Line numbers copied with the code (`1   import asyncio`, `2   async def main():`): stripped when
 * at least three lines and 80% of the non-blank ones start with consecutive numbers from 1 (or
 * from any start, in steps of one). Returns null when the block has no gutter.
 */
export function stripGutter(code: string): { code: string; lines: number } | null {
  const lines = code.split('\n');
  const numbered = lines.map((l) => GUTTER.exec(l));
  const nonBlank = lines.filter((l) => l.trim() !== '').length;
  let expected: number | null = null;
  let hits = 0;
  for (const m of numbered) {
    if (!m) continue;
    const n = Number(m[2]);
    if (expected === null || n === expected) {
      hits++;
      expected = n + 1;
    }
  }
  if (hits < 3 || hits < 0.8 * nonBlank) return null;
  // Numbers are often padded to one width (`1   x`, `10  y`): the gutter is the column where the
  // least indented code starts; what lies right of it is the code's own indentation.
  const column = gutterColumn(lines);
  const stripped = lines.map((l) => {
    const m = GUTTER.exec(l);
    if (!m) return l;
    // A tab after the number (`9\t`, `12\t`): the tab is the gutter, what follows is the code.
    if (m[3]!.startsWith('\t')) return m[3]!.slice(1) + m[4]!;
    return l.slice(Math.min(column, l.length));
  });
  return { code: stripped.join('\n'), lines: hits };
}

/** The column where the least indented numbered code line starts. */
function gutterColumn(lines: string[]): number {
  let smallest = Infinity;
  for (const l of lines) {
    const m = GUTTER.exec(l);
    if (m && m[4]!.trim() !== '' && !m[3]!.startsWith('\t')) smallest = Math.min(smallest, l.length - m[4]!.length);
  }
  return Number.isFinite(smallest) ? smallest : 0;
}

// An opening fence line: container markers (block quotes, list items) and indentation, then three or
// more backticks or tildes. The closing line: the same character, at least as many, nothing after.
const FENCE_OPEN = /^(?:[ \t]*(?:>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+))*[ \t]*(`{3,}|~{3,})/;
const FENCE_CLOSE = /^(?:[ \t]*>[ \t]?)*[ \t]*(`{3,}|~{3,})[ \t]*$/;

/**
 * Fenced code blocks that are never closed. CommonMark lets such a block run to the end of its
 * container: at the top level, the end of the document, so every block and heading after it become
 * its code. Read from the tree (a code node ending where the text ends) and confirmed on the text
 * (its last line is no closing fence). `lines`: the lines the block took after its opening fence.
 */
export function unclosedFences(tree: Root, markdown: string): { line: number; fence: string; lines: number }[] {
  const out: { line: number; fence: string; lines: number }[] = [];
  const end = markdown.replace(/\s+$/, '').length;
  visit(tree, 'code', (node) => {
    const pos = node.position;
    if (!pos || pos.end.offset === undefined || pos.start.offset === undefined || pos.end.offset < end) return;
    const raw = markdown.slice(pos.start.offset, pos.end.offset).replace(/\s+$/, '').split('\n');
    const open = FENCE_OPEN.exec(raw[0]!);
    if (!open) return; // an indented block has no fence to close
    const marker = open[1]!;
    const close = raw.length > 1 ? FENCE_CLOSE.exec(raw.at(-1)!) : null;
    if (close && close[1]![0] === marker[0] && close[1]!.length >= marker.length) return;
    out.push({ line: pos.start.line, fence: `${marker}${node.lang ?? ''}`, lines: raw.length - 1 });
  });
  return out;
}
