// Fixture files for the simulated I/O world: the project's shared ones, then a document's own.
// Each is validated against `fixtureFileSchema` (src/schema/fixtures.ts) before any interpreter
// starts. A fixture that is missing, outside the content directory, not valid YAML or not of that
// form is a problem at the line that names it (or at its own line); the document is still checked
// without it, and no other document is affected.
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fixtureFileSchema } from '../schema/fixtures.ts';
import { validateText, type FileProblem } from '../schema/validate.ts';

export const SHARED_FIXTURES_DIR = 'content/fixtures';

export type FixtureProblem = FileProblem;

export interface LoadedFixtures {
  fixtures: Record<string, unknown>[];
  problems: FixtureProblem[];
}

const shown = (file: string) => relative(process.cwd(), file) || file;

function load(file: string, problems: FixtureProblem[]): Record<string, unknown> | null {
  // An empty file declares nothing, as an empty mapping would.
  const checked = validateText(readFileSync(file, 'utf8'), shown(file), fixtureFileSchema.nullable());
  if (!checked.ok) {
    problems.push(...checked.problems);
    return null;
  }
  // The value as written, not the schema's output: its key order is part of the cache key and of
  // the pages' fixture files. `name` is how the usage log and the kernel's own errors name the file.
  return { ...(checked.parsed.value as Record<string, unknown> | null), name: shown(file) };
}

export function sharedFixtures(dir = SHARED_FIXTURES_DIR): Record<string, unknown>[] {
  return loadShared(dir).fixtures;
}

export function loadShared(dir = SHARED_FIXTURES_DIR): LoadedFixtures {
  const problems: FixtureProblem[] = [];
  if (!existsSync(dir)) return { fixtures: [], problems };
  const fixtures = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort()
    .map((f) => load(join(dir, f), problems)).filter((f): f is Record<string, unknown> => f !== null);
  return { fixtures, problems };
}

/** Is `file` inside `root`, after following links? */
function inside(root: string, file: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  const r = real(root);
  const f = real(file);
  return f === r || f.startsWith(r + sep);
}

/**
 * A document's own fixtures (`<doc>.fixtures.yaml`) and the ones its settings name. Named ones are
 * relative to the document and must stay inside `root` (the content directory).
 */
export function loadDocumentFixtures(
  markdownFile: string,
  named: { name: string; settingsFile: string; line: number }[] = [],
  root = join(markdownFile, '..', '..'),
): LoadedFixtures {
  const problems: FixtureProblem[] = [];
  const own = markdownFile.replace(/\.(md|markdown|mdx)$/i, '.fixtures.yaml');
  const dir = join(markdownFile, '..');
  const fixtures: Record<string, unknown>[] = [];
  if (existsSync(own)) {
    const loaded = load(own, problems);
    if (loaded) fixtures.push(loaded);
  }
  for (const { name, settingsFile, line } of named) {
    const file = resolve(dir, name);
    const at = { file: shown(settingsFile), line };
    if (isAbsolute(name) || !inside(root, file)) {
      problems.push({ ...at, message: `fixture ${JSON.stringify(name)} is outside the content directory (${shown(root)}): fixtures must live beside the documents` });
    } else if (!existsSync(file)) {
      problems.push({ ...at, message: `fixture ${JSON.stringify(name)} does not exist (looked for ${shown(file)})` });
    } else {
      const loaded = load(file, problems);
      if (loaded) fixtures.push(loaded);
    }
  }
  return { fixtures, problems };
}

/** Kept for callers that only want the fixtures (tests, the snippet runner). */
export function documentFixtures(markdownFile: string, extra: string[] = []): Record<string, unknown>[] {
  return loadDocumentFixtures(markdownFile, extra.map((name) => ({ name, settingsFile: markdownFile, line: 1 }))).fixtures;
}
