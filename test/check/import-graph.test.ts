// The checker's imports run one way: no module of src/check or src/i18n reaches itself again through
// its imports (type-only imports count: they tie the modules' meanings together just the same).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(import.meta.dirname, '..', '..', 'src');
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/gm;

function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? modules(full) : name.endsWith('.ts') ? [full] : [];
  });
}

function graph(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of modules(SRC)) {
    const text = readFileSync(file, 'utf8');
    edges.set(relative(SRC, file), [...text.matchAll(IMPORT)].map((m) => relative(SRC, resolve(dirname(file), m[1]!))));
  }
  return edges;
}

/** Every cycle through modules under `prefixes`, each as the path that closes it. */
export function cycles(edges: Map<string, string[]>, prefixes: string[]): string[][] {
  const inScope = (m: string) => prefixes.some((p) => m.startsWith(p));
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (m: string) => {
    state.set(m, 'open');
    stack.push(m);
    for (const next of (edges.get(m) ?? []).filter(inScope)) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(m, 'done');
  };
  for (const m of [...edges.keys()].filter(inScope).sort()) if (!state.has(m)) visit(m);
  return found;
}

describe('the checker\'s import graph', () => {
  it('finds a cycle when there is one', () => {
    const edges = new Map([['check/a.ts', ['check/b.ts']], ['check/b.ts', ['i18n/c.ts']], ['i18n/c.ts', ['check/a.ts']]]);
    expect(cycles(edges, ['check/', 'i18n/'])).toEqual([['check/a.ts', 'check/b.ts', 'i18n/c.ts', 'check/a.ts']]);
  });

  it('has none in src/check and src/i18n', () => {
    expect(cycles(graph(), ['check/', 'i18n/'])).toEqual([]);
  });
});
