// What a chapter notebook needs to run top to bottom in real Jupyter (ipykernel, a real CPython on a
// real clock), where the build ran the same code in our kernel:
// - Jupyter keeps an event loop running, so `asyncio.run(...)` at top level raises ("cannot be
//   called from a running event loop"); ipykernel runs top-level `await`, so the call becomes one.
// - A notebook is its own namespace: the earlier chapters' cells it needs come first (the page
//   prelude's walk over the recorded names, src/emit/runner.ts).
// - Some cells must not run there: a hang never ends; the site's simulated world (fixture URLs, the
//   database, fixture files) is not reachable; a block that was not run at build time has no run to
//   reproduce; and a cell that needs a name only such a cell defines would raise NameError.
// - A cell that raised at build time is tagged `raises-exception`, which nbclient and Jupyter Book
//   honour with allow_errors=False.
// Each decision is made from the check's data (verdicts, runs, recorded names), never by guessing
// from the prose.
import type { CheckedCell } from '../check/run.ts';
import { pagePrelude } from './runner.ts';

export type JupyterMode =
  | { kind: 'run'; raises: boolean }
  | { kind: 'static'; why: StaticWhy };

export type StaticWhy =
  | { code: 'not-run' }
  | { code: 'hangs' }
  | { code: 'world'; kinds: string[] }
  | { code: 'transcript' }
  | { code: 'depends'; names: string[] }
  | { code: 'asyncio-run'; line: number };

/** A cell's code as it runs in Jupyter: `asyncio.run(x)` outside functions written as `await x`. */
export interface JupyterCode {
  code: string;
  /** The original lines that changed (1-based), for the note that says what changed. */
  changed: { line: number; before: string; after: string }[];
  /** A call that cannot be rewritten (spans lines, or passes more than the coroutine). */
  unrewritable: number | null;
}

// ---------------------------------------------------------------------------------------------
// asyncio.run -> await

/** Where code ends on a line: the index of a `#` comment outside strings (or the length). */
function scanLine(line: string, open: string | null): { codeEnd: number; open: string | null; strings: [number, number][] } {
  // `open` is the triple quote a previous line left open. Strings are recorded so that a call
  // written inside one (`print("asyncio.run(main())")`) is left alone.
  const strings: [number, number][] = [];
  let i = 0;
  let start = 0;
  let quote = open;
  while (i < line.length) {
    if (quote) {
      if (line[i] === '\\') { i += 2; continue; }
      if (line.startsWith(quote, i)) {
        i += quote.length;
        strings.push([start, i]);
        quote = null;
        continue;
      }
      i++;
      continue;
    }
    const c = line[i]!;
    if (c === '#') return { codeEnd: i, open: null, strings };
    if (c === '"' || c === "'") {
      start = i;
      quote = line.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      i += quote.length;
      continue;
    }
    i++;
  }
  if (quote && quote.length === 1) {
    strings.push([start, line.length]);
    quote = null; // an unterminated one-quote string ends with the line (or is a syntax error)
  }
  if (quote) strings.push([start, line.length]);
  return { codeEnd: line.length, open: quote, strings };
}

/** The index of the `)` that closes the `(` at `open`, on this line, and whether a comma sits at depth 1. */
function closing(line: string, open: number, end: number): { close: number; comma: boolean } | null {
  let depth = 0;
  let comma = false;
  let quote: string | null = null;
  for (let i = open; i < end; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return c === ')' ? { close: i, comma } : null;
    } else if (c === ',' && depth === 1) comma = true;
  }
  return null;
}

