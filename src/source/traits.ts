// What a block's code shows about how it can be run, read without running it: top-level `await`
// (it runs as Jupyter runs it), `input()` (it needs input), an entry point (a program, not an
// illustration), placeholders (`...`, `<url>`), a server the document shows in another language.
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { fenceLanguage } from './fences.ts';

/** The line without strings and comments. */
function bare(line: string): string {
  return line.replace(/[rbuf]{0,2}("""|''').*?\1|[rbuf]{0,2}"(?:[^"\\]|\\.)*"|[rbuf]{0,2}'(?:[^'\\]|\\.)*'/gi, '""').replace(/#.*$/, '');
}

const indentOf = (line: string) => line.length - line.trimStart().length;

/** `await`, `async for` or `async with` outside any function: the block is run with autoawait. */
export function usesTopLevelAwait(code: string): boolean {
  const functions: number[] = [];
  let depth = 0;
  let inString = false;
  for (const line of code.split('\n')) {
    // Lines inside a triple-quoted string or an open bracket (a multi-line signature) end nothing.
    const quotes = (line.match(/"""|'''/g) ?? []).length;
    const continuing = inString || depth > 0;
    if (quotes % 2 === 1) inString = !inString;
    const text = bare(line);
    for (const ch of text) depth += '([{'.includes(ch) ? 1 : ')]}'.includes(ch) ? -1 : 0;
    depth = Math.max(0, depth);
    if (!text.trim() || continuing) {
      if (continuing && functions.length === 0 && /(^|[^\w.])await\s/.test(text) && !inString) return true;
      continue;
    }
    const indent = indentOf(text);
    while (functions.length && indent <= functions.at(-1)!) functions.pop();
    if (functions.length === 0 && /(^|[^\w.])(await\s|async\s+(for|with)\b)/.test(text)) return true;
    if (/^\s*(async\s+def|def|class)\s/.test(text) || /\blambda\b/.test(text)) {
      if (/^\s*(async\s+def|def|class)\s/.test(text)) functions.push(indent);
    }
  }
  return false;
}

export function readsInput(code: string): boolean {
  // A parameter or variable of its own named `input` shadows the builtin: only a call reads.
  const shadowed = /\bdef\s+\w+\s*\([^)]*\binput\b|(^|[^\w.])input\s*=[^=]|\bfor\s+input\s+in\b/m.test(code);
  if (shadowed) return /(^|[^\w.])input\s*\(\s*["'f]/.test(code);
  // `input(...)`, or `input` handed to an executor or a thread (`run_in_executor(None, input, ...)`).
  return code.split('\n').some((l) => /(^|[^\w.])input\b(?!\s*=[^=])/.test(bare(l)) || /sys\.stdin\b/.test(bare(l)) || /connect_read_pipe/.test(l));
}

/**
 * The block runs something: `asyncio.run(...)`, `run_until_complete`, `if __name__ == ...`, a
 * top-level await, a print, or a top-level call of a function it defines.
 */
export function hasEntryPoint(code: string): boolean {
  const lines = code.split('\n').map(bare);
  const defined = new Set<string>();
  for (const l of lines) {
    const m = /^\s*(?:async\s+)?def\s+(\w+)|^\s*class\s+(\w+)/.exec(l);
    if (m) defined.add(m[1] ?? m[2]!);
  }
  return lines.some((l) => {
    if (/^\s/.test(l) || !l.trim()) return false;
    if (/asyncio\.run\s*\(|run_until_complete\s*\(|^if\s+__name__\b|^print\s*\(|^await\s|^\w+\s*=\s*await\s/.test(l)) return true;
    const call = /^(?:\w+\s*=\s*)?(\w+)\s*\(/.exec(l);
    return call !== null && defined.has(call[1]!);
  });
}

/** `...` standing for omitted code (not a function body of its own), `<url>`, `…`. */
export function placeholders(code: string): string[] {
  const found = new Set<string>();
  for (const line of code.split('\n')) {
    const text = bare(line);
    const body = text.trim();
    if (body === '...' || /:\s*\.\.\.\s*$/.test(body)) continue; // a stub body, legal and complete
    if (/\.\.\.|…/.test(text)) found.add('...');
    for (const m of text.matchAll(/<[a-z_][\w -]*>/gi)) found.add(m[0]);
  }
  return [...found];
}

const SERVER = /createServer\s*\(|\.listen\s*\(|\bListen\s*\(|ListenAndServe|HttpServer|ServerSocket|@RestController|@GetMapping|Deno\.serve|Bun\.serve|actix_web|axum::|TcpListener|\.Accept\s*\(\)|\bbind\s*\(/;

/** The language of a block elsewhere in the document that starts a server, or null. */
export function serverShownElsewhere(tree: Root): string | null {
  let language: string | null = null;
  visit(tree, 'code', (node) => {
    if (language) return;
    const lang = fenceLanguage(node.lang);
    if (['python', 'py', 'python3', 'pycon'].includes(lang)) return;
    if (SERVER.test(node.value)) language = lang || 'another language';
  });
  return language;
}

/** Does the code talk to a server on this machine? */
export function usesLocalServer(code: string): boolean {
  return /\b(localhost|127\.0\.0\.1|0\.0\.0\.0)\b/.test(code);
}

// One parameter of a signature as reference pages print them: `aw`, `*aws`, `**kwargs`, `*`, `/`,
// `name=None`, `timeout=5.0`, `...`.
const PARAM = String.raw`(?:\*{0,2}[A-Za-z_]\w*(?:\s*:\s*[\w.\[\], |]+)?(?:\s*=\s*[^,()]+)?|\*|/|\.\.\.)`;
const SIGNATURE = new RegExp(String.raw`^(?:(?:async\s+)?def\s+|class\s+|coroutine\s+|awaitable\s+|(?:async\s+)?(?:with|for)\s+)?[A-Za-z_][\w.]*\(\s*(?:${PARAM}(?:\s*,\s*${PARAM})*\s*,?)?\s*\)(?:\s*->\s*[^:]+)?(?:\s*:\s*(?:\.\.\.)?)?\s*$`);

/**
 * Every line is an API signature (`asyncio.wait_for(aw, timeout)`, `asyncio.create_task(coro, *,
 * name=None)`, `async with asyncio.timeout(delay): ...`), as reference pages show them: a block
 * that only says how something is called, not a program.
 */
export function onlySignatures(code: string): boolean {
  const lines = code.split('\n').map((l) => l.replace(/#.*$/, '').trim()).filter((l) => l !== '');
  return lines.length > 0 && lines.every((l) => SIGNATURE.test(l));
}
