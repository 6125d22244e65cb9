// Fragments of a program a page shows (`data = await some_call()`, `async with session.get(url) as r:
// ...`), read against the whole page: one rule for every block of the page, so that none is skipped
// while another like it runs into a NameError. A block is a fragment when it starts no program of its
// own; the page's names are those any of its blocks binds at module level. A fragment that stops at a
// name the page never binds shows code rather than runs it (the check's `fragment` rule); one whose
// names the page binds runs like any other block, and its failures are its own.
import { importedNames, possibleUses } from './names.ts';

/** The line without strings and comments. */
function bare(line: string): string {
  return line.replace(/[rbuf]{0,2}("""|''').*?\1|[rbuf]{0,2}"(?:[^"\\]|\\.)*"|[rbuf]{0,2}'(?:[^'\\]|\\.)*'/gi, '""').replace(/#.*$/, '');
}

/** Names a block binds at module level: imports, functions, classes, assignments, loop and `with` targets. */
export function boundNames(code: string): Set<string> {
  const names = importedNames(code);
  for (const raw of code.split('\n')) {
    const line = bare(raw);
    if (/^\s/.test(line)) continue; // inside a function or a block: a local, or not module level
    const def = /^(?:async\s+)?def\s+(\w+)|^class\s+(\w+)/.exec(line);
    if (def) names.add(def[1] ?? def[2]!);
    const assign = /^([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s*(?::[^=]+)?=(?!=)/.exec(line);
    if (assign) for (const n of assign[1]!.split(',')) names.add(n.trim());
    const loop = /^(?:async\s+)?for\s+(.+?)\s+in\b/.exec(line);
    if (loop) for (const n of loop[1]!.replace(/[()]/g, '').split(',')) names.add(n.trim());
    for (const m of line.matchAll(/\bas\s+([A-Za-z_]\w*)/g)) names.add(m[1]!);
  }
  return names;
}

/**
 * The block starts a program of its own: `asyncio.run(...)`, `run_until_complete`, `run_forever`, an
 * `if __name__ == "__main__":` guard, or a top-level call of a function it defines. A top-level
 * `await` or `print` alone does not: `result = await fetch_data()` is a line of some program.
 */
export function startsProgram(code: string): boolean {
  const lines = code.split('\n').map(bare);
  const defined = new Set<string>();
  for (const l of lines) {
    const m = /^(?:async\s+)?def\s+(\w+)|^class\s+(\w+)/.exec(l);
    if (m) defined.add(m[1] ?? m[2]!);
  }
  return lines.some((l) => {
    if (/^\s/.test(l) || !l.trim()) return false;
    if (/asyncio\.run\s*\(|run_until_complete\s*\(|run_forever\s*\(|^if\s+__name__\b/.test(l)) return true;
    const call = /^(?:\w+\s*=\s*)?(?:await\s+)?(\w+)\s*\(/.exec(l);
    return call !== null && defined.has(call[1]!);
  });
}

/**
 * For each block of a page (its run code, in order): the names it uses that no block of the page
 * binds, when it is a fragment; null when it starts a program (its NameErrors are its own failures).
 */
export function pageFragments(codes: string[]): (string[] | null)[] {
  const bound = new Set<string>();
  for (const code of codes) for (const name of boundNames(code)) bound.add(name);
  return codes.map((code) => (startsProgram(code) ? null : possibleUses(code).filter((n) => !bound.has(n))));
}
