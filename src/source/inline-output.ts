// Output pasted into the same fence below the code: after a marker line (`# Output`, `# 결과`,
// `---`), as `>>`-prefixed lines, or simply as lines that are not Python after the program's last
// statement. The code part runs; the rest is a stated output.
import { allPhrases, alternation } from './phrasebook.ts';

const KEYWORDS = new Set(('False None True and as assert async await break class continue def del elif else except ' +
  'finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case type print').split(' '));

/** Strings and comments removed, so that what is left is the line's syntax. */
function syntaxOf(line: string): string {
  return line
    .replace(/[rbuf]{0,2}("""|\'\'\')[\s\S]*?(\1|$)/gi, '""')
    .replace(/[rbuf]{0,2}"(?:[^"\\]|\\.)*"|[rbuf]{0,2}'(?:[^'\\]|\\.)*'/gi, '""')
    .replace(/#.*$/, '')
    .trim();
}

/**
 * Could this line be a Python statement (or part of one)? Printed text usually cannot: two words
 * side by side with no operator between them (`Task 1 done`), a clock (`12:00:01`), a label and a
 * number (`total: 3`), letters of another script outside strings and comments, a sentence's end.
 */
export function looksLikePython(line: string): boolean {
  const code = syntaxOf(line.trim());
  if (code === '' || code === '""') return true;
  if (/\d{1,2}:\d{2}:\d{2}/.test(code)) return false;
  // Letters of another script outside strings: printed text, unless they name something being
  // assigned, called or indexed (`결과 = x + 1`; Python allows such names).
  if (/[^\x00-\x7f]/.test(code)) return /^[\p{L}_][\p{L}\p{N}_]*\s*(=[^=]|\(|\.|\[)/u.test(code);
  for (const m of code.matchAll(/([A-Za-z_0-9][\w.]*)\s+(?=([A-Za-z_0-9]\w*))/g)) {
    const left = m[1]!.split('.').pop()!;
    if (!KEYWORDS.has(left) && !KEYWORDS.has(m[2]!)) return false;
  }
  if (/[.!?]$/.test(code) && !/\.\.\.$/.test(code)) return false;
  if (/^[A-Za-z_]\w*\s*:\s*-?\d/.test(code) && !/^(lambda|case)\b/.test(code)) return false;
  return true;
}

const MARKER_WORDS = alternation([...allPhrases('outputLabels'), ...allPhrases('orderLabels')]);
const MARKER = new RegExp(String.raw`^(?:#+|//|--|""")\s*(?:${MARKER_WORDS})\s*(?:\([^)]*\))?\s*[:：]?\s*(?:""")?$`, 'iu');
const CODE_START = /^\s*(def|async|class|import|from|await|for|while|if|with|try|return|print\s*\()\b|^\s*\w+\s*=[^=]|:\s*$/;
const RULE = /^\s*(-{3,}|={3,})\s*$/;
const CHEVRON = /^\s*>>(?!>)\s?(.*)$/;

export interface InlineOutput {
  /** 0-based index of the first line that is output, not code. */
  fromLine: number;
  /** The output lines as written, with their 0-based index in the block. */
  lines: { text: string; index: number }[];
  /** The rule that found it. */
  found: 'inline:marker' | 'inline:rule' | 'inline:chevron' | 'inline:tail';
}

/** The statement ends on this line: nothing is left open (brackets, a trailing backslash or colon). */
function closes(lines: string[], upto: number): boolean {
  let depth = 0;
  for (let i = 0; i <= upto; i++) {
    const code = syntaxOf(lines[i]!);
    for (const ch of code) {
      if ('([{'.includes(ch)) depth++;
      else if (')]}'.includes(ch)) depth--;
    }
  }
  const last = syntaxOf(lines[upto] ?? '');
  return depth === 0 && !last.endsWith('\\') && !last.endsWith(':') && !last.endsWith(',');
}

export function inlineOutput(code: string): InlineOutput | null {
  const lines = code.split('\n');
  const hasStatement = (upto: number) => lines.slice(0, upto).some((l) => l.trim() && !l.trim().startsWith('#'));
  const rest = (from: number) => lines.slice(from).map((text, k) => ({ text, index: from + k })).filter((l) => l.text.trim() !== '');

  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    // `# Output` with nothing after it, followed by lines that are not comments.
    if (MARKER.test(line.trim()) && hasStatement(i)) {
      const body = rest(i + 1);
      // A comment block under the marker is a stated output of its own (stated.ts), and code
      // after it means the marker heads a comment, not the block's output.
      const moreCode = body.some((l) => /^\s*(def|async|class|import|from|await|for|while|if|with|try|print\s*\()\b/.test(l.text) || (!l.text.trim().startsWith('#') && looksLikePython(l.text) && /[=(]/.test(l.text)));
      if (body.length > 0 && !body[0]!.text.trim().startsWith('#') && !moreCode) {
        const kept = body.filter((l) => !/^\s*"""\s*$/.test(l.text));
        return { fromLine: i, lines: kept, found: 'inline:marker' };
      }
    }
    if (RULE.test(line) && hasStatement(i) && closes(lines, i - 1)) {
      const body = rest(i + 1);
      const moreCode = body.some((l) => CODE_START.test(l.text) || / = /.test(l.text));
      if (body.length > 0 && !moreCode) return { fromLine: i, lines: body, found: 'inline:rule' };
    }
  }
  // `>> hello` lines at the end.
  let k = lines.length;
  while (k > 0 && (lines[k - 1]!.trim() === '' || CHEVRON.test(lines[k - 1]!))) k--;
  const chevrons = lines.slice(k).map((text, j) => ({ text, index: k + j })).filter((l) => CHEVRON.test(l.text));
  if (chevrons.length > 0 && hasStatement(k)) {
    return { fromLine: k, lines: chevrons.map((l) => ({ text: CHEVRON.exec(l.text)![1]!, index: l.index })), found: 'inline:chevron' };
  }
  return nonPythonTail(lines);
}

