// Interactive transcripts: `>>> ` and `... ` prompts (IPython's `In [n]:`, `...:` and `Out[n]:` alike), each statement followed by what the
// interpreter printed (an expression's value echoed as the REPL echoes it). They run as doctest
// runs them: statement by statement, each compared with the lines shown after its prompt. In the
// asyncio REPL (`python -m asyncio`) top-level `await` is legal, and the kernel allows it anyway.
import type { TranscriptExample } from './model.ts';
import { statedLine } from './stated.ts';

// The standard REPL's `>>> ` and `... `, and IPython's `In [3]: ` and `   ...: `.
const PROMPT = /^(\s*)(?:>>>|In \[\d*\]:)(?: |$)(.*)$/;
const CONTINUATION = /^(\s*)\.\.\.:?(?: |$)(.*)$/;
/** IPython shows an expression's value after `Out[3]: `; the value is what the REPL echoes. */
const IPYTHON_OUT = /^Out\[\d*\]:\s?/;

/** Split a transcript into statements and what each printed. Lines before the first prompt (a
 * banner, the command that started the REPL) are not part of any statement. */
export function parseTranscript(code: string, codeStartLine: number): TranscriptExample[] {
  const lines = code.split('\n');
  const examples: TranscriptExample[] = [];
  let current: { source: string[]; codeLine: number; expected: string[]; expectedLines: number[] } | null = null;
  let inOutput = false;
  const finish = () => {
    if (!current) return;
    // Trailing blank lines end the output (doctest's rule: a blank line ends the expected output).
    while (current.expected.length && current.expected.at(-1)!.trim() === '') { current.expected.pop(); current.expectedLines.pop(); }
    examples.push({
      source: current.source.join('\n') + '\n',
      codeLine: current.codeLine,
      sourceLine: codeStartLine + current.codeLine - 1,
      expected: current.expected.map((raw, k) => statedLine(raw, current!.expectedLines[k]!)),
    });
    current = null;
  };
  lines.forEach((line, i) => {
    const prompt = PROMPT.exec(line);
    if (prompt) {
      finish();
      current = { source: [prompt[2]!], codeLine: i + 1, expected: [], expectedLines: [] };
      inOutput = false;
      return;
    }
    const more = CONTINUATION.exec(line);
    if (current && more && !inOutput) {
      current.source.push(more[2]!);
      return;
    }
    if (!current) return;
    if (line.trim() === '' && current.expected.length === 0) { inOutput = true; return; }
    inOutput = true;
    current.expected.push(line.replace(IPYTHON_OUT, ''));
    current.expectedLines.push(codeStartLine + i);
  });
  finish();
  // A statement that opens a block needs the blank line the REPL needs to run it; harmless otherwise.
  return examples.filter((e) => e.source.trim() !== '');
}

/** The code of a transcript as one program, for the pages' runnable cell and the dependencies. */
export function transcriptProgram(examples: TranscriptExample[]): string {
  return examples.map((e) => e.source).join('');
}

/** Is this a session of the asyncio REPL (`python -m asyncio`)? */
export function isAsyncioRepl(code: string): boolean {
  return /python[\d.]*\s+-m\s+asyncio|asyncio REPL/.test(code) || /^\s*(?:>>>|In \[\d*\]:)\s+await\b/m.test(code);
}