const CALL = /\basyncio\.run\s*\(/g;

export function jupyterCode(code: string): JupyterCode {
  const lines = code.split('\n');
  const changed: JupyterCode['changed'] = [];
  let unrewritable: number | null = null;
  // Indentation of the enclosing `def`/`class` blocks: a call inside a function stays as it is
  // (it runs when the function is called, from synchronous code, which is the point of such code).
  const functions: number[] = [];
  let open: string | null = null;
  lines.forEach((line, index) => {
    const startsInString = open !== null;
    const scan = scanLine(line, open);
    open = scan.open;
    if (startsInString || !line.trim() || line.trim().startsWith('#')) return;
    const indent = line.length - line.trimStart().length;
    while (functions.length && indent <= functions.at(-1)!) functions.pop();
    if (/^\s*(async\s+def|def|class)\b/.test(line)) {
      functions.push(indent);
      return;
    }
    if (functions.length) return;
    let out = '';
    let cursor = 0;
    for (const m of line.slice(0, scan.codeEnd).matchAll(CALL)) {
      const at = m.index!;
      if (at < cursor || scan.strings.some(([s, e]) => at >= s && at < e)) continue;
      if (at > 0 && /[\w.]/.test(line[at - 1]!)) continue;
      const paren = at + m[0].length - 1;
      const end = closing(line, paren, scan.codeEnd);
      const inner = end ? line.slice(paren + 1, end.close).trim() : '';
      if (!end || end.comma || !inner) {
        unrewritable ??= index + 1;
        continue;
      }
      // `asyncio.run(f()).x` keeps its meaning only with parentheses: `(await f()).x`.
      const after = line[end.close + 1];
      const awaited = after === '.' || after === '[' || after === '(' ? `(await ${inner})` : `await ${inner}`;
      out += line.slice(cursor, at) + awaited;
      cursor = end.close + 1;
    }
    if (cursor > 0) {
      const rewritten = out + line.slice(cursor);
      changed.push({ line: index + 1, before: line, after: rewritten });
      lines[index] = rewritten;
    }
  });
  return { code: lines.join('\n'), changed, unrewritable };
}

// ---------------------------------------------------------------------------------------------
// Which cells run, and what comes first

/** A cell's own reason not to run in Jupyter, from its verdict and run (null: it can run). */
function ownStatic(c: CheckedCell): StaticWhy | null {
  const { cell, run, verdict } = c;
  if (!run || cell.notPython || verdict.verdict === 'skipped') return { code: 'not-run' };
  if (verdict.verdict === 'hangs' || run.status === 'hangs' || run.status === 'timeout') return { code: 'hangs' };
  if (run.world.length > 0) return { code: 'world', kinds: [...new Set(run.world.map((w) => w.kind))].sort() };
  if (cell.form === 'transcript') return { code: 'transcript' };
  const rewrite = jupyterCode(cell.runCode);
  if (rewrite.unrewritable !== null) return { code: 'asyncio-run', line: rewrite.unrewritable };
  return null;
}

function raises(c: CheckedCell): boolean {
  return c.run?.status === 'error' || c.verdict.verdict === 'expected-error' || c.verdict.verdict === 'error';
}

/** Names a cell takes from the namespace: used, and not bound by the cell itself. */
function needs(c: CheckedCell): string[] {
  const own = new Set([...(c.run?.defines ?? []), ...(c.run?.imports ?? [])]);
  return (c.run?.uses ?? []).filter((n) => !own.has(n));
}

export interface NotebookPrelude {
  cell: CheckedCell;
  /** The code that runs: the whole cell, or only the import statements the chapter needs from it. */
  code: string;
  importsOnly: boolean;
  /** The names the chapter (or a later prelude cell) takes from it. */
  provides: string[];
}

export interface JupyterPlan {
  prelude: NotebookPrelude[];
  modes: Map<string, JupyterMode>;
}

/**
 * The import statements of `code`, at top level and on one line, that bind one of `names`; null when
 * some name is not bound by such a line (then the whole cell is needed).
 */
function importLines(code: string, names: string[]): string | null {
  const wanted = new Set(names);
  const kept: string[] = [];
  for (const line of code.split('\n')) {
    const m = /^(?:from\s+[\w.]+\s+)?import\s+([^#()\\]+?)\s*(?:#.*)?$/.exec(line);
    if (!m) continue;
    const bound = m[1]!.split(',').map((part) => {
      const [name, alias] = part.trim().split(/\s+as\s+/);
      return (alias ?? name!.split('.')[0]!).trim();
    });
    if (bound.some((b) => wanted.has(b))) {
      kept.push(line.replace(/\s*#.*$/, ''));
      for (const b of bound) wanted.delete(b);
    }
  }
  return wanted.size === 0 ? kept.join('\n') + '\n' : null;
}

/**
 * The chapter's plan: for each of its cells whether it runs (and may raise) or is shown as code
 * only, and the earlier cells the notebook repeats first. Cells that cannot run in Jupyter are
 * taken out of the document before the prelude walk, so it never picks one; a cell that needs a
 * name the build had but the notebook does not define is shown as code only, and the walk is done
 * again until nothing changes.
 */
export function jupyterPlan(documentCells: CheckedCell[], chapter: string): JupyterPlan {
  const own = new Map(documentCells.map((c) => [c.cell.id, ownStatic(c)]));
  const modes = new Map<string, JupyterMode>();
  // Names some cell before index i defined at build time (whatever became of it).
  const builtBefore: Set<string>[] = [];
  const seen = new Set<string>();
  for (const c of documentCells) {
    builtBefore.push(new Set(seen));
    for (const n of c.run?.defines ?? []) seen.add(n);
  }
  // Document order first: an earlier chapter's cell that cannot run must not reach the prelude,
  // and neither may one that needs such a cell.
  const dropped = new Set<string>();
  {
    const available = new Set<string>();
    documentCells.forEach((c, i) => {
      const lost = needs(c).filter((n) => builtBefore[i]!.has(n) && !available.has(n));
      if (own.get(c.cell.id) || lost.length) dropped.add(c.cell.id);
      else for (const n of c.run!.defines) available.add(n);
    });
  }
  const pageCells = documentCells.filter((c) => c.cell.chapter === chapter);
  let prelude: NotebookPrelude[] = [];
  for (let round = 0; round < 10; round++) {
    // Earlier chapters: without what cannot run. This chapter: without what is shown as code only, so
    // the walk does not look for names only those cells use.
    const visible = documentCells.map((c) => {
      const id = c.cell.id;
      const hide = c.cell.chapter === chapter ? own.get(id) || modes.get(id)?.kind === 'static' : dropped.has(id);
      return hide ? { ...c, run: null } : c;
    });
    const chosen = pagePrelude(visible, chapter);
    const byId = new Map(documentCells.map((c) => [c.cell.id, c]));
    const preludeCells = chosen.map((p) => byId.get(p.id)!);
    const available = new Set(preludeCells.flatMap((c) => c.run!.defines));
    let changed = false;
    for (const c of pageCells) {
      const i = documentCells.indexOf(c);
      const why = own.get(c.cell.id);
      const lost = why ? [] : needs(c).filter((n) => builtBefore[i]!.has(n) && !available.has(n));
      const mode: JupyterMode = why ? { kind: 'static', why } : lost.length ? { kind: 'static', why: { code: 'depends', names: lost } } : { kind: 'run', raises: raises(c) };
      if (mode.kind === 'run') for (const n of c.run!.defines) available.add(n);
      if (modes.get(c.cell.id)?.kind !== mode.kind) changed = true;
      modes.set(c.cell.id, mode);
    }
    // What each prelude cell gives: names wanted by the page's running cells and later prelude cells.
    const wanted = new Set(pageCells.filter((c) => modes.get(c.cell.id)?.kind === 'run').flatMap(needs));
    prelude = [];
    for (let k = preludeCells.length - 1; k >= 0; k--) {
      const c = preludeCells[k]!;
      const provides = c.run!.defines.filter((n) => wanted.has(n)).sort();
      const code = jupyterCode(c.cell.runCode).code;
      const imports = provides.length && provides.every((n) => c.run!.imports.includes(n)) ? importLines(c.cell.runCode, provides) : null;
      if (provides.length === 0) continue;
      if (!imports) for (const n of needs(c)) wanted.add(n);
      prelude.unshift({ cell: c, code: imports ?? code, importsOnly: imports !== null, provides });
    }
    if (!changed) break;
  }
  return { prelude, modes };
}