/**
 * Lines that are not Python after the program's last statement: from the first line at the left
 * margin that cannot be Python, when every later line is either not Python or output-shaped (a
 * value, a repr), and the code before it ends a statement.
 */
/** Is line `i` inside a triple-quoted string opened on an earlier line? */
function insideString(lines: string[], i: number): boolean {
  const quotes = lines.slice(0, i).join('\n').match(/"""|'''/g) ?? [];
  return quotes.length % 2 === 1;
}

function nonPythonTail(lines: string[]): InlineOutput | null {
  // After the program's entry point (`asyncio.run(main())`), lines at the margin that start no
  // statement (bare words and values: `cba`, `[1, 2]`, `Done`) are what it printed.
  const entry = lines.findIndex((l) => /^(asyncio\.run\s*\(|\w+\.run_until_complete\s*\(|main\s*\(\s*\)\s*$)/.test(l));
  if (entry >= 0 && closes(lines, entry)) {
    const body = lines.slice(entry + 1).map((text, k) => ({ text, index: entry + 1 + k })).filter((l) => l.text.trim() !== '' && !l.text.trim().startsWith('#'));
    if (body.length > 0 && !insideString(lines, body[0]!.index) && body.every((l) => !/^\s/.test(l.text) && !CODE_START.test(l.text) && !/^\w[\w.]*\s*\(.*\)\s*$/.test(l.text))) {
      return { fromLine: body[0]!.index, lines: body, found: 'inline:tail' };
    }
  }
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || /^\s/.test(line) || insideString(lines, i) || looksLikePython(line)) continue;
    let previous = i - 1;
    while (previous >= 0 && lines[previous]!.trim() === '') previous--;
    if (previous < 0 || !closes(lines, previous)) return null;
    const body = lines.slice(i).map((text, k) => ({ text, index: i + k })).filter((l) => l.text.trim() !== '');
    // More code after it means this line was code after all (a name, a call): no output here.
    const moreCode = body.some((l) => CODE_START.test(l.text));
    const code = lines.slice(0, i).filter((l) => l.trim() && !l.trim().startsWith('#'));
    if (moreCode || code.length === 0) return null;
    return { fromLine: i, lines: body, found: 'inline:tail' };
  }
  return null;
}
