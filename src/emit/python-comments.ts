// A Python program's lines without their comments, to tell whether a translated code block is the
// same program as the one the build ran: translations change comments, and where they change
// anything else (a string, a docstring, a line more or less) it is another program.

/**
 * Each line of `code` with its comment and trailing blanks removed. Strings are skipped whole
 * (single, double and triple quoted, with escapes), so a `#` inside one is not a comment.
 */
export function linesWithoutComments(code: string): string[] {
  const out: string[] = [];
  let line = '';
  let quote: string | null = null;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (quote) {
      line += ch;
      if (ch === '\\' && i + 1 < code.length) {
        const next = code[++i]!;
        if (next === '\n') {
          out.push(line.slice(0, -1) + '\\');
          line = '';
        } else line += next;
      } else if (code.startsWith(quote, i)) {
        line += quote.slice(1);
        i += quote.length - 1;
        quote = null;
      } else if (ch === '\n') {
        out.push(line.slice(0, -1));
        line = '';
        // An unclosed one-line string ends at its line (a syntax error either way).
        if (quote.length === 1) quote = null;
      }
      continue;
    }
    if (ch === '#') {
      const end = code.indexOf('\n', i);
      i = (end < 0 ? code.length : end) - 1;
      continue;
    }
    if (ch === '\n') {
      out.push(line.trimEnd());
      line = '';
      continue;
    }
    // Whatever its prefix (r, b, f, t), a string ends at its quote, and a backslash escapes one.
    if (ch === '"' || ch === "'") {
      quote = code.startsWith(ch.repeat(3), i) ? ch.repeat(3) : ch;
      line += quote;
      i += quote.length - 1;
      continue;
    }
    line += ch;
  }
  out.push(line.trimEnd());
  return out;
}

/** The same program, comments aside: line for line equal once comments are removed. */
export function sameProgram(a: string, b: string): boolean {
  const x = linesWithoutComments(a.replace(/\r\n/g, '\n'));
  const y = linesWithoutComments(b.replace(/\r\n/g, '\n'));
  return x.length === y.length && x.every((line, i) => line === y[i]);
}
