// Names a cell may use, read from its text without running it. An over-approximation on purpose
// (every identifier that is not an attribute, minus what the cell imports itself): it may find a
// dependency that is not there, never miss one. The kernel's exact analysis replaces it after a run.

const KEYWORDS = new Set(('False None True and as assert async await break class continue def del elif else except ' +
  'finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case type').split(' '));

export function importedNames(code: string): Set<string> {
  const names = new Set<string>();
  for (const m of code.matchAll(/^\s*import\s+(.+)$/gm)) {
    for (const part of m[1]!.split(',')) {
      const [module, alias] = part.trim().split(/\s+as\s+/);
      names.add((alias ?? module!.split('.')[0]!).trim());
    }
  }
  for (const m of code.matchAll(/^\s*from\s+\S+\s+import\s+\(?([^)#\n]+)\)?/gm)) {
    for (const part of m[1]!.split(',')) {
      const [name, alias] = part.trim().split(/\s+as\s+/);
      if (name) names.add((alias ?? name).trim());
    }
  }
  return names;
}

export function possibleUses(code: string): string[] {
  const own = importedNames(code);
  const found = new Set<string>();
  for (const m of code.matchAll(/(?<![.\w])[A-Za-z_]\w*/g)) {
    if (!KEYWORDS.has(m[0]) && !own.has(m[0])) found.add(m[0]);
  }
  return [...found].sort();
}
